/**
 * The search index over an archive's passages, in two views of the text:
 * - jieba words with BM25 (numbers and Latin words live here): the WordIndex;
 * - Han character bigrams as compact postings, for passages and for headlines: bigrams find a
 *   term whatever segmentation made of it, and the ranker's coverage counts come from them.
 *
 * Everything it holds is saved as columns (typed arrays and string tables, see index-file.ts)
 * and loaded back as they are: nothing is segmented, normalized or rebuilt at load, and the
 * columns that grow with the archive's text (FILE_COLUMNS) stay in the file, read as questions
 * need them. A per-passage or per-doc array added here is saved by naming it in `columnSources`
 * and `fromColumns`.
 */
import type { Issue } from '../../corpus/types.ts';
import type { ProgressReport } from './build-progress.ts';
import { normalize } from '../../text/normalize.ts';
import {
  type Columns,
  type ColumnSources,
  column,
  FileStrings,
  IndexFileError,
  type LoadedColumns,
  materializeAll,
  StringTable,
} from './index-file.ts';
import { computedArray, PassageStore, StoredPassage } from './passage-store.ts';
import { toDocsAndPassages, type Passage, type SearchDoc } from './passages.ts';
import { type PreparedPostings, Postings } from './postings.ts';
import { type PreparedWords, WordIndex } from './word-index.ts';

/** Bumped when the index layout or the analysis changes, so old index files are rebuilt. */
export const INDEX_VERSION = 11;

const HAN = /\p{Script=Han}/u;
const KINDS: SearchDoc['kind'][] = ['article', 'photo'];

const copyKeyOf = (d: SearchDoc) => `${d.kind}|${d.headline.replace(/[\d\s]+/g, '')}`;
const titleOf = (d: SearchDoc) => normalize(`${d.headline} ${d.subtitle}`);

/**
 * A full collection between build stages when the process allows it (node --expose-gc, as the
 * npm scripts run): each stage leaves tens of megabytes of garbage that V8 would otherwise let
 * pile up, and peak memory is what a small machine notices.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The arrays a SearchIndex is made of, aligned by doc or by passage. */
interface Parts {
  docs: SearchDoc[];
  passages: Passage[];
  passageTexts: string[];
  docTitles: string[];
  copyKeys: string[];
  /** Where the passages' texts are read from when they are left in the index file (then StoredPassages). */
  store?: PassageStore;
}

/** Issues made ready to index, all but the last step (SearchIndex.prepareInSteps). */
export interface PreparedIssues {
  readonly parts: Parts;
  readonly words: PreparedWords;
  readonly grams: PreparedPostings;
  readonly titleGrams: PreparedPostings;
}

/**
 * What a loaded index leaves in its file, the columns that grow with the archive's text: passage
 * texts, read when a question looks at a passage, and the word and bigram postings, a term's list
 * read when it is looked up. What stays in memory is a few numbers per passage, doc and term.
 */
export const FILE_COLUMNS = ['passage.text', 'passage.normalized', 'words.ids', 'words.freqs', 'grams.bytes'];

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
  private readonly store: PassageStore | undefined;
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
    parts: Parts,
    /** The domain dictionary's words (grows as new issues bring new names). */
    readonly dictionary: string[],
    readonly fingerprint: string,
    private readonly words: WordIndex,
    private readonly grams: Postings,
    private readonly titleGrams: Postings,
  ) {
    this.docs = parts.docs;
    this.passages = parts.passages;
    this.passageTexts = parts.passageTexts;
    this.docTitles = parts.docTitles;
    this.copyKeys = parts.copyKeys;
    this.store = parts.store;
    this.docPassages = this.docs.map(() => []);
    this.passages.forEach((p, id) => {
      this.passageOrdinal[id] = this.docPassages[p.doc]!.push(id) - 1;
    });
    // Each list copied at its length: grown by push, it holds room for a dozen more.
    this.docPassages.forEach((list, d) => {
      this.docPassages[d] = list.slice();
    });
  }

  /** The docs and passages of the issues, normalized. */
  private static parts(issues: Issue[]): Parts {
    const { docs, passages } = toDocsAndPassages(issues);
    return {
      docs,
      passages,
      passageTexts: passages.map((p) => normalize(p.text)),
      docTitles: docs.map(titleOf),
      copyKeys: docs.map(copyKeyOf),
    };
  }

  /**
   * Indexes the issues' passages (segmenting every one); `onProgress` hears each step, `report`
   * how far the segmenting got (see build-progress.ts).
   */
  static build(
    issues: Issue[],
    dictionary: string[],
    fingerprint: string,
    onProgress?: (step: string) => void,
    report?: ProgressReport,
  ): { index: SearchIndex } {
    const parts = SearchIndex.parts(issues);
    onProgress?.(`segmenting ${parts.passages.length} passages`);
    const onText = report && ((done: number, total: number) => report('segmenting passages', done, total));
    const words = WordIndex.fromTexts(parts.passageTexts, 0, onText);
    collectGarbage();
    onProgress?.('indexing bigrams');
    const grams = Postings.fromTexts(parts.passageTexts);
    const titleGrams = Postings.fromTexts(parts.docTitles);
    return { index: new SearchIndex(parts, dictionary, fingerprint, words, grams, titleGrams) };
  }

  /**
   * Indexes more issues into this index in place (a new issue dropped into the corpus): their
   * passages get the next ids, so every posting list stays sorted.
   */
  addIssues(issues: Issue[]): void {
    this.append(SearchIndex.parts(issues));
  }

  /**
   * addIssues' costly part, a step (yield) after each piece: the issues' passages made and
   * normalized, then segmented and indexed into segments of their own. Nothing in the index
   * changes until addPrepared takes what it returns; changes in between are allowed (what they
   * made stale is made again then).
   */
  *prepareInSteps(issues: Issue[]): Generator<void, PreparedIssues> {
    const parts = SearchIndex.parts(issues);
    yield;
    const words = this.words.prepare(parts.passageTexts);
    yield;
    const grams = this.grams.prepare(parts.passageTexts, this.passages.length);
    const titleGrams = this.titleGrams.prepare(parts.docTitles, this.docs.length);
    yield;
    return { parts, words, grams, titleGrams };
  }

  /** Indexes the issues prepareInSteps made ready (see addIssues). */
  addPrepared(ready: PreparedIssues): void {
    this.append(ready.parts, ready);
  }

  private append(added: Parts, ready?: PreparedIssues): void {
    const docOffset = this.docs.length;
    const passageOffset = this.passages.length;
    for (const [k, d] of added.docs.entries()) {
      this.docs.push(d);
      this.docPassages.push([]);
      this.copyKeys.push(added.copyKeys[k]!);
      this.docTitles.push(added.docTitles[k]!);
    }
    added.passages.forEach((p, k) => {
      const doc = p.doc + docOffset;
      const normalized = added.passageTexts[k]!;
      const passage = this.store ? this.store.add(doc, p.text, normalized) : { doc, text: p.text };
      this.passages.push(passage);
      // With a store, passageTexts reads through the passages.
      if (!this.store) this.passageTexts.push(normalized);
      this.passageOrdinal.push(this.docPassages[passage.doc]!.push(passageOffset + k) - 1);
    });
    this.words.append(added.passageTexts, ready?.words);
    this.grams.append(added.passageTexts, passageOffset, ready?.grams);
    this.titleGrams.append(added.docTitles, docOffset, ready?.titleGrams);
    this.changes++;
  }

  /**
   * Whether the word index or the bigram postings are due to merge their first segment (the
   * archive as loaded) with what was added since: see mergeInSteps.
   */
  get mergeDue(): boolean {
    return this.words.firstMergeDue || this.grams.firstMergeDue || this.titleGrams.firstMergeDue;
  }

  /**
   * The merges that are due, a piece at a time: a step (yield) after each, for the caller to let
   * other work run. Changes between the steps are allowed; a merge they overtook is dropped (still due).
   */
  *mergeInSteps(): Generator<void> {
    for (const part of [this.words, this.grams, this.titleGrams])
      if (part.firstMergeDue) yield* part.mergeFirstInSteps();
  }

  /** How many segments the word index and the postings are in (three when each is in one). */
  get segmentCount(): number {
    return this.words.segmentCount + this.grams.segmentCount + this.titleGrams.segmentCount;
  }

  /**
   * Takes the issues (by source file name) out of this index in place. An issue's docs and
   * passages are contiguous: each run goes (the last first), later ones move up to close the gap
   * (so ids stay aligned with the remaining issues, in order), and every view of the text drops
   * it. Nothing is segmented; no index is rebuilt. Returns how many docs went.
   */
  removeIssues(sources: ReadonlySet<string>): number {
    const runs: [number, number][] = [];
    for (let d = 0; d < this.docs.length; d++) {
      if (!sources.has(this.docs[d]!.source)) continue;
      const from = d;
      while (d < this.docs.length && sources.has(this.docs[d]!.source)) d++;
      runs.push([from, d]);
    }
    if (runs.length === 0) return 0;
    for (const [from, to] of runs.reverse()) this.removeDocRange(from, to);
    this.changes++;
    return runs.reduce((n, [from, to]) => n + to - from, 0);
  }

  /** Drops docs [from, to) and their passages from every view. */
  private removeDocRange(from: number, to: number): void {
    // A doc's passages are contiguous and in doc order: the run is where the first and the last
    // doc's lists say (a doc may have none, so the docs around the run say where it falls).
    let first = this.passages.length;
    for (let d = from; d < this.docs.length; d++)
      if (this.docPassages[d]!.length > 0) {
        first = this.docPassages[d]![0]!;
        break;
      }
    let last = this.passages.length;
    for (let d = to; d < this.docs.length; d++)
      if (this.docPassages[d]!.length > 0) {
        last = this.docPassages[d]![0]!;
        break;
      }
    // Passage ids and doc numbers above the run move down; ordinals within a doc stay.
    this.passageOrdinal.splice(first, last - first);
    this.docPassages.splice(from, to - from);
    const gone = last - first;
    if (gone > 0)
      for (let d = from; d < this.docPassages.length; d++) {
        const list = this.docPassages[d]!;
        for (let k = 0; k < list.length; k++) list[k]! -= gone;
      }
    this.words.removeRange(first, last);
    this.grams.removeRange(first, last);
    this.titleGrams.removeRange(from, to);
    this.docs.splice(from, to - from);
    this.docTitles.splice(from, to - from);
    this.copyKeys.splice(from, to - from);
    this.passages.splice(first, last - first);
    if (!this.store) this.passageTexts.splice(first, last - first);
    for (let k = first; k < this.passages.length; k++) {
      const p = this.passages[k]!;
      const doc = p.doc - (to - from);
      this.passages[k] = p instanceof StoredPassage ? p.withDoc(doc) : { ...p, doc };
    }
  }

  /** Everything the index holds, as columns for the index file. */
  toColumns(): Columns {
    return materializeAll(this.columnSources());
  }

  /**
   * Everything the index holds as it is now, for the index file, whatever changes come after: the
   * lists of docs and passages are copied (their entries are never changed, only replaced), and
   * the word index and postings give theirs as they are now. Columns are made as they are written.
   */
  columnSources(): ColumnSources {
    const docs = this.docs.slice();
    const passages = this.passages.slice();
    const [titles, copyKeys, dictionary] = [this.docTitles, this.copyKeys, this.dictionary].map((list) => list.slice());
    // Texts left in the file are read as they are written, never all held at once.
    const held = this.store ? undefined : this.passageTexts.slice();
    const texts =
      held ??
      computedArray(
        () => passages.length,
        (k) => (passages[k] as StoredPassage).normalized,
      );
    const strings = (f: (d: SearchDoc) => string) => ({ strings: () => docs.map(f) });
    return [
      ['doc.id', strings((d) => d.id)],
      ['doc.kind', () => Uint8Array.from(docs, (d) => KINDS.indexOf(d.kind))],
      ['doc.headline', strings((d) => d.headline)],
      ['doc.subtitle', strings((d) => d.subtitle)],
      ['doc.date', strings((d) => d.date)],
      ['doc.source', strings((d) => d.source)],
      ['doc.title', { strings: () => titles! }],
      ['doc.copyKey', { strings: () => copyKeys! }],
      ['passage.doc', () => Uint32Array.from(passages, (p) => p.doc)],
      [
        'passage.text',
        {
          strings: () =>
            computedArray(
              () => passages.length,
              (k) => passages[k]!.text,
            ),
        },
      ],
      ['passage.normalized', { strings: () => texts }],
      ['dictionary', { strings: () => dictionary! }],
      ...this.words.columnSources('words'),
      ...this.grams.columnSources('grams'),
      ...this.titleGrams.columnSources('titleGrams'),
    ];
  }

  /**
   * The index saved by toColumns; throws IndexFileError when a column is missing or misfits.
   * Columns left in the file (FILE_COLUMNS, read as FileStrings and FileArrays) stay there.
   */
  static fromColumns(columns: LoadedColumns, fingerprint: string): SearchIndex {
    const docIds = column(columns, 'doc.id', StringTable);
    const nDocs = docIds.length;
    const str = (name: string) => column(columns, name, StringTable, nDocs);
    const kind = column(columns, 'doc.kind', Uint8Array, nDocs);
    const [headline, subtitle, date, source] = ['headline', 'subtitle', 'date', 'source'].map((f) => str(`doc.${f}`));
    const docs: SearchDoc[] = Array.from({ length: nDocs }, (_, k) => ({
      id: docIds.get(k),
      kind: KINDS[kind[k]!] ?? 'article',
      headline: headline!.get(k),
      subtitle: subtitle!.get(k),
      date: date!.get(k),
      source: source!.get(k),
    }));
    const passageDoc = column(columns, 'passage.doc', Uint32Array);
    const nPassages = passageDoc.length;
    for (const d of passageDoc) if (d >= nDocs) throw new IndexFileError('a passage names no doc');
    const docParts = { docs, docTitles: str('doc.title').toArray(), copyKeys: str('doc.copyKey').toArray() };
    let parts: Parts;
    if (columns['passage.text'] instanceof FileStrings) {
      const store = new PassageStore(
        column(columns, 'passage.text', FileStrings, nPassages),
        column(columns, 'passage.normalized', FileStrings, nPassages),
      );
      const passages = Array.from({ length: nPassages }, (_, k) => new store.Passage(passageDoc[k]!, k));
      const passageTexts = computedArray(
        () => passages.length,
        (k) => passages[k]!.normalized,
      );
      parts = { ...docParts, passages, passageTexts, store };
    } else {
      const text = column(columns, 'passage.text', StringTable, nPassages);
      parts = {
        ...docParts,
        passages: Array.from({ length: nPassages }, (_, k) => ({ doc: passageDoc[k]!, text: text.get(k) })),
        passageTexts: column(columns, 'passage.normalized', StringTable, nPassages).toArray(),
      };
    }
    return new SearchIndex(
      parts,
      column(columns, 'dictionary', StringTable).toArray(),
      fingerprint,
      WordIndex.fromColumns(columns, 'words', nPassages),
      Postings.fromColumns(columns, 'grams'),
      Postings.fromColumns(columns, 'titleGrams'),
    );
  }

  /**
   * Passages that may hold the term: by its bigrams for Han text; by the word index for numbers
   * and Latin words (「814亿元」, 「gdp」), falling back to bigrams when segmentation differs.
   */
  termPassages(term: string): Uint32Array {
    if (/[\da-z]/.test(term)) {
      const ids = [...this.words.scores([term]).keys()];
      if (ids.length > 0 || !HAN.test(term)) return Uint32Array.from(ids.sort((a, b) => a - b));
    }
    return this.grams.lookup(term);
  }

  /**
   * The passages' normalized texts holding each of the characters, in passage order: what a scan
   * of every text for all of them finds, without reading the others from the index file.
   */
  textsHoldingEach(chars: string): Iterable<string> {
    const ids = this.grams.holdingEach(chars);
    if (!ids) return this.passageTexts;
    const texts = this.passageTexts;
    return (function* () {
      for (const k of ids) yield texts[k]!;
    })();
  }

  /**
   * Passage k's normalized text's length (`passageTexts[k].length`) without reading the text,
   * which a loaded index leaves in its file: what whole-archive statistics need.
   */
  passageLength(k: number): number {
    const p = this.passages[k]!;
    return p instanceof StoredPassage ? p.normalizedLength : this.passageTexts[k]!.length;
  }

  /** Docs whose headline or subtitle may hold the term. */
  termDocs(term: string): Uint32Array {
    return HAN.test(term) ? this.titleGrams.lookup(term) : new Uint32Array();
  }

  /** Whether segmentation produced this word anywhere in the archive. */
  hasWord(word: string): boolean {
    return this.words.has(word);
  }

  /** The passages where segmentation produced this word (one word: no spaces). */
  wordPassages(word: string): Set<number> {
    return this.words.passagesOf(word);
  }

  /** BM25 scores over jieba words for the given words, by passage. */
  wordScores(words: string[]): Map<number, number> {
    if (words.length === 0) return new Map();
    return this.words.scores(words);
  }
}
