/**
 * Search state kept on the server, so a button carries only a short key in its callback_data
 * (Telegram allows 64 bytes). Entries expire after a while and the oldest go first when full;
 * a button whose entry is gone gets a short notice instead of an error.
 */
import { randomBytes } from 'node:crypto';
import type { SearchResult } from '../retrieval/rank.ts';

export interface StoredQuery {
  question: string;
  results: SearchResult[];
  createdAt: number;
}

export class QueryStore {
  private readonly entries = new Map<string, StoredQuery>();

  constructor(
    private readonly maxEntries = 5000,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores a query's results; returns the key (8 URL-safe characters). */
  put(question: string, results: SearchResult[]): string {
    const key = randomBytes(6).toString('base64url');
    this.entries.set(key, { question, results, createdAt: this.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return key;
  }

  /** The stored query, or undefined when unknown or expired. */
  get(key: string): StoredQuery | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.createdAt > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
