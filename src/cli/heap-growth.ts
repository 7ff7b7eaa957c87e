/**
 * A full collection between units of work (a batch's questions) once the heap has grown by a third
 * of what it held after the last one (16 MB at least). A batch promotes each question's
 * short-lived working set to the old generation, where V8 lets it pile up to about twice the live
 * heap before collecting: tens of megabytes of peak memory at thousands of issues. Growth in
 * proportion to the live heap keeps the collections' cost per question the same at any archive
 * size (each costs in proportion to the live heap, and comes that much less often). Collects only
 * when the process allows it (node --expose-gc).
 */
import v8 from 'node:v8';
import { collectGarbage } from '../retrieval/index.ts';

export interface HeapGrowthOptions {
  /** The least growth, in bytes, that calls for a collection. */
  least?: number;
  /** The share of the heap after the last collection that it may grow by. */
  share?: number;
  /** The heap's used bytes now. */
  used?: () => number;
  collect?: () => void;
}

/** A function to call after each unit of work: collects (and says so) when the heap has grown enough. */
export function collectOnHeapGrowth({
  least = 16 * 2 ** 20,
  share = 1 / 3,
  used = () => v8.getHeapStatistics().used_heap_size,
  collect = collectGarbage,
}: HeapGrowthOptions = {}): () => boolean {
  let base = used();
  return () => {
    if (used() - base <= Math.max(least, base * share)) return false;
    collect();
    base = used();
    return true;
  };
}
