/**
 * A map of strings bounded by age, by count and by bytes, the oldest going first: the search
 * state behind buttons in one process. Bytes are what bounds memory (one stored search can be a
 * few hundred bytes or tens of kilobytes), the count only keeps the map cheap to walk.
 */

interface Entry {
  text: string;
  bytes: number;
  at: number;
}

export class TextCache {
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  set(key: string, text: string, now: number): void {
    this.delete(key);
    // UTF-16 code units × 2: what a JS string costs, near enough.
    const bytes = text.length * 2 + key.length * 2 + 64;
    this.entries.set(key, { text, bytes, at: now });
    this.total += bytes;
    this.trim(this.maxBytes);
  }

  get(key: string, maxAgeMs: number, now: number): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at > maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    return entry.text;
  }

  /** Drops entries older than maxAgeMs, then the oldest until at most maxBytes remain. */
  prune(maxAgeMs: number, maxBytes: number, now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.at <= maxAgeMs) break;
      this.delete(key);
    }
    this.trim(maxBytes);
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  private trim(maxBytes: number): void {
    for (const [key] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.total <= maxBytes) break;
      this.delete(key);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total -= entry.bytes;
    this.entries.delete(key);
  }
}
