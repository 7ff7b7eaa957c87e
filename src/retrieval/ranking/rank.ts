/**
 * Ranking: questions to answers. Articles are ranked first (distinct articles in the results),
 * then each article's passage that best answers is picked.
 *
 * Two passes over the archive's passages:
 * 1. from postings alone, a cheap BM25F (every term counted once) over every passage that holds a
 *    rare enough concept of the question (or is of the day it names), within a budget of postings;
 * 2. for the best of those, the full score of weights.ts: BM25F with term counts in headline,
 *    subtitle, body or caption, proximity (one sentence holding the terms), the kind of answer asked
 *    for, the date named. Each result then gets its confidence ("answer" or "related") from
 *    score.ts's decision; passages that are neither are not shown.
 */
import type { PartialDate } from '../../corpus/dates.ts';
import { removeInvisible } from '../../text/normalize.ts';
import { onlyAcrossWords } from '../../text/segment.ts';
import { bestSentence, holdsAnswerType } from '../answers/answer.ts';
import { askedFor } from '../answers/direct-answer.ts';
import { abbreviationExpansions, withAbbreviations, withShortForms } from '../question/abbreviations.ts';
import { withOtherSpellings } from '../question/numerals.ts';
import { dateBonus, dateKey, dateMatches, namesYear } from '../question/date-match.ts';
import { withinWindow } from '../question/time-words.ts';
import {
  type Concept,
  glueSingles,
  isProperName,
  type ParsedQuery,
  parseQuery,
  splitUnknownConcepts,
} from '../question/query.ts';
import { type DecisionEvidence, decide, topical } from './decision.ts';
import { candidateBoundIn, leadResult, type Scored, type SearchResult, shortAnswerOf, toResult } from './result.ts';
import { conceptTf, fieldTf, idfOf, partialCredit, saturate, termCredit } from '../question/score.ts';
import type { SearchIndex } from '../index/search-index.ts';
import { RANKING, type RankingWeights } from '../weights.ts';
import type { ArchiveLookup } from '../question/archive-lookup.ts';

export type { SearchResult } from './result.ts';

export interface SearchOptions {
  limit?: number;
  /** The ranking's weights; RANKING unless a test varies one. */
  weights?: RankingWeights;
  /**
   * A period the question is about (from its relative time words, resolved by the caller against
   * its today): articles dated within it gain as for a named month or year; with `narrow`, only
   * they are returned.
   */
  dates?: { from: string; to: string; narrow?: boolean };
}

/** What the ranking knows of one concept across the archive. */
interface ConceptStats {
  /** Passages whose text holds it (the most of any of its terms). */
  df: number;
  idf: number;
  /** weight · idf: the concept's share of the question's information. */
  mass: number;
  /** Nowhere in the archive, not even in a headline. */
  absent: boolean;
  /** A proper name (a person, place, organisation, programme) by jieba's tags or the archive's dictionary. */
  name: boolean;
  /** Passages where a two-character word stands only across two other words (undefined: not checked). */
  weak?: Set<number>;
  passages: Uint32Array[];
  docs: Uint32Array[];
}

interface Analysed extends ParsedQuery {
  stats: ConceptStats[];
  /** Σ mass, unmatched absent concepts discounted: the denominator of coverage. */
  total: number;
  maxIdf: number;
}

interface FieldStats {
  n: number;
  body: number;
  headline: number;
  subtitle: number;
  /** Per passage, BM25F's weight of one occurrence in its text: field weight / length norm. */
  bodyUnit: Float32Array;
  /** The newest article date of the archive: its "now". */
  newest: string;
}

/** Average field lengths (BM25F's length normalization), computed once per index state and weights. */
const fieldStatsCache = new WeakMap<SearchIndex, { w: RankingWeights; generation: number; stats: FieldStats }>();

function fieldStats(index: SearchIndex, w: RankingWeights): FieldStats {
  const held = fieldStatsCache.get(index);
  if (held && held.w === w && held.generation === index.generation) return held.stats;
  return finish(fieldStatsInSteps(index, w));
}

/** Passages walked per step when the per-index tables are made ahead of a question (a few milliseconds' worth). */
const PASSAGES_PER_STEP = 1 << 13;

/** A generator's steps run at once; what it returns. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** fieldStats made (and kept), a step (yield) after each run of passages. */
function* fieldStatsInSteps(index: SearchIndex, w: RankingWeights): Generator<void, FieldStats> {
  const n = index.passageCount;
  let body = 0;
  for (let k = 0; k < n; k++) {
    body += index.passageLength(k);
    if (k % PASSAGES_PER_STEP === PASSAGES_PER_STEP - 1) yield;
  }
  let headline = 0;
  let subtitle = 0;
  let newest = '';
  // Fields read by doc from the index's columns: no doc object is made.
  for (let d = 0; d < index.docCount; d++) {
    headline += index.docTextLength(d, 'headline');
    subtitle += index.docTextLength(d, 'subtitle');
    const date = index.docText(d, 'date');
    if (date > newest) newest = date;
  }
  const averageLength = body / Math.max(1, n);
  const bodyUnit = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const weight = index.docKind(index.passageDoc(k)) === 'photo' ? w.fields.caption : w.fields.body;
    bodyUnit[k] = fieldTf({ tf: 1, length: index.passageLength(k), averageLength }, weight, w.bm25.b);
    if (k % PASSAGES_PER_STEP === PASSAGES_PER_STEP - 1) yield;
  }
  const stats = {
    n,
    body: averageLength,
    headline: headline / Math.max(1, index.docCount),
    subtitle: subtitle / Math.max(1, index.docCount),
    bodyUnit,
    newest,
  };
  fieldStatsCache.set(index, { w, generation: index.generation, stats });
  return stats;
}

// Patterns used in hot functions, made once here rather than at every call.
const TWO_HAN = /^\p{Script=Han}{2}$/u;

/**
 * Passages where a two-character word stands only as characters of other words: its bigram is
 * there, but segmentation never made it a word (市长 in 「城市长效管理」). Undefined for other terms.
 */
function splitMatches(index: SearchIndex, term: string, passages: Uint32Array): Set<number> | undefined {
  if (!TWO_HAN.test(term)) return undefined;
  const asWord = index.wordPassages(term);
  const weak = new Set<number>();
  for (const p of passages) if (!asWord.has(p)) weak.add(p);
  return weak;
}

/**
 * The phrases a word may abbreviate, kept per archive version: finding them reads every passage
 * that holds all the word's characters, so a word asked again (or by the next user) reads none.
 */
const EXPANSIONS_KEPT = 1000;
const expansionCaches = new WeakMap<SearchIndex, { generation: number; found: Map<string, string[]> }>();
function expansionsOf(index: SearchIndex, word: string): string[] {
  let held = expansionCaches.get(index);
  if (!held || held.generation !== index.generation) {
    held = { generation: index.generation, found: new Map() };
    expansionCaches.set(index, held);
  }
  let found = held.found.get(word);
  if (!found) {
    // Only passages holding all its characters can hold a phrase it abbreviates.
    found = abbreviationExpansions(word, index.textsHoldingEach(word));
    if (held.found.size >= EXPANSIONS_KEPT) held.found.clear();
    held.found.set(word, found);
  }
  return found;
}

/** The archive's discovered names (people, places, companies, programmes), as a set. */
const dictionaries = new WeakMap<SearchIndex, { size: number; words: Set<string> }>();
function dictionaryOf(index: SearchIndex): Set<string> {
  const held = dictionaries.get(index);
  if (held && held.size === index.dictionary.length) return held.words;
  const words = new Set(index.dictionary);
  dictionaries.set(index, { size: index.dictionary.length, words });
  return words;
}

/**
 * How much of its mass an unmatched concept counts against a passage. A word the archive holds
 * elsewhere counts in full: the article does not say it. A light word (a verb, an adverb) found
 * nowhere in the archive is wording the archive does not use, and counts `absentWord` of it; a
 * noun found nowhere still names a thing the archive does not know of (absentNoun).
 */
function absentShare(c: Concept, s: ConceptStats, w: RankingWeights): number {
  if (!s.absent) return 1;
  return c.weight < 1 ? w.confidence.absentWord : w.confidence.absentNoun;
}

/**
 * The concepts looked up in the word index (MiniSearch): the rarest, within `limits.wordShare` of
 * the archive's passages and at most `limits.wordLookups` of them (a common word's postings would
 * cost more than all the rest of the question).
 */
function wordLookups(stats: ConceptStats[], n: number, w: RankingWeights): number[] {
  const limit = Math.max(50, n * w.limits.wordShare);
  return stats
    .map((s, k) => ({ s, k }))
    .filter(({ s }) => s.df > 0 && s.df <= limit)
    .sort((a, b) => a.s.df - b.s.df)
    .slice(0, w.limits.wordLookups)
    .map(({ k }) => k);
}

/** The question's concepts (at most `limits.concepts`, the rarest) with their archive statistics. */
function analyse(index: SearchIndex, question: string, w: RankingWeights): Analysed {
  const parsed = parseQuery(question.slice(0, w.limits.questionChars), w);
  // A term's postings are decoded once per question, though asked for more than once.
  const looked = new Map<string, Uint32Array>();
  const termPassages = (t: string) => {
    let ids = looked.get(t);
    if (!ids) {
      ids = index.termPassages(t);
      looked.set(t, ids);
    }
    return ids;
  };
  const archive: ArchiveLookup = {
    isWord: (t) => index.hasWord(t),
    occurs: (t) => termPassages(t).length > 0,
    passageCount: (t) => termPassages(t).length,
    abbreviates: (t) => expansionsOf(index, t),
  };
  // A word the archive never holds may abbreviate a phrase it does (长护险: 长期护理保险).
  // A count may be printed in the other numerals (五分钟: 5分钟): kept whole, never split.
  const expanded = withOtherSpellings(withAbbreviations(parsed.concepts, archive), parsed.normalized);
  // A glued word is split where a part stands in the archive's text or in a headline (特展 of 江海遗珍特展).
  const inText = { isWord: archive.isWord, occurs: (t: string) => archive.occurs(t) || index.termDocs(t).length > 0 };
  let concepts = glueSingles(splitUnknownConcepts(expanded, inText, w), parsed.normalized, archive, w);
  // Words side by side that the report may print in a short form (暑假托管班: 暑托班).
  concepts = withShortForms(concepts, parsed.normalized, archive);
  // Long words are rarer: a first cut before any postings are looked up.
  if (concepts.length > 2 * w.limits.concepts)
    concepts = [...concepts].sort((a, b) => b.terms[0]!.length - a.terms[0]!.length).slice(0, 2 * w.limits.concepts);
  const n = index.passageCount;
  const names = dictionaryOf(index);
  let stats = concepts.map((c): ConceptStats => {
    const passages = c.terms.map(termPassages);
    const docs = c.terms.map((t) => index.termDocs(t));
    const df = Math.max(0, ...passages.map((l) => l.length));
    const absent = df === 0 && docs.every((l) => l.length === 0);
    const idf = idfOf(df, n);
    const name = isProperName(c.terms[0]!) || names.has(c.terms[0]!);
    return { df, idf, mass: c.weight * idf, absent, name, passages, docs };
  });
  if (concepts.length > w.limits.concepts) {
    const keep = new Set(
      stats
        .map((s, k) => ({ s, k }))
        .sort((a, b) => b.s.mass - a.s.mass)
        .slice(0, w.limits.concepts)
        .map(({ k }) => k),
    );
    concepts = concepts.filter((_, k) => keep.has(k));
    stats = stats.filter((_, k) => keep.has(k));
  }
  for (const k of wordLookups(stats, n, w))
    stats[k]!.weak = splitMatches(index, concepts[k]!.terms[0]!, stats[k]!.passages[0]!);
  const total = stats.reduce((sum, s, k) => sum + absentShare(concepts[k]!, s, w) * s.mass, 0);
  const maxIdf = idfOf(0, n);
  return { ...parsed, concepts, stats, total, maxIdf };
}

/** Answers a question from the index; [] when the archive does not answer it. */
export function search(index: SearchIndex, question: string, options: SearchOptions = {}): SearchResult[] {
  const { limit = 5, weights: w = RANKING, dates } = options;
  // The index holds no invisible characters (decodeIssue drops them): neither may the question.
  const prepared = prepareSearch(index, removeInvisible(question), w, dates);
  return 'results' in prepared ? prepared.results : decideResults(index, prepared, w, limit);
}

/**
 * A question's scored passages before any decision: every passage of the second pass with its
 * score and the evidence the decision reads (margin included). Nothing here depends on the
 * decision's coefficients, so calibrate scores many fits on one preparation.
 */
export interface PreparedSearch {
  query: Analysed;
  scored: Scored[];
}

/** The expensive part of a search: the question read, the two passes, the evidence of each passage. */
export function prepareSearch(
  index: SearchIndex,
  question: string,
  w: RankingWeights = RANKING,
  dates?: SearchOptions['dates'],
): PreparedSearch | { results: SearchResult[] } {
  const query = analyse(index, question, w);
  if (query.concepts.length === 0) return { results: query.date ? byDateOnly(index, query.date, 5) : [] };
  if (query.total <= 0) return { results: [] };
  const firstPass = firstPassRanking(index, query, w);
  const wordScore = jiebaWordScores(index, query, w);
  // Second pass: term counts, sentences and answer types for the best of the first.
  const scored: Scored[] = [];
  for (const { p } of firstPass.slice(0, w.limits.secondPass)) {
    const s = scorePassage(index, p, query, w);
    s.score += w.score.jiebaWords * wordScore(p);
    // A time window the conversation read (去年, 上个月): its articles first, or only they.
    if (dates) {
      if (withinWindow(index.docText(index.passageDoc(p), 'date'), dates)) s.score += w.score.dateMonthOrYear;
      else if (dates.narrow) continue;
    }
    scored.push(s);
  }
  addMargins(index, scored);
  markShortAnswers(index, scored, query, w);
  return { query, scored };
}

/**
 * Whether the best-scoring topical passages hold a short answer bound to the question: evidence
 * that the passage answers, not only covers, what is asked. Only the first few: it is not cheap.
 */
function markShortAnswers(index: SearchIndex, scored: Scored[], query: Analysed, w: RankingWeights): void {
  const idf = sentenceIdf(query, w);
  const best = scored
    .filter((s) => topical(s.evidence, w))
    .sort((a, b) => b.score - a.score)
    .slice(0, w.limits.shortAnswers);
  const kind = askedFor(query.normalized)?.kind;
  const asked = kind !== undefined;
  const nameAsked = kind === 'person' || kind === 'place' || kind === 'organization';
  const boundStrictly = query.answerType.kind === 'number' || kind === 'person';
  for (const s of best) {
    if (asked) s.direct = shortAnswerOf(index, s.passage, query, idf, w) ?? null;
    // (A clear leader tied in part is a candidate bound, not a short answer bound: answers/direct-answer.ts.)
    s.evidence.shortAnswer = asked && s.direct != null && !s.direct.evidence.clear;
    s.evidence.shortAnswerMissing = asked && !s.evidence.shortAnswer;
    // A short answer withheld for a near tie or a thin tie to the question's words: a candidate of
    // the kind asked bound to the question is still evidence that the passage answers.
    s.evidence.candidateBound = s.evidence.shortAnswerMissing && candidateBoundIn(index, s.passage, query, idf, w);
    s.evidence.nameAsked = nameAsked;
    // A figure bound to the question (its counted noun, its unit, its currency) or a person bound to
    // the title asked about is the answer asked for, found, even where typeFound's nearness or its
    // reading of names misses it (发放资金560万元; 主任钱卫东提醒). Not a place or an organisation:
    // their binding checks only the kind of word.
    if (s.evidence.shortAnswer && boundStrictly) s.evidence.typeFound = true;
  }
}

/**
 * Each passage's margin: its score minus the best score of another story's passage (copies of one
 * story across issues are one story). Positive only for the leading story's passages.
 */
function addMargins(index: SearchIndex, scored: Scored[]): void {
  const storyBest = new Map<string, number>();
  for (const s of scored) {
    const key = index.copyKey(index.passageDoc(s.passage));
    storyBest.set(key, Math.max(storyBest.get(key) ?? -Infinity, s.score));
  }
  const bests = [...storyBest.entries()].sort((a, b) => b[1] - a[1]);
  const [top, next] = bests;
  for (const s of scored) {
    const key = index.copyKey(index.passageDoc(s.passage));
    const other = key === top?.[0] ? (next?.[1] ?? 0) : (top?.[1] ?? 0);
    s.evidence.margin = s.score - other;
  }
}

/**
 * The decision on a prepared search: each passage's probability of answering (decision.ts),
 * "answer", "related" or not shown; one passage per story; answers first (for a question of the
 * present office holder or the latest news, the newest answering article first), then by score,
 * the newer of two near-equal reports of one subject first when no date is named; related results
 * far below the answer dropped.
 */
export function decideResults(
  index: SearchIndex,
  prepared: PreparedSearch,
  w: RankingWeights = RANKING,
  limit = 5,
): SearchResult[] {
  const { query } = prepared;
  const tables = tablesOf(index);
  const bestByStory = new Map<string, Scored>();
  const offered: { key: string; score: number }[] = [];
  // The short answers of every passage offered as the answer: one disputed by another is withheld
  // more readily (answers/direct-confidence.ts). For a question of the present, an older article's
  // answer is history (the former office holder), not a dispute: only as new or newer ones count.
  const answers: { passage: number; text: string }[] = [];
  for (const candidate of prepared.scored) {
    const { confidence, p } = decide(candidate.evidence, w);
    if (!confidence) continue;
    if (confidence === 'answer' && candidate.direct && !candidate.direct.evidence.clear)
      answers.push({ passage: candidate.passage, text: candidate.direct.answer.text });
    const scored: Scored = { ...candidate, p, confidence };
    const key = index.copyKey(index.passageDoc(scored.passage));
    offered.push({ key, score: scored.score });
    const held = bestByStory.get(key);
    // A story's passage that answers is shown before one that only mentions the question's terms;
    // of two that answer, or two that are only related, the likelier to answer (the one whose
    // short answer is bound, not the one that repeats the question's words more often).
    const better = !held
      ? undefined
      : answersFirst(scored) !== answersFirst(held)
        ? answersFirst(scored) < answersFirst(held)
        : scored.p !== held.p
          ? (scored.p ?? 0) > (held.p ?? 0)
          : undefined;
    if (!held || (better ?? preferCopy(tables, scored.passage, scored.score, held.passage, held.score, w)))
      bestByStory.set(key, scored);
  }
  const newestFirst = query.latest && !query.date;
  // Answers before results that are only related, each by its story's best score (by date first,
  // newest first, among the answers to a question of the present holder or the latest news).
  const storyScore = storyScores(offered);
  const storyOf = new Map([...bestByStory].map(([key, s]) => [s, storyScore.get(key) ?? s.score]));
  const rankScore = (s: Scored) => storyOf.get(s) ?? s.score;
  const ranked = [...bestByStory.values()].sort(
    (a, b) =>
      answersFirst(a) - answersFirst(b) ||
      (newestFirst && a.confidence === 'answer' ? compareDates(tables, b.passage, a.passage) : 0) ||
      rankScore(b) - rankScore(a) ||
      compareDates(tables, b.passage, a.passage),
  );
  if (query.date) datedFirst(index, tables, ranked, query.date, rankScore);
  namedFirst(tables, ranked, query, rankScore);
  if (!query.date) newerOfEqualCover(index, tables, ranked, query, rankScore);
  const lead = ranked[0];
  const kept =
    lead?.confidence === 'answer'
      ? ranked.filter((s) => s.confidence === 'answer' || (s.p ?? 0) >= w.decision.keepUnderAnswer * (lead.p ?? 0))
      : ranked;
  const idf = sentenceIdf(query, w);
  const disputing = (s: Scored) =>
    answers
      .filter((a) => a.passage !== s.passage && (!newestFirst || compareDates(tables, a.passage, s.passage) >= 0))
      .map((a) => a.text);
  return kept.slice(0, limit).map((s) => toResult(index, s, query, idf, w, newestFirst, disputing(s)));
}

/**
 * What each story ranks by among the results: the best score of its passages that the decision
 * shows, whichever of them is shown. The one shown is picked for its likelihood of answering (its
 * short answer, its label), which says nothing of how well the story matches against other stories.
 */
export function storyScores(passages: readonly { key: string; score: number }[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const { key, score } of passages) best.set(key, Math.max(best.get(key) ?? -Infinity, score));
  return best;
}

/**
 * Every passage of a prepared search as a result, undecided (shown as related, no short answer):
 * what calibrate labels against the right article and its answer.
 */
export function candidateResults(index: SearchIndex, prepared: PreparedSearch, w: RankingWeights = RANKING) {
  const idf = sentenceIdf(prepared.query, w);
  return prepared.scored.map((s) => toResult(index, s, prepared.query, idf, w));
}

/** The idf each concept weighs with inside one passage's sentences: words found nowhere discounted as in coverage. */
function sentenceIdf(query: Analysed, w: RankingWeights): number[] {
  return query.stats.map((s, k) => s.idf * absentShare(query.concepts[k]!, s, w));
}

/**
 * Of the two leading articles, the newer first when both headlines name the same thing of the
 * question and it covers the question as fully as the older, scoring nearly as well, under the same
 * label: two reports of one subject in different years (an exhibition held again, a yearly figure
 * updated), and a question that asks for something and names no date asks about the present.
 */
// How near the newer article must come: within 15% of the older's score (reports of one subject in
// two years score apart by their wording), its cover at most 0.02 below (rounding of the same words).
const NEWER_SCORE_BAND = 0.15;
const NEWER_COVER_SLACK = 0.02;

function newerOfEqualCover(
  index: SearchIndex,
  tables: IndexTables,
  ranked: Scored[],
  query: Analysed,
  rankScore: (s: Scored) => number,
): void {
  const [first, second] = ranked;
  if (!first || !second || !asksFor(query) || answersFirst(first) !== answersFirst(second)) return;
  if (compareDates(tables, second.passage, first.passage) <= 0) return;
  const a = first.evidence;
  const b = second.evidence;
  if (b.nameMissing || b.contentMatched < a.contentMatched || b.cover < a.cover - NEWER_COVER_SLACK) return;
  if (rankScore(second) < (1 - NEWER_SCORE_BAND) * rankScore(first)) return;
  const docA = index.passageDoc(first.passage);
  const docB = index.passageDoc(second.passage);
  const [titleA, titleB] = [index.docTitles[docA]!, index.docTitles[docB]!];
  const shared = query.concepts.some(
    (c) => c.weight >= 1 && c.terms.some((t) => titleA.includes(t)) && c.terms.some((t) => titleB.includes(t)),
  );
  if (!shared) return;
  // Not one subject when the older headline names a proper name of the question (a street, a
  // place, an organisation) that the newer article never holds: 学田街道's canteen and another
  // street's are two subjects, however alike their reports.
  const holds = (k: number, doc: number) =>
    query.stats[k]!.passages.some((ids) => ids.some((p) => tables.passageDoc[p] === doc));
  const lostName = query.concepts.some(
    (c, k) => c.weight >= 1 && query.stats[k]!.name && c.terms.some((t) => titleA.includes(t)) && !holds(k, docB),
  );
  if (lostName) return;
  ranked[0] = second;
  ranked[1] = first;
}

/**
 * Of the two leading stories under the same label, scoring nearly alike, the one whose article
 * holds every proper name of the question (a place, a street, an organisation) first: a name
 * locates the subject asked about, and an article that never holds it reports a like subject
 * elsewhere (another town's vaccination, another street's canteen), however well its other words match.
 * Any story within the band may lead, not only the runner-up; one only related may lead an answer
 * whose own passage misses a rare name of the question, when it covers the question at least as fully
 * (another street's canteen hours are no answer to this street's; an answer that covers more and only
 * misses an abbreviated name, 通大附院 for the full name, keeps its place).
 */
function namedFirst(tables: IndexTables, ranked: Scored[], query: Analysed, rankScore: (s: Scored) => number): void {
  const first = ranked[0];
  if (!first) return;
  const docOf = (s: Scored) => tables.passageDoc[s.passage]!;
  const holdsAll = (doc: number) =>
    query.concepts.every(
      (c, k) =>
        c.weight < 1 ||
        !query.stats[k]!.name ||
        query.stats[k]!.passages.some((ids) => ids.some((p) => tables.passageDoc[p] === doc)),
    );
  if (holdsAll(docOf(first))) return;
  // Two reports of the like subject elsewhere may both outscore the one named.
  const at = ranked.findIndex(
    (s, k) =>
      k > 0 &&
      (answersFirst(s) === answersFirst(first) ||
        (first.evidence.nameMissing && s.evidence.cover >= first.evidence.cover)) &&
      rankScore(s) >= (1 - NEWER_SCORE_BAND) * rankScore(first) &&
      holdsAll(docOf(s)),
  );
  if (at < 0) return;
  const [named] = ranked.splice(at, 1);
  ranked.unshift(named!);
}

/**
 * Of the two leading stories under the same label, scoring nearly alike, the one dated when the
 * question says first: a report of another date that only names it in passing (a 2026 report
 * recalling who was appointed in 2024) speaks of its own time, while the one of that date reports it.
 * Not when the other's headline names the year: a year-end report of the next January is of that year.
 */
function datedFirst(
  index: SearchIndex,
  tables: IndexTables,
  ranked: Scored[],
  date: PartialDate,
  rankScore: (s: Scored) => number,
): void {
  const [first, second] = ranked;
  if (!first || !second || answersFirst(first) !== answersFirst(second)) return;
  if (rankScore(second) < (1 - NEWER_SCORE_BAND) * rankScore(first)) return;
  const key = dateKey(date);
  const dated = (s: Scored) => key.test(tables.dates[tables.docDate[tables.passageDoc[s.passage]!]!]!);
  if (dated(first) || !dated(second)) return;
  const doc = tables.passageDoc[first.passage]!;
  if (date.year && namesYear(tables.dates[tables.docDate[doc]!]!, index.docTitles[doc]!, date.year)) return;
  ranked[0] = second;
  ranked[1] = first;
}

/** Answers before results that are only related. */
const answersFirst = (s: Scored) => (s.confidence === 'answer' ? 0 : 1);

/** BM25 over jieba words (MiniSearch), for the discriminating concepts only, scaled to 0..1. */
function jiebaWordScores(index: SearchIndex, query: Analysed, w: RankingWeights): (p: number) => number {
  const words = wordLookups(query.stats, index.passageCount, w)
    .map((k) => query.concepts[k]!.terms[0]!)
    .filter((t) => index.hasWord(t));
  const bm25 = index.wordScores(words);
  const max = Math.max(1e-9, ...bm25.values());
  return (p) => (bm25.get(p) ?? 0) / max;
}

/**
 * What the ranking keeps of one index state, whatever the weights: each passage's story copy slot
 * (copies of one story across issues, at one place in the article, share a slot), each doc's
 * place in date order, and the first pass's scratch arrays (reused by every question instead of
 * three arrays of the archive's size made and dropped per question).
 */
interface IndexTables {
  /** Per passage: its slot, numbered in order of first appearance. */
  copySlot: Int32Array;
  /** Per passage: its doc's rank by (date, source file); equal for docs that compare equal. */
  dateRank: Int32Array;
  /** Per passage: its doc. */
  passageDoc: Int32Array;
  /** The archive's distinct article dates, and per doc which of them is its own. */
  dates: string[];
  docDate: Int32Array;
  /** The passages of doc d, in order: docList[docStart[d]..docStart[d + 1]). */
  docStart: Int32Array;
  docList: Int32Array;
  acc: Float32Array;
  credit: Float32Array;
  /** Per passage: CANDIDATE and OF_DAY bits; `candidates` lists those with CANDIDATE, as set. */
  flags: Uint8Array;
  /** Per slot: the best passage and its score so far, valid where `slotStamp` is the current pass's. */
  slotBest: Int32Array;
  slotScore: Float64Array;
  slotStamp: Uint32Array;
  pass: number;
  touched: IdList;
  candidates: IdList;
}

/**
 * Passage ids listed in a typed array kept from question to question. A JS array emptied with
 * `length = 0` gives its storage back and grows it again, copy by copy, at every question and
 * concept: most of the garbage a question made (about 200 KB at 520 issues).
 */
class IdList {
  ids: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(16, capacity));
  }

  push(p: number): void {
    if (this.length === this.ids.length) {
      const more = new Int32Array(2 * this.ids.length);
      more.set(this.ids);
      this.ids = more;
    }
    this.ids[this.length++] = p;
  }
}

const CANDIDATE = 1;
const OF_DAY = 2;

const tablesCache = new WeakMap<SearchIndex, { generation: number; tables: IndexTables }>();

function tablesOf(index: SearchIndex): IndexTables {
  const held = tablesCache.get(index);
  if (held && held.generation === index.generation) return held.tables;
  return finish(tablesInSteps(index));
}

/** tablesOf's tables made (and kept), a step (yield) after each run of passages. */
function* tablesInSteps(index: SearchIndex): Generator<void, IndexTables> {
  const n = index.passageCount;
  const nDocs = index.docCount;
  // Copy slots and date ranks depend on the archive alone: the index file keeps them.
  const { copySlot, slots, docRank } = yield* index.orderInSteps();
  yield;
  const dates = Array.from({ length: nDocs }, (_, d) => index.docText(d, 'date'));
  // Plain loops: a typed array's `from` and `map` with a function are several times slower.
  const passageDoc = new Int32Array(n);
  const dateRank = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const doc = index.passageDoc(p);
    passageDoc[p] = doc;
    dateRank[p] = docRank[doc]!;
  }
  yield;
  const dateOf = new Map<string, number>();
  const docDate = new Int32Array(nDocs);
  dates.forEach((d, k) => {
    const date = dateOf.get(d) ?? dateOf.size;
    dateOf.set(d, date);
    docDate[k] = date;
  });
  const docStart = new Int32Array(nDocs + 1);
  const docList = new Int32Array(n);
  let listed = 0;
  for (let d = 0; d < nDocs; d++) {
    docStart[d] = listed;
    for (let p = index.firstPassage(d); p < index.firstPassage(d + 1); p++) docList[listed++] = p;
  }
  docStart[nDocs] = listed;
  const tables: IndexTables = {
    copySlot,
    dateRank,
    passageDoc,
    dates: [...dateOf.keys()],
    docDate,
    docStart,
    docList,
    acc: new Float32Array(n),
    credit: new Float32Array(n),
    flags: new Uint8Array(n),
    slotBest: new Int32Array(slots),
    slotScore: new Float64Array(slots),
    slotStamp: new Uint32Array(slots),
    pass: 0,
    // Grown as questions need (a question's postings budget bounds them), not an archive's size each.
    touched: new IdList(1024),
    candidates: new IdList(1024),
  };
  tablesCache.set(index, { generation: index.generation, tables });
  return tables;
}

/**
 * Makes what every question computes once per index state (the per-index tables, the field
 * statistics) ahead of the first question after a change, a step (yield) after each run of
 * passages, for the caller to let other work run between: made at once, they would hold the
 * first question (and everything waiting behind it) for a few hundred milliseconds at thousands of
 * issues. Stops, keeping nothing, if the index changes between the steps.
 */
export function* prepareRankingInSteps(index: SearchIndex, w: RankingWeights = RANKING): Generator<void> {
  const generation = index.generation;
  const current = () => index.generation === generation;
  // Each kept by the generator making it, in its last step (no change came between the steps).
  if (tablesCache.get(index)?.generation !== generation && !(yield* stepsWhile(tablesInSteps(index), current))) return;
  const held = fieldStatsCache.get(index);
  if (held?.w !== w || held.generation !== generation) yield* stepsWhile(fieldStatsInSteps(index, w), current);
}

/** A generator's steps, passed on while `go` holds after each; what it returns, or undefined once `go` fails. */
function* stepsWhile<T>(steps: Generator<void, T>, go: () => boolean): Generator<void, T | undefined> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    yield;
    if (!go()) return undefined;
  }
}

/** Which of the archive's distinct dates (IndexTables.dates) fall within the date named. */
function datesWithin(tables: IndexTables, date: PartialDate): Uint8Array {
  const key = dateKey(date);
  return Uint8Array.from(tables.dates, (d) => (key.test(d) ? 1 : 0));
}

/**
 * The first pass's steps over one concept, as small functions of typed arrays (V8 optimizes each
 * on its own, whatever the question objects around them look like).
 * creditText: each passage holding the term gets credit `c` for it in its text (the best of the
 * concept's terms); with `opens` false, only passages already candidates.
 */
function creditText(tables: IndexTables, bodyUnit: Float32Array, ids: Uint32Array, c: number, opens: boolean): void {
  const { credit, flags, touched } = tables;
  for (let i = 0; i < ids.length; i++) {
    const p = ids[i]!;
    if (!opens && !(flags[p]! & CANDIDATE)) continue;
    const tf = c * bodyUnit[p]!;
    if (tf > credit[p]!) {
      if (credit[p] === 0) touched.push(p);
      credit[p] = credit[p]! + (tf - credit[p]!);
    }
  }
}

/** Every passage of each doc whose title holds the term gets `credited`; returns the passages walked. */
function creditTitles(tables: IndexTables, docs: Uint32Array, credited: number, opens: boolean): number {
  const { credit, flags, touched, docStart, docList } = tables;
  let walked = 0;
  for (let i = 0; i < docs.length; i++) {
    const from = docStart[docs[i]!]!;
    const to = docStart[docs[i]! + 1]!;
    walked += to - from;
    for (let j = from; j < to; j++) {
      const p = docList[j]!;
      if (!opens && !(flags[p]! & CANDIDATE)) continue;
      if (credit[p] === 0) touched.push(p);
      credit[p] = credit[p]! + credited;
    }
  }
  return walked;
}

/** The concept's saturated credit added to each passage it touched (which it makes candidates if it `opens`). */
function addConcept(tables: IndexTables, mass: number, k1: number, opens: boolean): void {
  const { acc, credit, flags, touched, candidates } = tables;
  for (let i = 0; i < touched.length; i++) {
    const p = touched.ids[i]!;
    if (opens && !(flags[p]! & CANDIDATE)) {
      flags[p] = flags[p]! | CANDIDATE;
      candidates.push(p);
    }
    acc[p] = acc[p]! + mass * saturate(credit[p]!, k1);
    credit[p] = 0;
  }
}

/**
 * The cheap first pass: BM25F with every term counted once, from postings alone, for every
 * passage that holds a rare enough concept (or is of the day the question names). Concepts are
 * walked rarest first within `limits.postings`; the rest count in the second pass only.
 * Copies of one story across issues (same headline but for its figures, same place in the
 * article) compete as one: the best scored, and among near-equal scores the newest.
 */
function firstPassRanking(index: SearchIndex, query: Analysed, w: RankingWeights): { p: number; s: number }[] {
  const n = index.passageCount;
  const { bodyUnit } = fieldStats(index, w);
  const tables = tablesOf(index);
  const { acc, credit, flags, touched, candidates, docStart, docList, passageDoc } = tables;
  candidates.length = 0;
  // Scratch left as a question found it (none is, unless one threw midway): cleared once, cheaply.
  acc.fill(0);
  credit.fill(0);
  flags.fill(0);
  const order = query.stats.map((_, k) => k).sort((a, b) => query.stats[a]!.df - query.stats[b]!.df);
  const rareLimit = Math.max(50, n * w.limits.candidateDfShare);
  const { k1 } = w.bm25;
  let budget = w.limits.postings;
  let anyRare = false;
  // The passages of the day named are candidates from the start: a concept that opens none only
  // adds to candidates, so it walks its postings for them alone.
  const within = query.date && datesWithin(tables, query.date);
  if (within && query.date?.month && query.date.day) {
    for (let doc = 0; doc < index.docCount; doc++)
      if (within[tables.docDate[doc]!])
        for (let j = docStart[doc]!; j < docStart[doc + 1]!; j++) {
          const p = docList[j]!;
          if (!(flags[p]! & CANDIDATE)) candidates.push(p);
          flags[p] = CANDIDATE | OF_DAY;
        }
  }
  for (const k of order) {
    const s = query.stats[k]!;
    if (s.absent || budget <= 0) continue;
    const opens = s.df <= rareLimit || !anyRare;
    if (s.df > 0 && s.df <= rareLimit) anyRare = true;
    touched.length = 0;
    for (let t = 0; t < s.passages.length; t++) {
      const ids = s.passages[t]!;
      budget -= ids.length;
      creditText(tables, bodyUnit, ids, t === 0 ? 1 : w.match.synonym, opens);
    }
    for (let t = 0; t < s.docs.length; t++)
      budget -= creditTitles(tables, s.docs[t]!, w.fields.headline * (t === 0 ? 1 : w.match.synonym), opens);
    addConcept(tables, s.mass, k1, opens);
  }
  // Passages far behind the best cannot reach the second pass: skip them before any copy is compared.
  let best = 0;
  for (let i = 0; i < candidates.length; i++) if (acc[candidates.ids[i]!]! > best) best = acc[candidates.ids[i]!]!;
  const floor = best * w.limits.firstPassFloor;
  // The bonus of a doc of the date named (what dateBonus gives a doc with no text to look in).
  const dateGain = query.date?.day ? w.score.dateDay : w.score.dateMonthOrYear;
  const { docDate } = tables;
  const { copySlot, slotBest, slotScore, slotStamp } = tables;
  const pass = ++tables.pass;
  // The candidates kept, by id: slots in the order first reached, which ties in the sort below keep.
  const kept = new Int32Array(candidates.length);
  let nKept = 0;
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates.ids[i]!;
    if (!(acc[p]! < floor) || flags[p]! & OF_DAY) kept[nKept++] = p;
  }
  const byId = kept.subarray(0, nKept).sort();
  const reached: number[] = [];
  for (let i = 0; i < byId.length; i++) {
    const p = byId[i]!;
    const s = acc[p]! / query.total + (within ? (within[docDate[passageDoc[p]!]!] ? dateGain : 0) : 0);
    const slot = copySlot[p]!;
    if (slotStamp[slot] !== pass) {
      slotStamp[slot] = pass;
      reached.push(slot);
    } else if (!preferCopy(tables, p, s, slotBest[slot]!, slotScore[slot]!, w)) continue;
    slotBest[slot] = p;
    slotScore[slot] = s;
  }
  // Sorted as slot ids (stable, as the objects would be): no object is compared.
  reached.sort((a, b) => slotScore[b]! - slotScore[a]!);
  return reached.map((slot) => ({ p: slotBest[slot]!, s: slotScore[slot]! }));
}

/** A question that is only a date (「2024年11月2日」): the articles of that date, leads shown. */
function byDateOnly(index: SearchIndex, date: PartialDate, limit: number): SearchResult[] {
  const key = dateKey(date);
  const seen = new Set<string>();
  const out: SearchResult[] = [];
  const docs = Array.from({ length: index.docCount }, (_, k) => ({ d: { date: index.docText(k, 'date') }, k }))
    .filter(({ d, k }) => index.docKind(k) === 'article' && key.test(d.date))
    .sort((a, b) => (a.d.date < b.d.date ? 1 : a.d.date > b.d.date ? -1 : b.k - a.k));
  for (const { k } of docs) {
    if (seen.has(index.copyKey(k))) continue;
    seen.add(index.copyKey(k));
    const result = leadResult(index, k);
    if (result) out.push(result);
    if (out.length >= limit) break;
  }
  return out;
}

/** Whether passage `a` (score `sa`) is the better copy of a story than `b`: the better score, or when near-equal the newer. */
function preferCopy(tables: IndexTables, a: number, sa: number, b: number, sb: number, w: RankingWeights): boolean {
  if (Math.abs(sa - sb) > w.score.copyTie) return sa > sb;
  const order = compareDates(tables, a, b);
  return order > 0 || (order === 0 && sa > sb);
}

/** Orders passages by their docs' dates, then by issue file (dated names sort by date). */
function compareDates(tables: IndexTables, a: number, b: number): number {
  return Math.sign(tables.dateRank[a]! - tables.dateRank[b]!);
}

/** 1 for an article of the archive's newest year, less the older it is (1 / (1 + years)). */
function recency(date: string, newest: string): number {
  const year = Number(date.slice(0, 4));
  const last = Number(newest.slice(0, 4));
  if (!year || !last) return 0;
  return 1 / (1 + Math.max(0, last - year));
}

/** Whether the question asks for an answer of a kind a passage visibly holds or lacks: a number, a date, a place, a person. */
function asksFor(query: ParsedQuery): boolean {
  const t = query.answerType;
  return t.kind === 'number' || t.kind === 'date' || (t.kind === 'entity' && t.of !== undefined);
}

/**
 * A question for a date whose verb the archive never uses (什么时候完工, where no article speaks of
 * 完工): the date of that event is not reported, whatever date stands near the question's names.
 */
function eventUnknown(query: Analysed): boolean {
  return query.answerType.kind === 'date' && query.concepts.some((c, k) => query.stats[k]!.absent && c.weight < 1);
}

/**
 * The passage and its neighbours in the same article: what a result may show around it (the
 * figure often stands a paragraph after the lead that names the topic).
 */
function shownPassages(index: SearchIndex, id: number): number[] {
  const doc = index.passages[id]!.doc;
  return [id, id - 1, id + 1].filter((k) => k >= 0 && k < index.passageCount && index.passageDoc(k) === doc);
}

/** Whether any passage of the article, or its headline, holds one of the concept's terms. */
function articleHolds(index: SearchIndex, doc: number, c: Concept): boolean {
  const texts = [index.docTitles[doc]!, ...index.docPassages[doc]!.map((p) => index.passageTexts[p]!)];
  return texts.some((t) => c.terms.some((term) => t.includes(term)));
}

// Whether a passage holds the kind of answer asked, per question: a passage is the neighbour shown
// with the passages before and after it, so the second pass asks of most passages more than once.
const typeHeld = new WeakMap<Analysed, { w: RankingWeights; held: Map<number, boolean> }>();

function passageHoldsType(index: SearchIndex, k: number, query: Analysed, idf: number[], w: RankingWeights): boolean {
  let kept = typeHeld.get(query);
  if (kept?.w !== w) {
    kept = { w, held: new Map() };
    typeHeld.set(query, kept);
  }
  let held = kept.held.get(k);
  if (held === undefined) {
    held = holdsAnswerType(index.passageTexts[k]!, query, idf, w.confidence.typeSentence, w);
    kept.held.set(k, held);
  }
  return held;
}

/** The full score of one passage, and the evidence the decision reads. */
function scorePassage(index: SearchIndex, id: number, query: Analysed, w: RankingWeights): Scored {
  const text = index.passageTexts[id]!;
  const docIndex = index.passages[id]!.doc;
  const doc = index.docs[docIndex]!;
  const fields = fieldStats(index, w);
  const title = index.docTitles[docIndex]!;
  // normalize() keeps lengths, so the normalized title splits where "headline subtitle" was joined.
  const isPhoto = doc.kind === 'photo';
  const headline = isPhoto ? '' : title.slice(0, doc.headline.length);
  const subtitle = title.slice(doc.headline.length + 1);
  // News puts who, when and where in the lead: it is context for every passage of the article.
  const leadId = index.docPassages[docIndex]![0]!;
  const lead = leadId === id ? '' : index.passageTexts[leadId]!;
  let bm = 0;
  let got = 0;
  // Unmatched mass of words the archive holds elsewhere; mass of words it holds nowhere; all mass.
  let missing = 0;
  let absentMass = 0;
  let allMass = 0;
  let rareMatched = false;
  let contentMatched = 0;
  // The concept the question word asks about (多少名志愿者: 志愿者) is in the passage or its title.
  let focusMissing = false;
  let nameMissing = false;
  query.concepts.forEach((c: Concept, k) => {
    const s = query.stats[k]!;
    const split = s.weak?.has(id) && onlyAcrossWords(text, c.terms[0]!);
    const across = split ? w.match.acrossWords : 1;
    const partial = partialCredit(text, c.terms[0]!, w);
    let tf =
      fieldTf(
        { tf: conceptTf(text, c, w) * across, length: text.length, averageLength: fields.body },
        isPhoto ? w.fields.caption : w.fields.body,
        w.bm25.b,
      ) +
      fieldTf(
        { tf: conceptTf(headline, c, w), length: headline.length, averageLength: fields.headline },
        w.fields.headline,
        w.bm25.b,
      ) +
      fieldTf(
        { tf: conceptTf(subtitle, c, w), length: subtitle.length, averageLength: fields.subtitle },
        w.fields.subtitle,
        w.bm25.b,
      );
    if (tf === 0) tf = partial;
    bm += s.mass * saturate(tf, w.bm25.k1);
    const matched = Math.max(
      termCredit(text, c, w) * across,
      w.match.inTitle * termCredit(title, c, w),
      w.match.inLead * termCredit(lead, c, w),
      partial,
    );
    got += s.mass * matched;
    allMass += s.mass;
    if (s.absent) absentMass += s.mass;
    else missing += s.mass * (1 - matched);
    if (matched >= w.match.synonym && c.weight >= 1) contentMatched++;
    if (c.focus && !c.kindAsked && matched < w.match.synonym) focusMissing = true;
    if (matched >= w.match.synonym && s.name && s.idf >= w.confidence.rareName * query.maxIdf) rareMatched = true;
    if (matched < w.match.synonym && s.name && !s.absent && s.idf >= w.confidence.missingName * query.maxIdf)
      nameMissing ||= !articleHolds(index, docIndex, c);
  });
  const idf = sentenceIdf(query, w);
  const sentence = bestSentence(index.passages[id]!.text, text, query, idf, w);
  let score = bm / query.total + w.score.proximity * sentence.cover + w.score.answerType * sentence.type;
  score += dateBonus(doc.date, text, query.date, w);
  if (query.recent && !query.date) score += w.score.recent * recency(doc.date, fields.newest);
  const asks = asksFor(query);
  const evidence: DecisionEvidence = {
    cover: Math.min(1, got / query.total),
    matchedMass: got / query.maxIdf,
    missingMass: missing / query.maxIdf,
    absentShare: absentMass / Math.max(1e-9, allMass),
    rareMatched,
    nameMissing,
    asks,
    typeFound:
      asks && !eventUnknown(query) && shownPassages(index, id).some((k) => passageHoldsType(index, k, query, idf, w)),
    typeScore: sentence.type,
    sentenceCover: sentence.cover,
    dateNamed: query.date !== undefined,
    dateMatched: dateMatches(doc.date, text, query.date),
    contentMatched,
    contentAsked: query.concepts.filter((c) => c.weight >= 1).length,
    focusMissing,
    shortAnswer: false,
    shortAnswerMissing: false,
    candidateBound: false,
    nameAsked: false,
    margin: 0,
  };
  return { passage: id, score, cover: evidence.cover, evidence };
}
