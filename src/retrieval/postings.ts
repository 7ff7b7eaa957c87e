/**
 * Compact postings: for each key (a Han character or bigram), the sorted ids that hold it, as a
 * Uint32Array. A term's candidates are the ids holding all of its bigrams (a one-character term:
 * that character), found by intersecting those arrays.
 */

/** CJK unified ideographs (with extension A and compatibility ideographs). */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** The keys a term is looked up by: its Han bigrams, or its one Han character. */
function lookupKeys(term: string): string[] {
  const keys = new Set<string>();
  let single = '';
  for (let i = 0; i < term.length; i++) {
    if (!isHan(term.charCodeAt(i))) continue;
    single = term[i]!;
    if (i > 0 && isHan(term.charCodeAt(i - 1))) keys.add(term.slice(i - 1, i + 1));
  }
  if (keys.size === 0 && single) keys.add(single);
  return [...keys];
}

export class Postings {
  private constructor(private readonly lists: Map<string, Uint32Array>) {}

  /** Postings of the Han bigrams of each text, ids being the texts' positions. */
  static fromTexts(texts: string[]): Postings {
    const building = new Map<string, number[]>();
    texts.forEach((text, id) => {
      const add = (key: string) => {
        let list = building.get(key);
        if (!list) building.set(key, (list = []));
        if (list[list.length - 1] !== id) list.push(id);
      };
      // Characters and bigrams of each run of Han characters (charCode tests: this is the hot loop).
      let prevHan = false;
      for (let i = 0; i < text.length; i++) {
        const han = isHan(text.charCodeAt(i));
        if (han) {
          add(text[i]!);
          if (prevHan) add(text.slice(i - 1, i + 1));
        }
        prevHan = han;
      }
    });
    const lists = new Map<string, Uint32Array>();
    for (const [gram, ids] of building) lists.set(gram, Uint32Array.from(ids));
    return new Postings(lists);
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

  toJSON(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [gram, ids] of this.lists) out[gram] = Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength).toString('base64');
    return out;
  }

  static fromJSON(data: Record<string, string>): Postings {
    const lists = new Map<string, Uint32Array>();
    for (const gram in data) {
      const bytes = Buffer.from(data[gram]!, 'base64');
      // Copy into an aligned buffer: a Buffer from the pool may start at any byte.
      lists.set(gram, new Uint32Array(new Uint8Array(bytes).buffer));
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
