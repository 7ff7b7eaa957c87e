/**
 * The bot's shared state as a whole, with two implementations: SQLite (one process, the default)
 * and PostgreSQL (several instances). Each concern has its own interface (subscriptions.ts,
 * announced-issues.ts, outbox.ts, flood-counters.ts, stored-searches.ts, update-ids.ts,
 * conversation-store.ts), and callers ask for the ones they use. Flood counters and stored
 * searches are in the database only with PostgreSQL: one SQLite process keeps them in its own
 * memory, where they need no fsync per message.
 */
import type { AnnouncedIssues } from './announced-issues.ts';
import type { ConversationStore } from './conversation-store.ts';
import type { FloodCounters } from './flood-counters.ts';
import type { DeliveryState, NotificationOutbox } from './outbox.ts';
import type { StoredSearches } from './stored-searches.ts';
import type { Subscriptions } from './subscriptions.ts';
import type { UpdateIds } from './update-ids.ts';

/** The database cannot do its job: locked for too long, read-only, damaged, unreachable. */
export class StorageError extends Error {
  constructor(
    message: string,
    /** 'busy' is worth retrying later; the others need an operator. */
    readonly kind: 'busy' | 'read-only' | 'damaged' | 'unreachable' | 'other',
  ) {
    super(message);
  }
}

/** Everything durable in a store, for moving it to another (`npm run migrate-db`). */
export interface StoreSnapshot {
  subscriptions: { chatId: number; keyword: string; createdAt: number }[];
  issues: { source: string; seenAt: number; state: 'baseline' | 'announced' }[];
  outbox: { chatId: number; source: string; text: string; state: DeliveryState; createdAt: number; attempts: number }[];
}

/** The database connection itself. */
export interface StoreConnection {
  /** 'sqlite' or 'postgres', for logs and metrics. */
  readonly kind: 'sqlite' | 'postgres';
  /** Throws when the database cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** What every store keeps in its database. */
export type Store = StoreConnection &
  Subscriptions &
  AnnouncedIssues &
  NotificationOutbox &
  UpdateIds &
  ConversationStore;

/** A store every instance shares (PostgreSQL): flood counters and stored searches too. */
export type SharedStore = Store & FloodCounters & StoredSearches;
