/**
 * Flood-limit counters: hits per key within a window that starts at the key's first hit. Shared by
 * every instance with PostgreSQL; HitCounter stands in, in this instance's memory, while the
 * shared database is slow or gone. One process (SQLite) counts in the limiter's own memory
 * (src/bot/flood-limit.ts).
 */
import { LRUCache } from 'lru-cache';

export interface FloodCounters {
  /** Adds one hit to a flood-limit counter that lives `windowMs` from its first hit; resolves to the hits. */
  hit(key: string, windowMs: number, now?: number): Promise<number>;
}

/**
 * Flood-limit counters in this process's memory. Past `maxKeys` the key hit least recently goes
 * first, so memory stays bounded under any traffic. Bounded by `maxSize` (each key counts 1)
 * rather than `max`, which would allocate room for every key up front in every process.
 */
export class HitCounter {
  private readonly counters: LRUCache<string, { hits: number; expiresAt: number }>;

  constructor(maxKeys = 100_000) {
    this.counters = new LRUCache({ maxSize: maxKeys, sizeCalculation: () => 1 });
  }

  hit(key: string, windowMs: number, now = Date.now()): number {
    const counter = this.counters.get(key);
    if (counter && counter.expiresAt > now) return ++counter.hits;
    this.counters.set(key, { hits: 1, expiresAt: now + windowMs });
    return 1;
  }
}
