/**
 * State that may live in this instance's memory for a while when the shared database cannot keep
 * it in time: flood counts, stored searches, update ids already handled. A database call that
 * fails or outlasts its deadline is answered from memory, and the database is left alone for a
 * pause before it is tried again, so a frozen server costs one deadline per pause, not one per
 * update. The switch to memory and the way back are each logged once.
 */

export interface FallbackOptions {
  /** Longest wait for the database on this path, in ms. */
  deadlineMs?: number;
  /** How long memory is used before the database is tried again, in ms. */
  pauseMs?: number;
  /** Told once when the database stops answering in time (with why). */
  onDown?: (reason: string) => void;
  /** Told once when it answers again. */
  onBack?: () => void;
  now?: () => number;
}

/** A call too slow for its deadline. */
export class DeadlineExceeded extends Error {}

/** Resolves like `work`, or rejects after `ms` (the late outcome of `work` is swallowed). */
export function withDeadline<T>(work: Promise<T>, ms: number, what = 'the database'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`${what} did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export class DatabaseFallback {
  private downUntil = 0;
  private down = false;
  private readonly deadlineMs: number;
  private readonly pauseMs: number;
  private readonly now: () => number;

  constructor(private readonly options: FallbackOptions = {}) {
    this.deadlineMs = options.deadlineMs ?? 1000;
    this.pauseMs = options.pauseMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Whether memory stands in for the database at the moment. */
  get degraded(): boolean {
    return this.down;
  }

  /** `shared()` within the deadline; else `local()`, and memory for the next pause. */
  async run<T>(shared: () => Promise<T>, local: () => T | Promise<T>): Promise<T> {
    if (this.down && this.now() < this.downUntil) return local();
    try {
      const out = await withDeadline(shared(), this.deadlineMs);
      if (this.down) {
        this.down = false;
        this.options.onBack?.();
      }
      return out;
    } catch (err) {
      this.downUntil = this.now() + this.pauseMs;
      if (!this.down) {
        this.down = true;
        this.options.onDown?.((err as Error).message);
      }
      return local();
    }
  }
}
