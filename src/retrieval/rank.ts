/**
 * Ranking: questions to answers. Articles are ranked first (distinct articles in the results),
 * then each article's passage that best answers is picked.
 *
 * A passage's score is the share of the question's information it covers — each concept weighted
 * by its rarity in the archive (idf) — plus bonuses for the headline holding the terms, for one
 * sentence holding them together (proximity), for a number when the question asks for one, and
 * for the date the question names. Because that share is normalized, it also decides when nothing
 * matches: below MIN_COVERAGE the archive does not answer the question.
 */
import type { PartialDate } from '../corpus/dates.ts';
import { bestSentence, SYNONYM_CREDIT, termCredit } from './answer.ts';
import { dateBonus, dateKey } from './date-match.ts';
import { parseQuery, splitUnknownConcepts, type ParsedQuery } from './query.ts';
import { leadResult, toResult, type Scored, type SearchResult } from './result.ts';
import type { SearchIndex } from './search-index.ts';
import { onlyAcrossWords } from '../text/segment.ts';

export type { SearchResult } from './result.ts';

export interface SearchOptions {
  limit?: number;
}

/** Below this share of the question's information the best passage does not answer it. */
export const MIN_COVERAGE = 0.6;
// Candidate passages come from concepts rarer than this share of the archive; common words
// (崇川, 街道) still add to the score of passages found by rarer ones.
const CANDIDATE_DF_SHARE = 0.25;
// Concepts rarer than this share of passages also score by BM25 over words.
const BM25_DF_SHARE = 0.02;
// Passages scored in full (sentences, proximity) after the cheap first pass.
const SECOND_PASS = 120;

// A two-character word that segmentation never made a word in a passage earns this share in the
// first pass, and this much less again when jieba reads it across two words (市长 in 城市长效).
const WEAK_MATCH = 0.5;
const ACROSS_WORDS = 0.1;

/**
 * Passages where a two-character word stands only as characters of other words: its bigram is
 * there, but segmentation never made it a word (市长 in 「城市长效管理」). Undefined for other terms.
 */
function splitMatches(index: SearchIndex, term: string): Set<number> | undefined {
  if (!/^\p{Script=Han}{2}$/u.test(term)) return undefined;
  const asWord = index.wordScores([term]);
  const weak = new Set<number>();
  for (const p of index.termPassages(term)) if (!asWord.has(p)) weak.add(p);
  return weak;
}

function idfOf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Per passage, the credit one concept earns: 1 for the user's own word in the text, less for a
 * synonym, 0.9 of that when only the headline holds it. Written into `credit`; returns the
 * passages touched and the concept's document frequency in passage texts.
 */
function conceptCredit(index: SearchIndex, terms: string[], credit: Float32Array): { touched: number[]; df: number } {
  const touched: number[] = [];
  let df = 0;
  const set = (p: number, c: number) => {
    if (credit[p] === 0) touched.push(p);
    if (c > credit[p]!) credit[p] = c;
  };
  terms.forEach((term, k) => {
    const c = k === 0 ? 1 : SYNONYM_CREDIT;
    const ids = index.termPassages(term);
    df = Math.max(df, ids.length);
    for (const p of ids) set(p, c);
    for (const d of index.termDocs(term)) for (const p of index.docPassages[d]!) set(p, 0.9 * c);
  });
  return { touched, df };
}

/** Answers a question from the index; [] when the archive does not answer it. */
export function search(index: SearchIndex, question: string, { limit = 5 }: SearchOptions = {}): SearchResult[] {
  const parsed = parseQuery(question);
  const query = { ...parsed, concepts: splitUnknownConcepts(parsed.concepts, (t) => index.hasWord(t)) };
  if (query.concepts.length === 0) return query.date ? byDateOnly(index, query.date, limit) : [];
  const { idf, weak, ranked: firstPass, wordScore } = firstPassRanking(index, query);

  // Second pass: exact matching, sentences and answer types for the best of the first.
  const bestByStory = new Map<string, Scored>();
  for (const { p } of firstPass.slice(0, SECOND_PASS)) {
    const scored = scorePassage(index, p, query, idf, weak);
    scored.score += wordScore(p);
    const key = index.copyKey(index.passages[p]!.doc);
    const held = bestByStory.get(key);
    if (!held || preferCopy(index, { p, s: scored.score }, { p: held.passage, s: held.score }))
      bestByStory.set(key, scored);
  }
  const ranked = [...bestByStory.values()]
    .filter((s) => s.cover >= MIN_COVERAGE)
    .sort((a, b) => b.score - a.score || compareDates(index, b.passage, a.passage));
  return ranked.slice(0, limit).map((s) => toResult(index, s, query, idf));
}

/**
 * The cheap first pass: each concept's idf, and the weighted coverage of every passage that holds
 * a rare enough concept (or is of the day the question names), computed from postings alone.
 * Copies of one story across issues (same headline but for its figures, same place in the article)
 * compete as one: the best scored, and among near-equal scores the newest.
 */
function firstPassRanking(index: SearchIndex, query: ParsedQuery) {
  const n = index.passages.length;
  const credit = new Float32Array(n);
  const acc = new Float32Array(n);
  const bm25Limit = Math.max(50, n * BM25_DF_SHARE);
  const perConcept = query.concepts.map((c) => {
    credit.fill(0);
    const { touched, df } = conceptCredit(index, c.terms, credit);
    const weak = df <= bm25Limit ? splitMatches(index, c.terms[0]!) : undefined;
    if (weak) for (const p of weak) credit[p] = credit[p]! * WEAK_MATCH;
    return { touched, df, weak, values: Float32Array.from(touched, (p) => credit[p]!) };
  });
  const idf = perConcept.map((c) => idfOf(c.df, n));
  const total = query.concepts.reduce((sum, c, k) => sum + c.weight * idf[k]!, 0);
  const isCandidate = new Uint8Array(n);
  const order = perConcept.map((_, k) => k).sort((a, b) => perConcept[a]!.df - perConcept[b]!.df);
  const rareLimit = Math.max(50, n * CANDIDATE_DF_SHARE);
  let anyRare = false;
  for (const k of order) {
    const { touched, values, df } = perConcept[k]!;
    const w = query.concepts[k]!.weight * idf[k]!;
    const opens = df <= rareLimit || !anyRare;
    if (df > 0 && df <= rareLimit) anyRare = true;
    touched.forEach((p, j) => {
      if (opens) isCandidate[p] = 1;
      acc[p] = acc[p]! + w * values[j]!;
    });
  }
  if (query.date?.month && query.date.day) {
    const day = dateKey(query.date);
    index.docs.forEach((d, doc) => {
      if (day.test(d.date)) for (const p of index.docPassages[doc]!) isCandidate[p] = 1;
    });
  }
  // BM25 over jieba words, for the discriminating concepts only (scoring a common word's
  // postings would cost more than the whole rest of the query).
  const bm25 = index.wordScores(
    query.concepts
      .filter((c, k) => perConcept[k]!.df <= bm25Limit && index.hasWord(c.terms[0]!))
      .map((c) => c.terms[0]!),
  );
  const bm25Max = Math.max(1e-9, ...bm25.values());
  const wordScore = (p: number) => 0.1 * ((bm25.get(p) ?? 0) / bm25Max);

  const bestCopy = new Map<string, { p: number; s: number }>();
  for (let p = 0; p < n; p++) {
    if (!isCandidate[p]) continue;
    const cover = acc[p]! / total;
    if (cover < MIN_COVERAGE - 0.25) continue;
    const docIndex = index.passages[p]!.doc;
    const s = cover + wordScore(p) + dateBonus(index.docs[docIndex]!.date, '', query.date);
    const key = `${index.copyKey(docIndex)}#${index.passageOrdinal[p]}`;
    const held = bestCopy.get(key);
    if (!held || preferCopy(index, { p, s }, held)) bestCopy.set(key, { p, s });
  }
  const weak = perConcept.map((c) => c.weak);
  return { idf, weak, ranked: [...bestCopy.values()].sort((a, b) => b.s - a.s), wordScore };
}

/** A question that is only a date (「2024年11月2日」): the articles of that date, leads shown. */
function byDateOnly(index: SearchIndex, date: PartialDate, limit: number): SearchResult[] {
  const key = dateKey(date);
  const seen = new Set<string>();
  const out: SearchResult[] = [];
  const docs = index.docs
    .map((d, k) => ({ d, k }))
    .filter(({ d }) => d.kind === 'article' && key.test(d.date))
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

/** Scores this close are a tie, which the newer copy wins. */
const COPY_TIE = 0.03;

function preferCopy(index: SearchIndex, a: { p: number; s: number }, b: { p: number; s: number }): boolean {
  if (Math.abs(a.s - b.s) > COPY_TIE) return a.s > b.s;
  return compareDates(index, a.p, b.p) > 0 || (compareDates(index, a.p, b.p) === 0 && a.s > b.s);
}

/** Orders passages by their docs' dates, then by issue file (dated names sort by date). */
function compareDates(index: SearchIndex, a: number, b: number): number {
  const da = index.docs[index.passages[a]!.doc]!;
  const db = index.docs[index.passages[b]!.doc]!;
  if (da.date !== db.date) return da.date < db.date ? -1 : 1;
  return da.source < db.source ? -1 : da.source > db.source ? 1 : 0;
}

function scorePassage(
  index: SearchIndex,
  id: number,
  query: ParsedQuery,
  idf: number[],
  weak: (Set<number> | undefined)[],
): Scored {
  const text = index.passageTexts[id]!;
  const docIndex = index.passages[id]!.doc;
  const title = index.docTitles[docIndex]!;
  const doc = index.docs[docIndex]!;
  let got = 0;
  let total = 0;
  let titleGot = 0;
  query.concepts.forEach((c, k) => {
    const w = c.weight * idf[k]!;
    total += w;
    const split = weak[k]?.has(id) && onlyAcrossWords(text, c.terms[0]!);
    const inText = termCredit(text, c) * (split ? ACROSS_WORDS : 1);
    const inTitle = termCredit(title, c);
    got += w * Math.max(inText, 0.9 * inTitle, partialCredit(text, c.terms[0]!));
    titleGot += w * inTitle;
  });
  const cover = total > 0 ? got / total : 0;
  const titleCover = total > 0 ? titleGot / total : 0;
  const sentence = bestSentence(index.passages[id]!.text, text, query, idf);
  let score = cover + 0.15 * titleCover + 0.35 * Math.max(0, sentence.score);
  score += dateBonus(doc.date, text, query.date);
  return { passage: id, score, cover };
}

/** Half credit, at most, for a long word whose bigrams mostly stand in the text. */
function partialCredit(text: string, term: string): number {
  if (term.length < 3) return 0;
  let hit = 0;
  for (let i = 0; i + 1 < term.length; i++) if (text.includes(term.slice(i, i + 2))) hit++;
  const share = hit / (term.length - 1);
  return 0.5 * share * share;
}
