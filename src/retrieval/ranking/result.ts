/**
 * Ranked passages to what a result shows: the passage widened with its best neighbours, the
 * answer sentence and the highlighted terms.
 */
import { bestSentence, findHighlights, type Span } from '../answers/answer.ts';
import { type BoundAnswer, boundAnswer, candidateBound, type DirectAnswer } from '../answers/direct-answer.ts';
import { showsShortAnswer } from '../answers/direct-confidence.ts';
import { splitSentences } from '../index/passages.ts';
import type { ParsedQuery } from '../question/query.ts';
import type { Confidence, DecisionEvidence } from './decision.ts';
import type { SearchIndex } from '../index/search-index.ts';
import { RANKING, type RankingWeights } from '../weights.ts';
import { dictionaryVersion, segment } from '../../text/segment.ts';

/** One answer, as the CLI prints it and the bot formats it. */
export interface SearchResult {
  articleId: string;
  kind: 'article' | 'photo';
  headline: string;
  subtitle: string;
  date: string;
  source: string;
  passage: string;
  score: number;
  /** The sentence of the passage that best answers the question. */
  answer: string;
  /** Where the question's terms stand in `passage`: [start, end) pairs. */
  highlights: Span[];
  /**
   * "answer": the passage covers what the question asks; "related": the archive speaks of the
   * question's names or topic, but this passage may not hold what is asked.
   */
  confidence: Confidence;
  /** The short answer itself (「814亿元」), when the question asks for one and the passage clearly holds it. */
  direct?: DirectAnswer;
  /**
   * The article's date, when the question asks for the present office holder or the latest news
   * and the newest answering article was put first: the reply says as of when.
   */
  asOf?: string;
  /**
   * A result not offered as the answer that the decision still gives an even chance of holding the
   * answer (its p at least weights' decision.mayAnswer): it may well answer.
   */
  mayAnswer?: boolean;
}

/** A ranked passage and its scores. */
export interface Scored {
  passage: number;
  score: number;
  /** The share of the question's information the passage (with its headline) covers. */
  cover: number;
  /** What the decision reads. */
  evidence: DecisionEvidence;
  /** The decision's probability that the passage answers (decision.ts). */
  p?: number;
  /** Undefined: not decided yet, or the passage has nothing to do with the question. */
  confidence?: Confidence;
  /** The short answer found while deciding (null: sought, none found), so a result need not seek it again. */
  direct?: BoundAnswer | null;
}

/**
 * The passage a result shows: the best passage, widened with the neighbouring passages of the same
 * article that answer best (the lead that names the place, the next paragraph with the figure),
 * as long as the whole stays within MAX_RESULT_PASSAGE characters.
 */
function resultWindow(index: SearchIndex, id: number, query: ParsedQuery, idf: number[], w: RankingWeights): number[] {
  const doc = index.passages[id]!.doc;
  const window = [id];
  let length = index.passages[id]!.text.length;
  const neighbours = [id - 1, id + 1]
    .filter((k) => k >= 0 && k < index.passages.length && index.passages[k]!.doc === doc)
    .map((k) => ({ k, score: bestSentence(index.passages[k]!.text, index.passageTexts[k]!, query, idf, w).score }))
    .sort((a, b) => b.score - a.score);
  for (const { k, score } of neighbours) {
    const extra = index.passages[k]!.text.length + 1;
    if (score <= 0 || length + extra > MAX_RESULT_PASSAGE) continue;
    window.push(k);
    length += extra;
  }
  return window.sort((a, b) => a - b);
}

/** The longest passage a result shows. */
export const MAX_RESULT_PASSAGE = 600;

/** What a result for passage `id` shows: its window's text (as shown and normalized) and its best sentence. */
function windowText(index: SearchIndex, id: number, query: ParsedQuery, idf: number[], w: RankingWeights) {
  const window = resultWindow(index, id, query, idf, w);
  const passage = window.map((k) => index.passages[k]!.text).join('\n');
  const normalized = window.map((k) => index.passageTexts[k]!).join('\n');
  const sentence = bestSentence(passage, normalized, query, idf, w);
  return { passage, normalized, sentence, doc: index.docs[index.passages[id]!.doc]! };
}

type Shown = ReturnType<typeof windowText>;

/**
 * The windows a question's search has made, by passage: the short answers sought before the
 * decision and the results after it show mostly the same passages. Kept with the question's
 * analysis (collected with it), for one index state, weights and sentence idf.
 */
const shownKept = new WeakMap<
  ParsedQuery,
  { index: SearchIndex; generation: number; w: RankingWeights; idf: number[]; shown: Map<number, Shown> }
>();

const sameNumbers = (a: number[], b: number[]) => a.length === b.length && a.every((x, k) => x === b[k]);

function shownText(index: SearchIndex, id: number, query: ParsedQuery, idf: number[], w: RankingWeights): Shown {
  let kept = shownKept.get(query);
  if (
    !kept ||
    kept.index !== index ||
    kept.generation !== index.generation ||
    kept.w !== w ||
    !sameNumbers(kept.idf, idf)
  ) {
    kept = { index, generation: index.generation, w, idf: [...idf], shown: new Map() };
    shownKept.set(query, kept);
  }
  let shown = kept.shown.get(id);
  if (!shown) {
    shown = windowText(index, id, query, idf, w);
    kept.shown.set(id, shown);
  }
  return shown;
}

// A search asks for each of its passages with the same question: its words are kept for the next call.
let lastWords: { question: string; dictionary: number; words: string[] } | undefined;
function questionWords(question: string): string[] {
  if (lastWords?.question !== question || lastWords.dictionary !== dictionaryVersion())
    lastWords = { question, dictionary: dictionaryVersion(), words: segment(question).map((t) => t.text) };
  return lastWords.words;
}

/**
 * The question as the passage's sentences must answer it: a word that the article's headline holds
 * and the passage does not (西南营 of 「西南营夜市几点关门」 under 「西南营历史文化街区夜市开街」) says
 * which article, and the body need not repeat it, so it is not required of the answer's sentence.
 */
export function questionForPassage(question: string, title: string, passage: string): string {
  let out = question;
  for (const text of questionWords(question)) {
    if (text.length >= 2 && /^\p{Script=Han}+$/u.test(text) && title.includes(text) && !passage.includes(text))
      out = out.replace(text, '');
  }
  return out;
}

function directFor(
  query: ParsedQuery,
  sentence: string,
  passage: string,
  doc: { headline: string; subtitle: string; date: string },
  w: RankingWeights,
) {
  const question = questionForPassage(query.normalized, `${doc.headline} ${doc.subtitle}`, passage);
  return boundAnswer(question, sentence, passage, doc.date, w);
}

/** The short answer the result for passage `id` would carry if offered as the answer. */
export function shortAnswerOf(
  index: SearchIndex,
  id: number,
  query: ParsedQuery,
  idf: number[],
  w: RankingWeights = RANKING,
): BoundAnswer | undefined {
  const { passage, sentence, doc } = shownText(index, id, query, idf, w);
  return directFor(query, sentence.text, passage, doc, w);
}

/** Whether a candidate of the kind asked stands bound to the question in passage `id` (answers' candidateBound). */
export function candidateBoundIn(
  index: SearchIndex,
  id: number,
  query: ParsedQuery,
  idf: number[],
  w: RankingWeights = RANKING,
): boolean {
  const { passage, sentence, doc } = shownText(index, id, query, idf, w);
  const question = questionForPassage(query.normalized, `${doc.headline} ${doc.subtitle}`, passage);
  return candidateBound(question, sentence.text, passage, doc.date, w);
}

export function toResult(
  index: SearchIndex,
  s: Scored,
  query: ParsedQuery,
  idf: number[],
  w: RankingWeights = RANKING,
  /** The question asks for the latest: the result says as of when. */
  latest = false,
  /** The short answers of the other passages offered as the answer (answers/direct-confidence.ts reads them). */
  otherAnswers: readonly string[] = [],
): SearchResult {
  const { passage, normalized, sentence, doc } = shownText(index, s.passage, query, idf, w);
  // A short answer only where the passage is offered as the answer, and the short-answer model
  // (answers/direct-confidence.ts) trusts it: a wrong one is worse than none.
  const bound =
    s.confidence !== 'answer'
      ? undefined
      : s.direct !== undefined
        ? (s.direct ?? undefined)
        : directFor(query, sentence.text, passage, doc, w);
  const direct: DirectAnswer | undefined =
    bound && showsShortAnswer(bound, s.p ?? 0, otherAnswers, w) ? bound.answer : undefined;
  return {
    articleId: doc.id,
    kind: doc.kind,
    headline: doc.headline,
    subtitle: doc.subtitle,
    date: doc.date,
    source: doc.source,
    passage,
    score: Math.round(s.score * 1000) / 1000,
    answer: sentence.text,
    highlights: findHighlights(normalized, query.concepts),
    confidence: s.confidence ?? 'related',
    direct,
    ...(latest && s.confidence === 'answer' && doc.date ? { asOf: doc.date } : {}),
    // By the decision's estimate, not by one piece of its evidence: a figure of the asked kind near
    // the question's words stands as often in a near miss as in a passage that answers.
    ...(s.confidence === 'related' && (s.p ?? 0) >= w.decision.mayAnswer ? { mayAnswer: true } : {}),
  };
}

/** A doc's lead as a result with no terms to highlight (a question that is only a date). */
export function leadResult(index: SearchIndex, doc: number): SearchResult | undefined {
  const lead = index.docPassages[doc]![0];
  if (lead === undefined) return undefined;
  const d = index.docs[doc]!;
  const passage = index.passages[lead]!.text;
  return {
    articleId: d.id,
    kind: d.kind,
    headline: d.headline,
    subtitle: d.subtitle,
    date: d.date,
    source: d.source,
    passage,
    score: 1,
    answer: splitSentences(passage)[0]?.trim() ?? passage,
    highlights: [],
    confidence: 'answer',
  };
}
