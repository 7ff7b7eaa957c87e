/**
 * The archive's order tables, which depend on its docs and passages alone (not on a question or
 * the ranking's weights), so the index file keeps them and a start reads them instead of sorting
 * the docs again: each passage's copy slot (copies of one story across issues share one) and each
 * doc's rank by date, then by issue file. An index changed in place computes them anew.
 */

/** What the order tables are computed from: an index, or a snapshot of one being saved. */
export interface OrderedArchive {
  readonly docCount: number;
  readonly passageCount: number;
  passageDoc(k: number): number;
  /** Doc d's first passage (its passages run to the next doc's first; d may be docCount). */
  firstPassage(d: number): number;
  /** What copies of one story share (SearchIndex.copyKey). */
  copyKey(d: number): string;
  docText(d: number, field: 'date' | 'source'): string;
}

export interface ArchiveOrder {
  /**
   * Per passage: its slot, a (copy key, place in its doc) pair, numbered in order of first
   * appearance: the same passage of each copy of a story has the same slot.
   */
  readonly copySlot: Int32Array;
  /** How many slots there are. */
  readonly slots: number;
  /** Per doc: its rank by (date, issue file); equal for docs that compare equal. */
  readonly docRank: Int32Array;
}

/** Passages walked per step (a few milliseconds' worth). */
const PER_STEP = 1 << 13;

/**
 * The order tables, a step (yield) after each run of passages and after the sort; each step
 * yields how many passages' slots in `copySlot` are final, so that a save can write them as
 * they are made.
 */
export function* archiveOrderInSteps(
  archive: OrderedArchive,
  copySlot = new Int32Array(archive.passageCount),
): Generator<number, ArchiveOrder> {
  const n = archive.passageCount;
  const nDocs = archive.docCount;
  // The copy key's string is hashed once per doc, not once per passage: per key, its slots by
  // place in the doc (a string per passage cost ~80 ms at 5,200 issues).
  const keyOfDoc = new Int32Array(nDocs).fill(-1);
  const keyId = new Map<string, number>();
  const slotsOfKey: number[][] = [];
  let slots = 0;
  for (let p = 0; p < n; p++) {
    const doc = archive.passageDoc(p);
    let key = keyOfDoc[doc]!;
    if (key < 0) {
      const copyKey = archive.copyKey(doc);
      key = keyId.get(copyKey) ?? keyId.size;
      if (key === keyId.size) {
        keyId.set(copyKey, key);
        slotsOfKey.push([]);
      }
      keyOfDoc[doc] = key;
    }
    const byOrdinal = slotsOfKey[key]!;
    copySlot[p] = byOrdinal[p - archive.firstPassage(doc)] ??= slots++;
    if (p % PER_STEP === PER_STEP - 1) yield p + 1;
  }
  yield n;
  // Each doc's date and file read once, for the sort to compare.
  const dates = Array.from({ length: nDocs }, (_, d) => archive.docText(d, 'date'));
  const sources = Array.from({ length: nDocs }, (_, d) => archive.docText(d, 'source'));
  const compare = (a: number, b: number) => {
    if (dates[a] !== dates[b]) return dates[a]! < dates[b]! ? -1 : 1;
    return sources[a]! < sources[b]! ? -1 : sources[a]! > sources[b]! ? 1 : 0;
  };
  const byDate = dates.map((_, k) => k).sort(compare);
  yield n;
  const docRank = new Int32Array(nDocs);
  byDate.forEach((doc, k) => {
    docRank[doc] = k > 0 && compare(byDate[k - 1]!, doc) === 0 ? docRank[byDate[k - 1]!]! : k;
  });
  return { copySlot, slots, docRank };
}

/**
 * The order tables as saved, checked against the archive's size; undefined when they are not
 * there (a file saved before they were) or do not fit.
 */
export function savedOrder(
  copySlot: unknown,
  docRank: unknown,
  passages: number,
  docs: number,
): ArchiveOrder | undefined {
  if (!(copySlot instanceof Int32Array) || !(docRank instanceof Int32Array)) return undefined;
  if (copySlot.length !== passages || docRank.length !== docs) return undefined;
  let slots = 0;
  for (let k = 0; k < copySlot.length; k++) {
    const s = copySlot[k]!;
    if (s < 0) return undefined;
    if (s >= slots) slots = s + 1;
  }
  return { copySlot, slots, docRank };
}
