/**
 * The storage on PostgreSQL (node-postgres), shared by every instance of the bot. The schema is
 * migrated at start inside one transaction that holds an advisory lock, so instances starting
 * together migrate once. Claims use `FOR UPDATE SKIP LOCKED` and conditional upserts, so two
 * instances never take the same notification or the same announcement.
 */
import pg from 'pg';
import { withDeadline } from './fallback.ts';
import { ALL_ISSUES, MAX_KEYWORDS, type SubscribeOutcome } from './subscriptions.ts';
import { type DeliveryState, type Notification, type OutboxRow, toNotification } from './outbox.ts';
import type { IssueClaim } from './announced-issues.ts';
import { type SharedStore, StorageError, type StoreSnapshot } from './store.ts';
import { UPDATE_IDS_KEPT_MS } from './update-ids.ts';
import { POSTGRES_CONVERSATION_TABLES, type UnansweredCount, unansweredText } from './conversation-store.ts';

/** Any constant will do: it only has to be the same for every instance of this bot. */
const MIGRATION_LOCK = 42_811_107;
/** Namespace of the per-chat advisory locks (two-key form, so it never meets MIGRATION_LOCK). */
const CHAT_LOCK = 42;

const MIGRATIONS: string[] = [
  `CREATE TABLE subscriptions (
     chat_id    BIGINT NOT NULL,
     keyword    TEXT   NOT NULL,            -- '' for the digest of every new issue
     created_at BIGINT NOT NULL,            -- epoch ms
     PRIMARY KEY (chat_id, keyword)
   );
   CREATE TABLE issues_seen (
     source      TEXT PRIMARY KEY,          -- issue file name
     seen_at     BIGINT NOT NULL,
     state       TEXT   NOT NULL,           -- baseline, announcing, announced
     owner       TEXT,                      -- instance announcing it
     lease_until BIGINT
   );
   CREATE TABLE outbox (
     id          BIGSERIAL PRIMARY KEY,
     chat_id     BIGINT  NOT NULL,
     source      TEXT    NOT NULL,
     text        TEXT    NOT NULL,
     state       TEXT    NOT NULL DEFAULT 'pending', -- pending, claimed, sending, sent, failed, unknown
     created_at  BIGINT  NOT NULL,
     owner       TEXT,
     lease_until BIGINT,
     not_before  BIGINT  NOT NULL DEFAULT 0,
     attempts    INTEGER NOT NULL DEFAULT 0,
     UNIQUE (chat_id, source)
   );
   CREATE INDEX outbox_pending ON outbox (state, id);
   CREATE INDEX outbox_claims ON outbox (state, lease_until);
   CREATE TABLE flood_counters (
     key        TEXT PRIMARY KEY,
     hits       INTEGER NOT NULL,
     expires_at BIGINT  NOT NULL
   );
   CREATE TABLE stored_queries (
     key        TEXT PRIMARY KEY,
     text       TEXT    NOT NULL,           -- JSON: the question and its results
     bytes      INTEGER NOT NULL,
     created_at BIGINT  NOT NULL
   );
   CREATE INDEX stored_queries_age ON stored_queries (created_at);`,
  // Numbers every sender shares: how long Telegram asked the bot to wait.
  `CREATE TABLE flags (name TEXT PRIMARY KEY, value BIGINT NOT NULL);`,
  // Stored searches belong to a chat (/forget deletes them); update ids handled, for redeliveries.
  `ALTER TABLE stored_queries ADD COLUMN chat_id BIGINT;
   CREATE INDEX stored_queries_chat ON stored_queries (chat_id);
   CREATE TABLE updates_seen (
     update_id BIGINT PRIMARY KEY,
     seen_at   BIGINT NOT NULL             -- epoch ms
   );
   CREATE INDEX updates_seen_age ON updates_seen (seen_at);`,
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

type Queryable = pg.Pool | pg.PoolClient;

/** BIGINT and COUNT(*) as JavaScript numbers: chat ids and epoch ms fit in 53 bits. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** node-postgres's error as a StorageError where the operator can act on it. */
function pgError(err: unknown, where: string): Error {
  if (err instanceof StorageError) return err;
  const code = (err as { code?: string }).code ?? '';
  const message = (err as Error).message;
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'].includes(code) || code.startsWith('08'))
    return new StorageError(
      `cannot reach ${where} (${code}: ${message}): check DATABASE_URL and that the server runs`,
      'unreachable',
    );
  // A deadline passed (see POSTGRES_DEADLINES): the server is frozen, cut off or overloaded.
  if (
    code === '57014' ||
    /Query read timeout|timeout exceeded when trying to connect|Connection terminated|connection timeout/i.test(message)
  )
    return new StorageError(`${where} did not answer in time (${message})`, 'unreachable');
  if (code === '28P01' || code === '28000' || code === '3D000')
    return new StorageError(`${where} refused the connection (${message}): check DATABASE_URL`, 'unreachable');
  if (code === '25006' || code === '42501')
    return new StorageError(`${where} cannot be written (${message}): grant the bot's role write access`, 'read-only');
  if (code === '40P01' || code === '40001' || code === '55P03')
    return new StorageError(`${where} is busy (${message})`, 'busy');
  return err instanceof Error ? err : new Error(String(err));
}

/** The URL as it may be logged: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

export class PostgresStore implements SharedStore {
  readonly kind = 'postgres';
  private hits = 0;
  private updates = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly where: string,
  ) {}

  private async q<R extends pg.QueryResultRow>(sql: string, params: unknown[] = [], on: Queryable = this.pool) {
    try {
      return await on.query<R>(sql, params);
    } catch (err) {
      throw pgError(err, this.where);
    }
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw pgError(err, this.where);
    }
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      client.release();
      return out;
    } catch (err) {
      // A connection whose query timed out may still be busy: it is closed, not reused.
      const rolledBack = await withDeadline(client.query('ROLLBACK'), 1000).then(
        () => true,
        () => false,
      );
      client.release(rolledBack ? undefined : true);
      throw pgError(err, this.where);
    }
  }

  subscribe(chatId: number, keyword: string): Promise<SubscribeOutcome> {
    return this.tx(async (c): Promise<SubscribeOutcome> => {
      // One chat's subscriptions change one at a time, so the keyword cap holds across instances.
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CHAT_LOCK, String(chatId)]);
      const exists = await c.query('SELECT 1 FROM subscriptions WHERE chat_id = $1 AND keyword = $2', [
        chatId,
        keyword,
      ]);
      if (exists.rowCount) return 'exists';
      const { rows } = await c.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM subscriptions WHERE chat_id = $1 AND keyword <> ''",
        [chatId],
      );
      if (keyword !== ALL_ISSUES && rows[0]!.n >= MAX_KEYWORDS) return 'too-many';
      await c.query('INSERT INTO subscriptions (chat_id, keyword, created_at) VALUES ($1, $2, $3)', [
        chatId,
        keyword,
        Date.now(),
      ]);
      return 'added';
    });
  }

  async unsubscribe(chatId: number, keyword?: string): Promise<number> {
    const r =
      keyword === undefined
        ? await this.q('DELETE FROM subscriptions WHERE chat_id = $1', [chatId])
        : await this.q('DELETE FROM subscriptions WHERE chat_id = $1 AND keyword = $2', [chatId, keyword]);
    return r.rowCount ?? 0;
  }

  async list(chatId: number): Promise<string[]> {
    const { rows } = await this.q<{ keyword: string }>(
      "SELECT keyword FROM subscriptions WHERE chat_id = $1 ORDER BY keyword <> '', created_at, keyword",
      [chatId],
    );
    return rows.map((r) => r.keyword);
  }

  forget(chatId: number): Promise<void> {
    return this.tx(async (c) => {
      await c.query('DELETE FROM subscriptions WHERE chat_id = $1', [chatId]);
      await c.query("DELETE FROM outbox WHERE chat_id = $1 AND state IN ('pending', 'claimed')", [chatId]);
      await c.query('DELETE FROM chat_context WHERE chat_id = $1', [chatId]);
      await c.query('DELETE FROM stored_queries WHERE chat_id = $1', [chatId]);
    });
  }

  moveChat(from: number, to: number): Promise<void> {
    return this.tx(async (c) => {
      await c.query(
        `INSERT INTO subscriptions (chat_id, keyword, created_at)
         SELECT $1, keyword, created_at FROM subscriptions WHERE chat_id = $2 ON CONFLICT DO NOTHING`,
        [to, from],
      );
      await c.query('DELETE FROM subscriptions WHERE chat_id = $1', [from]);
      await c.query(
        `UPDATE outbox SET chat_id = $1 WHERE chat_id = $2 AND state IN ('pending', 'claimed')
           AND source NOT IN (SELECT source FROM outbox WHERE chat_id = $1)`,
        [to, from],
      );
      // What could not follow (the new chat has that issue's notification already) is dropped.
      await c.query("DELETE FROM outbox WHERE chat_id = $1 AND state IN ('pending', 'claimed')", [from]);
    });
  }

  async allByChat(): Promise<Map<number, string[]>> {
    const { rows } = await this.q<{ chat_id: number; keyword: string }>(
      'SELECT chat_id, keyword FROM subscriptions ORDER BY chat_id, created_at, keyword',
    );
    const out = new Map<number, string[]>();
    for (const r of rows) {
      const list = out.get(r.chat_id) ?? [];
      list.push(r.keyword);
      out.set(r.chat_id, list);
    }
    return out;
  }

  async subscriberCount(): Promise<number> {
    return (await this.q<{ n: number }>('SELECT COUNT(DISTINCT chat_id) AS n FROM subscriptions')).rows[0]!.n;
  }

  async hasBaseline(): Promise<boolean> {
    return ((await this.q('SELECT 1 FROM issues_seen LIMIT 1')).rowCount ?? 0) > 0;
  }

  async markSeen(sources: string[]): Promise<void> {
    if (sources.length === 0) return;
    await this.q(
      `INSERT INTO issues_seen (source, seen_at, state) SELECT s, $2, 'baseline' FROM unnest($1::text[]) AS s
       ON CONFLICT DO NOTHING`,
      [sources, Date.now()],
    );
  }

  async unseen(sources: string[]): Promise<string[]> {
    const { rows } = await this.q<{ source: string }>('SELECT source FROM issues_seen WHERE source = ANY($1::text[])', [
      sources,
    ]);
    const seen = new Set(rows.map((r) => r.source));
    return sources.filter((s) => !seen.has(s));
  }

  async claimIssue(source: string, owner: string, leaseMs: number, now = Date.now()): Promise<IssueClaim> {
    const claimed = await this.q(
      `INSERT INTO issues_seen (source, seen_at, state, owner, lease_until) VALUES ($1, $2, 'announcing', $3, $4)
       ON CONFLICT (source) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
       WHERE issues_seen.state = 'announcing' AND (issues_seen.owner = excluded.owner OR issues_seen.lease_until <= $2)
       RETURNING source`,
      [source, now, owner, now + leaseMs],
    );
    if (claimed.rowCount) return 'claimed';
    const { rows } = await this.q<{ state: string }>('SELECT state FROM issues_seen WHERE source = $1', [source]);
    return rows[0]?.state === 'announcing' ? 'taken' : 'done';
  }

  announce(
    source: string,
    notifications: { chatId: number; text: string }[],
    owner = '',
    now = Date.now(),
  ): Promise<boolean> {
    return this.tx(async (c) => {
      const { rows } = await c.query<{ state: string; owner: string | null; lease_until: number | null }>(
        'SELECT state, owner, lease_until FROM issues_seen WHERE source = $1 FOR UPDATE',
        [source],
      );
      const row = rows[0];
      if (row) {
        if (row.state !== 'announcing') return false;
        if (row.owner !== owner && (row.lease_until ?? 0) > now) return false;
        await c.query(
          "UPDATE issues_seen SET state = 'announced', owner = NULL, lease_until = NULL WHERE source = $1",
          [source],
        );
      } else {
        const inserted = await c.query(
          "INSERT INTO issues_seen (source, seen_at, state) VALUES ($1, $2, 'announced') ON CONFLICT DO NOTHING",
          [source, now],
        );
        if (!inserted.rowCount) return false;
      }
      if (notifications.length > 0)
        await c.query(
          `INSERT INTO outbox (chat_id, source, text, created_at)
           SELECT chat_id, $3, text, $4 FROM unnest($1::bigint[], $2::text[]) AS n (chat_id, text)
           ON CONFLICT DO NOTHING`,
          [notifications.map((n) => n.chatId), notifications.map((n) => n.text), source, now],
        );
      return true;
    });
  }

  async pending(limit: number): Promise<Notification[]> {
    const { rows } = await this.q<OutboxRow>(
      "SELECT id, chat_id, source, text, attempts FROM outbox WHERE state = 'pending' ORDER BY id LIMIT $1",
      [limit],
    );
    return rows.map(toNotification);
  }

  async claimBatch(owner: string, limit: number, leaseMs: number, now = Date.now()): Promise<Notification[]> {
    const { rows } = await this.q<OutboxRow>(
      `UPDATE outbox SET state = 'claimed', owner = $1, lease_until = $2
       WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND not_before <= $3
                    ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING id, chat_id, source, text, attempts`,
      [owner, now + leaseMs, now, limit],
    );
    return rows.sort((a, b) => a.id - b.id).map(toNotification);
  }

  async startSending(id: number, owner: string): Promise<boolean> {
    const r = await this.q("UPDATE outbox SET state = 'sending' WHERE id = $1 AND state = 'claimed' AND owner = $2", [
      id,
      owner,
    ]);
    return r.rowCount === 1;
  }

  async finish(id: number, state: 'sent' | 'failed'): Promise<void> {
    await this.q(
      'UPDATE outbox SET state = $1, owner = NULL, lease_until = NULL, attempts = attempts + 1 WHERE id = $2',
      [state, id],
    );
  }

  async release(id: number, notBefore: number, attempted = false): Promise<void> {
    await this.q(
      `UPDATE outbox SET state = 'pending', owner = NULL, lease_until = NULL, not_before = $1,
         attempts = attempts + $2 WHERE id = $3 AND state IN ('claimed', 'sending')`,
      [notBefore, attempted ? 1 : 0, id],
    );
  }

  async releaseAll(owner: string): Promise<number> {
    const r = await this.q(
      "UPDATE outbox SET state = 'pending', owner = NULL, lease_until = NULL WHERE state = 'claimed' AND owner = $1",
      [owner],
    );
    return r.rowCount ?? 0;
  }

  expireClaims(now = Date.now()): Promise<{ requeued: number; lost: number }> {
    return this.tx(async (c) => {
      const requeued = await c.query(
        "UPDATE outbox SET state = 'pending', owner = NULL, lease_until = NULL WHERE state = 'claimed' AND lease_until <= $1",
        [now],
      );
      const lost = await c.query("UPDATE outbox SET state = 'unknown' WHERE state = 'sending' AND lease_until <= $1", [
        now,
      ]);
      return { requeued: requeued.rowCount ?? 0, lost: lost.rowCount ?? 0 };
    });
  }

  async pauseDelivery(until: number): Promise<void> {
    await this.q(
      `INSERT INTO flags (name, value) VALUES ('delivery_paused_until', $1)
       ON CONFLICT (name) DO UPDATE SET value = GREATEST(flags.value, excluded.value)`,
      [until],
    );
  }

  async deliveryPause(): Promise<number> {
    const { rows } = await this.q<{ value: number }>("SELECT value FROM flags WHERE name = 'delivery_paused_until'");
    return rows[0]?.value ?? 0;
  }

  async pruneOutbox(before: number): Promise<number> {
    const r = await this.q("DELETE FROM outbox WHERE state IN ('sent', 'failed', 'unknown') AND created_at < $1", [
      before,
    ]);
    return r.rowCount ?? 0;
  }

  async deliveryCounts(): Promise<Partial<Record<DeliveryState, number>>> {
    const { rows } = await this.q<{ state: DeliveryState; n: number }>(
      'SELECT state, COUNT(*) AS n FROM outbox GROUP BY state',
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  async hit(key: string, windowMs: number, now = Date.now()): Promise<number> {
    if (++this.hits % 1000 === 0) await this.q('DELETE FROM flood_counters WHERE expires_at <= $1', [now]);
    const { rows } = await this.q<{ hits: number }>(
      `INSERT INTO flood_counters (key, hits, expires_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN flood_counters.expires_at <= $3 THEN 1 ELSE flood_counters.hits + 1 END,
         expires_at = CASE WHEN flood_counters.expires_at <= $3 THEN excluded.expires_at ELSE flood_counters.expires_at END
       RETURNING hits`,
      [key, now + windowMs, now],
    );
    return rows[0]!.hits;
  }

  async saveQuery(key: string, text: string, now = Date.now(), chatId?: number): Promise<void> {
    await this.q(
      `INSERT INTO stored_queries (key, text, bytes, created_at, chat_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET text = excluded.text, bytes = excluded.bytes, created_at = excluded.created_at,
         chat_id = excluded.chat_id`,
      [key, text, Buffer.byteLength(text) + key.length, now, chatId ?? null],
    );
  }

  async firstDelivery(updateId: number, now = Date.now()): Promise<boolean> {
    const before = now - UPDATE_IDS_KEPT_MS;
    if (++this.updates % 1000 === 0) await this.q('DELETE FROM updates_seen WHERE seen_at < $1', [before]);
    // A row older than a day is taken over: that id is a new update, not a redelivery.
    const r = await this.q(
      `INSERT INTO updates_seen (update_id, seen_at) VALUES ($1, $2)
       ON CONFLICT (update_id) DO UPDATE SET seen_at = excluded.seen_at WHERE updates_seen.seen_at < $3`,
      [updateId, now, before],
    );
    return r.rowCount === 1;
  }

  async loadQuery(key: string, maxAgeMs: number, now = Date.now()): Promise<string | undefined> {
    const { rows } = await this.q<{ text: string }>(
      'SELECT text FROM stored_queries WHERE key = $1 AND created_at >= $2',
      [key, now - maxAgeMs],
    );
    return rows[0]?.text;
  }

  async pruneQueries(maxAgeMs: number, maxBytes: number, now = Date.now()): Promise<void> {
    await this.q('DELETE FROM stored_queries WHERE created_at < $1', [now - maxAgeMs]);
    await this.q(
      `DELETE FROM stored_queries WHERE key IN (
         SELECT key FROM (SELECT key, SUM(bytes) OVER (ORDER BY created_at DESC, key) AS total FROM stored_queries) t
         WHERE total > $1)`,
      [maxBytes],
    );
  }

  // Conversations (conversation-store.ts): follow-up contexts and unanswered questions.

  async saveContext(chatId: number, text: string, now = Date.now()): Promise<void> {
    await this.q(
      `INSERT INTO chat_context (chat_id, text, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (chat_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      [chatId, text, now],
    );
  }

  async loadContext(chatId: number, maxAgeMs: number, now = Date.now()): Promise<string | undefined> {
    const { rows } = await this.q<{ text: string }>(
      'SELECT text FROM chat_context WHERE chat_id = $1 AND updated_at >= $2',
      [chatId, now - maxAgeMs],
    );
    return rows[0]?.text;
  }

  async countUnanswered(question: string, now = Date.now()): Promise<void> {
    await this.q('INSERT INTO unanswered (question, asked_at) VALUES ($1, $2)', [unansweredText(question), now]);
  }

  async topUnanswered(limit: number, maxAgeMs: number, now = Date.now()): Promise<UnansweredCount[]> {
    const { rows } = await this.q<UnansweredCount>(
      `SELECT question, COUNT(*) AS count FROM unanswered WHERE asked_at >= $1
       GROUP BY question ORDER BY count DESC, MAX(asked_at) DESC LIMIT $2`,
      [now - maxAgeMs, limit],
    );
    return rows;
  }

  async pruneConversations(before: number): Promise<number> {
    return this.tx(async (c) => {
      const a = await c.query('DELETE FROM unanswered WHERE asked_at < $1', [before]);
      const b = await c.query('DELETE FROM chat_context WHERE updated_at < $1', [before]);
      return (a.rowCount ?? 0) + (b.rowCount ?? 0);
    });
  }

  /**
   * Adds a snapshot of another store in one transaction; what is here already is kept (so a
   * second run adds nothing). Resolves to how many rows of each kind were added.
   */
  importSnapshot(snap: StoreSnapshot): Promise<{ subscriptions: number; issues: number; outbox: number }> {
    return this.tx(async (c) => {
      const subscriptions = await c.query(
        `INSERT INTO subscriptions (chat_id, keyword, created_at)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[]) ON CONFLICT DO NOTHING`,
        [
          snap.subscriptions.map((r) => r.chatId),
          snap.subscriptions.map((r) => r.keyword),
          snap.subscriptions.map((r) => r.createdAt),
        ],
      );
      const issues = await c.query(
        `INSERT INTO issues_seen (source, seen_at, state)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) ON CONFLICT DO NOTHING`,
        [snap.issues.map((r) => r.source), snap.issues.map((r) => r.seenAt), snap.issues.map((r) => r.state)],
      );
      const outbox = await c.query(
        `INSERT INTO outbox (chat_id, source, text, state, created_at, attempts)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::int[])
         ON CONFLICT DO NOTHING`,
        [
          snap.outbox.map((r) => r.chatId),
          snap.outbox.map((r) => r.source),
          snap.outbox.map((r) => r.text),
          snap.outbox.map((r) => r.state),
          snap.outbox.map((r) => r.createdAt),
          snap.outbox.map((r) => r.attempts),
        ],
      );
      return { subscriptions: subscriptions.rowCount ?? 0, issues: issues.rowCount ?? 0, outbox: outbox.rowCount ?? 0 };
    });
  }

  async ping(): Promise<void> {
    await this.q('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Every database call has a deadline, so a server that stops answering (frozen, or cut off by a
 * network partition, which refuses nothing) costs seconds, not the whole bot: the server ends a
 * statement after `statement_timeout`, the client gives up on a silent server after
 * `query_timeout` (and drops that connection), waiting for a pool connection is bounded by
 * `connectionTimeoutMillis`, and TCP keepalive finds a dead peer on idle connections.
 */
export const POSTGRES_DEADLINES = {
  statement_timeout: 5000,
  lock_timeout: 5000,
  idle_in_transaction_session_timeout: 10_000,
  query_timeout: 6000,
  connectionTimeoutMillis: 3000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
};

/** Connects to `url`, migrates the schema under an advisory lock, and returns the storage. */
export async function openPostgresStore(
  url: string,
  options: { max?: number; deadlines?: Partial<typeof POSTGRES_DEADLINES> } = {},
): Promise<PostgresStore> {
  const where = `the PostgreSQL database ${redactUrl(url)}`;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 5,
    types,
    ...POSTGRES_DEADLINES,
    ...options.deadlines,
  });
  // An idle connection the server dropped is replaced at the next query; it must not crash the bot.
  pool.on('error', () => {});
  const store = new PostgresStore(pool, where);
  try {
    await migrate(pool, where);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return store;
}

async function migrate(pool: pg.Pool, where: string): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw pgError(err, where);
  }
  try {
    await client.query('BEGIN');
    // Held until COMMIT: a second instance waits here, then finds the schema current.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length)
      throw new StorageError(
        `${where} has schema version ${current}, newer than this bot knows (${MIGRATIONS.length}): run the newer version`,
        'other',
      );
    for (let v = current; v < MIGRATIONS.length; v++) await client.query(MIGRATIONS[v]!);
    await client.query(POSTGRES_CONVERSATION_TABLES);
    if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES ($1)', [MIGRATIONS.length]);
    else await client.query('UPDATE schema_version SET version = $1', [MIGRATIONS.length]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw pgError(err, where);
  } finally {
    client.release();
  }
}
