/**
 * Ids taken out of an index that is changed in place, without renumbering what it holds.
 *
 * An index's lists hold stable ids: each text gets the next id when it is added and keeps it.
 * Taking texts out only records their ids here, as runs; a text's position (what callers know it
 * by: its place among the texts left, in order) is its id less the ids removed below it. The
 * lists are rewritten, dropping these ids and renumbering, only when segments merge and when the
 * index is saved. Removing an issue therefore costs the size of this list, not of the archive.
 */
export class RemovedIds {
  /** Sorted, disjoint, non-adjacent runs [from, to) of removed ids. */
  private readonly froms: number[] = [];
  private readonly tos: number[] = [];
  /** How many ids the runs before each run hold. */
  private readonly below: number[] = [];
  private total = 0;

  /** How many ids were removed. */
  get count(): number {
    return this.total;
  }

  get isEmpty(): boolean {
    return this.total === 0;
  }

  /** A copy that later removals leave alone (for a snapshot being saved). */
  clone(): RemovedIds {
    const copy = new RemovedIds();
    copy.froms.push(...this.froms);
    copy.tos.push(...this.tos);
    copy.below.push(...this.below);
    copy.total = this.total;
    return copy;
  }

  /** The id of the text at `position` (a position at or past the end: as if ids went on). */
  idAt(position: number): number {
    let id = position;
    // Each run at or below the id found so far moves it up past the run.
    for (let r = 0; r < this.froms.length && this.froms[r]! <= id; r++) id += this.tos[r]! - this.froms[r]!;
    return id;
  }

  /** Removes the texts at positions [from, to). */
  removePositions(from: number, to: number): void {
    if (to <= from) return;
    const first = this.idAt(from);
    const end = this.idAt(to - 1) + 1;
    // Runs inside [first, end) were removed before; runs touching it join it.
    let lo = 0;
    while (lo < this.froms.length && this.tos[lo]! < first) lo++;
    let hi = lo;
    let start = first;
    let stop = end;
    while (hi < this.froms.length && this.froms[hi]! <= end) {
      start = Math.min(start, this.froms[hi]!);
      stop = Math.max(stop, this.tos[hi]!);
      hi++;
    }
    for (let r = lo; r < hi; r++) this.total -= this.tos[r]! - this.froms[r]!;
    this.froms.splice(lo, hi - lo, start);
    this.tos.splice(lo, hi - lo, stop);
    this.total += stop - start;
    this.below.length = 0;
    for (let r = 0, n = 0; r < this.froms.length; n += this.tos[r]! - this.froms[r]!, r++) this.below.push(n);
  }

  /** The position of the text with this id, or -1 when it was removed. */
  position(id: number): number {
    if (this.total === 0) return id;
    // The first run that ends above the id.
    let lo = 0;
    let hi = this.froms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tos[mid]! <= id) lo = mid + 1;
      else hi = mid;
    }
    if (lo < this.froms.length && this.froms[lo]! <= id) return -1;
    return id - (lo < this.froms.length ? this.below[lo]! : this.total);
  }

  /**
   * The positions of the ascending ids, the removed ones left out: written over `ids` itself,
   * returned as a view of it.
   */
  toPositions(ids: Uint32Array): Uint32Array {
    return ids.subarray(0, this.keepLive(ids, ids.length, true));
  }

  /**
   * Leaves out the removed ids of the first `length` ascending ids, in place, turning the others
   * into positions with `renumber`; returns how many are left.
   */
  keepLive(ids: Uint32Array, length: number, renumber: boolean): number {
    if (this.total === 0) return length;
    let n = 0;
    let r = 0;
    let below = 0;
    const runs = this.froms.length;
    for (let i = 0; i < length; i++) {
      const id = ids[i]!;
      while (r < runs && this.tos[r]! <= id) below += this.tos[r]! - this.froms[r++]!;
      if (r < runs && this.froms[r]! <= id) continue;
      ids[n++] = renumber ? id - below : id;
    }
    return n;
  }
}
