/**
 * A growable list of 32-bit integers in one typed array: the index's per-passage and per-doc
 * numbers (a passage's doc, a doc's first passage, rows in the stores) held as one block each
 * instead of an object or a boxed array entry per item, which the garbage collector would copy
 * and walk at every start.
 */
export class IntList {
  private data: Int32Array;
  private size: number;

  constructor(values: ArrayLike<number> = [], capacity = values.length) {
    this.data = new Int32Array(Math.max(capacity, values.length, 16));
    this.data.set(values);
    this.size = values.length;
  }

  /** 0, 1, … n − 1. */
  static identity(n: number): IntList {
    const list = new IntList([], n);
    for (let k = 0; k < n; k++) list.data[k] = k;
    list.size = n;
    return list;
  }

  get length(): number {
    return this.size;
  }

  get(k: number): number {
    return this.data[k]!;
  }

  set(k: number, value: number): void {
    this.data[k] = value;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  pop(): number {
    return this.data[--this.size]!;
  }

  /** Takes out `count` entries from `from` on; those after move up. */
  remove(from: number, count: number): void {
    this.data.copyWithin(from, from + count, this.size);
    this.size -= count;
  }

  /** Adds `delta` to every entry from `from` on. */
  shift(from: number, delta: number): void {
    for (let k = from; k < this.size; k++) this.data[k]! += delta;
  }

  /** A copy of the entries as they are now. */
  copy(): Int32Array {
    return this.data.slice(0, this.size);
  }
}
