/**
 * Flood-limit counters: hits per key within a window that starts at the key's first hit. Shared by
 * every instance with PostgreSQL; one process (SQLite) counts in its own memory (HitCounter), as
 * does an instance while the shared database is slow or gone.
 */
export interface FloodCounters {
  /** Adds one hit to a flood-limit counter that lives `windowMs` from its first hit; resolves to the hits. */
  hit(key: string, windowMs: number, now?: number): Promise<number>;
}

/** Flood-limit counters in this process's memory. */
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
