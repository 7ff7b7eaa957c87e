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
