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
 * is passage p's number of distinct words (MiniSearch's field length).
 */
import { type Columns, column, StringTable } from './index-file.ts';
import { segment } from '../text/segment.ts';

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

interface Hit {
  score: number;
  terms: string[];
}

/** MiniSearch's OR combinator: `b` folded into `a`, scores added, matched terms kept unique. */
function orInto(a: Map<number, Hit>, b: Map<number, Hit>): Map<number, Hit> {
  for (const [id, hit] of b) {
    const existing = a.get(id);
    if (!existing) a.set(id, hit);
    else {
      existing.score = existing.score + hit.score;
      for (const t of hit.terms) if (!existing.terms.includes(t)) existing.terms.push(t);
    }
  }
  return a;
}

/** Distinct words of a text with their counts, in order of first appearance. */
function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { text: token } of segment(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

export class WordIndex {
  private constructor(
    private terms: StringTable,
    private starts: Uint32Array,
    private ids: Uint32Array,
    private freqs: Uint16Array,
    private lengths: Uint16Array,
    private avgLength: number,
  ) {}

  /** The word index of the texts (segmenting each), ids being `firstId` plus their positions. */
  static fromTexts(texts: readonly string[], firstId = 0): WordIndex {
    const postings = new Map<string, number[]>();
    const lengths = new Uint16Array(texts.length);
    let total = 0;
    texts.forEach((text, k) => {
      const counts = countWords(text);
      lengths[k] = counts.size;
      total += counts.size;
      for (const [term, n] of counts) {
        let list = postings.get(term);
        if (!list) {
          list = [];
          postings.set(term, list);
        }
        list.push(k + firstId, n);
      }
    });
    const sorted = [...postings.keys()].sort();
    const starts = new Uint32Array(sorted.length + 1);
    let size = 0;
    sorted.forEach((term, k) => {
      starts[k] = size;
      size += postings.get(term)!.length / 2;
    });
    starts[sorted.length] = size;
    const ids = new Uint32Array(size);
    const freqs = new Uint16Array(size);
    sorted.forEach((term, k) => {
      const list = postings.get(term)!;
      for (let i = 0, at = starts[k]!; i < list.length; i += 2, at++) {
        ids[at] = list[i]!;
        freqs[at] = Math.min(0xffff, list[i + 1]!);
      }
    });
    return new WordIndex(
      StringTable.from(sorted),
      starts,
      ids,
      freqs,
      lengths,
      texts.length > 0 ? total / texts.length : 0,
    );
  }

  /** Number of passages indexed. */
  get documentCount(): number {
    return this.lengths.length;
  }

  /** Number of (word, passage) postings. */
  get size(): number {
    return this.ids.length;
  }

  /** Position of the term in the sorted table, or -1. */
  private find(term: string): number {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.terms.get(mid);
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether segmentation produced this word in any passage. */
  has(term: string): boolean {
    return this.find(term) >= 0;
  }

  private termResults(term: string): Map<number, Hit> {
    const results = new Map<number, Hit>();
    const k = this.find(term);
    if (k < 0) return results;
    const from = this.starts[k]!;
    const to = this.starts[k + 1]!;
    const n = this.documentCount;
    for (let i = from; i < to; i++) {
      const id = this.ids[i]!;
      results.set(id, { score: bm25(this.freqs[i]!, to - from, n, this.lengths[id]!, this.avgLength), terms: [term] });
    }
    return results;
  }

  /**
   * BM25 scores by passage, as `MiniSearch.search({ queries: words })` gives them: each query
   * split at spaces, terms combined with OR, a passage's sum multiplied by the number of distinct
   * query terms it holds; best first.
   */
  scores(words: readonly string[]): Map<number, number> {
    const perQuery = words.map((word) => {
      const maps = word
        .split(' ')
        .filter(Boolean)
        .map((t) => this.termResults(t));
      return maps.length === 0 ? new Map<number, Hit>() : maps.reduce(orInto);
    });
    const out = new Map<number, number>();
    if (perQuery.length === 0) return out;
    const hits = [...perQuery.reduce(orInto)].map(([id, { score, terms }]) => ({
      id,
      score: score * (terms.length || 1),
    }));
    hits.sort((a, b) => b.score - a.score);
    for (const { id, score } of hits) out.set(id, score);
    return out;
  }

  /**
   * Adds texts whose ids continue from the last one, updating the average length the way
   * MiniSearch's `add` does, one passage at a time.
   */
  append(texts: readonly string[]): void {
    const firstId = this.documentCount;
    const added = WordIndex.fromTexts(texts, firstId);
    let avg = this.avgLength;
    added.lengths.forEach((length, k) => {
      const count = firstId + k;
      avg = (avg * count + length) / (count + 1);
    });
    const lengths = new Uint16Array(this.lengths.length + added.lengths.length);
    lengths.set(this.lengths);
    lengths.set(added.lengths, this.lengths.length);
    this.mergeFrom(added, (id) => id, lengths, avg);
  }

  /**
   * Drops passages [from, to) and renumbers those above them down, updating the average length
   * the way MiniSearch's `remove` does.
   */
  removeRange(from: number, to: number): void {
    let avg = this.avgLength;
    for (let id = to - 1, count = this.documentCount; id >= from; id--, count--)
      avg = count === 1 ? 0 : (avg * count - this.lengths[id]!) / (count - 1);
    const lengths = new Uint16Array(this.lengths.length - (to - from));
    lengths.set(this.lengths.subarray(0, from));
    lengths.set(this.lengths.subarray(to), from);
    const gap = to - from;
    const empty = WordIndex.fromTexts([]);
    this.mergeFrom(empty, (id) => (id < from ? id : id >= to ? id - gap : -1), lengths, avg);
  }

  /** Rebuilds the arrays as the union of this index (ids mapped, -1 dropped) and `added`. */
  private mergeFrom(added: WordIndex, mapId: (id: number) => number, lengths: Uint16Array, avg: number): void {
    const terms: string[] = [];
    const starts: number[] = [];
    const ids = new Uint32Array(this.ids.length + added.ids.length);
    const freqs = new Uint16Array(ids.length);
    let n = 0;
    let i = 0;
    let j = 0;
    const copy = (src: WordIndex, k: number, map: (id: number) => number) => {
      for (let at = src.starts[k]!; at < src.starts[k + 1]!; at++) {
        const id = map(src.ids[at]!);
        if (id < 0) continue;
        ids[n] = id;
        freqs[n++] = src.freqs[at]!;
      }
    };
    while (i < this.terms.length || j < added.terms.length) {
      const a = i < this.terms.length ? this.terms.get(i) : undefined;
      const b = j < added.terms.length ? added.terms.get(j) : undefined;
      const begin = n;
      const term = b === undefined || (a !== undefined && a <= b) ? a! : b;
      if (a === term) copy(this, i++, mapId);
      if (b === term) copy(added, j++, (id) => id);
      if (n > begin) {
        terms.push(term);
        starts.push(begin);
      }
    }
    starts.push(n);
    this.terms = StringTable.from(terms);
    this.starts = Uint32Array.from(starts);
    this.ids = ids.slice(0, n);
    this.freqs = freqs.slice(0, n);
    this.lengths = lengths;
    this.avgLength = avg;
  }

  /** The columns that save this index, under names starting with `prefix`. */
  toColumns(prefix: string): Columns {
    return {
      [`${prefix}.terms`]: this.terms,
      [`${prefix}.starts`]: this.starts,
      [`${prefix}.ids`]: this.ids,
      [`${prefix}.freqs`]: this.freqs,
      [`${prefix}.lengths`]: this.lengths,
      [`${prefix}.avgLength`]: Float64Array.of(this.avgLength),
    };
  }

  static fromColumns(columns: Columns, prefix: string, documentCount: number): WordIndex {
    const terms = column(columns, `${prefix}.terms`, StringTable);
    const starts = column(columns, `${prefix}.starts`, Uint32Array, terms.length + 1);
    const ids = column(columns, `${prefix}.ids`, Uint32Array, starts[terms.length]);
    const freqs = column(columns, `${prefix}.freqs`, Uint16Array, ids.length);
    const lengths = column(columns, `${prefix}.lengths`, Uint16Array, documentCount);
    const avg = column(columns, `${prefix}.avgLength`, Float64Array, 1)[0]!;
    return new WordIndex(terms, starts, ids, freqs, lengths, avg);
  }
}
