/**
 * The bot's shared state behind one interface, with two implementations: SQLite (one process,
 * the default) and PostgreSQL (several instances). Subscriptions, the issues already seen, the
 * outbox of notifications, the flood-limit counters and the search state behind buttons.
 *
 * Delivery is at most once and exactly once in the ordinary case: an instance claims a few
 * outbox rows with a lease ('claimed'), marks each 'sending' just before the message goes out and
 * 'sent' after. Rows whose claim expired (their instance died) go back to 'pending' for another
 * instance; a row left 'sending' by a dead instance may have been delivered, so it becomes
 * 'unknown' and is never sent again. Announcing an issue is claimed the same way.
 */

/** The digest subscription (every new issue) has the empty keyword. */
export const ALL_ISSUES = '';
/** Telegram redelivers an unanswered update for up to a day: ids are remembered that long. */
export const UPDATE_IDS_KEPT_MS = 24 * 60 * 60 * 1000;
/** Most keywords one chat may follow. */
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 30;

export interface Notification {
  id: number;
  chatId: number;
  source: string;
  text: string;
  attempts: number;
}

/** A delivery-outbox row as both databases return it (snake_case columns). */
export interface OutboxRow {
  id: number;
  chat_id: number;
  source: string;
  text: string;
  attempts: number;
}

export const toNotification = (r: OutboxRow): Notification => ({
  id: r.id,
  chatId: r.chat_id,
  source: r.source,
  text: r.text,
  attempts: r.attempts,
});

export type SubscribeOutcome = 'added' | 'exists' | 'too-many';

/** What claiming an issue's announcement gave: this instance announces it, it is done, or another has it. */
export type IssueClaim = 'claimed' | 'done' | 'taken';

export type DeliveryState = 'pending' | 'claimed' | 'sending' | 'sent' | 'failed' | 'unknown';

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

import type { ConversationStore } from './conversation-store.ts';

/** Follow-up contexts and unanswered questions live in the same database (conversation-store.ts). */
export interface SubscriptionStore extends ConversationStore {
  /** 'sqlite' or 'postgres', for logs and metrics. */
  readonly kind: string;

  /** Adds a subscription; durable when this resolves. */
  subscribe(chatId: number, keyword: string): Promise<SubscribeOutcome>;
  /** Removes one subscription, or all of the chat's when `keyword` is undefined; resolves to how many. */
  unsubscribe(chatId: number, keyword?: string): Promise<number>;
  /** The chat's subscriptions, the digest first. */
  list(chatId: number): Promise<string[]>;
  /** Everything stored about the chat, removed: subscriptions, undelivered notifications, stored searches, its follow-up context (/forget, or a user who blocked the bot). */
  forget(chatId: number): Promise<void>;
  /** A group became a supergroup: its subscriptions and undelivered notifications follow it. */
  moveChat(from: number, to: number): Promise<void>;
  /** Every subscription, grouped by chat. */
  allByChat(): Promise<Map<number, string[]>>;
  subscriberCount(): Promise<number>;

  /** Whether any issue was ever recorded (false on the very first start). */
  hasBaseline(): Promise<boolean>;
  /** Records issues as known without announcing them (the corpus the bot started with). */
  markSeen(sources: string[]): Promise<void>;
  /** The given issues never seen before (neither baseline, nor announced, nor being announced). */
  unseen(sources: string[]): Promise<string[]>;
  /** Claims the announcement of an issue for `owner` until `now + leaseMs`. */
  claimIssue(source: string, owner: string, leaseMs: number, now?: number): Promise<IssueClaim>;
  /**
   * Marks an issue announced and queues its notifications, in one transaction: an issue is
   * announced once, and a chat gets one notification per issue. False when it was announced
   * already or another owner holds a live claim on it.
   */
  announce(
    source: string,
    notifications: { chatId: number; text: string }[],
    owner?: string,
    now?: number,
  ): Promise<boolean>;

  /** The next notifications waiting, oldest first (not claimed). */
  pending(limit: number): Promise<Notification[]>;
  /** Claims up to `limit` due notifications for `owner` until `now + leaseMs`. */
  claimBatch(owner: string, limit: number, leaseMs: number, now?: number): Promise<Notification[]>;
  /** Marks a claimed notification as going out now; false when the claim was lost. */
  startSending(id: number, owner: string): Promise<boolean>;
  /** Records the outcome of sending. */
  finish(id: number, state: 'sent' | 'failed'): Promise<void>;
  /** Gives a claimed or sending notification back, to go out at `notBefore` (a 429, a shutdown). */
  release(id: number, notBefore: number, attempted?: boolean): Promise<void>;
  /** Returns the owner's claimed (not sending) notifications to the queue (a clean shutdown). */
  releaseAll(owner: string): Promise<number>;
  /** Expired claims back to 'pending'; expired 'sending' rows (maybe delivered) to 'unknown'. */
  expireClaims(now?: number): Promise<{ requeued: number; lost: number }>;
  /** Telegram asked the bot to wait (a 429): no instance sends before `until` (the later pause wins). */
  pauseDelivery(until: number): Promise<void>;
  /** Until when delivery is paused (0: not paused). */
  deliveryPause(): Promise<number>;
  /** Forgets delivered, failed and lost notifications created before `before`; resolves to how many. */
  pruneOutbox(before: number): Promise<number>;
  /** How many notifications are in each state. */
  deliveryCounts(): Promise<Partial<Record<DeliveryState, number>>>;

  /** Adds one hit to a flood-limit counter that lives `windowMs` from its first hit; resolves to the hits. */
  hit(key: string, windowMs: number, now?: number): Promise<number>;

  /** Keeps the search state behind a button (shared by every instance); `text` is JSON, asked in `chatId`. */
  saveQuery(key: string, text: string, now?: number, chatId?: number): Promise<void>;
  /** The stored search state, or undefined when unknown or older than `maxAgeMs`. */
  loadQuery(key: string, maxAgeMs: number, now?: number): Promise<string | undefined>;
  /** Drops stored queries older than `maxAgeMs`, then the oldest until at most `maxBytes` remain. */
  pruneQueries(maxAgeMs: number, maxBytes: number, now?: number): Promise<void>;

  /**
   * Records that the Telegram update `updateId` is being handled; false when it was recorded
   * within the last `UPDATE_IDS_KEPT_MS` (a redelivery, maybe to another instance).
   */
  firstDelivery(updateId: number, now?: number): Promise<boolean>;

  /** Throws when the database cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
