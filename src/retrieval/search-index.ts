/**
 * The search index over an archive's passages, in two views of the text:
 * - jieba words in a MiniSearch index (BM25 over words; numbers and Latin words live here);
 * - Han character bigrams as compact postings, for passages and for headlines: bigrams find a
 *   term whatever segmentation made of it, and the ranker's coverage counts come from them.
 * Serializes to JSON and loads back without segmenting anything again.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Issue } from '../corpus/types.ts';
import { normalize } from '../text/normalize.ts';
import { segment } from '../text/segment.ts';
import { toDocsAndPassages, type Passage, type SearchDoc } from './passages.ts';
import { Postings } from './postings.ts';

/** Bumped when the index layout or the analysis changes, so old index files are rebuilt. */
export const INDEX_VERSION = 6;

interface WordDoc {
  id: number;
  text: string;
}

const miniSearchOptions: Options<WordDoc> = {
  fields: ['text'],
  storeFields: [],
  extractField: (doc, field) => (field === 'id' ? String(doc.id) : doc.text),
  tokenize: (text) => segment(text).map((t) => t.text),
  processTerm: (term) => term,
  searchOptions: { tokenize: (query) => query.split(' ').filter(Boolean), processTerm: (t) => t },
};

/** What the index file keeps of the search index (the issues are saved beside it). */
export interface SerializedIndex {
  version: number;
  fingerprint: string;
  dictionary: string[];
  grams: Record<string, string>;
  titleGrams: Record<string, string>;
  mini: AsPlainObject;
}

const HAN = /\p{Script=Han}/u;

export class SearchIndex {
  readonly docs: SearchDoc[];
  readonly passages: Passage[];
  /** Normalized passage texts, aligned with `passages`. */
  readonly passageTexts: string[];
  /** Normalized "headline subtitle" of each doc, aligned with `docs`. */
  readonly docTitles: string[];
  /** The passages of each doc, in order. */
  readonly docPassages: number[][];

  private constructor(
    issues: Issue[],
    readonly dictionary: string[],
    readonly fingerprint: string,
    private readonly mini: MiniSearch<WordDoc>,
    private readonly grams: Postings,
    private readonly titleGrams: Postings,
  ) {
    const { docs, passages } = toDocsAndPassages(issues);
    this.docs = docs;
    this.passages = passages;
    this.passageTexts = passages.map((p) => normalize(p.text));
    this.docTitles = docs.map((d) => normalize(`${d.headline} ${d.subtitle}`));
    this.docPassages = docs.map(() => []);
    passages.forEach((p, id) => this.docPassages[p.doc]!.push(id));
  }

  /** Indexes the issues' passages (segmenting every one); `onProgress` hears about each thousand. */
  static build(issues: Issue[], dictionary: string[], fingerprint: string, onProgress?: (done: number, total: number) => void): SearchIndex {
    const { docs, passages } = toDocsAndPassages(issues);
    const texts = passages.map((p) => normalize(p.text));
    const mini = new MiniSearch<WordDoc>(miniSearchOptions);
    const step = 1000;
    for (let start = 0; start < texts.length; start += step) {
      mini.addAll(texts.slice(start, start + step).map((text, k) => ({ id: start + k, text })));
      onProgress?.(Math.min(start + step, texts.length), texts.length);
    }
    const grams = Postings.fromTexts(texts);
    const titleGrams = Postings.fromTexts(docs.map((d) => normalize(`${d.headline} ${d.subtitle}`)));
    return new SearchIndex(issues, dictionary, fingerprint, mini, grams, titleGrams);
  }

  /** Restores an index saved by toJSON, given the same issues; nothing is segmented again. */
  static fromJSON(data: SerializedIndex, issues: Issue[]): SearchIndex {
    const mini = MiniSearch.loadJS<WordDoc>(data.mini, miniSearchOptions);
    return new SearchIndex(issues, data.dictionary, data.fingerprint, mini, Postings.fromJSON(data.grams), Postings.fromJSON(data.titleGrams));
  }

  toJSON(): SerializedIndex {
    return {
      version: INDEX_VERSION,
      fingerprint: this.fingerprint,
      dictionary: this.dictionary,
      grams: this.grams.toJSON(),
      titleGrams: this.titleGrams.toJSON(),
      mini: this.mini.toJSON(),
    };
  }

  /**
   * Passages that may hold the term: by its bigrams for Han text; by the word index for numbers
   * and Latin words (「814亿元」, 「gdp」), falling back to bigrams when segmentation differs.
   */
  termPassages(term: string): Uint32Array {
    if (/[\da-z]/.test(term)) {
      const ids = this.mini.search({ queries: [term], fields: ['text'] }).map((r) => Number(r.id));
      if (ids.length > 0 || !HAN.test(term)) return Uint32Array.from(ids.sort((a, b) => a - b));
    }
    return this.grams.lookup(term);
  }

  /** Docs whose headline or subtitle may hold the term. */
  termDocs(term: string): Uint32Array {
    return HAN.test(term) ? this.titleGrams.lookup(term) : new Uint32Array();
  }

  /** Whether segmentation produced this word anywhere in the archive. */
  hasWord(word: string): boolean {
    return this.mini.search({ queries: [word], fields: ['text'] }).length > 0;
  }

  /** BM25 scores over jieba words for the given words, by passage. */
  wordScores(words: string[]): Map<number, number> {
    const out = new Map<number, number>();
    if (words.length === 0) return out;
    for (const r of this.mini.search({ queries: words, fields: ['text'] })) out.set(Number(r.id), r.score);
    return out;
  }
}
