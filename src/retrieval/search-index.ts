/**
 * The search index over an archive's passages, in two views of the text:
 * - jieba words in a MiniSearch index (BM25 over words; numbers and Latin words live here);
 * - Han character bigrams as compact postings, for passages and for headlines: bigrams find a
 *   term whatever segmentation made of it, and the ranker's coverage counts come from them.
 * Serializes to JSON and loads back without segmenting anything again.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import type { Issue } from '../corpus/types.ts';
import { normalize } from '../text/normalize.ts';
import { toDocsAndPassages, type Passage, type SearchDoc } from './passages.ts';
import { Postings } from './postings.ts';
import { segment } from '../text/segment.ts';
import { buildWordIndexData, loadWordIndex, WORD_FIELD, type WordDoc } from './word-index.ts';

/** Bumped when the index layout or the analysis changes, so old index files are rebuilt. */
export const INDEX_VERSION = 8;

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

const copyKeyOf = (d: SearchDoc) => `${d.kind}|${d.headline.replace(/[\d\s]+/g, '')}`;

/**
 * A full collection between build stages when the process allows it (node --expose-gc, as the
 * npm scripts run): each stage leaves tens of megabytes of garbage that V8 would otherwise let
 * pile up, and peak memory is what a small machine notices.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export class SearchIndex {
  readonly docs: SearchDoc[];
  readonly passages: Passage[];
  /** Normalized passage texts, aligned with `passages`. */
  readonly passageTexts: string[];
  /** Normalized "headline subtitle" of each doc, aligned with `docs`. */
  readonly docTitles: string[];
  /** The passages of each doc, in order. */
  readonly docPassages: number[][];
  /** Each passage's place in its doc (0 for the lead). */
  readonly passageOrdinal: number[] = [];
  private readonly copyKeys: string[];

  /**
   * What copies of one story share: its kind and its headline but for figures. A story reprinted
   * in later issues (with its numbers updated) has one key.
   */
  copyKey(doc: number): string {
    return this.copyKeys[doc]!;
  }

  private constructor(
    issues: Issue[],
    /** The domain dictionary's words (grows as new issues bring new names). */
    readonly dictionary: string[],
    readonly fingerprint: string,
    wordData: AsPlainObject,
    private readonly grams: Postings,
    private readonly titleGrams: Postings,
    prepared?: { docs: SearchDoc[]; passages: Passage[]; passageTexts: string[]; docTitles: string[] },
  ) {
    const { docs, passages } = prepared ?? toDocsAndPassages(issues);
    this.docs = docs;
    this.passages = passages;
    this.passageTexts = prepared?.passageTexts ?? passages.map((p) => normalize(p.text));
    this.docTitles = prepared?.docTitles ?? docs.map((d) => normalize(`${d.headline} ${d.subtitle}`));
    this.docPassages = docs.map(() => []);
    passages.forEach((p, id) => {
      this.passageOrdinal[id] = this.docPassages[p.doc]!.push(id) - 1;
    });
    this.copyKeys = docs.map(copyKeyOf);
    this.mini = loadWordIndex(wordData);
    this.vocabulary = new Set(wordData.index.map(([term]) => term));
  }

  private readonly mini: MiniSearch<WordDoc>;
  private readonly vocabulary: Set<string>;

  /**
   * Indexes the issues' passages (segmenting every one); `onProgress` hears how far it got.
   * Returns the index and its serialized form, made from the build's own data (cheaper than
   * serializing the loaded index again); drop the latter once saved.
   */
  static build(
    issues: Issue[],
    dictionary: string[],
    fingerprint: string,
    onProgress?: (step: string) => void,
  ): { index: SearchIndex; serialized: SerializedIndex } {
    const { docs, passages } = toDocsAndPassages(issues);
    const passageTexts = passages.map((p) => normalize(p.text));
    const docTitles = docs.map((d) => normalize(`${d.headline} ${d.subtitle}`));
    onProgress?.(`segmenting ${passages.length} passages`);
    const wordData = buildWordIndexData(passageTexts);
    collectGarbage();
    onProgress?.('indexing bigrams');
    const grams = Postings.fromTexts(passageTexts);
    const titleGrams = Postings.fromTexts(docTitles);
    const index = new SearchIndex(issues, dictionary, fingerprint, wordData, grams, titleGrams, {
      docs,
      passages,
      passageTexts,
      docTitles,
    });
    const serialized: SerializedIndex = {
      version: INDEX_VERSION,
      fingerprint,
      dictionary,
      grams: grams.toJSON(),
      titleGrams: titleGrams.toJSON(),
      mini: wordData,
    };
    return { index, serialized };
  }

  /**
   * Indexes more issues into this index in place (a new issue dropped into the corpus): their
   * passages get the next ids, so every posting list stays sorted.
   */
  addIssues(issues: Issue[]): void {
    const { docs, passages } = toDocsAndPassages(issues);
    const docOffset = this.docs.length;
    const passageOffset = this.passages.length;
    const texts = passages.map((p) => normalize(p.text));
    const titles = docs.map((d) => normalize(`${d.headline} ${d.subtitle}`));
    for (const d of docs) {
      this.docs.push(d);
      this.docPassages.push([]);
      this.copyKeys.push(copyKeyOf(d));
    }
    this.docTitles.push(...titles);
    passages.forEach((p, k) => {
      const passage = { doc: p.doc + docOffset, text: p.text };
      this.passages.push(passage);
      this.passageTexts.push(texts[k]!);
      this.passageOrdinal.push(this.docPassages[passage.doc]!.push(passageOffset + k) - 1);
    });
    this.mini.addAll(texts.map((text, k) => ({ id: passageOffset + k, text })));
    for (const text of texts) for (const { text: word } of segment(text)) this.vocabulary.add(word);
    this.grams.append(texts, passageOffset);
    this.titleGrams.append(titles, docOffset);
  }

  /** Restores an index saved by toJSON, given the same issues; nothing is segmented again. */
  static fromJSON(data: SerializedIndex, issues: Issue[]): SearchIndex {
    return new SearchIndex(
      issues,
      data.dictionary,
      data.fingerprint,
      data.mini,
      Postings.fromJSON(data.grams),
      Postings.fromJSON(data.titleGrams),
    );
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
      const ids = this.mini.search({ queries: [term], fields: [WORD_FIELD] }).map((r) => Number(r.id));
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
    return this.vocabulary.has(word);
  }

  /** BM25 scores over jieba words for the given words, by passage. */
  wordScores(words: string[]): Map<number, number> {
    const out = new Map<number, number>();
    if (words.length === 0) return out;
    for (const r of this.mini.search({ queries: words, fields: [WORD_FIELD] })) out.set(Number(r.id), r.score);
    return out;
  }
}
