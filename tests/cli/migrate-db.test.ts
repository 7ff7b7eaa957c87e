import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/storage/postgres-store.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import { freshDatabaseUrl } from '../support/postgres.ts';
import { programCommand } from '../support/processes.ts';

const migrate = (args: string[]) =>
  spawnSync(process.execPath, [...programCommand('cli/migrate-db'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });

describe('npm run migrate-db', () => {
  it('moves subscriptions, seen issues and the outbox from SQLite to PostgreSQL, once', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-')), 'bot.db');
    const sqlite = openSqliteStore(file);
    await sqlite.subscribe(1, '');
    await sqlite.subscribe(1, '老旧小区');
    await sqlite.subscribe(-1001234567890, '消防');
    await sqlite.markSeen(['a.txt', 'b.txt']);
    await sqlite.announce('c.txt', [
      { chatId: 1, text: '已发' },
      { chatId: -1001234567890, text: '待发' },
    ]);
    const [sent] = await sqlite.claimBatch('old', 1, 30_000);
    await sqlite.startSending(sent!.id, 'old');
    await sqlite.finish(sent!.id, 'sent');
    await sqlite.close();

    const url = await freshDatabaseUrl();
    const first = migrate(['--from', file, '--to', url]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('3 of 3 subscriptions, 3 of 3 issues seen, 2 of 2 notifications added');
    expect(first.stdout).not.toContain('test-password');

    const pg = await openPostgresStore(url);
    expect(await pg.list(1)).toEqual(['', '老旧小区']);
    expect(await pg.list(-1001234567890)).toEqual(['消防']);
    expect(await pg.unseen(['a.txt', 'b.txt', 'c.txt', 'd.txt'])).toEqual(['d.txt']);
    expect((await pg.pending(10)).map((n) => [n.chatId, n.text])).toEqual([[-1001234567890, '待发']]);
    expect(await pg.deliveryCounts()).toEqual({ sent: 1, pending: 1 });
    // The announced issue is not announced again.
    expect(await pg.claimIssue('c.txt', 'x', 1000)).toBe('done');
    await pg.close();

    const again = migrate(['--from', file, '--to', url]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 of 3 subscriptions, 0 of 3 issues seen, 0 of 2 notifications added');
  }, 60_000);

  it('says what it needs', () => {
    const run = migrate(['--to', 'mysql://x']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('usage: npm run migrate-db -- --to postgres://');
  }, 30_000);
});
