/** Flood-limit counters in this process's memory: hits per key within a window from the first hit. */
export class HitCounter {
  private readonly counters = new Map<string, { hits: number; expiresAt: number }>();

  hit(key: string, windowMs: number, now = Date.now()): number {
    const counter = this.counters.get(key);
    if (counter && counter.expiresAt > now) return ++counter.hits;
    if (this.counters.size > 100_000)
      for (const [k, c] of this.counters) if (c.expiresAt <= now) this.counters.delete(k);
    this.counters.set(key, { hits: 1, expiresAt: now + windowMs });
    return 1;
  }
}

/**
 * Ids seen within a window, in this process's memory: Telegram's update ids grow, so the oldest
 * are first in the map and expire first.
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
