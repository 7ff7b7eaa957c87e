/**
 * The word view of the index: jieba words of each passage, scored by BM25.
 *
 * This is MiniSearch's role (the user's choice of engine) kept in a compact form: MiniSearch's
 * own index is a radix tree of Maps, which costs a second of JSON parsing and map building at
 * every start and ~100 bytes per posting. Here the same postings are four typed arrays and a
 * sorted string table, loaded as views into the index file, and `scores` computes exactly what
 * `MiniSearch.search({ queries })` returns with its default BM25 parameters — same formula, same
 * order of floating-point operations — which a test checks against MiniSearch itself.
 *
 * Layout: `terms` sorted (UTF-16 code unit order); term k's passages are
 * `ids[starts[k]..starts[k+1]]`, ascending, with their term frequencies in `freqs`; `lengths[p]`
 * is passage p's number of distinct words (MiniSearch's field length). That is the saved form; in
 * memory, changed in place, the postings may be several segments of that layout (see WordIndex).
 */
import {
  arrayColumn,
  type Columns,
  FileArray,
  type LoadedColumns,
  type ColumnSources,
  column,
  materializeAll,
  prefixedSources,
  SLICE_MS,
  StringTable,
} from './index-file.ts';
import { RemovedIds } from './removed-ids.ts';
import { mergeFirstTwoInSteps } from './segment-merge.ts';
import { segment } from '../../text/segment.ts';

/** MiniSearch's default BM25 parameters (`MiniSearch.getDefault('searchOptions').bm25`). */
export const WORD_BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** MiniSearch's calcBM25Score, verbatim, so scores agree to the last bit. */
function bm25(
  termFreq: number,
  matchingCount: number,
  totalCount: number,
  fieldLength: number,
  avgFieldLength: number,
) {
  const { k, b, d } = WORD_BM25;
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

/** A score per passage being summed, and which passages hold one, for WordIndex.scores. */
class ScoreScratch {
  readonly query: Float64Array;
  readonly total: Float64Array;
  /** Distinct terms of the question each passage holds. */
  readonly terms: Uint32Array;
  readonly inQuery: Uint8Array;
  readonly inTotal: Uint8Array;

  constructor(readonly size: number) {
    this.query = new Float64Array(size);
    this.total = new Float64Array(size);
    this.terms = new Uint32Array(size);
    this.inQuery = new Uint8Array(size);
    this.inTotal = new Uint8Array(size);
  }
}

/** Distinct words of a text with their counts, in order of first appearance. */
function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { text: token } of segment(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** One run of postings over ids that all lie above those of the runs before it. */
interface Segment {
  terms: StringTable;
  starts: Uint32Array;
  /** In memory, or (a loaded index) left in the file: a term's postings read when it is looked up. */
  ids: Uint32Array | FileArray<Uint32Array>;
  freqs: Uint16Array | FileArray<Uint16Array>;
}

/** Term k's ids in the segment, ascending (a view when in memory, read when in the file). */
function idsOf(segment: Segment, k: number): Uint32Array {
  const { ids, starts } = segment;
  return ids instanceof FileArray ? ids.slice(starts[k]!, starts[k + 1]!) : ids.subarray(starts[k]!, starts[k + 1]!);
}

/** Term k's frequencies in the segment, aligned with idsOf. */
function freqsOf(segment: Segment, k: number): Uint16Array {
  const { freqs, starts } = segment;
  return freqs instanceof FileArray
    ? freqs.slice(starts[k]!, starts[k + 1]!)
    : freqs.subarray(starts[k]!, starts[k + 1]!);
}

/** How many postings term k has in the segment. */
const countOf = (segment: Segment, k: number) => segment.starts[k + 1]! - segment.starts[k]!;

/** Position of the term in the segment's sorted table, or -1. */
function find(segment: Segment, term: string): number {
  const terms = segment.terms;
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = terms.get(mid);
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A segment of the texts' words (segmenting each), ids from `firstId`, and each text's number of distinct words. */
function segmentOfTexts(
  texts: readonly string[],
  firstId: number,
  onText?: (done: number, total: number) => void,
): { segment: Segment; lengths: Uint16Array } {
  // Each (word, text, count) in text order into typed arrays (10 bytes each, nothing for the
  // collector to trace), each word's slot found once per text; then placed in sorted-word order.
  const slots = new Map<string, number>();
  let slotCounts = new Uint32Array(1 << 12);
  let slotOf = new Uint32Array(1 << 16);
  let idOf = new Uint32Array(1 << 16);
  let freqOf = new Uint16Array(1 << 16);
  let n = 0;
  const grown = <T extends Uint32Array | Uint16Array>(a: T, make: (length: number) => T): T => {
    const b = make(a.length * 2);
    b.set(a);
    return b;
  };
  const lengths = new Uint16Array(texts.length);
  texts.forEach((text, k) => {
    if (onText && k % 256 === 0) onText(k, texts.length);
    const counts = countWords(text);
    lengths[k] = counts.size;
    for (const [term, count] of counts) {
      let slot = slots.get(term);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(term, slot);
        if (slot === slotCounts.length) slotCounts = grown(slotCounts, u32);
      }
      slotCounts[slot]!++;
      if (n === slotOf.length) {
        slotOf = grown(slotOf, u32);
        idOf = grown(idOf, u32);
        freqOf = grown(freqOf, u16);
      }
      slotOf[n] = slot;
      idOf[n] = k + firstId;
      freqOf[n] = Math.min(0xffff, count);
      n++;
    }
  });
  onText?.(texts.length, texts.length);
  const sorted = [...slots.keys()].sort();
  const starts = new Uint32Array(sorted.length + 1);
  const next = new Uint32Array(slots.size);
  let size = 0;
  sorted.forEach((term, k) => {
    const slot = slots.get(term)!;
    starts[k] = size;
    next[slot] = size;
    size += slotCounts[slot]!;
  });
  starts[sorted.length] = size;
  const ids = new Uint32Array(size);
  const freqs = new Uint16Array(size);
  for (let i = 0; i < n; i++) {
    const at = next[slotOf[i]!]!++;
    ids[at] = idOf[i]!;
    freqs[at] = freqOf[i]!;
  }
  return { segment: { terms: StringTable.from(sorted), starts, ids, freqs }, lengths };
}

/**
 * How segments merge: every term of any of them in order, with its place in each segment
 * (`from[t * segments + s]`, -1 where absent), and the number of postings once the removed ids
 * are dropped. Terms left with no posting go.
 */
interface MergePlan {
  terms: string[];
  from: number[];
  total: number;
}

const newPlan = (): MergePlan => ({ terms: [], from: [], total: 0 });

/** A piece ends when it holds this many numbers, or has held the thread for SLICE_MS. */
const PIECE_LENGTH = 1 << 18;

/** Fills in the plan of the segments' merge, yielding the merged terms' starts in pieces. */
function* planMerge(segments: readonly Segment[], removed: RemovedIds, plan: MergePlan): Generator<Uint32Array> {
  const heads = segments.map(() => 0);
  let piece = new Uint32Array(PIECE_LENGTH);
  let used = 0;
  let sliceStart = performance.now();
  let work = 0;
  for (;;) {
    let term: string | undefined;
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      if (heads[i]! < s.terms.length) {
        const t = s.terms.get(heads[i]!);
        if (term === undefined || t < term) term = t;
      }
    }
    if (term === undefined) break;
    let live = 0;
    const places = segments.map((s, i) => {
      if (heads[i]! >= s.terms.length || s.terms.get(heads[i]!) !== term) return -1;
      const k = heads[i]!++;
      if (removed.isEmpty) live += countOf(s, k);
      else for (const id of idsOf(s, k)) if (removed.position(id) >= 0) live++;
      return k;
    });
    if (live === 0) continue;
    plan.terms.push(term);
    plan.from.push(...places);
    piece[used++] = plan.total;
    plan.total += live;
    work += 64 + (removed.isEmpty ? 0 : live);
    const due = work > 1 << 14;
    if (due) work = 0;
    if (used === piece.length || (due && performance.now() - sliceStart > SLICE_MS)) {
      yield piece.subarray(0, used);
      piece = new Uint32Array(PIECE_LENGTH);
      used = 0;
      sliceStart = performance.now();
    }
  }
  if (used === piece.length) {
    yield piece;
    piece = new Uint32Array(1);
    used = 0;
  }
  piece[used++] = plan.total;
  yield piece.subarray(0, used);
}

/** The planned merge's ids (each turned into its position with `renumber`) or term frequencies, in pieces. */
function* mergedColumn<T extends Uint32Array | Uint16Array>(
  plan: MergePlan,
  segments: readonly Segment[],
  removed: RemovedIds,
  pick: { ids: boolean; renumber: boolean },
  make: (length: number) => T,
): Generator<T> {
  let piece = make(PIECE_LENGTH);
  let used = 0;
  let sliceStart = performance.now();
  const n = segments.length;
  let work = 0;
  for (let t = 0; t < plan.terms.length; t++) {
    // Looked at every few thousand postings: has this piece held the thread long enough?
    if (work > 1 << 14) {
      work = 0;
      if (used > 0 && performance.now() - sliceStart > SLICE_MS) {
        yield piece.subarray(0, used) as T;
        piece = make(PIECE_LENGTH);
        used = 0;
        sliceStart = performance.now();
      }
    }
    work += 16;
    for (let i = 0; i < n; i++) {
      const k = plan.from[t * n + i]!;
      if (k < 0) continue;
      const s = segments[i]!;
      const ids = idsOf(s, k);
      const freqs = pick.ids ? undefined : freqsOf(s, k);
      work += ids.length;
      for (let j = 0; j < ids.length; j++) {
        const position = removed.position(ids[j]!);
        if (position < 0) continue;
        if (used === piece.length) {
          yield piece;
          piece = make(PIECE_LENGTH);
          used = 0;
          sliceStart = performance.now();
        }
        piece[used++] = freqs ? freqs[j]! : pick.renumber ? position : ids[j]!;
      }
    }
  }
  if (used > 0) yield piece.subarray(0, used) as T;
}

/** The pieces end to end in one array. */
function joined<T extends Uint32Array | Uint16Array>(pieces: Iterable<T>, make: (length: number) => T): T {
  const all = [...pieces];
  const out = make(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const u32 = (n: number) => new Uint32Array(n);
const u16 = (n: number) => new Uint16Array(n);

/** The segments merged into one, in memory (ids turned into positions with `renumber`). */
function merge(segments: readonly Segment[], removed: RemovedIds, renumber: boolean): Segment {
  const steps = mergeInSteps(segments, removed, renumber);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** merge, a step (yield) after each piece made: a caller may let other work run between them. */
function* mergeInSteps(segments: readonly Segment[], removed: RemovedIds, renumber: boolean): Generator<void, Segment> {
  const plan = newPlan();
  const startPieces: Uint32Array[] = [];
  for (const piece of planMerge(segments, removed, plan)) {
    startPieces.push(piece);
    yield;
  }
  const starts = joined(startPieces, u32);
  // The planned sizes known, each column is written in place as its pieces are made: no second
  // copy of the archive's postings is held, nor made in one go.
  const ids = new Uint32Array(plan.total);
  yield* fillInSteps(ids, mergedColumn(plan, segments, removed, { ids: true, renumber }, u32));
  const freqs = new Uint16Array(plan.total);
  yield* fillInSteps(freqs, mergedColumn(plan, segments, removed, { ids: false, renumber }, u16));
  const terms = yield* stringTableInSteps(plan.terms);
  return { terms, starts, ids, freqs };
}

/** Writes the pieces one after the other into `out`, a step after each. */
function* fillInSteps<T extends Uint32Array | Uint16Array>(out: T, pieces: Iterable<T>): Generator<void> {
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
    yield;
  }
}

/** Strings joined per step in a merge: a few milliseconds' worth. */
const STRINGS_PER_STEP = 1 << 16;

/** StringTable.from, a step after each run of strings: the whole archive's terms take tens of milliseconds. */
function* stringTableInSteps(strings: readonly string[]): Generator<void, StringTable> {
  const offsets = new Uint32Array(strings.length + 1);
  const runs: string[] = [];
  let at = 0;
  for (let from = 0; from < strings.length; from += STRINGS_PER_STEP) {
    const run = strings.slice(from, from + STRINGS_PER_STEP);
    run.forEach((s, k) => {
      offsets[from + k] = at;
      at += s.length;
    });
    runs.push(run.join(''));
    yield;
  }
  offsets[strings.length] = at;
  return new StringTable(runs.join(''), offsets);
}

/** The lengths of the first `ids` ids that were not removed, by position. */
function liveLengths(lengths: Uint16Array, ids: number, removed: RemovedIds): Uint16Array {
  if (removed.isEmpty) return lengths.slice(0, ids);
  const out = new Uint16Array(ids - removed.count);
  for (let id = 0; id < ids; id++) {
    const position = removed.position(id);
    if (position >= 0) out[position] = lengths[id]!;
  }
  return out;
}

/** Word postings of texts made ahead of their append (WordIndex.prepare). */
export interface PreparedWords {
  readonly texts: readonly string[];
  readonly id: number;
  readonly segment: Segment;
  readonly lengths: Uint16Array;
}

/**
 * Changed in place, the word index costs about what the change holds, not the archive: added
 * passages are indexed into a new segment (merged with the last one once it is as large, so that
 * segments grow geometrically and a small change never rewrites the large first one), and removed
 * passages are recorded as removed ids (RemovedIds), dropped when segments merge and when the
 * index is saved. Scores are those of an index built afresh: a term's matching count is its live
 * postings over all segments, its passages come in position order.
 */
export class WordIndex {
  private constructor(
    /** Segments in id order; never changed once made (a save in progress may be reading them). */
    private segments: Segment[],
    /**
     * Each id's number of distinct words, removed ones included, in the first `ids` entries (room
     * after them for more: entries below `ids` are never written again, a save may be reading them).
     */
    private lengths: Uint16Array,
    private ids: number,
    private avgLength: number,
    private removed: RemovedIds,
  ) {}

  /**
   * The word index of the texts (segmenting each), ids being `firstId` plus their positions;
   * `onText` hears how many are done, now and then.
   */
  static fromTexts(texts: readonly string[], firstId = 0, onText?: (done: number, total: number) => void): WordIndex {
    const { segment, lengths } = segmentOfTexts(texts, firstId, onText);
    const total = lengths.reduce((a, b) => a + b, 0);
    return new WordIndex(
      [segment],
      lengths,
      lengths.length,
      texts.length > 0 ? total / texts.length : 0,
      new RemovedIds(),
    );
  }

  /** Number of passages indexed. */
  get documentCount(): number {
    return this.ids - this.removed.count;
  }

  /** Number of (word, passage) postings. */
  get size(): number {
    if (this.removed.isEmpty) return this.segments.reduce((n, s) => n + s.ids.length, 0);
    const plan = newPlan();
    for (const _ of planMerge(this.segments, this.removed, plan));
    return plan.total;
  }

  /** Whether segmentation produced this word in any passage. */
  has(term: string): boolean {
    for (const s of this.segments) {
      const k = find(s, term);
      if (k < 0) continue;
      if (this.removed.isEmpty && countOf(s, k) > 0) return true;
      for (const id of idsOf(s, k)) if (this.removed.position(id) >= 0) return true;
    }
    return false;
  }

  /** The passages holding the word: the passages `scores([term])` has, without scoring or sorting. */
  passagesOf(term: string): Set<number> {
    const out = new Set<number>();
    for (const s of this.segments) {
      const k = find(s, term);
      if (k < 0) continue;
      for (const id of idsOf(s, k)) {
        const position = this.removed.position(id);
        if (position >= 0) out.add(position);
      }
    }
    return out;
  }

  /**
   * Calls `fn(position, score)` for each live passage holding the term, in position order, with
   * its BM25 score; returns whether any did.
   */
  private eachScore(term: string, fn: (position: number, score: number) => void): boolean {
    const places = this.segments.map((s) => find(s, term));
    // Each segment's list read once (from the file, for a loaded index), counted, then scored.
    const lists = this.segments.map((s, i) => (places[i]! < 0 ? undefined : idsOf(s, places[i]!)));
    let matching = 0;
    for (const ids of lists) {
      if (!ids) continue;
      if (this.removed.isEmpty) matching += ids.length;
      else for (const id of ids) if (this.removed.position(id) >= 0) matching++;
    }
    if (matching === 0) return false;
    const n = this.documentCount;
    this.segments.forEach((s, i) => {
      const ids = lists[i];
      if (!ids) return;
      const freqs = freqsOf(s, places[i]!);
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j]!;
        const position = this.removed.position(id);
        if (position < 0) continue;
        fn(position, bm25(freqs[j]!, matching, n, this.lengths[id]!, this.avgLength));
      }
    });
    return true;
  }

  /** Per-passage sums reused from question to question (zero again after each): no map per term. */
  private scratch = new ScoreScratch(0);

  /**
   * BM25 scores by passage, as `MiniSearch.search({ queries: words })` gives them: each query
   * split at spaces, terms combined with OR, a passage's sum multiplied by the number of distinct
   * query terms it holds; best first. MiniSearch folds a map per term into a map per query, and
   * those into one; the same sums are made here in the same order (a query's terms left to right,
   * then the queries left to right) in arrays by passage, so every score is the same to the last
   * bit, and passages that tie keep the order in which MiniSearch's map first met them.
   */
  scores(words: readonly string[]): Map<number, number> {
    const out = new Map<number, number>();
    if (words.length === 0) return out;
    if (this.scratch.size < this.documentCount) this.scratch = new ScoreScratch(this.documentCount);
    const { query, total, terms, inQuery, inTotal } = this.scratch;
    const met: number[] = [];
    const counted = new Set<string>();
    for (const word of words) {
      const touched: number[] = [];
      for (const term of word.split(' ').filter(Boolean)) {
        // A term listed again adds its score again but is one term of the passage.
        const first = !counted.has(term);
        counted.add(term);
        this.eachScore(term, (position, score) => {
          if (inQuery[position] === 0) {
            inQuery[position] = 1;
            touched.push(position);
            query[position] = score;
          } else query[position] = query[position]! + score;
          if (first) terms[position]!++;
        });
      }
      for (const position of touched) {
        if (inTotal[position] === 0) {
          inTotal[position] = 1;
          met.push(position);
          total[position] = query[position]!;
        } else total[position] = total[position]! + query[position]!;
        inQuery[position] = 0;
      }
    }
    for (const position of met) total[position] = total[position]! * (terms[position]! || 1);
    // Array sort is stable: ties keep the order the passages were met in.
    met.sort((a, b) => total[b]! - total[a]!);
    for (const position of met) {
      out.set(position, total[position]!);
      inTotal[position] = 0;
      terms[position] = 0;
    }
    return out;
  }

  /**
   * Adds texts after the last one, updating the average length the way MiniSearch's `add` does,
   * one passage at a time.
   */
  append(texts: readonly string[], prepared?: PreparedWords): void {
    if (texts.length === 0) return;
    const firstPosition = this.documentCount;
    // Made ahead (prepare) for these texts at these ids: taken as it is.
    const made = prepared?.texts === texts && prepared.id === this.ids ? prepared : undefined;
    const { segment, lengths: added } = made ?? segmentOfTexts(texts, this.ids);
    let avg = this.avgLength;
    added.forEach((length, k) => {
      const count = firstPosition + k;
      avg = (avg * count + length) / (count + 1);
    });
    if (this.ids + added.length > this.lengths.length) {
      const grown = new Uint16Array(Math.max(this.ids + added.length, Math.ceil(this.lengths.length * 1.25)));
      grown.set(this.lengths.subarray(0, this.ids));
      this.lengths = grown;
    }
    this.lengths.set(added, this.ids);
    this.ids += added.length;
    this.avgLength = avg;
    this.segments = [...this.segments, segment];
    // Merge the last two while the older is not much larger: segments grow geometrically. The
    // first segment (the archive as loaded) is left to mergeFirstInSteps: merged here, it would
    // hold the caller for as long as rewriting the whole archive's postings takes.
    while (this.segments.length >= 3) {
      const [older, newer] = this.segments.slice(-2) as [Segment, Segment];
      if (older.ids.length > 2 * newer.ids.length) break;
      this.segments = [...this.segments.slice(0, -2), merge([older, newer], this.removed, false)];
    }
  }

  /**
   * The word postings of texts to append, made ahead of the append (which takes them unless the
   * ids they would get changed meanwhile): segmenting them, the costly part, in a turn of its own.
   */
  prepare(texts: readonly string[]): PreparedWords {
    return { texts, id: this.ids, ...segmentOfTexts(texts, this.ids) };
  }

  /** Whether the segment after the first has grown to half its size: their merge is due. */
  get firstMergeDue(): boolean {
    const [first, second] = this.segments;
    return !!first && !!second && first.ids.length <= 2 * second.ids.length;
  }

  /**
   * The first two segments merged in steps (`mergeFirstTwoInSteps`): the passages removed as of the
   * start dropped, later removals still recorded, so changes during the merge keep their meaning.
   */
  *mergeFirstInSteps(): Generator<void, boolean> {
    const removed = this.removed.clone();
    return yield* mergeFirstTwoInSteps(
      { current: () => this.segments, replace: (segments) => (this.segments = segments) },
      (pair) => mergeInSteps(pair, removed, false),
    );
  }

  /** How many segments hold the postings (one once merged). */
  get segmentCount(): number {
    return this.segments.length;
  }

  /**
   * Drops passages [from, to) and renumbers those above them down, updating the average length
   * the way MiniSearch's `remove` does.
   */
  removeRange(from: number, to: number): void {
    let avg = this.avgLength;
    for (let position = to - 1, count = this.documentCount; position >= from; position--, count--)
      avg = count === 1 ? 0 : (avg * count - this.lengths[this.removed.idAt(position)]!) / (count - 1);
    this.avgLength = avg;
    this.removed.removePositions(from, to);
  }

  /** The columns that save this index, under names starting with `prefix`. */
  toColumns(prefix: string): Columns {
    return materializeAll(this.columnSources(prefix));
  }

  /**
   * What saves this index as it is now, whatever changes come later (segments are never changed,
   * the removed ids are copied, the lengths below `ids` never written again): one segment of
   * positions, its postings made while they are written.
   */
  columnSources(prefix: string): ColumnSources {
    const segments = this.segments;
    const removed = this.removed.clone();
    const [all, ids] = [this.lengths, this.ids];
    const lengths = () => (removed.isEmpty ? all.subarray(0, ids) : liveLengths(all, ids, removed));
    const avgLength = Float64Array.of(this.avgLength);
    if (segments.length === 1 && removed.isEmpty) {
      const { terms, starts, ids, freqs } = segments[0]!;
      return prefixedSources(prefix, [
        ['terms', terms],
        ['starts', starts],
        ['ids', ids instanceof FileArray ? ids.toPieces() : ids],
        ['freqs', freqs instanceof FileArray ? freqs.toPieces() : freqs],
        ['lengths', lengths()],
        ['avgLength', avgLength],
      ]);
    }
    // The starts first: making them plans the merge that the other columns follow.
    const plan = newPlan();
    return prefixedSources(prefix, [
      ['starts', { type: 'u32', pieces: () => planMerge(segments, removed, plan) }],
      ['terms', { strings: () => plan.terms }],
      ['ids', { type: 'u32', pieces: () => mergedColumn(plan, segments, removed, { ids: true, renumber: true }, u32) }],
      [
        'freqs',
        { type: 'u16', pieces: () => mergedColumn(plan, segments, removed, { ids: false, renumber: true }, u16) },
      ],
      ['lengths', lengths],
      ['avgLength', avgLength],
    ]);
  }

  static fromColumns(columns: LoadedColumns, prefix: string, documentCount: number): WordIndex {
    const terms = column(columns, `${prefix}.terms`, StringTable);
    const starts = column(columns, `${prefix}.starts`, Uint32Array, terms.length + 1);
    const ids = arrayColumn(columns, `${prefix}.ids`, Uint32Array, starts[terms.length]);
    const freqs = arrayColumn(columns, `${prefix}.freqs`, Uint16Array, ids.length);
    const lengths = column(columns, `${prefix}.lengths`, Uint16Array, documentCount);
    const avg = column(columns, `${prefix}.avgLength`, Float64Array, 1)[0]!;
    return new WordIndex([{ terms, starts, ids, freqs }], lengths, documentCount, avg, new RemovedIds());
  }
}
