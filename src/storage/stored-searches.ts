/**
 * The search state behind buttons, in the shared database (PostgreSQL), so a button pressed on
 * one instance works when the press reaches another. One process (SQLite) keeps it in its own
 * memory instead (QueryStore in src/bot/query-store.ts); the chat's entries go with `forget`.
 */
export interface StoredSearches {
  /** Keeps the search state behind a button; `text` is JSON, asked in `chatId`. */
  saveQuery(key: string, text: string, now?: number, chatId?: number): Promise<void>;
  /** The stored search state, or undefined when unknown or older than `maxAgeMs`. */
  loadQuery(key: string, maxAgeMs: number, now?: number): Promise<string | undefined>;
  /** Drops stored queries older than `maxAgeMs`, then the oldest until at most `maxBytes` remain. */
  pruneQueries(maxAgeMs: number, maxBytes: number, now?: number): Promise<void>;
}
