/**
 * The storage on SQLite: one process, every change one transaction. A write that finds the file
 * locked by another process is retried with growing pauses (the event loop stays free), then
 * reported as 'busy' for the caller to try again later. The update ids handled stay in this
 * process's memory: only one process reads them, and they need no fsync per message. Flood
 * counters and stored searches are not here at all: with one process the bot keeps them itself
 * (flood-limit.ts, QueryStore).
 */
import { type Db, openDatabase, sqliteError } from './sqlite-database.ts';
import { ALL_ISSUES, MAX_KEYWORDS, type SubscribeOutcome } from './subscriptions.ts';
import { type DeliveryState, type Notification, type OutboxRow, toNotification } from './outbox.ts';
import type { IssueClaim } from './announced-issues.ts';
import { StorageError, type StoreSnapshot, type Store } from './store.ts';
import { UPDATE_IDS_KEPT_MS } from './update-ids.ts';
import { type UnansweredCount, unansweredText } from './conversation-store.ts';
import { SeenIds } from './update-ids.ts';

/** Notifications queued per transaction when an issue is announced to many chats. */
const NOTIFICATIONS_CHUNK = 500;
/** Subscriptions read at a time by allByChat (more than one chat's: MAX_KEYWORDS + the digest). */
const SUBSCRIPTIONS_PAGE = 1000;

/** Pauses between attempts while another process holds the write lock, in ms (about 3 s in all). */
const BUSY_BACKOFF = [25, 50, 100, 200, 400, 800, 1500];

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly updateIds = new SeenIds(UPDATE_IDS_KEPT_MS);

  constructor(
    private readonly db: Db,
    private readonly where = 'the database file',
    /** The pauses between attempts on a locked file, in ms (tests shorten them). */
    private readonly busyBackoff: readonly number[] = BUSY_BACKOFF,
  ) {}

  /** Runs `fn`, retrying while the database is locked by another process. */
  private async run<T>(fn: () => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return fn();
      } catch (err) {
        const e = sqliteError(err, this.where);
        if (!(e instanceof StorageError) || e.kind !== 'busy' || attempt >= this.busyBackoff.length) throw e;
        await new Promise((resolve) => setTimeout(resolve, this.busyBackoff[attempt]));
      }
    }
  }

  private tx<T>(fn: () => T): Promise<T> {
    return this.run(() => this.db.transaction(fn).immediate());
  }

  subscribe(chatId: number, keyword: string): Promise<SubscribeOutcome> {
    return this.tx((): SubscribeOutcome => {
      const exists = this.db
        .prepare('SELECT 1 FROM subscriptions WHERE chat_id = ? AND keyword = ?')
        .get(chatId, keyword);
      if (exists) return 'exists';
      const { n } = this.db
        .prepare("SELECT COUNT(*) AS n FROM subscriptions WHERE chat_id = ? AND keyword <> ''")
        .get(chatId) as { n: number };
      if (keyword !== ALL_ISSUES && n >= MAX_KEYWORDS) return 'too-many';
      this.db
        .prepare('INSERT INTO subscriptions (chat_id, keyword, created_at) VALUES (?, ?, ?)')
        .run(chatId, keyword, Date.now());
      return 'added';
    });
  }

  unsubscribe(chatId: number, keyword?: string): Promise<number> {
    return this.run(
      () =>
        (keyword === undefined
          ? this.db.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(chatId)
          : this.db.prepare('DELETE FROM subscriptions WHERE chat_id = ? AND keyword = ?').run(chatId, keyword)
        ).changes,
    );
  }

  list(chatId: number): Promise<string[]> {
    return this.run(() =>
      (
        this.db
          .prepare("SELECT keyword FROM subscriptions WHERE chat_id = ? ORDER BY keyword <> '', created_at, keyword")
          .all(chatId) as { keyword: string }[]
      ).map((r) => r.keyword),
    );
  }

  forget(chatId: number): Promise<void> {
    return this.tx(() => {
      this.db.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(chatId);
      this.db.prepare("DELETE FROM outbox WHERE chat_id = ? AND state IN ('pending', 'claimed')").run(chatId);
      this.db.prepare('DELETE FROM chat_context WHERE chat_id = ?').run(chatId);
    });
  }

  moveChat(from: number, to: number): Promise<void> {
    return this.tx(() => {
      this.db
        .prepare(
          `INSERT OR IGNORE INTO subscriptions (chat_id, keyword, created_at)
           SELECT ?, keyword, created_at FROM subscriptions WHERE chat_id = ?`,
        )
        .run(to, from);
      this.db.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(from);
      // Undelivered notifications follow, unless the new chat already has one for that issue.
      this.db
        .prepare(
          `UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND state IN ('pending', 'claimed')
             AND source NOT IN (SELECT source FROM outbox WHERE chat_id = ?)`,
        )
        .run(to, from, to);
      // What could not follow (the new chat has that issue's notification already) is dropped.
      this.db.prepare("DELETE FROM outbox WHERE chat_id = ? AND state IN ('pending', 'claimed')").run(from);
    });
  }

  /**
   * Read a page of chats at a time with the event loop free in between: tens of thousands of rows
   * read at once hold every user's question back (announcing an issue reads them all).
   */
  async allByChat(): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    const page = this.db.prepare(
      'SELECT chat_id, keyword FROM subscriptions WHERE chat_id > ? ORDER BY chat_id, created_at, keyword LIMIT ?',
    );
    for (let after = Number.MIN_SAFE_INTEGER; ; ) {
      const rows = (await this.run(() => page.all(after, SUBSCRIPTIONS_PAGE))) as {
        chat_id: number;
        keyword: string;
      }[];
      // A full page may end inside a chat: that chat is read whole with the next page.
      const full = rows.length === SUBSCRIPTIONS_PAGE;
      const lastChat = rows.at(-1)?.chat_id;
      for (const r of rows) {
        if (full && r.chat_id === lastChat) break;
        const list = out.get(r.chat_id) ?? [];
        list.push(r.keyword);
        out.set(r.chat_id, list);
        after = r.chat_id;
      }
      if (!full) return out;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  subscriberCount(): Promise<number> {
    return this.run(
      () => (this.db.prepare('SELECT COUNT(DISTINCT chat_id) AS n FROM subscriptions').get() as { n: number }).n,
    );
  }

  hasBaseline(): Promise<boolean> {
    return this.run(() => this.db.prepare('SELECT 1 FROM issues_seen LIMIT 1').get() !== undefined);
  }

  markSeen(sources: string[]): Promise<void> {
    return this.tx(() => {
      const insert = this.db.prepare(
        "INSERT OR IGNORE INTO issues_seen (source, seen_at, state) VALUES (?, ?, 'baseline')",
      );
      for (const s of sources) insert.run(s, Date.now());
    });
  }

  unseen(sources: string[]): Promise<string[]> {
    return this.run(() => {
      const has = this.db.prepare('SELECT 1 FROM issues_seen WHERE source = ?');
      return sources.filter((s) => has.get(s) === undefined);
    });
  }

  claimIssue(source: string, owner: string, leaseMs: number, now = Date.now()): Promise<IssueClaim> {
    return this.tx((): IssueClaim => {
      const row = this.db.prepare('SELECT state, owner, lease_until FROM issues_seen WHERE source = ?').get(source) as
        | { state: string; owner: string | null; lease_until: number | null }
        | undefined;
      if (row && row.state !== 'announcing') return 'done';
      if (row && row.owner !== owner && (row.lease_until ?? 0) > now) return 'taken';
      this.db
        .prepare(
          `INSERT INTO issues_seen (source, seen_at, state, owner, lease_until) VALUES (?, ?, 'announcing', ?, ?)
           ON CONFLICT (source) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until`,
        )
        .run(source, now, owner, now + leaseMs);
      return 'claimed';
    });
  }

  /**
   * Thousands of notifications are queued a chunk per transaction, the event loop free between
   * (one transaction would hold every question back), each chunk only while the claim is still
   * this owner's; the last goes with the "announced" mark. A crash between chunks leaves the issue
   * "announcing": it is announced again, and the chats already queued are not queued twice
   * (one notification per chat per issue, UNIQUE (chat_id, source)).
   */
  async announce(
    source: string,
    notifications: { chatId: number; text: string }[],
    owner = '',
    now = Date.now(),
  ): Promise<boolean> {
    const claimHeld = () => {
      const row = this.db.prepare('SELECT state, owner, lease_until FROM issues_seen WHERE source = ?').get(source) as
        | { state: string; owner: string | null; lease_until: number | null }
        | undefined;
      if (row && row.state !== 'announcing') return false;
      return !(row && row.owner !== owner && (row.lease_until ?? 0) > now);
    };
    const queue = (chunk: { chatId: number; text: string }[]) => {
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO outbox (chat_id, source, text, created_at) VALUES (?, ?, ?, ?)',
      );
      for (const n of chunk) insert.run(n.chatId, source, n.text, now);
    };
    let from = 0;
    for (; notifications.length - from > NOTIFICATIONS_CHUNK; from += NOTIFICATIONS_CHUNK) {
      const chunk = notifications.slice(from, from + NOTIFICATIONS_CHUNK);
      const queued = await this.tx(() => {
        if (!claimHeld()) return false;
        queue(chunk);
        return true;
      });
      if (!queued) return false;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return this.tx(() => {
      if (!claimHeld()) return false;
      this.db
        .prepare(
          `INSERT INTO issues_seen (source, seen_at, state) VALUES (?, ?, 'announced')
           ON CONFLICT (source) DO UPDATE SET state = 'announced', owner = NULL, lease_until = NULL`,
        )
        .run(source, now);
      queue(notifications.slice(from));
      return true;
    });
  }

  pending(limit: number): Promise<Notification[]> {
    return this.run(() =>
      (
        this.db
          .prepare("SELECT id, chat_id, source, text, attempts FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?")
          .all(limit) as OutboxRow[]
      ).map(toNotification),
    );
  }

  claimBatch(owner: string, limit: number, leaseMs: number, now = Date.now()): Promise<Notification[]> {
    return this.tx(() =>
      (
        this.db
          .prepare(
            `UPDATE outbox SET state = 'claimed', owner = ?, lease_until = ?
             WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND not_before <= ? ORDER BY id LIMIT ?)
             RETURNING id, chat_id, source, text, attempts`,
          )
          .all(owner, now + leaseMs, now, limit) as OutboxRow[]
      )
        .sort((a, b) => a.id - b.id)
        .map(toNotification),
    );
  }

  startSending(id: number, owner: string): Promise<boolean> {
    return this.run(
      () =>
        this.db
          .prepare("UPDATE outbox SET state = 'sending' WHERE id = ? AND state = 'claimed' AND owner = ?")
          .run(id, owner).changes === 1,
    );
  }

  finish(id: number, state: 'sent' | 'failed'): Promise<void> {
    return this.run(() => {
      this.db
        .prepare('UPDATE outbox SET state = ?, owner = NULL, lease_until = NULL, attempts = attempts + 1 WHERE id = ?')
        .run(state, id);
    });
  }

  release(id: number, notBefore: number, attempted = false): Promise<void> {
    return this.run(() => {
      this.db
        .prepare(
          `UPDATE outbox SET state = 'pending', owner = NULL, lease_until = NULL, not_before = ?,
             attempts = attempts + ? WHERE id = ? AND state IN ('claimed', 'sending')`,
        )
        .run(notBefore, attempted ? 1 : 0, id);
    });
  }

  releaseAll(owner: string): Promise<number> {
    return this.run(
      () =>
        this.db
          .prepare(
            "UPDATE outbox SET state = 'pending', owner = NULL, lease_until = NULL WHERE state = 'claimed' AND owner = ?",
          )
          .run(owner).changes,
    );
  }

  expireClaims(now = Date.now()): Promise<{ requeued: number; lost: number }> {
    return this.tx(() => {
      const requeued = this.db
        .prepare(
          "UPDATE outbox SET state = 'pending', owner = NULL, lease_until = NULL WHERE state = 'claimed' AND lease_until <= ?",
        )
        .run(now).changes;
      const lost = this.db
        .prepare("UPDATE outbox SET state = 'unknown' WHERE state = 'sending' AND lease_until <= ?")
        .run(now).changes;
      return { requeued, lost };
    });
  }

  pauseDelivery(until: number): Promise<void> {
    return this.run(() => {
      this.db
        .prepare(
          `INSERT INTO flags (name, value) VALUES ('delivery_paused_until', ?)
           ON CONFLICT (name) DO UPDATE SET value = MAX(value, excluded.value)`,
        )
        .run(until);
    });
  }

  deliveryPause(): Promise<number> {
    return this.run(
      () =>
        (
          this.db.prepare("SELECT value FROM flags WHERE name = 'delivery_paused_until'").get() as
            | { value: number }
            | undefined
        )?.value ?? 0,
    );
  }

  pruneOutbox(before: number): Promise<number> {
    return this.run(
      () =>
        this.db
          .prepare("DELETE FROM outbox WHERE state IN ('sent', 'failed', 'unknown') AND created_at < ?")
          .run(before).changes,
    );
  }

  deliveryCounts(): Promise<Partial<Record<DeliveryState, number>>> {
    return this.run(() => {
      const out: Partial<Record<DeliveryState, number>> = {};
      for (const r of this.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as {
        state: DeliveryState;
        n: number;
      }[])
        out[r.state] = r.n;
      return out;
    });
  }

  async firstDelivery(updateId: number, now = Date.now()): Promise<boolean> {
    return this.updateIds.first(updateId, now);
  }

  // Conversations (conversation-store.ts): follow-up contexts and unanswered questions.

  async saveContext(chatId: number, text: string, now = Date.now()): Promise<void> {
    await this.run(() =>
      this.db
        .prepare(
          `INSERT INTO chat_context (chat_id, text, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (chat_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
        )
        .run(chatId, text, now),
    );
  }

  async loadContext(chatId: number, maxAgeMs: number, now = Date.now()): Promise<string | undefined> {
    const row = await this.run(
      () =>
        this.db
          .prepare('SELECT text FROM chat_context WHERE chat_id = ? AND updated_at >= ?')
          .get(chatId, now - maxAgeMs) as { text: string } | undefined,
    );
    return row?.text;
  }

  async countUnanswered(question: string, now = Date.now()): Promise<void> {
    await this.run(() =>
      this.db.prepare('INSERT INTO unanswered (question, asked_at) VALUES (?, ?)').run(unansweredText(question), now),
    );
  }

  async topUnanswered(limit: number, maxAgeMs: number, now = Date.now()): Promise<UnansweredCount[]> {
    return this.run(
      () =>
        this.db
          .prepare(
            `SELECT question, COUNT(*) AS count FROM unanswered WHERE asked_at >= ?
             GROUP BY question ORDER BY count DESC, MAX(asked_at) DESC LIMIT ?`,
          )
          .all(now - maxAgeMs, limit) as UnansweredCount[],
    );
  }

  async pruneConversations(before: number): Promise<number> {
    return this.tx(
      () =>
        this.db.prepare('DELETE FROM unanswered WHERE asked_at < ?').run(before).changes +
        this.db.prepare('DELETE FROM chat_context WHERE updated_at < ?').run(before).changes,
    );
  }

  /**
   * Everything durable, for another store. An announcement in progress is left out (the issue
   * is announced again after the move); a claimed notification is pending again, and one that
   * was going out is 'unknown' (it may have been delivered).
   */
  snapshot(): StoreSnapshot {
    const subscriptions = (
      this.db.prepare('SELECT chat_id, keyword, created_at FROM subscriptions ORDER BY chat_id, keyword').all() as {
        chat_id: number;
        keyword: string;
        created_at: number;
      }[]
    ).map((r) => ({ chatId: r.chat_id, keyword: r.keyword, createdAt: r.created_at }));
    const issues = (
      this.db
        .prepare("SELECT source, seen_at, state FROM issues_seen WHERE state <> 'announcing' ORDER BY source")
        .all() as { source: string; seen_at: number; state: 'baseline' | 'announced' }[]
    ).map((r) => ({ source: r.source, seenAt: r.seen_at, state: r.state }));
    const outbox = (
      this.db.prepare('SELECT chat_id, source, text, state, created_at, attempts FROM outbox ORDER BY id').all() as {
        chat_id: number;
        source: string;
        text: string;
        state: DeliveryState;
        created_at: number;
        attempts: number;
      }[]
    ).map((r) => ({
      chatId: r.chat_id,
      source: r.source,
      text: r.text,
      state: r.state === 'claimed' ? ('pending' as const) : r.state === 'sending' ? ('unknown' as const) : r.state,
      createdAt: r.created_at,
      attempts: r.attempts,
    }));
    return { subscriptions, issues, outbox };
  }

  async ping(): Promise<void> {
    await this.run(() => this.db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens the SQLite storage at `file` (':memory:' for a throwaway one). `busyBackoffMs`: the
 * pauses between attempts while another process holds the write lock (default about 3 s in all).
 */
export function openSqliteStore(
  file: string,
  { busyBackoffMs }: { busyBackoffMs?: readonly number[] } = {},
): SqliteStore {
  return new SqliteStore(
    openDatabase(file),
    file === ':memory:' ? 'the in-memory database' : `the database file ${file}`,
    busyBackoffMs,
  );
}
