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
   * The word index names passages by ids of its own: a passage's number shifts when an issue
   * before it is removed, its word id never does. `passageOfWord[w]` is the passage of word id w
   * (-1 once removed); `wordOfPassage[p]` the word id of passage p. Both are the identity until
   * an issue is removed, and again in every saved index.
   */
  private readonly passageOfWord: number[];
  private readonly wordOfPassage: number[];
  private changes = 0;

  /**
   * Counts the changes made in place (issues added or removed): what is computed from the whole
   * index and kept is current while this stays the same. The passage count is not enough: an
   * issue indexed again may have as many passages as before.
   */
  get generation(): number {
    return this.changes;
  }

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
    this.passageOfWord = passages.map((_, id) => id);
    this.wordOfPassage = passages.map((_, id) => id);
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
    const firstWord = this.passageOfWord.length;
    passages.forEach((_, k) => {
      this.passageOfWord.push(passageOffset + k);
      this.wordOfPassage.push(firstWord + k);
    });
    this.mini.addAll(texts.map((text, k) => ({ id: firstWord + k, text })));
    for (const text of texts) for (const { text: word } of segment(text)) this.vocabulary.add(word);
    this.grams.append(texts, passageOffset);
    this.titleGrams.append(titles, docOffset);
    this.changes++;
  }

  /**
   * Takes the issues (by source file name) out of this index in place. An issue's docs and
   * passages are contiguous: each run goes (the last first), later ones move up to close the gap
   * (so ids stay aligned with the remaining issues, in order), and every view of the text drops
   * it. Costs segmenting the removed passages and one pass over the postings, not a rebuild.
   * Returns how many docs went.
   */
  removeIssues(sources: ReadonlySet<string>): number {
    const runs: [number, number][] = [];
    for (let d = 0; d < this.docs.length; d++) {
      if (!sources.has(this.docs[d]!.source)) continue;
      const from = d;
      while (d < this.docs.length && sources.has(this.docs[d]!.source)) d++;
      runs.push([from, d]);
    }
    const removedTexts: string[] = [];
    for (const [from, to] of runs.reverse()) removedTexts.push(...this.removeDocRange(from, to));
    if (runs.length === 0) return 0;
    this.changes++;
    this.forgetWords(removedTexts);
    this.docPassages.length = 0;
    this.passageOrdinal.length = 0;
    for (let d = 0; d < this.docs.length; d++) this.docPassages.push([]);
    this.passages.forEach((p, id) => {
      this.passageOrdinal[id] = this.docPassages[p.doc]!.push(id) - 1;
    });
    return runs.reduce((n, [from, to]) => n + to - from, 0);
  }

  /** Drops docs [from, to) and their passages; returns the passages' normalized texts. */
  private removeDocRange(from: number, to: number): string[] {
    let first = 0;
    while (first < this.passages.length && this.passages[first]!.doc < from) first++;
    let last = first;
    while (last < this.passages.length && this.passages[last]!.doc < to) last++;
    this.removeWordRange(first, last);
    this.grams.removeRange(first, last);
    this.titleGrams.removeRange(from, to);
    this.docs.splice(from, to - from);
    this.docTitles.splice(from, to - from);
    this.copyKeys.splice(from, to - from);
    this.passages.splice(first, last - first);
    this.wordOfPassage.splice(first, last - first);
    const texts = this.passageTexts.splice(first, last - first);
    for (let k = first; k < this.passages.length; k++) {
      const p = this.passages[k]!;
      this.passages[k] = { ...p, doc: p.doc - (to - from) };
      this.passageOfWord[this.wordOfPassage[k]!] = k;
    }
    return texts;
  }

  /** The word index forgets passages [from, to) (before they leave the arrays). */
  private removeWordRange(from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const word = this.wordOfPassage[k]!;
      if (this.mini.has(String(word))) this.mini.remove({ id: word, text: this.passageTexts[k]! });
      this.passageOfWord[word] = -1;
    }
  }

  /**
   * After a removal: the words of the removed passages that no passage holds any more leave the
   * vocabulary (MiniSearch's term tree has just dropped them).
   */
  private forgetWords(texts: string[]): void {
    const terms = (this.mini as unknown as { _index?: { has(term: string): boolean } })._index;
    if (typeof terms?.has !== 'function') return;
    for (const text of texts)
      for (const { text: word } of segment(text)) if (!terms.has(word)) this.vocabulary.delete(word);
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
      mini: this.wordIndexJSON(),
    };
  }

  /** The word index as saved: word ids become passage ids again, so a reloaded index starts aligned. */
  private wordIndexJSON(): AsPlainObject {
    const data = this.mini.toJSON();
    const documentIds: Record<string, string> = {};
    for (const [shortId, word] of Object.entries(data.documentIds as Record<string, string>)) {
      const passage = this.passageOfWord[Number(word)];
      if (passage !== undefined && passage >= 0) documentIds[shortId] = String(passage);
    }
    return { ...data, documentIds };
  }

  private passagesOfWords(ids: number[]): number[] {
    const out: number[] = [];
    for (const id of ids) {
      const p = this.passageOfWord[id];
      if (p !== undefined && p >= 0) out.push(p);
    }
    return out;
  }

  /**
   * Passages that may hold the term: by its bigrams for Han text; by the word index for numbers
   * and Latin words (「814亿元」, 「gdp」), falling back to bigrams when segmentation differs.
   */
  termPassages(term: string): Uint32Array {
    if (/[\da-z]/.test(term)) {
      const ids = this.passagesOfWords(
        this.mini.search({ queries: [term], fields: [WORD_FIELD] }).map((r) => Number(r.id)),
      );
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
    for (const r of this.mini.search({ queries: words, fields: [WORD_FIELD] })) {
      const p = this.passageOfWord[Number(r.id)];
      if (p !== undefined && p >= 0) out.set(p, r.score);
    }
    return out;
  }
}
