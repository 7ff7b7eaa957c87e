/**
 * The retrieval library's one door: everything above retrieval (bot, live corpus, subscriptions,
 * server, command-line tools) imports from here, never from the folders behind it.
 *
 * Inside, four parts, each importing only those before it:
 * - `question/`: reading a question (words, synonyms, dates, the dictionary);
 * - `index/`: passages, the word index and postings, the index file and where it is kept;
 * - `answers/`: what kind of answer a question asks for, the answering sentence, the short answer;
 * - `ranking/`: scoring, ranking and the result shape.
 * `weights.ts` is the one home of every tunable number, shared by all four.
 */
export { type LibraryStats, NewsLibrary } from './library.ts';
export {
  buildIndex,
  corpusFingerprint,
  extendDictionary,
  fingerprintOf,
  type OpenedIndex,
  type OpenOptions,
  openIndex,
  saveIndex,
  saveIndexInSlices,
} from './index/index-store.ts';
export { collectGarbage, SearchIndex } from './index/search-index.ts';
export { IndexFileError, openIndexFile } from './index/index-file.ts';
export {
  type PreparedSearch,
  type SearchOptions,
  candidateResults,
  decideResults,
  prepareSearch,
  // The search computed every time: for timing a search itself (the bench), not for answering.
  search as searchAfresh,
} from './ranking/rank.ts';
// What everything above retrieval calls: a question asked again of the same archive is looked up.
export { search } from './ranking/kept-results.ts';
export {
  type Confidence,
  DECISION_FEATURES,
  FEATURE_DIRECTION,
  type DecisionEvidence,
  decide,
  decisionFeatures,
  probability,
  topical,
} from './ranking/decision.ts';
export { isProperName, parseQuery, type ParsedQuery } from './question/query.ts';
export { dateSpan, isIsoDay, type TimeWindow, timeWindow, withinWindow } from './question/time-words.ts';
export type { SearchResult } from './ranking/result.ts';
export type { BoundAnswer } from './answers/direct-answer.ts';
export {
  differentAnswers,
  SHORT_ANSWER_DIRECTION,
  SHORT_ANSWER_FEATURES,
  type ShortAnswerContext,
  shortAnswerFeatures,
  shortAnswerProbability,
} from './answers/direct-confidence.ts';
export {
  type DecisionModel,
  type LogisticModel,
  RANKING,
  type RankingWeights,
  type ShortAnswerCoefficients,
} from './weights.ts';
