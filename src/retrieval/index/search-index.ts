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
import { type ArchiveOrder, archiveOrderInSteps, type OrderedArchive, savedOrder } from './archive-order.ts';
import { DocStore, type DocText, KINDS } from './doc-store.ts';
import { IntList } from './int-list.ts';
import { computedArray, PassageStore } from './passage-store.ts';
import { toDocsAndPassages, type Passage, type SearchDoc } from './passages.ts';
import { type PreparedPostings, Postings } from './postings.ts';
import { type PreparedWords, WordIndex } from './word-index.ts';

/** Bumped when the index layout or the analysis changes, so old index files are rebuilt. */
export const INDEX_VERSION = 12;

const HAN = /\p{Script=Han}/u;

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

/** The arrays of issues made ready to index, aligned by doc or by passage. */
interface Parts {
  docs: SearchDoc[];
  passages: Passage[];
  passageTexts: string[];
  docTitles: string[];
  copyKeys: string[];
}

/**
 * What an index holds of its docs and passages, as columns: the stores hold the texts by row
 * (rows never move), the lists say which row each doc and passage is, each passage's doc and each
 * doc's first passage (a doc's passages are contiguous and in doc order; the last entry is the
 * passage count). No object per doc or passage: one is made when asked for.
 */
interface Layout {
  docStore: DocStore;
  docRow: IntList;
  passageStore: PassageStore;
  passageRow: IntList;
  passageDoc: IntList;
  docFirst: IntList;
}

const emptyLayout = (): Layout => ({
  docStore: new DocStore(),
  docRow: new IntList(),
  passageStore: new PassageStore(),
  passageRow: new IntList(),
  passageDoc: new IntList(),
  docFirst: new IntList([0]),
});

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
  /** The docs, each made when read (see doc-store.ts); whole-archive walks read fields by docText. */
  readonly docs: SearchDoc[];
  /** The passages, each made when read; whole-archive walks read passageDoc. */
  readonly passages: Passage[];
  /** Normalized passage texts, aligned with `passages`. */
  readonly passageTexts: string[];
  /** Normalized "headline subtitle" of each doc, aligned with `docs`. */
  readonly docTitles: string[];
  /** The passages of each doc, in order. */
  readonly docPassages: number[][];
  /** Each passage's place in its doc (0 for the lead). */
  readonly passageOrdinal: number[];
  private readonly layout: Layout;
  private changes = 0;
  /** The order tables read from the index file: current until the first change in place. */
  private savedOrder: ArchiveOrder | undefined;

  /**
   * Counts the changes made in place (issues added or removed): what is computed from the whole
   * index and kept is current while this stays the same. The passage count is not enough: an
   * issue indexed again may have as many passages as before.
   */
  get generation(): number {
    return this.changes;
  }

  get docCount(): number {
    return this.layout.docRow.length;
  }

  get passageCount(): number {
    return this.layout.passageDoc.length;
  }

  /** Passage k's doc (`passages[k].doc`), read from its column. */
  passageDoc(k: number): number {
    return this.layout.passageDoc.get(k);
  }

  /** Doc d's first passage (its passages run to the next doc's first; d may be docCount). */
  firstPassage(d: number): number {
    return this.layout.docFirst.get(d);
  }

  /** A field of doc d (`docs[d][field]`), without making the doc. */
  docText(d: number, field: DocText): string {
    return this.layout.docStore.text(this.layout.docRow.get(d), field);
  }

  /** The length of a field of doc d, without reading it. */
  docTextLength(d: number, field: DocText): number {
    return this.layout.docStore.textLength(this.layout.docRow.get(d), field);
  }

  /** Doc d's kind (`docs[d].kind`). */
  docKind(d: number): SearchDoc['kind'] {
    return this.layout.docStore.kind(this.layout.docRow.get(d));
  }

  /**
   * The archive's order tables (copy slots, docs' date ranks; see archive-order.ts), a step
   * (yield) after each piece: as the index file saved them while nothing has changed since the
   * load, else computed.
   */
  *orderInSteps(): Generator<void, ArchiveOrder> {
    if (this.savedOrder && this.changes === 0) return this.savedOrder;
    const steps = archiveOrderInSteps(this);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      yield;
    }
  }

  /**
   * What copies of one story share: its kind and its headline but for figures. A story reprinted
   * in later issues (with its numbers updated) has one key.
   */
  copyKey(doc: number): string {
    return this.layout.docStore.copyKey(this.layout.docRow.get(doc));
  }

  private constructor(
    layout: Layout,
    /** The domain dictionary's words (grows as new issues bring new names). */
    readonly dictionary: string[],
    readonly fingerprint: string,
    private readonly words: WordIndex,
    private readonly grams: Postings,
    private readonly titleGrams: Postings,
  ) {
    this.layout = layout;
    const { docStore, docRow, passageStore, passageRow, passageDoc, docFirst } = layout;
    const docs = () => docRow.length;
    const passages = () => passageDoc.length;
    this.docs = computedArray(docs, (d) => docStore.doc(docRow.get(d)));
    this.docTitles = computedArray(docs, (d) => docStore.title(docRow.get(d)));
    this.passages = computedArray(passages, (k) => new passageStore.Passage(passageDoc.get(k), passageRow.get(k)));
    this.passageTexts = computedArray(passages, (k) => passageStore.normalized(passageRow.get(k)));
    this.docPassages = computedArray(docs, (d) => {
      const list: number[] = [];
      for (let p = docFirst.get(d); p < docFirst.get(d + 1); p++) list.push(p);
      return list;
    });
    this.passageOrdinal = computedArray(passages, (k) => k - docFirst.get(passageDoc.get(k)));
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
    const index = new SearchIndex(emptyLayout(), dictionary, fingerprint, words, grams, titleGrams);
    index.place(parts);
    return { index };
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
    const grams = this.grams.prepare(parts.passageTexts, this.passageCount);
    const titleGrams = this.titleGrams.prepare(parts.docTitles, this.docCount);
    yield;
    return { parts, words, grams, titleGrams };
  }

  /** Indexes the issues prepareInSteps made ready (see addIssues). */
  addPrepared(ready: PreparedIssues): void {
    this.append(ready.parts, ready);
  }

  private append(added: Parts, ready?: PreparedIssues): void {
    const docOffset = this.docCount;
    const passageOffset = this.passageCount;
    this.place(added);
    this.words.append(added.passageTexts, ready?.words);
    this.grams.append(added.passageTexts, passageOffset, ready?.grams);
    this.titleGrams.append(added.docTitles, docOffset, ready?.titleGrams);
    this.changes++;
  }

  /** The docs and passages of `added` put after this index's, in the stores and lists (not the postings). */
  private place(added: Parts): void {
    const { docStore, docRow, passageStore, passageRow, passageDoc, docFirst } = this.layout;
    const docOffset = docRow.length;
    let next = docFirst.pop();
    let k = 0;
    for (const [d, doc] of added.docs.entries()) {
      docRow.push(docStore.add(doc, added.docTitles[d]!, added.copyKeys[d]!));
      docFirst.push(next);
      for (; k < added.passages.length && added.passages[k]!.doc === d; k++, next++) {
        passageRow.push(passageStore.add(added.passages[k]!.text, added.passageTexts[k]!));
        passageDoc.push(docOffset + d);
      }
    }
    if (k !== added.passages.length) throw new Error('passages out of doc order');
    docFirst.push(next);
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
    const n = this.docCount;
    for (let d = 0; d < n; d++) {
      if (!sources.has(this.docText(d, 'source'))) continue;
      const from = d;
      while (d < n && sources.has(this.docText(d, 'source'))) d++;
      runs.push([from, d]);
    }
    if (runs.length === 0) return 0;
    for (const [from, to] of runs.reverse()) this.removeDocRange(from, to);
    this.changes++;
    return runs.reduce((n, [from, to]) => n + to - from, 0);
  }

  /** Drops docs [from, to) and their passages from every view. */
  private removeDocRange(from: number, to: number): void {
    const { docRow, passageRow, passageDoc, docFirst } = this.layout;
    // A doc's passages are contiguous and in doc order: the run is [first passage of `from`, of `to`).
    const first = docFirst.get(from);
    const last = docFirst.get(to);
    const gone = last - first;
    this.words.removeRange(first, last);
    this.grams.removeRange(first, last);
    this.titleGrams.removeRange(from, to);
    // Passage ids and doc numbers above the run move down; ordinals within a doc stay.
    passageRow.remove(first, gone);
    passageDoc.remove(first, gone);
    passageDoc.shift(first, from - to);
    docRow.remove(from, to - from);
    docFirst.remove(from, to - from);
    docFirst.shift(from, -gone);
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
    // The stores only grow (rows never change), so the rows as they are now are the snapshot.
    const { docStore, passageStore } = this.layout;
    const docRows = this.layout.docRow.copy();
    const passageRows = this.layout.passageRow.copy();
    const passageDocs = this.layout.passageDoc.copy();
    const docFirst = this.layout.docFirst.copy();
    const dictionary = this.dictionary.slice();
    // The order tables of this snapshot: as loaded when nothing changed since, else computed when written.
    const snapshot: OrderedArchive = {
      docCount: docRows.length,
      passageCount: passageDocs.length,
      passageDoc: (k) => passageDocs[k]!,
      firstPassage: (d) => docFirst[d]!,
      copyKey: (d) => docStore.copyKey(docRows[d]!),
      docText: (d, f) => docStore.text(docRows[d]!, f),
    };
    let order = this.changes === 0 ? this.savedOrder : undefined;
    // Made as the copy slots are written, a run of passages per piece (a sliced save lets the bot
    // answer between pieces); the date ranks are ready once the slots are written.
    function* slotPieces(): Generator<Int32Array> {
      if (order) {
        yield order.copySlot;
        return;
      }
      const copySlot = new Int32Array(snapshot.passageCount);
      const steps = archiveOrderInSteps(snapshot, copySlot);
      let written = 0;
      for (;;) {
        const step = steps.next();
        if (step.done) {
          order = step.value;
          return;
        }
        if (step.value > written) {
          yield copySlot.subarray(written, step.value);
          written = step.value;
        }
      }
    }
    const rows = (count: number, at: (k: number) => string) => ({ strings: () => computedArray(() => count, at) });
    const docStrings = (f: DocText) => rows(docRows.length, (k) => docStore.text(docRows[k]!, f));
    return [
      ['doc.id', docStrings('id')],
      ['doc.kind', () => Uint8Array.from(docRows, (row) => KINDS.indexOf(docStore.kind(row)))],
      ['doc.headline', docStrings('headline')],
      ['doc.subtitle', docStrings('subtitle')],
      ['doc.date', docStrings('date')],
      ['doc.source', docStrings('source')],
      ['doc.title', rows(docRows.length, (k) => docStore.title(docRows[k]!))],
      ['doc.copyKey', rows(docRows.length, (k) => docStore.copyKey(docRows[k]!))],
      ['passage.doc', () => Uint32Array.from(passageDocs)],
      ['passage.copySlot', { type: 'i32', pieces: slotPieces }],
      [
        'doc.dateRank',
        () => {
          if (!order) for (const _ of slotPieces());
          return order!.docRank;
        },
      ],
      // Texts left in the file are read as they are written, never all held at once.
      ['passage.text', rows(passageRows.length, (k) => passageStore.text(passageRows[k]!))],
      ['passage.normalized', rows(passageRows.length, (k) => passageStore.normalized(passageRows[k]!))],
      ['dictionary', { strings: () => dictionary }],
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
    const fields = {
      id: docIds,
      headline: str('doc.headline'),
      subtitle: str('doc.subtitle'),
      date: str('doc.date'),
      source: str('doc.source'),
      title: str('doc.title'),
      copyKey: str('doc.copyKey'),
    };
    const passageDoc = column(columns, 'passage.doc', Uint32Array);
    const nPassages = passageDoc.length;
    // Passages in doc order, each doc's contiguous: what the doc's first passages are read from.
    const docFirst = new IntList([], nDocs + 1);
    for (let k = 0, d = 0; k <= nPassages; k++) {
      const doc = k < nPassages ? passageDoc[k]! : nDocs;
      if (doc >= nDocs && k < nPassages) throw new IndexFileError('a passage names no doc');
      if (doc < d - 1 || (k > 0 && k < nPassages && doc < passageDoc[k - 1]!))
        throw new IndexFileError('passages out of doc order');
      for (; d <= doc; d++) docFirst.push(k);
    }
    const texts = (name: string) => {
      const c = columns[name];
      if (c instanceof FileStrings) return column(columns, name, FileStrings, nPassages);
      return column(columns, name, StringTable, nPassages);
    };
    const layout: Layout = {
      docStore: new DocStore({ fields, kind }),
      docRow: IntList.identity(nDocs),
      passageStore: new PassageStore(texts('passage.text'), texts('passage.normalized')),
      passageRow: IntList.identity(nPassages),
      passageDoc: new IntList(passageDoc),
      docFirst,
    };
    const index = new SearchIndex(
      layout,
      column(columns, 'dictionary', StringTable).toArray(),
      fingerprint,
      WordIndex.fromColumns(columns, 'words', nPassages),
      Postings.fromColumns(columns, 'grams'),
      Postings.fromColumns(columns, 'titleGrams'),
    );
    // Files saved before the order tables were kept have none: they are computed then.
    index.savedOrder = savedOrder(columns['passage.copySlot'], columns['doc.dateRank'], nPassages, nDocs);
    return index;
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
    return this.layout.passageStore.normalizedLength(this.layout.passageRow.get(k));
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
