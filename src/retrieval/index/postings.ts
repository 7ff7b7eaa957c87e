/**
 * Compact postings: for each key (a Han character or bigram), the sorted ids that hold it. A term's
 * candidates are the ids holding all of its bigrams (a one-character term: that character), found
 * by intersecting those lists.
 *
 * Layout: four typed arrays and nothing else (what the index file saves and loads): `keys` sorted;
 * key k's ids are `counts[k]` numbers at bytes `starts[k]..starts[k+1]` of `bytes`, each the gap
 * from the one before as a varint (LEB128): about 1.3 bytes an id instead of 4, decoded per
 * lookup (a few microseconds for the longest list). That is the saved form; in memory, changed in
 * place, the postings may be several such segments (see Postings).
 */
import {
  arrayColumn,
  type Columns,
  type ColumnSources,
  column,
  FileArray,
  type LoadedColumns,
  materializeAll,
  prefixedSources,
  SLICE_MS,
} from './index-file.ts';
import { RemovedIds } from './removed-ids.ts';
import { mergeFirstTwoInSteps } from './segment-merge.ts';

/** CJK unified ideographs (with extension A and compatibility ideographs). */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

// Keys are numbers, not strings: a character is its code, a bigram is both codes in one number
// (no string is made per character of the archive while indexing). Both codes are below 0x10000,
// so a key fits in 32 bits.
const bigramKey = (a: number, b: number) => a * 0x10000 + b;

/** The keys a term is looked up by: its Han bigrams, or its one Han character. */
function lookupKeys(term: string): number[] {
  const keys = new Set<number>();
  let single = -1;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (!isHan(c)) continue;
    single = c;
    if (i > 0 && isHan(term.charCodeAt(i - 1))) keys.add(bigramKey(term.charCodeAt(i - 1), c));
  }
  if (keys.size === 0 && single >= 0) keys.add(single);
  return [...keys];
}

/**
 * Han characters numbered densely (0 … HAN_CODES-1) so that a bigram of two of them is a small
 * integer: V8 keeps integers below 2^30 unboxed, and a Map keyed by them makes no garbage, where
 * the file's keys (both codes in 32 bits) would each be a heap number. Used while indexing only.
 */
const HAN_CODES = 0x9fff - 0x4e00 + 1 + (0x4dbf - 0x3400 + 1) + (0xfaff - 0xf900 + 1);
const denseHan = (c: number) =>
  c >= 0x4e00 && c <= 0x9fff ? c - 0x4e00 : c <= 0x4dbf ? c - 0x3400 + 20992 : c - 0xf900 + 20992 + 6592;
const hanOfDense = (d: number) =>
  d < 20992 ? d + 0x4e00 : d < 20992 + 6592 ? d - 20992 + 0x3400 : d - 20992 - 6592 + 0xf900;
/** A dense key: a character is its dense number, a bigram comes after every character. */
const denseBigram = (a: number, b: number) => HAN_CODES + a * HAN_CODES + b;
/** The key the file knows a dense key by (bigramKey or the character's code). */
const keyOfDense = (k: number) =>
  k < HAN_CODES
    ? hanOfDense(k)
    : bigramKey(hanOfDense(Math.floor((k - HAN_CODES) / HAN_CODES)), hanOfDense((k - HAN_CODES) % HAN_CODES));

/**
 * Calls `fn(slot)` once per distinct key of the text (its Han characters and bigrams), `slot`
 * being the key's place in `slots` (a new key gets the next). `last[slot]` is the text that last
 * had the key: a key seen twice in one text is told by `text` alone, without a set per text.
 */
function eachSlot(
  text: string,
  textNumber: number,
  slots: Map<number, number>,
  state: { last: Int32Array },
  fn: (slot: number) => void,
): void {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHan(c)) {
      prev = -1;
      continue;
    }
    const d = denseHan(c);
    for (let pass = 0; pass < 2; pass++) {
      const key = pass === 0 ? d : prev >= 0 ? denseBigram(prev, d) : -1;
      if (key < 0) break;
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(key, slot);
        if (slot >= state.last.length) {
          const grown = new Int32Array(state.last.length * 2).fill(-1);
          grown.set(state.last);
          state.last = grown;
        }
      }
      if (state.last[slot] === textNumber) continue;
      state.last[slot] = textNumber;
      fn(slot);
    }
    prev = d;
  }
}

const EMPTY = new Uint32Array(0);

/** One run of postings in the compact layout, over ids that all lie above those of the runs before it. */
interface Segment {
  keys: Uint32Array;
  counts: Uint32Array;
  starts: Uint32Array;
  /** In memory, or (a loaded index) left in the file: a key's bytes read when it is looked up. */
  bytes: Uint8Array | FileArray<Uint8Array>;
  /** Ids held over all keys (removed ones included). */
  size: number;
}

const segmentOf = (
  keys: Uint32Array,
  counts: Uint32Array,
  starts: Uint32Array,
  bytes: Uint8Array | FileArray<Uint8Array>,
): Segment => ({
  keys,
  counts,
  starts,
  bytes,
  size: counts.reduce((a, b) => a + b, 0),
});

/** Decodes key k's list of the segment into `out` from `at`; returns where it ended. */
function decodeInto(segment: Segment, k: number, out: Uint32Array, at: number): number {
  const held = segment.bytes;
  const bytes = held instanceof FileArray ? held.slice(segment.starts[k]!, segment.starts[k + 1]!) : held;
  let from = held instanceof FileArray ? 0 : segment.starts[k]!;
  let prev = 0;
  const end = at + segment.counts[k]!;
  for (let n = at; n < end; n++) {
    // Most gaps take one byte; the rest add 7 bits a byte, scaled by multiplying (exact in a
    // double for ids below 2^53), not by 2 ** shift (a power computed per byte).
    let b = bytes[from++]!;
    let gap = b & 0x7f;
    for (let scale = 128; b & 0x80; scale *= 128) {
      b = bytes[from++]!;
      gap += (b & 0x7f) * scale;
    }
    prev += gap;
    out[n] = prev;
  }
  return end;
}

/** Varint gaps of ids[from..to) (ascending) into `out` from `at`; returns where they ended. */
function encodeInto(ids: Uint32Array, from: number, to: number, out: Uint8Array, at: number): number {
  let prev = 0;
  for (let i = from; i < to; i++) {
    let gap = ids[i]! - prev;
    prev = ids[i]!;
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[at++] = gap;
  }
  return at;
}

/** The keys, counts and starts of postings being written out, filled in as their bytes are made. */
interface Directory {
  keys: Uint32Array;
  counts: Uint32Array;
  starts: Uint32Array;
  length: number;
}

/**
 * The segments' postings as one segment's bytes, in pieces of about `pieceBytes`: each key's lists
 * joined (segments hold ascending ids), the removed ids dropped, and (with `renumber`) every id
 * turned into its position. Keys left with no id go. `directory` is filled in as the pieces are made.
 */
function* mergedBytes(
  segments: readonly Segment[],
  removed: RemovedIds,
  renumber: boolean,
  directory: Directory,
  pieceBytes: number,
): Generator<Uint8Array> {
  const heads = segments.map(() => 0);
  let longest = 0;
  for (const s of segments) for (const c of s.counts) longest = Math.max(longest, c);
  const ids = new Uint32Array(longest * segments.length);
  let piece = new Uint8Array(pieceBytes);
  let used = 0;
  let written = 0;
  let sliceStart = performance.now();
  let work = 0;
  for (;;) {
    let key = Infinity;
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      if (heads[i]! < s.keys.length) key = Math.min(key, s.keys[heads[i]!]!);
    }
    if (key === Infinity) break;
    let n = 0;
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      if (s.keys[heads[i]!] === key) n = decodeInto(s, heads[i]!++, ids, n);
    }
    const live = removed.keepLive(ids, n, renumber);
    if (live === 0) continue;
    // A piece ends when full, or when it has held the thread long enough (looked at every few thousand ids).
    work += 64 + n;
    const due = work > 1 << 14 && used > 0;
    if (due) work = 0;
    if (used + live * 5 > piece.length || (due && performance.now() - sliceStart > SLICE_MS)) {
      if (used > 0) yield piece.subarray(0, used);
      sliceStart = performance.now();
      written += used;
      piece = new Uint8Array(Math.max(pieceBytes, live * 5));
      used = 0;
    }
    const k = directory.length++;
    directory.keys[k] = key;
    directory.counts[k] = live;
    directory.starts[k] = written + used;
    used = encodeInto(ids, 0, live, piece, used);
  }
  directory.starts[directory.length] = written + used;
  if (used > 0) yield piece.subarray(0, used);
}

function emptyDirectory(segments: readonly Segment[]): Directory {
  const most = segments.reduce((n, s) => n + s.keys.length, 0);
  return { keys: new Uint32Array(most), counts: new Uint32Array(most), starts: new Uint32Array(most + 1), length: 0 };
}

/** The segments merged into one (see mergedBytes), in memory. */
function merge(segments: readonly Segment[], removed: RemovedIds, renumber: boolean): Segment {
  const steps = mergeInSteps(segments, removed, renumber);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** merge, a step (yield) after each piece made: a caller may let other work run between them. */
function* mergeInSteps(segments: readonly Segment[], removed: RemovedIds, renumber: boolean): Generator<void, Segment> {
  const directory = emptyDirectory(segments);
  // Small merges (the usual ones) in one small piece.
  const bytes = segments.reduce((n, s) => n + s.bytes.length, 0);
  // Written in place as the pieces are made: merged, a list takes no more bytes than its parts
  // (the ids dropped take none, and a part's first id is coded as a gap from zero, the largest
  // gap it can have), so no second copy is made in one go.
  let joined = new Uint8Array(bytes);
  let at = 0;
  for (const piece of mergedBytes(segments, removed, renumber, directory, Math.min(1 << 20, 64 + bytes * 2))) {
    joined.set(piece, at);
    at += piece.length;
    yield;
  }
  // Much room left (many ids dropped): given back, in a copy of what was written.
  if (at < joined.length * 0.9) joined = joined.slice(0, at);
  else joined = joined.subarray(0, at);
  const n = directory.length;
  return segmentOf(directory.keys.slice(0, n), directory.counts.slice(0, n), directory.starts.slice(0, n + 1), joined);
}

/** Postings of texts made ahead of their append (Postings.prepare). */
export interface PreparedPostings {
  readonly texts: readonly string[];
  readonly id: number;
  readonly segment: Segment;
}

/**
 * Postings changed in place cost about what the change holds, not the archive: added texts are
 * indexed into a new segment (merged with the last one once it is as large: each id is merged
 * about log(n) times over its life, and never does a small change rewrite the large first
 * segment), and removed texts are recorded as removed ids (RemovedIds), dropped when segments merge
 * and when the postings are saved. A lookup decodes a key's list in each segment (its ids in
 * order, one after the other) and turns ids into positions once, for the intersection.
 */
export class Postings {
  private constructor(
    /** Segments in id order; never changed once made (a save in progress may be reading them). */
    private segments: Segment[],
    private removed: RemovedIds,
  ) {}

  /**
   * Postings of the Han characters and bigrams of each text, ids being the texts' positions.
   * Two passes (count, then fill typed arrays) so that no growing JS arrays are left as garbage.
   */
  static fromTexts(texts: readonly string[], firstId = 0): Postings {
    return new Postings([segmentOfTexts(texts, firstId)], new RemovedIds());
  }

  /** Number of ids held over all keys. */
  get size(): number {
    if (this.removed.isEmpty) return this.segments.reduce((n, s) => n + s.size, 0);
    return merge(this.segments, this.removed, true).size;
  }

  /**
   * Adds texts whose positions start at `firstId` (after every text held), keeping every list
   * sorted: what indexing one new issue into a saved archive needs.
   */
  append(texts: readonly string[], firstId: number, prepared?: PreparedPostings): void {
    if (texts.length === 0) return;
    const id = this.removed.idAt(firstId);
    // Made ahead (prepare) for these texts at these ids: taken as it is.
    const made = prepared?.texts === texts && prepared.id === id ? prepared.segment : segmentOfTexts(texts, id);
    this.segments = [...this.segments, made];
    // Merge the last two while the older is not much larger: segments grow geometrically. The
    // first segment (the archive as loaded) is left to mergeFirstInSteps: merged here, it would
    // hold the caller for as long as rewriting the whole archive's postings takes.
    while (this.segments.length >= 3) {
      const [older, newer] = this.segments.slice(-2) as [Segment, Segment];
      if (older.size > 2 * newer.size) break;
      this.segments = [...this.segments.slice(0, -2), merge([older, newer], this.removed, false)];
    }
  }

  /**
   * The postings of texts to append at position `firstId`, made ahead of the append (which takes
   * them unless the ids they would get changed meanwhile): the costly part of an append, in a turn
   * of its own.
   */
  prepare(texts: readonly string[], firstId: number): PreparedPostings {
    const id = this.removed.idAt(firstId);
    return { texts, id, segment: segmentOfTexts(texts, id) };
  }

  /** Whether the segment after the first has grown to half its size: their merge is due. */
  get firstMergeDue(): boolean {
    const [first, second] = this.segments;
    return !!first && !!second && first.size <= 2 * second.size;
  }

  /**
   * The first two segments merged in steps (`mergeFirstTwoInSteps`): the texts removed as of the
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
   * Drops the texts at positions [from, to); those above move down by `to - from`: what taking
   * one issue's texts out of the index needs.
   */
  removeRange(from: number, to: number): void {
    this.removed.removePositions(from, to);
  }

  /** Key `key`'s ids over every segment, ascending (removed ones included). */
  private list(key: number): Uint32Array {
    let total = 0;
    const found: number[] = [];
    for (const s of this.segments) {
      const k = binarySearch(s.keys, key);
      found.push(k);
      if (k >= 0) total += s.counts[k]!;
    }
    if (total === 0) return EMPTY;
    const out = new Uint32Array(total);
    let at = 0;
    this.segments.forEach((s, i) => {
      if (found[i]! >= 0) at = decodeInto(s, found[i]!, out, at);
    });
    return out;
  }

  /** Positions of the texts holding every bigram of the term (for a single character: that character alone). */
  lookup(term: string): Uint32Array {
    const grams = lookupKeys(term);
    if (grams.length === 0) return new Uint32Array();
    const lists = grams.map((g) => this.list(g)).sort((a, b) => a.length - b.length);
    let result = lists[0]!;
    for (let k = 1; k < lists.length && result.length > 0; k++) result = intersect(result, lists[k]!);
    return this.removed.toPositions(result);
  }

  /**
   * Positions of the texts holding every one of the characters (anywhere, in any order), by each
   * character's own list; undefined when one is not a character these postings key (Han outside
   * the blocks above, or beyond the BMP): the caller must then look at every text.
   */
  holdingEach(chars: string): Uint32Array | undefined {
    const codes = [...new Set(chars)].map((c) => (c.length === 1 ? c.charCodeAt(0) : -1));
    if (codes.length === 0 || codes.some((c) => !isHan(c))) return undefined;
    const lists = codes.map((c) => this.list(c)).sort((a, b) => a.length - b.length);
    let result = lists[0]!;
    for (let k = 1; k < lists.length && result.length > 0; k++) result = intersect(result, lists[k]!);
    return this.removed.toPositions(result);
  }

  /** The columns that save these postings, under names starting with `prefix`. */
  toColumns(prefix: string): Columns {
    return materializeAll(this.columnSources(prefix));
  }

  /**
   * What saves these postings as they are now, whatever changes come later (the segments are
   * never changed, the removed ids are copied): one segment of positions, made while it is
   * written. The bytes come first: the other columns are filled in as they are made.
   */
  columnSources(prefix: string): ColumnSources {
    const segments = this.segments;
    if (segments.length === 1 && this.removed.isEmpty) {
      const { keys, counts, starts, bytes } = segments[0]!;
      return prefixedSources(prefix, [
        ['keys', keys],
        ['counts', counts],
        ['starts', starts],
        ['bytes', bytes instanceof FileArray ? bytes.toPieces() : bytes],
      ]);
    }
    const removed = this.removed.clone();
    let directory: Directory | undefined;
    const part = (f: (d: Directory) => Uint32Array) => () => f(directory!);
    return prefixedSources(prefix, [
      [
        'bytes',
        {
          type: 'u8',
          pieces: () => {
            directory = emptyDirectory(segments);
            return mergedBytes(segments, removed, true, directory, 1 << 20);
          },
        },
      ],
      ['keys', part((d) => d.keys.subarray(0, d.length))],
      ['counts', part((d) => d.counts.subarray(0, d.length))],
      ['starts', part((d) => d.starts.subarray(0, d.length + 1))],
    ]);
  }

  static fromColumns(columns: LoadedColumns, prefix: string): Postings {
    const keys = column(columns, `${prefix}.keys`, Uint32Array);
    const counts = column(columns, `${prefix}.counts`, Uint32Array, keys.length);
    const starts = column(columns, `${prefix}.starts`, Uint32Array, keys.length + 1);
    const bytes = arrayColumn(columns, `${prefix}.bytes`, Uint8Array, starts[keys.length]);
    return new Postings([segmentOf(keys, counts, starts, bytes)], new RemovedIds());
  }
}

/** One segment of the Han characters and bigrams of each text, ids from `firstId`. */
function segmentOfTexts(texts: readonly string[], firstId: number): Segment {
  // First pass: each key's slot and number of texts.
  const slots = new Map<number, number>();
  const state = { last: new Int32Array(1 << 16).fill(-1) };
  let slotCounts = new Uint32Array(1 << 16);
  texts.forEach((text, t) => {
    eachSlot(text, t, slots, state, (slot) => {
      if (slot >= slotCounts.length) {
        const grown = new Uint32Array(slotCounts.length * 2);
        grown.set(slotCounts);
        slotCounts = grown;
      }
      slotCounts[slot]!++;
    });
  });
  const n = slots.size;
  const slotKeys = new Uint32Array(n);
  for (const [dense, slot] of slots) slotKeys[slot] = keyOfDense(dense);
  // Slots in key order, and where each slot's ids start.
  const order = Uint32Array.from({ length: n }, (_, k) => k).sort((a, b) => slotKeys[a]! - slotKeys[b]!);
  const keys = new Uint32Array(n);
  const keyCounts = new Uint32Array(n);
  const next = new Uint32Array(n);
  let total = 0;
  order.forEach((slot, k) => {
    keys[k] = slotKeys[slot]!;
    keyCounts[k] = slotCounts[slot]!;
    next[slot] = total;
    total += slotCounts[slot]!;
  });
  // Second pass: each text's id into its keys' lists, in text order (so each list ascends).
  const ids = new Uint32Array(total);
  state.last.fill(-1);
  texts.forEach((text, t) => {
    eachSlot(text, t, slots, state, (slot) => {
      ids[next[slot]!++] = t + firstId;
    });
  });
  slots.clear();
  const starts = new Uint32Array(keys.length + 1);
  let size = 0;
  for (let k = 0, i = 0; k < keys.length; k++) {
    starts[k] = size;
    let prev = 0;
    for (const end = i + keyCounts[k]!; i < end; i++) {
      size += varintLength(ids[i]! - prev);
      prev = ids[i]!;
    }
  }
  starts[keys.length] = size;
  const bytes = new Uint8Array(size);
  for (let k = 0, i = 0; k < keys.length; k++) {
    encodeInto(ids, i, i + keyCounts[k]!, bytes, starts[k]!);
    i += keyCounts[k]!;
  }
  return { keys, counts: keyCounts, starts, bytes, size: total };
}

const varintLength = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/** Position of `key` in the sorted array, or -1. */
export function binarySearch(sorted: Uint32Array, key: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}
