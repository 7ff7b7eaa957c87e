/**
 * Whether a passage is offered as the answer, shown as possibly related, or not shown: two
 * logistic regressions over the same general evidence (never over particular words), fitted by
 * `npm run calibrate` (eval/calibrate.ts) on questions whose right article and answer are known.
 *
 *   p = σ(intercept + Σ_i coefficient_i · feature_i)      σ(x) = 1 / (1 + e^−x)
 *
 * decision.answer's p estimates the chance that the passage's article is the right one and the
 * passage holds the answer; decision.topic's, that the article is the one asked about. "answer"
 * when the first reaches its threshold, "related" when the second does, else nothing. The
 * thresholds are chosen by calibrate for a stated cost (weights.ts says which).
 *
 * Every feature is on a 0..1 scale (a few are 0/1 flags), so that a coefficient reads as what
 * the feature at its fullest adds to the log-odds.
 */
import { type DecisionCoefficients, type LogisticModel, RANKING, type RankingWeights } from '../weights.ts';

/** What the decision looks at, for one passage and one question (rank.ts gathers it). */
export interface DecisionEvidence {
  /** Share of the question's information (idf mass) covered, words the archive never uses discounted. */
  cover: number;
  /** idf mass of the question matched by the passage (with its headline and lead), over the archive's largest idf. */
  matchedMass: number;
  /** idf mass of the question's words that the archive holds elsewhere but this passage lacks, over the largest idf. */
  missingMass: number;
  /** Share of the question's mass in words found nowhere in the archive (wording it does not use). */
  absentShare: number;
  /** A rare proper name of the question (a person, place, company, programme) is matched. */
  rareMatched: boolean;
  /** A rare proper name of the question that the archive holds is missing from the passage's whole article. */
  nameMissing: boolean;
  /** The question asks for a number, a date, a place or a person. */
  asks: boolean;
  /** It asks, and some sentence holds that kind of answer near a good share of the question's terms. */
  typeFound: boolean;
  /** How well the best sentence holds the kind of answer asked for (0..1; 0 when none is asked). */
  typeScore: number;
  /** Share of the question's mass held in the passage's best sentence (proximity). */
  sentenceCover: number;
  /** The question names a date. */
  dateNamed: boolean;
  /** It names one, and the article is of that date or the passage names it. */
  dateMatched: boolean;
  /** Content words (nouns, names, whole phrases) of the question matched. */
  contentMatched: number;
  /** Content words the question has (undefined: not counted, taken as enough for the gate). */
  contentAsked?: number;
  /** The word the question asks about (the one beside its question word) is not matched. */
  focusMissing: boolean;
  /**
   * A short answer bound to what is asked (answers/direct-*: the kind, the counted noun, the day,
   * the currency, the title) stands in what the result shows; sought for the best-scoring passages only.
   */
  shortAnswer: boolean;
  /** The question asks for a short answer and it was sought in this passage, in vain. */
  shortAnswerMissing: boolean;
  /**
   * It was sought in vain, yet a candidate of the kind asked stands bound to the question in the
   * passage (answers' candidateBound: withheld for a near tie or a thin tie to the question's words).
   */
  candidateBound?: boolean;
  /** The question asks for a name (a person, a place, an organisation: answers/direct-*'s kind of answer). */
  nameAsked: boolean;
  /** The passage's score minus the best score of any other story's passage (negative: another article leads). */
  margin: number;
}

/**
 * Which way each feature may move the odds of an answer: +1 only up, −1 only down. The fit keeps
 * every coefficient on its side (a feature that would cross is left out, weight 0), so the model
 * reads as the evidence does — a rare name missing never makes an answer likelier — and does not
 * learn a sign from features that go together on the fitting sets, which new issues need not repeat.
 * (uncoveredLog grows with cover: ln 1/(share uncovered), the last missing word weighing most.)
 */
export const FEATURE_DIRECTION: Readonly<Record<DecisionFeature, 1 | -1>> = {
  cover: 1,
  uncoveredLog: 1,
  cleanCover: 1,
  matchedMass: 1,
  missingMass: -1,
  absentShare: -1,
  rareMatched: 1,
  nameMissing: -1,
  typeMissing: -1,
  typeScore: 1,
  sentenceCover: 1,
  dateMissed: -1,
  contentWords: 1,
  focusMissing: -1,
  shortAnswer: 1,
  shortAnswerMissing: -1,
  candidateBound: 1,
  nameAnswerMissing: -1,
  margin: 1,
};

/** The features in the model's order; `decisionFeatures` gives their values. */
export const DECISION_FEATURES: readonly (keyof DecisionCoefficients)[] = [
  'cover',
  'uncoveredLog',
  'cleanCover',
  'matchedMass',
  'missingMass',
  'absentShare',
  'rareMatched',
  'nameMissing',
  'typeMissing',
  'typeScore',
  'sentenceCover',
  'dateMissed',
  'contentWords',
  'focusMissing',
  'shortAnswer',
  'shortAnswerMissing',
  'candidateBound',
  'nameAnswerMissing',
  'margin',
];

export type DecisionFeature = keyof DecisionCoefficients;

const flag = (b: boolean) => (b ? 1 : 0);
const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The features as numbers on 0..1 (margin on −1..1), in DECISION_FEATURES' order:
 * - cover; uncoveredLog: the share left uncovered on a log scale, ln(1 / (1 − cover + 0.02)) / ln 50,
 *   so that the last missing word weighs as much as the first; cleanCover: cover when nothing the
 *   question asks is missing (its kind of answer, its date, its rare names), else 0;
 * - matchedMass (capped at 3 of the largest idf, scaled to 0..1), missingMass (likewise),
 *   absentShare: how much of the question the passage speaks to, and how much it does not say;
 * - rareMatched, nameMissing: the question's own names found, or another thing of that kind spoken of;
 * - typeMissing: a number, date, place or person is asked for and no sentence holds one near the
 *   question's terms; typeScore: how well the best sentence holds it;
 * - sentenceCover: the question held together in one sentence;
 * - dateMissed: a date is named and the article is of another and does not name it;
 * - contentWords: content words matched, 3 or more counting 1; focusMissing: the word the question
 *   asks about (beside its question word: 多少名志愿者 -> 志愿者) is not matched;
 * - shortAnswer: a short answer bound to the question stands in what the result shows (the strict
 *   binding rules refuse most figures of another attribute: a near miss seldom has one);
 *   shortAnswerMissing: one is asked for (a figure, a name, a date) and was sought there in vain
 *   (a question asking for none, 「……是什么手艺」 or key words, is neither); nameAnswerMissing: the
 *   same for a name asked for (a person, a place, an organisation), which the reader finds wherever
 *   one stands: a near miss lacks it far more often than a right article does, unlike a figure;
 *   candidateBound: none was shown, but a candidate of the kind asked stands bound to the question
 *   (a near tie between two, a thin tie to the question's words: evidence the passage answers);
 * - margin: the lead over (or gap to) the best other article, clipped to −1..1.
 */
export function decisionFeatures(e: DecisionEvidence): number[] {
  const cover = clip(e.cover, 0, 1);
  const clean = !(e.asks && !e.typeFound) && !(e.dateNamed && !e.dateMatched) && !e.nameMissing;
  const values: Record<DecisionFeature, number> = {
    cover,
    uncoveredLog: Math.log(1 / (1 - cover + 0.02)) / Math.log(50),
    cleanCover: clean ? cover : 0,
    matchedMass: clip(e.matchedMass, 0, 3) / 3,
    missingMass: clip(e.missingMass, 0, 3) / 3,
    absentShare: clip(e.absentShare, 0, 1),
    rareMatched: flag(e.rareMatched),
    nameMissing: flag(e.nameMissing),
    typeMissing: flag(e.asks && !e.typeFound),
    typeScore: e.asks ? clip(e.typeScore, 0, 1) : 0,
    sentenceCover: clip(e.sentenceCover, 0, 1),
    dateMissed: flag(e.dateNamed && !e.dateMatched),
    contentWords: Math.min(3, e.contentMatched) / 3,
    focusMissing: flag(e.focusMissing),
    shortAnswer: flag(e.shortAnswer),
    shortAnswerMissing: flag(e.shortAnswerMissing),
    candidateBound: flag(e.shortAnswerMissing && e.candidateBound === true),
    nameAnswerMissing: flag(e.shortAnswerMissing && e.nameAsked),
    margin: clip(e.margin, -1, 1),
  };
  return DECISION_FEATURES.map((f) => values[f]);
}

/** A logistic model's estimate (0..1) for the features. */
export function probability(features: number[], model: LogisticModel): number {
  let x = model.intercept;
  DECISION_FEATURES.forEach((f, k) => {
    x += model.coefficients[f] * features[k]!;
  });
  return 1 / (1 + Math.exp(-x));
}

/** The estimate that the passage answers the question (0..1). */
export function answerProbability(features: number[], w: RankingWeights = RANKING): number {
  return probability(features, w.decision.answer);
}

export type Confidence = 'answer' | 'related';

/**
 * Whether the passage holds the question's topic, not one stray word of it: two of its content
 * words (its only one, when it has one: 「见习期最长多久」 asks about 见习期 alone), one of its rare
 * names, or nearly all of it. A hard condition, set by hand: the sets the
 * models are fitted on hold few questions that share one word with the archive and nothing else,
 * so a fit could not learn it, and a reader never gains from a result that shares one word.
 */
export function topical(e: DecisionEvidence, w: RankingWeights = RANKING): boolean {
  const gate = w.decision.topicGate;
  const needed = Math.max(1, Math.min(gate.contentWords, e.contentAsked ?? gate.contentWords));
  return e.contentMatched >= needed || e.rareMatched || e.cover >= gate.cover;
}

/** "answer", "related" or nothing (undefined), with the answer's probability, by the weights given. */
export function decide(e: DecisionEvidence, w: RankingWeights = RANKING): { confidence?: Confidence; p: number } {
  const features = decisionFeatures(e);
  const p = answerProbability(features, w);
  if (!topical(e, w)) return { p };
  if (p >= w.decision.answer.threshold) return { confidence: 'answer', p };
  if (probability(features, w.decision.topic) >= w.decision.topic.threshold) return { confidence: 'related', p };
  return { p };
}
