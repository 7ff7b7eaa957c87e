/**
 * The search index: docs, passages and a MiniSearch inverted index over them with two views of
 * the text — jieba words and Han character bigrams (bigrams catch what segmentation misses).
 * Serializes to JSON and loads back without segmenting anything again.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { normalize } from '../text/normalize.ts';
import { hanBigrams, segment } from '../text/segment.ts';
import type { Passage, SearchDoc } from './passages.ts';

/** Bumped when the index layout or the analysis changes, so old index files are rebuilt. */
export const INDEX_VERSION = 3;

interface IndexedPassage {
  id: number;
  text: string;
  title: string;
}

const FIELDS = ['words', 'grams', 'titleWords', 'titleGrams'] as const;

function tokensFor(text: string, field: string): string[] {
  if (field === 'grams' || field === 'titleGrams') return hanBigrams(text).map((t) => t.text);
  return segment(text).map((t) => t.text);
}

const miniSearchOptions: Options<IndexedPassage> = {
  fields: [...FIELDS],
  storeFields: [],
  extractField: (doc, field) => {
    if (field === 'id') return String(doc.id);
    return field.startsWith('title') ? doc.title : doc.text;
  },
  tokenize: (text, field) => tokensFor(text, field ?? 'words'),
  processTerm: (term) => term,
  searchOptions: { tokenize: (query) => query.split(' ').filter(Boolean), processTerm: (t) => t },
};

/** What the index file holds. */
export interface SerializedIndex {
  version: number;
  fingerprint: string;
  dictionary: string[];
  docs: SearchDoc[];
  passages: Passage[];
  mini: AsPlainObject;
}

export class SearchIndex {
  /** Normalized passage texts, aligned with `passages`. */
  readonly passageTexts: string[];
  /** Normalized "headline subtitle" of each doc, aligned with `docs`. */
  readonly docTitles: string[];

  private constructor(
    readonly docs: SearchDoc[],
    readonly passages: Passage[],
    readonly dictionary: string[],
    readonly mini: MiniSearch<IndexedPassage>,
    readonly fingerprint: string,
  ) {
    this.passageTexts = passages.map((p) => normalize(p.text));
    this.docTitles = docs.map((d) => normalize(`${d.headline} ${d.subtitle}`));
  }

  /** Indexes the passages (segmenting every one); `onProgress` hears about each thousand. */
  static build(
    docs: SearchDoc[],
    passages: Passage[],
    dictionary: string[],
    fingerprint: string,
    onProgress?: (done: number, total: number) => void,
  ): SearchIndex {
    const mini = new MiniSearch<IndexedPassage>(miniSearchOptions);
    const titles = docs.map((d) => normalize(`${d.headline} ${d.subtitle}`));
    const step = 1000;
    for (let start = 0; start < passages.length; start += step) {
      const batch = passages.slice(start, start + step).map((p, k) => ({ id: start + k, text: normalize(p.text), title: titles[p.doc]! }));
      mini.addAll(batch);
      onProgress?.(Math.min(start + step, passages.length), passages.length);
    }
    return new SearchIndex(docs, passages, dictionary, mini, fingerprint);
  }

  /** Restores an index from its serialized form; nothing is segmented again. */
  static fromJSON(data: SerializedIndex): SearchIndex {
    const mini = MiniSearch.loadJS<IndexedPassage>(data.mini, miniSearchOptions);
    return new SearchIndex(data.docs, data.passages, data.dictionary, mini, data.fingerprint);
  }

  toJSON(): SerializedIndex {
    return {
      version: INDEX_VERSION,
      fingerprint: this.fingerprint,
      dictionary: this.dictionary,
      docs: this.docs,
      passages: this.passages,
      mini: this.mini.toJSON(),
    };
  }

  /** Whether segmentation produced this word anywhere in the archive. */
  hasWord(word: string): boolean {
    return this.mini.search({ queries: [word], fields: ['words', 'titleWords'] }).length > 0;
  }

  /**
   * Passages holding every bigram of one of the terms (a term of one character: that character),
   * as a set of passage numbers: the passages that may contain the term.
   */
  passagesWithAny(terms: string[]): Set<number> {
    const out = new Set<number>();
    for (const term of terms) {
      const grams = hanBigrams(term).map((t) => t.text);
      const words = grams.length > 0 ? grams : segment(term).map((t) => t.text);
      if (words.length === 0) continue;
      const fields = grams.length > 0 ? ['grams', 'titleGrams'] : ['words', 'titleWords'];
      for (const r of this.mini.search({ queries: words, combineWith: 'AND', fields })) out.add(Number(r.id));
    }
    return out;
  }
}
