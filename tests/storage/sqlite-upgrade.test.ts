/** A database written by the previous version of the bot opens with everything in it kept. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';

describe('upgrading a SQLite database of schema version 1', () => {
  it('keeps subscriptions, seen issues and the outbox; a row left sending is never sent again', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-')), 'bot.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE subscriptions (chat_id INTEGER NOT NULL, keyword TEXT NOT NULL, created_at INTEGER NOT NULL,
                PRIMARY KEY (chat_id, keyword));
              CREATE TABLE issues_seen (source TEXT PRIMARY KEY, seen_at INTEGER NOT NULL, announced INTEGER NOT NULL);
              CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, chat_id INTEGER NOT NULL, source TEXT NOT NULL,
                text TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', created_at INTEGER NOT NULL,
                UNIQUE (chat_id, source));
              CREATE INDEX outbox_pending ON outbox (state, id);
              INSERT INTO subscriptions VALUES (1, '', 1), (1, '消防', 2);
              INSERT INTO issues_seen VALUES ('a.txt', 1, 0), ('b.txt', 2, 1);
              INSERT INTO outbox (chat_id, source, text, state, created_at) VALUES
                (1, 'b.txt', 'sent one', 'sent', 3), (2, 'b.txt', 'in flight', 'sending', 3), (3, 'b.txt', 'waiting', 'pending', 3);
              PRAGMA user_version = 1;`);
    old.close();
    const store = openSqliteStore(file);
    expect(await store.list(1)).toEqual(['', '消防']);
    expect(await store.unseen(['a.txt', 'b.txt', 'c.txt'])).toEqual(['c.txt']);
    expect(await store.claimIssue('a.txt', 'x', 1000)).toBe('done');
    expect(await store.deliveryCounts()).toEqual({ sent: 1, unknown: 1, pending: 1 });
    expect((await store.claimBatch('x', 10, 1000)).map((n) => n.text)).toEqual(['waiting']);
    await store.close();
  });
});
