/**
 * Compact postings: for each key (a Han character or bigram), the sorted ids that hold it. A term's
 * candidates are the ids holding all of its bigrams (a one-character term: that character), found
 * by intersecting those lists.
 *
 * Layout: four typed arrays and nothing else (what the index file saves and loads): `keys` sorted;
 * key k's ids are `counts[k]` numbers at bytes `starts[k]..starts[k+1]` of `bytes`, each the gap
 * from the one before as a varint (LEB128): about 1.3 bytes an id instead of 4, decoded per
 * lookup (a few microseconds for the longest list).
 */
import { type Columns, column } from './index-file.ts';

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

/** Calls `fn` once per distinct key of the text (its Han characters and bigrams). */
function eachKey(text: string, seen: Set<number>, fn: (key: number) => void): void {
  seen.clear();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHan(c)) {
      prev = -1;
      continue;
    }
    if (!seen.has(c)) {
      seen.add(c);
      fn(c);
    }
    if (prev >= 0) {
      const key = bigramKey(prev, c);
      if (!seen.has(key)) {
        seen.add(key);
        fn(key);
      }
    }
    prev = c;
  }
}

const EMPTY = new Uint32Array(0);

export class Postings {
  private constructor(
    private keys: Uint32Array,
    private counts: Uint32Array,
    private starts: Uint32Array,
    private bytes: Uint8Array,
  ) {}

  /** Postings of sorted keys with their sorted id lists (`ids[offsets[k]..offsets[k+1]]`). */
  private static encode(keys: Uint32Array, offsets: Uint32Array, ids: Uint32Array): Postings {
    const counts = new Uint32Array(keys.length);
    const starts = new Uint32Array(keys.length + 1);
    let size = 0;
    for (let k = 0; k < keys.length; k++) {
      starts[k] = size;
      counts[k] = offsets[k + 1]! - offsets[k]!;
      let prev = 0;
      for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
        size += varintLength(ids[i]! - prev);
        prev = ids[i]!;
      }
    }
    starts[keys.length] = size;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (let k = 0; k < keys.length; k++) {
      let prev = 0;
      for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
        let gap = ids[i]! - prev;
        prev = ids[i]!;
        while (gap >= 0x80) {
          bytes[at++] = (gap & 0x7f) | 0x80;
          gap >>>= 7;
        }
        bytes[at++] = gap;
      }
    }
    return new Postings(keys, counts, starts, bytes);
  }

  /** Every list decoded, end to end: the form that merging and dropping work on. */
  private decodeAll(): { keys: Uint32Array; offsets: Uint32Array; ids: Uint32Array } {
    const offsets = new Uint32Array(this.keys.length + 1);
    let total = 0;
    for (let k = 0; k < this.keys.length; k++) {
      offsets[k] = total;
      total += this.counts[k]!;
    }
    offsets[this.keys.length] = total;
    const ids = new Uint32Array(total);
    for (let k = 0; k < this.keys.length; k++) ids.set(this.decode(k), offsets[k]!);
    return { keys: this.keys, offsets, ids };
  }

  private decode(k: number): Uint32Array {
    const out = new Uint32Array(this.counts[k]!);
    const bytes = this.bytes;
    let at = this.starts[k]!;
    let prev = 0;
    for (let n = 0; n < out.length; n++) {
      let gap = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[at++]!;
        gap += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      prev += gap;
      out[n] = prev;
    }
    return out;
  }

  /**
   * Postings of the Han characters and bigrams of each text, ids being the texts' positions.
   * Two passes (count, then fill typed arrays) so that no growing JS arrays are left as garbage.
   */
  static fromTexts(texts: readonly string[], firstId = 0): Postings {
    const seen = new Set<number>();
    const counts = new Map<number, number>();
    for (const text of texts) eachKey(text, seen, (key) => counts.set(key, (counts.get(key) ?? 0) + 1));
    const keys = Uint32Array.from(counts.keys()).sort();
    const offsets = new Uint32Array(keys.length + 1);
    const slot = new Map<number, number>();
    let total = 0;
    keys.forEach((key, k) => {
      offsets[k] = total;
      slot.set(key, total);
      total += counts.get(key)!;
    });
    offsets[keys.length] = total;
    counts.clear();
    const ids = new Uint32Array(total);
    texts.forEach((text, id) => {
      eachKey(text, seen, (key) => {
        const at = slot.get(key)!;
        ids[at] = id + firstId;
        slot.set(key, at + 1);
      });
    });
    return Postings.encode(keys, offsets, ids);
  }

  /** Number of ids held over all keys. */
  get size(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  /**
   * Adds texts whose ids start at `firstId` (greater than every id already held), keeping every
   * list sorted: what indexing one new issue into a saved archive needs.
   */
  append(texts: readonly string[], firstId: number): void {
    const old = this.decodeAll();
    const added = Postings.fromTexts(texts, firstId).decodeAll();
    const merged = mergeKeyed(old.keys, old.offsets, added.keys, added.offsets);
    const ids = new Uint32Array(old.ids.length + added.ids.length);
    for (let k = 0; k < merged.keys.length; k++) {
      let at = merged.starts[k]!;
      const a = merged.from[2 * k]!;
      const b = merged.from[2 * k + 1]!;
      if (a >= 0) {
        ids.set(old.ids.subarray(old.offsets[a]!, old.offsets[a + 1]!), at);
        at += old.offsets[a + 1]! - old.offsets[a]!;
      }
      if (b >= 0) ids.set(added.ids.subarray(added.offsets[b]!, added.offsets[b + 1]!), at);
    }
    this.replaceWith(Postings.encode(merged.keys, merged.starts, ids));
  }

  /**
   * Drops the ids in [from, to) and renumbers those above them down by `to - from`: what taking
   * one issue's texts out of the index needs. Keys left with no id go.
   */
  removeRange(from: number, to: number): void {
    const old = this.decodeAll();
    const gap = to - from;
    const ids = new Uint32Array(old.ids.length);
    const keys = new Uint32Array(old.keys.length);
    const offsets = new Uint32Array(old.keys.length + 1);
    let n = 0;
    let kept = 0;
    for (let k = 0; k < old.keys.length; k++) {
      const begin = n;
      for (let i = old.offsets[k]!; i < old.offsets[k + 1]!; i++) {
        const id = old.ids[i]!;
        if (id < from) ids[n++] = id;
        else if (id >= to) ids[n++] = id - gap;
      }
      if (n > begin) {
        keys[kept] = old.keys[k]!;
        offsets[kept++] = begin;
      }
    }
    offsets[kept] = n;
    this.replaceWith(Postings.encode(keys.slice(0, kept), offsets.slice(0, kept + 1), ids.slice(0, n)));
  }

  private replaceWith(other: Postings): void {
    this.keys = other.keys;
    this.counts = other.counts;
    this.starts = other.starts;
    this.bytes = other.bytes;
  }

  /** Ids holding every bigram of the term (for a single character: that character alone). */
  lookup(term: string): Uint32Array {
    const grams = lookupKeys(term);
    if (grams.length === 0) return new Uint32Array();
    const lists = grams
      .map((g) => binarySearch(this.keys, g))
      .map((k) => (k < 0 ? EMPTY : this.decode(k)))
      .sort((a, b) => a.length - b.length);
    let result = lists[0]!;
    for (let k = 1; k < lists.length && result.length > 0; k++) result = intersect(result, lists[k]!);
    return result;
  }

  /** The columns that save these postings, under names starting with `prefix`. */
  toColumns(prefix: string): Columns {
    return {
      [`${prefix}.keys`]: this.keys,
      [`${prefix}.counts`]: this.counts,
      [`${prefix}.starts`]: this.starts,
      [`${prefix}.bytes`]: this.bytes,
    };
  }

  static fromColumns(columns: Columns, prefix: string): Postings {
    const keys = column(columns, `${prefix}.keys`, Uint32Array);
    const counts = column(columns, `${prefix}.counts`, Uint32Array, keys.length);
    const starts = column(columns, `${prefix}.starts`, Uint32Array, keys.length + 1);
    const bytes = column(columns, `${prefix}.bytes`, Uint8Array, starts[keys.length]);
    return new Postings(keys, counts, starts, bytes);
  }
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

/**
 * The union of two sorted key arrays with their list ranges: merged keys, the merged lists'
 * starts, and for each merged key where it was in each input (-1 when absent).
 */
export function mergeKeyed(
  keysA: Uint32Array,
  startsA: Uint32Array,
  keysB: Uint32Array,
  startsB: Uint32Array,
): { keys: Uint32Array; starts: Uint32Array; from: Int32Array } {
  const keys: number[] = [];
  const from: number[] = [];
  let i = 0;
  let j = 0;
  while (i < keysA.length || j < keysB.length) {
    const a = i < keysA.length ? keysA[i]! : Infinity;
    const b = j < keysB.length ? keysB[j]! : Infinity;
    keys.push(Math.min(a, b));
    from.push(a <= b ? i++ : -1, b <= a ? j++ : -1);
  }
  const starts = new Uint32Array(keys.length + 1);
  let total = 0;
  for (let k = 0; k < keys.length; k++) {
    starts[k] = total;
    const a = from[2 * k]!;
    const b = from[2 * k + 1]!;
    if (a >= 0) total += startsA[a + 1]! - startsA[a]!;
    if (b >= 0) total += startsB[b + 1]! - startsB[b]!;
  }
  starts[keys.length] = total;
  return { keys: Uint32Array.from(keys), starts, from: Int32Array.from(from) };
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
