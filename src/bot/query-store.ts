/**
 * Search state kept on the server, so a button carries only a short key in its callback_data
 * (Telegram allows 64 bytes). Entries expire after a day; the oldest go first when the store is
 * over its byte budget (a stored search can be a few hundred bytes or tens of kilobytes, so a
 * count alone would not bound memory). A button whose entry is gone gets a short notice.
 *
 * `QueryStore` keeps them in this process; `SharedQueryStore` in the database, so a button
 * pressed on one instance works when the press reaches another. Each is kept with its chat, so
 * /forget deletes the chat's stored questions too.
 */
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { SearchResult } from '../retrieval/index.ts';
import type { DatabaseFallback } from '../storage/fallback.ts';
import type { StoredSearches } from '../storage/stored-searches.ts';

export interface StoredQuery {
  question: string;
  results: SearchResult[];
  createdAt: number;
}

export interface QueryStorage {
  /** Stores a query's results, asked in `chatId`; resolves to the key (8 URL-safe characters). */
  put(question: string, results: SearchResult[], chatId?: number): Promise<string>;
  /** The stored query, or undefined when unknown or expired. */
  get(key: string): Promise<StoredQuery | undefined>;
  /** Deletes every query stored for the chat (/forget). */
  forget(chatId: number): Promise<void>;
}

export const QUERY_TTL_MS = 24 * 60 * 60 * 1000;
/** Bytes of stored searches kept at most (about 2000 full result lists). */
export const QUERY_BYTES = 32 * 1024 * 1024;
export const QUERY_ENTRIES = 20_000;

const newKey = () => randomBytes(6).toString('base64url');

function parse(text: string | undefined): StoredQuery | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as StoredQuery;
  } catch {
    return undefined;
  }
}

/**
 * What a stored search costs in memory, in bytes: its strings at two bytes a UTF-16 unit, plus
 * V8's headers of each result's object, strings and highlight pairs (measured: ~300 bytes a result).
 */
export function storedBytes(question: string, results: SearchResult[]): number {
  let units = question.length;
  for (const r of results)
    units +=
      r.articleId.length +
      r.headline.length +
      r.subtitle.length +
      r.date.length +
      r.source.length +
      r.passage.length +
      r.answer.length +
      r.highlights.length * 24 +
      150;
  return units * 2 + 128;
}

/** Stored searches in this process's memory, each with the chat it was asked in. */
export class QueryStore implements QueryStorage {
  private readonly cache: LRUCache<string, { query: StoredQuery; chatId?: number }>;

  constructor(
    maxEntries = QUERY_ENTRIES,
    ttlMs = QUERY_TTL_MS,
    private readonly now: () => number = Date.now,
    maxBytes = QUERY_BYTES,
  ) {
    this.cache = new LRUCache({
      max: maxEntries,
      maxSize: maxBytes,
      ttl: ttlMs,
      // The clock is read on every call, never cached for a while (tests move it by hand).
      ttlResolution: 0,
      perf: { now: () => this.now() },
    });
  }

  async put(question: string, results: SearchResult[], chatId?: number): Promise<string> {
    const key = newKey();
    const query = { question, results, createdAt: this.now() };
    this.cache.set(
      key,
      { query, ...(chatId === undefined ? {} : { chatId }) },
      { size: storedBytes(question, results) },
    );
    return key;
  }

  async forget(chatId: number): Promise<void> {
    this.cache.purgeStale();
    for (const [key, entry] of [...this.cache.entries()]) if (entry.chatId === chatId) this.cache.delete(key);
  }

  /** Read with `peek`: a search read again is not kept longer, so the oldest still go first. */
  async get(key: string): Promise<StoredQuery | undefined> {
    return this.cache.peek(key)?.query;
  }

  get size(): number {
    return this.cache.size;
  }

  /** What the stored searches take, approximately. */
  get bytes(): number {
    return this.cache.calculatedSize;
  }
}

/**
 * Stored searches in the shared database; pruned to the byte budget every so many puts. While the
 * database cannot be reached or is slow (see `fallback`), they are kept in this process, so the
 * buttons still work here and the question is answered without waiting on the database.
 */
export class SharedQueryStore implements QueryStorage {
  private puts = 0;
  private readonly local = new QueryStore(2000);

  constructor(
    /** The database's stored searches (the chat's are deleted by the store's `forget`). */
    private readonly table: StoredSearches,
    private readonly fallback?: DatabaseFallback,
    private readonly ttlMs = QUERY_TTL_MS,
    private readonly maxBytes = QUERY_BYTES,
  ) {}

  /** The database call within the fallback's deadline, or `local` (failures alike without one). */
  private shared<T>(call: () => Promise<T>, local: () => T | Promise<T>): Promise<T> {
    return this.fallback ? this.fallback.run(call, local) : call().catch(local);
  }

  async put(question: string, results: SearchResult[], chatId?: number): Promise<string> {
    const key = newKey();
    const createdAt = Date.now();
    const text = JSON.stringify({ question, results, createdAt });
    const stored = await this.shared(
      () => this.table.saveQuery(key, text, createdAt, chatId).then(() => true),
      () => false,
    );
    if (!stored) return this.local.put(question, results, chatId);
    if (++this.puts % 200 === 0) void this.table.pruneQueries(this.ttlMs, this.maxBytes).catch(() => {});
    return key;
  }

  async get(key: string): Promise<StoredQuery | undefined> {
    const mine = await this.local.get(key);
    if (mine) return mine;
    return parse(
      await this.shared(
        () => this.table.loadQuery(key, this.ttlMs),
        () => undefined,
      ),
    );
  }

  async forget(chatId: number): Promise<void> {
    await this.local.forget(chatId);
  }
}
