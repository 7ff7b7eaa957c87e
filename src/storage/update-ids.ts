/**
 * The Telegram update ids already handled, so an update Telegram delivers again (maybe to another
 * instance) is not answered twice.
 */

/** Telegram redelivers an unanswered update for up to a day: ids are remembered that long. */
export const UPDATE_IDS_KEPT_MS = 24 * 60 * 60 * 1000;

export interface UpdateIds {
  /**
   * Records that the Telegram update `updateId` is being handled; false when it was recorded
   * within the last `UPDATE_IDS_KEPT_MS` (a redelivery, maybe to another instance).
   */
  firstDelivery(updateId: number, now?: number): Promise<boolean>;
}

/**
 * Ids seen within a window, in this process's memory: Telegram's update ids grow, so the oldest
 * are first in the map and expire first. Not lru-cache: it keeps an expired entry until it is read
 * or pushed out, where this map drops a day-old id on the next call and so holds one day's ids.
 */
export class SeenIds {
  private readonly seen = new Map<number, number>();

  constructor(
    private readonly keptMs: number,
    /** Ids kept at most (bounds memory under any traffic; the oldest go first). */
    private readonly maxIds = 500_000,
  ) {}

  /** True the first time `id` is seen within the window (and records it). */
  first(id: number, now = Date.now()): boolean {
    for (const [old, at] of this.seen) {
      if (at > now - this.keptMs) break;
      this.seen.delete(old);
    }
    const at = this.seen.get(id);
    if (at !== undefined && at > now - this.keptMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    if (this.seen.size > this.maxIds) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }
}
