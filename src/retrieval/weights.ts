/**
 * Every weight and limit of the ranking, in one typed object (as MiniSearch's `BM25Params`).
 *
 * A passage's score for a question (score.ts holds the parts, rank.ts adds them up):
 *
 *   score = Σ_c  w_c · idf_c · tf̃_c / (k1 + tf̃_c)   /  Σ_c w_c · idf_c          (BM25F, 0..1)
 *         + proximity · (share of the question's mass held in one sentence)
 *         + answerType · (how well that sentence holds the kind of answer asked for)
 *         + jiebaWords · (MiniSearch's BM25 over jieba words, scaled to 0..1)
 *         + date bonuses (the day, month or year named) + recent · recency (questions of the present)
 *
 * where c runs over the question's concepts (jieba words, each with its synonyms), w_c is 1 for a
 * noun or name, `lightWord` for a verb or adverb and `singleChar` for a lone character, idf_c =
 * ln(1 + (N − df + 0.5)/(df + 0.5)) over passages, and the pseudo term frequency sums the fields
 * of the passage's article:
 *
 *   tf̃_c = Σ_f  field_f · tf_{c,f} / (1 − b + b · len_f / avglen_f)
 *
 * A term is found through Han bigram postings (whatever segmentation made of it); an occurrence
 * that jieba reads across two other words counts `acrossWords`, a synonym `synonym`.
 *
 * Confidence is decided apart from the score, by a fitted logistic regression (ranking/decision.ts)
 * over evidence that holds for any question: the share of the question's information the passage
 * covers, whether an unmatched word exists elsewhere in the archive (the article does not say it)
 * or nowhere (wording the archive does not use), whether a name of the question matched or its
 * article lacks one, whether the kind of answer asked for (a number, a date, a place, a person)
 * stands near the question's terms, whether the date named is the article's, and the margin over
 * the next article. Its coefficients and thresholds are `decision` below, written by
 * `npm run calibrate`.
 */
/**
 * One coefficient per feature of the decision (ranking/decision.ts computes them, each on 0..1):
 * what the feature at its fullest adds to the log-odds.
 */
export interface DecisionCoefficients {
  /** Share of the question's information covered. */
  cover: number;
  /** The share left uncovered, on a log scale (the last missing word weighs as much as the first). */
  uncoveredLog: number;
  /** Cover, when nothing asked is missing (kind of answer, date, rare names); else 0. */
  cleanCover: number;
  /** idf mass matched, over the archive's largest idf (capped at 3, scaled to 0..1). */
  matchedMass: number;
  /** idf mass of words the archive holds elsewhere but the passage lacks (likewise). */
  missingMass: number;
  /** Share of the question's mass in words found nowhere in the archive. */
  absentShare: number;
  /** A rare name of the question is matched. */
  rareMatched: number;
  /** A rare name of the question is missing from the whole article. */
  nameMissing: number;
  /** A number, date, place or person is asked for and no sentence holds one near the question's terms. */
  typeMissing: number;
  /** How well the best sentence holds the kind of answer asked for. */
  typeScore: number;
  /** Share of the question's mass held in the best sentence. */
  sentenceCover: number;
  /** A date is named; the article is of another and the passage does not name it. */
  dateMissed: number;
  /** Content words matched (3 or more count 1). */
  contentWords: number;
  /** The word the question asks about (beside its question word) is not matched. */
  focusMissing: number;
  /** A short answer bound to the question (answers/direct-*) stands in what the result shows. */
  shortAnswer: number;
  /** The question asks for a short answer (a figure, a name, a date) and none is bound to it in the result. */
  shortAnswerMissing: number;
  /** A candidate of the kind asked bound to the question, though no short answer was shown. */
  candidateBound: number;
  /**
   * A name is asked for (a person, a place, an organisation) and none is bound to it in the result:
   * a name stands out when it is there, so its absence says more than a figure's.
   */
  nameAnswerMissing: number;
  /** The lead over (or gap to) the best other article's score, −1..1. */
  margin: number;
}

/** A fitted logistic model: p = σ(intercept + Σ coefficient · feature) (features: ranking/decision.ts). */
export interface LogisticModel<C = DecisionCoefficients> {
  intercept: number;
  coefficients: C;
  /** p at or above which the model says yes. */
  threshold: number;
}

/**
 * One coefficient per feature of the short-answer model (answers/direct-confidence.ts computes
 * them, each on 0..1): whether the short answer 「答：…」 the result carries is right.
 */
export interface ShortAnswerCoefficients {
  /** The winning candidate's score (the question's words around it and its own evidence), over 5. */
  score: number;
  /** Its lead over the best different candidate, over 3 (1 when it has none). */
  lead: number;
  /** It stands in the answer sentence (not only in its paragraph or the passage). */
  answerSentence: number;
  /** A word of the question stands right beside it in its clause. */
  beside: number;
  /** Share of the question's word weight its clause holds. */
  clauseShare: number;
  /** Its own evidence is full: the measure word, title or phrase asked. */
  kindFull: number;
  /** Its own evidence is partial: a measure word of the family asked, a title in the clause. */
  kindFamily: number;
  /** Several names listed together, given as one answer. */
  list: number;
  /** The only name of its kind in the passage, with little of the question around it. */
  onlyOne: number;
  /** Other candidates tied to the question (4 or more count 1). */
  rivals: number;
  /** A figure is asked for. */
  quantity: number;
  /** A date is asked for. */
  date: number;
  /** How far the decision's probability that the passage answers stands above its answer threshold (0..1). */
  decision: number;
  /** Another passage offered as the answer gives a different short answer. */
  disputed: number;
  /** Chosen as the clear leader of its sentence or paragraph, the question's words tying it only in part. */
  clear: number;
}

/**
 * The fitted decision: a passage is offered as the answer when `answer` (it holds the answer)
 * says so, shown as possibly related when `topic` (its article is the one asked about) does, else
 * not shown.
 */
export interface DecisionModel {
  answer: LogisticModel;
  topic: LogisticModel;
  /**
   * A related result under an answer is shown only when its answer p is at least this share of the
   * answer's: far below it, it is another story that merely shares words (a council's passage
   * under a GDP answer). Set by hand, not fitted: it changes no figure, only what follows an answer.
   */
  keepUnderAnswer: number;
  /**
   * A result shown as related says that it may hold the answer (the bot's 「这些报道可能有答案」
   * rather than 「没有找到确切答案」) when its answer p is at least this: an even chance by the
   * decision's own estimate. Set by hand, not fitted: it changes no figure, only the header's words.
   */
  mayAnswer: number;
  /**
   * Set by hand, not fitted (decision.ts's `topical`): a passage is shown at all only when it
   * matches this many of the question's content words (all of them when it has fewer), one of its
   * rare names, or this share of it.
   */
  topicGate: { contentWords: number; cover: number };
}

export interface RankingWeights {
  /** BM25 saturation and length normalization, as in Okapi BM25. */
  bm25: { k1: number; b: number };
  /** BM25F field weights: the article's headline, its subtitle, a body passage, a photo caption. */
  fields: { headline: number; subtitle: number; body: number; caption: number };
  /** Credit of a match, against 1 for the user's own word in the text. */
  match: {
    /** A word of the question's synonym group instead of the user's word. */
    synonym: number;
    /** A two-character word whose characters stand only inside two other words (市长 in 城市长效). */
    acrossWords: number;
    /** At most this for a word of three or more characters whose bigrams mostly stand in the text. */
    partial: number;
    /**
     * Coverage (confidence) only: a word the passage lacks but its article's headline or subtitle
     * holds, or its lead (news puts who, when and where in the lead; the figure comes later).
     */
    inTitle: number;
    inLead: number;
  };
  /**
   * Concept weights before idf (1 for a noun or a name): a lone character means little on its own;
   * a verb, adjective or adverb is what a reporter most often words differently.
   */
  concept: { singleChar: number; lightWord: number };
  /** Weights of the score's parts after BM25F (all on the 0..1 scale of BM25F). */
  score: {
    /** BM25 over jieba words (MiniSearch) for the question's rarer words, scaled to 0..1. */
    jiebaWords: number;
    /** The question's concept mass held together in one sentence (proximity). */
    proximity: number;
    /** The best sentence holds the kind of answer asked for (a number with its unit, a date, a place, a person). */
    answerType: number;
    /** The article is of the day / month or year the question names; the passage names the day. */
    dateDay: number;
    dateMonthOrYear: number;
    dateInText: number;
    /** A question of the present (今年, 目前): this much for an article of the archive's newest year, less for older. */
    recent: number;
    /** How much more the asked-about concept counts when choosing the answer sentence. */
    focusInSentence: number;
    /** What holding the kind of answer asked for adds when choosing the answer sentence. */
    answerTypeInSentence: number;
    /** Scores this close are a tie between copies of one story, which the newer copy wins. */
    copyTie: number;
  };
  /** The evidence the decision reads: how a match, a name and an answer sentence are judged. */
  confidence: {
    /**
     * An unmatched word that occurs nowhere in the archive is wording the archive does not use
     * (a paraphrase, a colloquialism): it counts this share of its mass, not all of it.
     */
    absentWord: number;
    /** The same for a noun or a name: it names a thing the archive may not know of at all. */
    absentNoun: number;
    /**
     * A question asking for a number, date, place or person is answered only by a passage with a
     * sentence holding that kind of answer near at least this share of the question's information.
     */
    typeSentence: number;
    /**
     * A proper name of the question (by jieba's tags or the archive's own dictionary) at least this
     * rare (its idf over the archive's largest idf) shows the question's topic when it matches.
     */
    rareName: number;
    /**
     * A proper name of the question this rare (a handful of passages: it identifies one story) that
     * the archive holds but the passage's article never mentions: the article speaks of another
     * street, company or person of the same kind, and is at most "related".
     */
    missingName: number;
  };
  /** When a passage is offered as the answer, as possibly related, or not at all (fitted). */
  decision: DecisionModel;
  /** When a result offered as the answer carries its short answer 「答：…」 (fitted). */
  shortAnswer: LogisticModel<ShortAnswerCoefficients>;
  /** Work per question: what bounds the cost of a long or hostile question. */
  limits: {
    /** Characters of the question read at all. */
    questionChars: number;
    /** Concepts kept (the rarest, in the question's order). */
    concepts: number;
    /** Postings walked in the cheap first pass, over all concepts (rarer concepts first). */
    postings: number;
    /** Concepts in more than this share of passages do not open candidates (they still score). */
    candidateDfShare: number;
    /** Concepts in at most this share of passages are looked up in the word index as well. */
    wordShare: number;
    /** At most this many of them (the rarest). */
    wordLookups: number;
    /** Passages scoring below this share of the best in the cheap first pass are dropped at once. */
    firstPassFloor: number;
    /** Passages scored in full (sentences, proximity) after the cheap first pass. */
    secondPass: number;
    /** The best-scoring passages whose short answer is sought for the decision (it is not cheap). */
    shortAnswers: number;
  };
}

/**
 * Written by `npm run calibrate -- --write` (eval/calibrate.ts); a test checks that calibrate
 * reproduces it. Fitted on dev, fresh-a, fresh-b and eval/own/questions.jsonl (never on a
 * held-out set): L2-regularised logistic regression (Newton's method, fixed iterations
 * and λ) over each question's leading passage, labelled for `answer` right when its article is the
 * right one and its passage holds the answer, for `topic` right when its article is.
 *
 * The thresholds minimise a stated cost over the fitted questions' first results:
 * - a near miss or a wrong article offered as the answer costs 3, a right first result shown only
 *   as related costs 1 (3:1: a wrong answer misleads, a right one shown as related costs a read);
 * - the right article not shown at all costs 2; a wrong article shown first as related costs 0.02
 *   (noise, not a claim), nothing for a near miss, whose topic the archive does hold.
 * Read the coefficients together: cleanCover is 0 whenever a rare name is missing, so nameMissing's
 * own coefficient only corrects that (its net effect is negative for any cover above one half).
 */
// calibrate:begin
const DECISION: DecisionModel = {
  answer: {
    intercept: -1.403,
    coefficients: {
      cover: 0.365,
      uncoveredLog: 0.788,
      cleanCover: 0.665,
      matchedMass: 0.27,
      missingMass: -0.141,
      absentShare: -0.514,
      rareMatched: 0,
      nameMissing: 0,
      typeMissing: -0.348,
      typeScore: 0,
      sentenceCover: 0,
      dateMissed: -1.048,
      contentWords: 0,
      focusMissing: -0.851,
      shortAnswer: 1.85,
      shortAnswerMissing: -1.179,
      candidateBound: 1.85,
      nameAnswerMissing: -1.39,
      margin: 2.942,
    },
    threshold: 0.64,
  },
  topic: {
    intercept: -1.206,
    coefficients: {
      cover: 0.236,
      uncoveredLog: 0.905,
      cleanCover: 0.56,
      matchedMass: 0.233,
      missingMass: -0.1,
      absentShare: -0.677,
      rareMatched: 0,
      nameMissing: 0,
      typeMissing: -0.31,
      typeScore: 0,
      sentenceCover: 0,
      dateMissed: -1.162,
      contentWords: 0,
      focusMissing: -0.895,
      shortAnswer: 1.806,
      shortAnswerMissing: -0.976,
      candidateBound: 1.604,
      nameAnswerMissing: -1.604,
      margin: 2.951,
    },
    threshold: 0,
  },
  keepUnderAnswer: 0.2,
  mayAnswer: 0.5,
  topicGate: { contentWords: 2, cover: 0.7 },
};
// calibrate:end

/**
 * Written by `npm run calibrate -- --write` as well, on the same questions and folds: whether the
 * short answer of the first result, when it is offered as the answer, matches the right answer
 * (as eval/tools/score-retrieval.mjs counts Direct), by L2-regularised logistic regression over
 * answers/direct-confidence.ts's features, fitted on every passage whose short answer was sought
 * and can be judged (a near miss's is wrong). Read the coefficients together: `score` already holds
 * what `beside` and the kind add to it (0.1 and up to 0.2 of its scale), so their own coefficients
 * are corrections to that, not their whole effect. Below the threshold the result is still offered, without
 * its short answer. The threshold minimises a stated cost over the fitted questions: a wrong short
 * answer costs 3, a right one withheld costs 1 (3:1, as the decision's: a reader takes 「答：」 as
 * the paper's word and reads no further, while a withheld one costs only the read of the passage
 * shown under it).
 */
// calibrate:short-answer:begin
const SHORT_ANSWER: LogisticModel<ShortAnswerCoefficients> = {
  intercept: -1.98,
  coefficients: {
    score: 0.828,
    lead: 0.108,
    answerSentence: 0.583,
    beside: 0,
    clauseShare: 0.433,
    kindFull: 0.656,
    kindFamily: 0,
    list: 0.309,
    onlyOne: 0.025,
    rivals: 0,
    quantity: 0.753,
    date: 1.149,
    decision: 3.965,
    disputed: -3.278,
    clear: -0.041,
  },
  threshold: 0.54,
};
// calibrate:short-answer:end

export const RANKING: RankingWeights = {
  bm25: { k1: 1.2, b: 0.5 },
  fields: { headline: 2, subtitle: 1.5, body: 1, caption: 1 },
  match: { synonym: 0.7, acrossWords: 0.1, partial: 0.5, inTitle: 0.9, inLead: 0.8 },
  concept: { singleChar: 0.35, lightWord: 0.5 },
  score: {
    jiebaWords: 0.1,
    proximity: 0.35,
    answerType: 0.15,
    dateDay: 0.5,
    dateMonthOrYear: 0.2,
    dateInText: 0.1,
    recent: 0.3,
    focusInSentence: 2.5,
    answerTypeInSentence: 0.4,
    copyTie: 0.03,
  },
  confidence: {
    absentWord: 0.5,
    absentNoun: 0.7,
    typeSentence: 0.2,
    rareName: 0.5,
    missingName: 0.8,
  },
  decision: DECISION,
  shortAnswer: SHORT_ANSWER,
  limits: {
    questionChars: 300,
    concepts: 12,
    postings: 100_000,
    candidateDfShare: 0.25,
    wordShare: 0.02,
    wordLookups: 4,
    firstPassFloor: 0.3,
    secondPass: 120,
    shortAnswers: 6,
  },
};
