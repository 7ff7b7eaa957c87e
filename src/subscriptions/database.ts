/**
 * The bot's database (SQLite through better-sqlite3): opened with write-ahead logging and full
 * syncs, so a write the bot has acknowledged survives `kill -9`; created with its schema on first
 * start and migrated forward by `PRAGMA user_version`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

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
];

/** Opens (creating if needed) the database file and brings its schema up to date. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
