/**
 * A map bounded by age, by count and by bytes, the oldest going first: the search state behind
 * buttons in one process. Bytes are what bounds memory (one stored search can be a few hundred
 * bytes or tens of kilobytes), the count only keeps the map cheap to walk.
 */

interface Entry<T> {
  value: T;
  bytes: number;
  at: number;
  /** Whose entry it is (a chat id), so it can be deleted on request. */
  owner?: number;
}

/** Values with the bytes each takes, as the caller reckons them. */
export class BoundedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  set(key: string, value: T, bytes: number, now: number, owner?: number): void {
    this.delete(key);
    this.entries.set(key, { value, bytes, at: now, ...(owner === undefined ? {} : { owner }) });
    this.total += bytes;
    this.trim(this.maxBytes);
  }

  get(key: string, maxAgeMs: number, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at > maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Drops entries older than maxAgeMs, then the oldest until at most maxBytes remain. */
  prune(maxAgeMs: number, maxBytes: number, now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.at <= maxAgeMs) break;
      this.delete(key);
    }
    this.trim(maxBytes);
  }

  /** Drops every entry of `owner`; resolves to how many. */
  deleteOwned(owner: number): number {
    let n = 0;
    for (const [key, entry] of this.entries)
      if (entry.owner === owner) {
        this.delete(key);
        n++;
      }
    return n;
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

/** Strings, each costing its UTF-16 code units twice over, near enough. */
export class TextCache extends BoundedCache<string> {
  setText(key: string, text: string, now: number, owner?: number): void {
    this.set(key, text, (text.length + key.length) * 2 + 64, now, owner);
  }
}
