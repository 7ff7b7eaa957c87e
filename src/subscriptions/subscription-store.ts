/**
 * Subscriptions, the issues already seen, and the outbox of notifications — all in SQLite, every
 * change one transaction. Notifications are delivered at most once: a row is marked 'sending'
 * before the message goes out, so a restart never sends it again.
 */
import type { Db } from './database.ts';

/** The digest subscription (every new issue) has the empty keyword. */
export const ALL_ISSUES = '';
/** Most keywords one chat may follow. */
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 30;

export interface Notification {
  id: number;
  chatId: number;
  source: string;
  text: string;
}

export type SubscribeOutcome = 'added' | 'exists' | 'too-many';

export class SubscriptionStore {
  constructor(private readonly db: Db) {}

  /** Adds a subscription; durable when this returns. */
  subscribe(chatId: number, keyword: string): SubscribeOutcome {
    return this.db.transaction((): SubscribeOutcome => {
      const exists = this.db
        .prepare('SELECT 1 FROM subscriptions WHERE chat_id = ? AND keyword = ?')
        .get(chatId, keyword);
      if (exists) return 'exists';
      const count = (
        this.db.prepare("SELECT COUNT(*) AS n FROM subscriptions WHERE chat_id = ? AND keyword <> ''").get(chatId) as {
          n: number;
        }
      ).n;
      if (keyword !== ALL_ISSUES && count >= MAX_KEYWORDS) return 'too-many';
      this.db
        .prepare('INSERT INTO subscriptions (chat_id, keyword, created_at) VALUES (?, ?, ?)')
        .run(chatId, keyword, Date.now());
      return 'added';
    })();
  }

  /** Removes one subscription, or all of the chat's when `keyword` is undefined; returns how many. */
  unsubscribe(chatId: number, keyword?: string): number {
    const result =
      keyword === undefined
        ? this.db.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(chatId)
        : this.db.prepare('DELETE FROM subscriptions WHERE chat_id = ? AND keyword = ?').run(chatId, keyword);
    return result.changes;
  }

  /** The chat's subscriptions, the digest first. */
  list(chatId: number): string[] {
    return (
      this.db
        .prepare("SELECT keyword FROM subscriptions WHERE chat_id = ? ORDER BY keyword <> '', created_at")
        .all(chatId) as { keyword: string }[]
    ).map((r) => r.keyword);
  }

  /** Everything stored about the chat, removed (/forget, or a user who blocked the bot). */
  forget(chatId: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(chatId);
      this.db.prepare("DELETE FROM outbox WHERE chat_id = ? AND state = 'pending'").run(chatId);
    })();
  }

  /** Every subscription, grouped by chat. */
  allByChat(): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const r of this.db
      .prepare('SELECT chat_id, keyword FROM subscriptions ORDER BY chat_id, created_at')
      .all() as { chat_id: number; keyword: string }[]) {
      const list = out.get(r.chat_id) ?? [];
      list.push(r.keyword);
      out.set(r.chat_id, list);
    }
    return out;
  }

  subscriberCount(): number {
    return (this.db.prepare('SELECT COUNT(DISTINCT chat_id) AS n FROM subscriptions').get() as { n: number }).n;
  }

  /** Whether any issue was ever recorded (false on the very first start). */
  hasBaseline(): boolean {
    return this.db.prepare('SELECT 1 FROM issues_seen LIMIT 1').get() !== undefined;
  }

  /** Records issues as known without announcing them (the corpus the bot started with). */
  markSeen(sources: string[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO issues_seen (source, seen_at, announced) VALUES (?, ?, 0)');
    this.db.transaction(() => {
      for (const s of sources) insert.run(s, Date.now());
    })();
  }

  /** The given issues that were never seen before. */
  unseen(sources: string[]): string[] {
    const has = this.db.prepare('SELECT 1 FROM issues_seen WHERE source = ?');
    return sources.filter((s) => has.get(s) === undefined);
  }

  /**
   * Marks an issue announced and queues its notifications, in one transaction: an issue is
   * announced once, and a chat gets one notification per issue.
   */
  announce(source: string, notifications: { chatId: number; text: string }[]): boolean {
    return this.db.transaction(() => {
      const inserted = this.db
        .prepare('INSERT OR IGNORE INTO issues_seen (source, seen_at, announced) VALUES (?, ?, 1)')
        .run(source, Date.now());
      if (inserted.changes === 0) return false;
      const queue = this.db.prepare(
        'INSERT OR IGNORE INTO outbox (chat_id, source, text, created_at) VALUES (?, ?, ?, ?)',
      );
      for (const n of notifications) queue.run(n.chatId, source, n.text, Date.now());
      return true;
    })();
  }

  /** The next notifications to deliver, oldest first. */
  pending(limit: number): Notification[] {
    return (
      this.db
        .prepare("SELECT id, chat_id, source, text FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?")
        .all(limit) as { id: number; chat_id: number; source: string; text: string }[]
    ).map((r) => ({ id: r.id, chatId: r.chat_id, source: r.source, text: r.text }));
  }

  /** Claims a notification for sending; false when another sender (or a past run) has it. */
  claim(id: number): boolean {
    return (
      this.db.prepare("UPDATE outbox SET state = 'sending' WHERE id = ? AND state = 'pending'").run(id).changes === 1
    );
  }

  finish(id: number, state: 'sent' | 'failed'): void {
    this.db.prepare('UPDATE outbox SET state = ? WHERE id = ?').run(state, id);
  }
}
