/**
 * The bot's SQLite database (better-sqlite3): opened with write-ahead logging and full syncs, so a
 * write the bot has acknowledged survives `kill -9`; created with its schema on first start and
 * migrated forward by `PRAGMA user_version`. A file that is not a database, is damaged, or cannot
 * be written is reported in one line naming it, and never overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_CONVERSATION_TABLES } from './conversation-store.ts';
import { StorageError } from './store.ts';

export type Db = Database.Database;

/** Schema versions, in order; each runs once, in a transaction. */
const MIGRATIONS: string[] = [
  `CREATE TABLE subscriptions (
     chat_id    INTEGER NOT NULL,
     keyword    TEXT    NOT NULL,          -- '' for the digest of every new issue
     created_at INTEGER NOT NULL,
     PRIMARY KEY (chat_id, keyword)
   );
   CREATE TABLE issues_seen (
     source  TEXT PRIMARY KEY,             -- issue file name
     seen_at INTEGER NOT NULL,
     announced INTEGER NOT NULL            -- 0: taken as the baseline, 1: announced to subscribers
   );
   CREATE TABLE outbox (
     id         INTEGER PRIMARY KEY AUTOINCREMENT,
     chat_id    INTEGER NOT NULL,
     source     TEXT    NOT NULL,
     text       TEXT    NOT NULL,
     state      TEXT    NOT NULL DEFAULT 'pending',  -- pending, sending, sent, failed
     created_at INTEGER NOT NULL,
     UNIQUE (chat_id, source)
   );
   CREATE INDEX outbox_pending ON outbox (state, id);`,
  // Claims with leases, as in PostgreSQL's schema.
  `ALTER TABLE issues_seen ADD COLUMN state TEXT NOT NULL DEFAULT 'announced'; -- baseline, announcing, announced
   UPDATE issues_seen SET state = CASE announced WHEN 0 THEN 'baseline' ELSE 'announced' END;
   ALTER TABLE issues_seen DROP COLUMN announced;
   ALTER TABLE issues_seen ADD COLUMN owner TEXT;
   ALTER TABLE issues_seen ADD COLUMN lease_until INTEGER;
   ALTER TABLE outbox ADD COLUMN owner TEXT;
   ALTER TABLE outbox ADD COLUMN lease_until INTEGER;
   ALTER TABLE outbox ADD COLUMN not_before INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
   -- A row left 'sending' by the earlier version may have gone out: never send it again.
   UPDATE outbox SET state = 'unknown' WHERE state = 'sending';
   CREATE INDEX outbox_claims ON outbox (state, lease_until);`,
  // Numbers every sender shares: how long Telegram asked the bot to wait.
  `CREATE TABLE flags (name TEXT PRIMARY KEY, value INTEGER NOT NULL);`,
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** How long one statement waits (blocking) for another process's write lock; then retried without blocking. */
const BUSY_TIMEOUT_MS = 50;

/** Opens (creating if needed) the database file and brings its schema up to date. */
export function openDatabase(file: string): Db {
  const where = file === ':memory:' ? 'the in-memory database' : `the database file ${file}`;
  if (file !== ':memory:') {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (err) {
      throw new StorageError(
        `cannot create the folder of ${where} (${(err as NodeJS.ErrnoException).code}): create it, or set DATABASE_FILE elsewhere`,
        'read-only',
      );
    }
  }
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: false });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // A damaged file (truncated, overwritten) is found now, not by the first subscriber.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length)
      throw new StorageError(
        `${where} has schema version ${current}, newer than this bot knows (${MIGRATIONS.length}): run the newer version of the bot`,
        'other',
      );
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.transaction(() => {
        db!.exec(MIGRATIONS[v]!);
        db!.pragma(`user_version = ${v + 1}`);
      })();
    }
    db.exec(SQLITE_CONVERSATION_TABLES);
    // A write the bot cannot make should stop it now, not at the first subscriber.
    db.exec('BEGIN IMMEDIATE; ROLLBACK');
    return db;
  } catch (err) {
    db?.close();
    throw sqliteError(err, where);
  }
}

/** better-sqlite3's error as a StorageError that tells the operator what to do. */
export function sqliteError(err: unknown, where: string): Error {
  if (err instanceof StorageError) return err;
  const code = (err as { code?: string }).code ?? '';
  const message = (err as Error).message;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new StorageError(`${where} is locked by another process (${message})`, 'busy');
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN' ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'EACCES'
  )
    return new StorageError(
      `${where} cannot be written (${message}): give the bot's user write access to the file and its folder, or set DATABASE_FILE elsewhere`,
      'read-only',
    );
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return new StorageError(
      `${where} is not a SQLite database or is damaged (${message}): move it aside and restore it from a backup, or set DATABASE_FILE to a new file; the bot does not overwrite it`,
      'damaged',
    );
  return err instanceof Error ? err : new Error(String(err));
}
