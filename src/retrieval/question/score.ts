/**
 * How a question is credited in a text: the parts of a passage's score, as pure functions of counts and weights (see weights.ts for the
 * formula): idf, BM25F's pseudo term frequency and saturation, a concept's match credit in a text
 * (the confidence decision is ranking/decision.ts).
 */
import type { Concept } from './query.ts';
import { RANKING, type RankingWeights } from '../weights.ts';

/** Okapi BM25's idf, never negative: ln(1 + (N − df + 0.5) / (df + 0.5)). */
export function idfOf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Occurrences of a field's text: how often the term stands in it, and the field's length and average length. */
export interface FieldCount {
  tf: number;
  length: number;
  averageLength: number;
}

/** One field's contribution to BM25F's pseudo term frequency: weight · tf / (1 − b + b · len / avglen). */
export function fieldTf(field: FieldCount, weight: number, b = RANKING.bm25.b): number {
  if (field.tf <= 0) return 0;
  const norm = 1 - b + (b * field.length) / Math.max(1, field.averageLength);
  return (weight * field.tf) / norm;
}

/** BM25 saturation scaled to 0..1: tf̃ / (k1 + tf̃). */
export function saturate(tf: number, k1 = RANKING.bm25.k1): number {
  return tf <= 0 ? 0 : tf / (k1 + tf);
}

/** Non-overlapping occurrences of `term` in `text`. */
export function countOccurrences(text: string, term: string): number {
  if (!term) return 0;
  let n = 0;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

/**
 * How often a concept stands in a text, credit-weighted: the user's own word counts 1 an
 * occurrence, a synonym `match.synonym` (the better of the two is taken, not their sum, since
 * synonyms may contain one another: 生产总值 in 地区生产总值).
 */
export function conceptTf(text: string, c: Concept, w: RankingWeights = RANKING): number {
  let best = countOccurrences(text, c.terms[0]!);
  for (let k = 1; k < c.terms.length; k++) best = Math.max(best, w.match.synonym * countOccurrences(text, c.terms[k]!));
  return best;
}

/** 1 when the text holds the user's own word, `match.synonym` for a synonym, 0 for neither. */
export function termCredit(text: string, c: Concept, w: RankingWeights = RANKING): number {
  if (text.includes(c.terms[0]!)) return 1;
  for (let k = 1; k < c.terms.length; k++) if (text.includes(c.terms[k]!)) return w.match.synonym;
  return 0;
}

/** Some credit, at most `match.partial`, for a long word whose bigrams mostly stand in the text. */
export function partialCredit(text: string, term: string, w: RankingWeights = RANKING): number {
  if (term.length < 3) return 0;
  let hit = 0;
  for (let i = 0; i + 1 < term.length; i++) if (text.includes(term.slice(i, i + 2))) hit++;
  const share = hit / (term.length - 1);
  return w.match.partial * share * share;
}
