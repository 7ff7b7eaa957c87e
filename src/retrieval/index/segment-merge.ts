/**
 * The merge of an index's first two segments run a piece at a time, shared by the postings and the
 * word index: both keep segments in id order, never change one once made, and may be changed (or
 * merged otherwise) between the pieces, in which case the merged segment is dropped.
 */

/** Segments in id order, as held by their owner, and how to put a new list in their place. */
export interface SegmentList<S> {
  current(): readonly S[];
  replace(segments: S[]): void;
}

/**
 * Merges the first two segments with `merge` (a step after each piece, for the caller to let other
 * work run), then puts the result in their place unless a change replaced either of them meanwhile;
 * returns whether it did.
 */
export function* mergeFirstTwoInSteps<S>(
  list: SegmentList<S>,
  merge: (pair: readonly S[]) => Generator<void, S>,
): Generator<void, boolean> {
  const [first, second] = list.current();
  if (!first || !second) return false;
  const merged = yield* merge([first, second]);
  const now = list.current();
  if (now[0] !== first || now[1] !== second) return false;
  list.replace([merged, ...now.slice(2)]);
  return true;
}
