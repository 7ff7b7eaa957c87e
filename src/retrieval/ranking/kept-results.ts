/**
 * A search's results kept per archive version, by the question as searched and its options.
 *
 * Readers ask the same things: a newcomer taps one of the example questions the bot offers (the
 * same text for everyone until the archive changes), several readers ask about the day's story,
 * the web page and an inline query search what a chat just asked, a conversation with a time
 * window searches again without it. A question asked again of the same archive gets the same
 * results, so it is answered by a look-up instead of two ranking passes and the short answers.
 *
 * What a search reads besides its question and options is all in the key's validity: the index
 * state (`generation`, which counts issues added and removed in place) and jieba's dictionaries
 * (`dictionaryVersion`: a new issue's names change segmentation and tags). Only the default
 * weights are kept for (a caller that varies them is a test or calibration, asking once each).
 * The question is keyed as the ranking reads it (invisible characters removed, as `search` does
 * first), nothing more: any other folding would have to be proved to give the same results.
 */
import { removeInvisible } from '../../text/normalize.ts';
import { dictionaryVersion } from '../../text/segment.ts';
import type { SearchIndex } from '../index/search-index.ts';
import { RANKING } from '../weights.ts';
import { type SearchOptions, search as searchAfresh } from './rank.ts';
import type { SearchResult } from './result.ts';

/** Searches kept per index: a few hundred answers of ~5 passages each, a few megabytes at most. */
export const SEARCHES_KEPT = 256;

interface Kept {
  generation: number;
  dictionary: number;
  /** Insertion order is use order: a hit moves to the end, the first is the least recently used. */
  results: Map<string, SearchResult[]>;
}

const keptByIndex = new WeakMap<SearchIndex, Kept>();

/** The key of a search: every option that changes its results, then the question. */
function keyOf(question: string, options: SearchOptions): string {
  const { limit, dates } = options;
  return `${limit ?? ''}\u0001${dates ? `${dates.from}\u0001${dates.to}\u0001${dates.narrow ? 1 : 0}` : ''}\u0001${removeInvisible(question)}`;
}

function keptFor(index: SearchIndex): Kept {
  const dictionary = dictionaryVersion();
  let kept = keptByIndex.get(index);
  if (!kept || kept.generation !== index.generation || kept.dictionary !== dictionary) {
    kept = { generation: index.generation, dictionary, results: new Map() };
    keptByIndex.set(index, kept);
  }
  return kept;
}

/** How many searches are kept for the index's present state (for tests and metrics). */
export const keptCount = (index: SearchIndex): number => keptFor(index).results.size;

/** Whether a search is kept for the index's present state (for tests). */
export const isKept = (index: SearchIndex, question: string, options: SearchOptions = {}): boolean =>
  keptFor(index).results.has(keyOf(question, options));

/**
 * `search` (ranking/rank.ts), its results kept for a question asked again of the same archive.
 * Each call gets its own copy: a caller may sort, cut or annotate what it was given.
 */
export function search(index: SearchIndex, question: string, options: SearchOptions = {}): SearchResult[] {
  if (options.weights && options.weights !== RANKING) return searchAfresh(index, question, options);
  const kept = keptFor(index);
  const key = keyOf(question, options);
  const held = kept.results.get(key);
  if (held) {
    kept.results.delete(key);
    kept.results.set(key, held);
    return structuredClone(held);
  }
  const results = searchAfresh(index, question, options);
  // The index may have changed while the search ran (it does not yield today; cheap to be sure).
  if (kept.generation === index.generation) {
    if (kept.results.size >= SEARCHES_KEPT) kept.results.delete(kept.results.keys().next().value!);
    kept.results.set(key, structuredClone(results));
  }
  return results;
}
