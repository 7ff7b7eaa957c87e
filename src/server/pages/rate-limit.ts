/**
 * A per-address limit on searches (each costs a search of the archive): at most `max` in a window
 * of `windowMs`, counted in fixed windows. Addresses idle for a window are forgotten once the
 * table grows, so a crowd of addresses cannot grow it without bound.
 */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export const SEARCH_LIMIT: RateLimit = { max: 30, windowMs: 60_000 };
/** Addresses remembered before idle ones are swept. */
const SWEEP_AT = 10_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: RateLimit = SEARCH_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request from `address`; the seconds to wait when it is over the limit, else 0. */
  hit(address: string): number {
    const t = this.now();
    let w = this.windows.get(address);
    if (!w || t - w.start >= this.limit.windowMs) {
      if (!w && this.windows.size >= SWEEP_AT) this.sweep(t);
      w = { start: t, count: 0 };
      this.windows.set(address, w);
    }
    w.count++;
    return w.count > this.limit.max ? Math.max(1, Math.ceil((w.start + this.limit.windowMs - t) / 1000)) : 0;
  }

  get size(): number {
    return this.windows.size;
  }

  private sweep(t: number): void {
    for (const [address, w] of this.windows) if (t - w.start >= this.limit.windowMs) this.windows.delete(address);
  }
}
