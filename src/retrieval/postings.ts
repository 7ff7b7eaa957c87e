/**
 * Compact postings: for each key (a Han character or bigram), the sorted ids that hold it, as a
 * Uint32Array. A term's candidates are the ids holding all of its bigrams (a one-character term:
 * that character), found by intersecting those arrays.
 */

/** CJK unified ideographs (with extension A and compatibility ideographs). */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

// Keys are numbers, not strings: a character is its code, a bigram is both codes in one number
// (no string is made per character of the archive while indexing).
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

export class Postings {
  private constructor(private readonly lists: Map<number, Uint32Array>) {}

  /**
   * Postings of the Han characters and bigrams of each text, ids being the texts' positions.
   * Two passes (count, then fill typed arrays) so that no growing JS arrays are left as garbage.
   */
  static fromTexts(texts: string[]): Postings {
    const counts = new Map<number, number>();
    const last = new Map<number, number>();
    const visit = (fn: (key: number, id: number) => void) => {
      texts.forEach((text, id) => {
        // Characters and bigrams of each run of Han characters: the hot loop of a build.
        let prev = -1;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (!isHan(c)) {
            prev = -1;
            continue;
          }
          fn(c, id);
          if (prev >= 0) fn(bigramKey(prev, c), id);
          prev = c;
        }
      });
    };
    visit((key, id) => {
      if (last.get(key) === id) return;
      last.set(key, id);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    const lists = new Map<number, Uint32Array>();
    const fill = new Map<number, number>();
    for (const [key, n] of counts) {
      lists.set(key, new Uint32Array(n));
      fill.set(key, 0);
    }
    last.clear();
    visit((key, id) => {
      if (last.get(key) === id) return;
      last.set(key, id);
      const at = fill.get(key)!;
      lists.get(key)![at] = id;
      fill.set(key, at + 1);
    });
    return new Postings(lists);
  }

  /**
   * Adds texts whose ids start at `firstId` (greater than every id already held), keeping every
   * list sorted: what indexing one new issue into a saved archive needs.
   */
  append(texts: string[], firstId: number): void {
    const added = Postings.fromTexts(texts);
    for (const [key, ids] of added.lists) {
      const old = this.lists.get(key);
      const length = old?.length ?? 0;
      const need = length + ids.length;
      // Each list owns its buffer: grow it by half when full, so that adding one issue after
      // another does not copy every common bigram's list each time.
      let merged: Uint32Array;
      if (old && old.byteOffset === 0 && old.buffer.byteLength >= need * 4)
        merged = new Uint32Array(old.buffer, 0, need);
      else {
        merged = new Uint32Array(Math.max(need, Math.ceil(length * 1.5))).subarray(0, need);
        if (old) merged.set(old);
      }
      for (let k = 0; k < ids.length; k++) merged[length + k] = ids[k]! + firstId;
      this.lists.set(key, merged);
    }
  }

  /**
   * Drops the ids in [from, to) and renumbers those above them down by `to - from`: what taking
   * one issue's texts out of the index needs. Lists that end below `from` are not touched; keys
   * left with no id go.
   */
  removeRange(from: number, to: number): void {
    const gap = to - from;
    for (const [key, ids] of this.lists) {
      if (ids.length === 0 || ids[ids.length - 1]! < from) continue;
      let n = 0;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (id < from) ids[n++] = id;
        else if (id >= to) ids[n++] = id - gap;
      }
      if (n === 0) this.lists.delete(key);
      else if (n < ids.length) this.lists.set(key, ids.slice(0, n));
    }
  }

  /** Ids holding every bigram of the term (for a single character: that character alone). */
  lookup(term: string): Uint32Array {
    const grams = lookupKeys(term);
    if (grams.length === 0) return new Uint32Array();
    const lists = grams.map((g) => this.lists.get(g) ?? new Uint32Array()).sort((a, b) => a.length - b.length);
    let result = lists[0]!;
    for (let k = 1; k < lists.length && result.length > 0; k++) result = intersect(result, lists[k]!);
    return result;
  }

  /** Key (as a decimal string) to the base64 of its ids' bytes. */
  toJSON(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, ids] of this.lists)
      out[key] = Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength).toString('base64');
    return out;
  }

  static fromJSON(data: Record<string, string>): Postings {
    const lists = new Map<number, Uint32Array>();
    for (const key in data) {
      const bytes = Buffer.from(data[key]!, 'base64');
      // Copy into an aligned buffer: a Buffer from the pool may start at any byte.
      lists.set(Number(key), new Uint32Array(new Uint8Array(bytes).buffer));
    }
    return new Postings(lists);
  }
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
