/**
 * A damaged, foreign, read-only or locked database file: one clear error naming the file and what
 * to do, the file left as it was; a lock while announcing only delays the announcement.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/corpus/types.ts';
import { Announcer } from '../../src/announcements/announce.ts';
import { openDatabase } from '../../src/storage/sqlite-database.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import { StorageError } from '../../src/storage/store.ts';
import { seedLibrary } from '../support/seed-library.ts';

// As root every file is writable: the read-only case runs as an ordinary user (nobody), as an
// operator's service would, when that user can read this project.
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const userCanRun =
  spawnSync(process.execPath, ['-e', 'require("fs").readFileSync("package.json")'], { ...asUser }).status === 0;

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-faults-'));
  fs.chmodSync(dir, 0o755);
  return dir;
};

/** A real database file with a few subscriptions (and enough pages that a cut loses some). */
async function populated(file: string): Promise<void> {
  openDatabase(file).close();
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO subscriptions (chat_id, keyword, created_at) VALUES (?, ?, 0)');
  db.transaction(() => {
    for (let k = 0; k < 400; k++) insert.run(k, `关键词${k}`.repeat(5));
  })();
  db.close();
}

function openError(file: string): StorageError {
  try {
    openDatabase(file).close();
  } catch (err) {
    if (err instanceof StorageError) return err;
    throw err;
  }
  throw new Error('the database opened');
}

describe('a bad database file', () => {
  it('a truncated database: named, what to do, not overwritten', async () => {
    const file = path.join(tempDir(), 'bot.db');
    await populated(file);
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = fs.readFileSync(file);
    const err = openError(file);
    expect(err.kind).toBe('damaged');
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/backup|DATABASE_FILE/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a file that is not a database at all', () => {
    const file = path.join(tempDir(), 'bot.db');
    const text = '这不是数据库，是一份笔记。\n'.repeat(400);
    fs.writeFileSync(file, text);
    const err = openError(file);
    expect(err.kind).toBe('damaged');
    expect(err.message).toContain(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it.skipIf(!userCanRun)('a database file or folder the bot cannot write: one clear line, exit 1', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bot.db');
    await populated(file);
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o444);
    fs.chmodSync(dir, 0o555);
    const script = `import('./src/storage/sqlite-database.ts').then((m) => m.openDatabase(${JSON.stringify(file)}))`;
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `${script}.catch((e) => { console.error(e.kind + ': ' + e.message); process.exit(1); })`,
      ],
      {
        ...asUser,
        encoding: 'utf8',
        env: { ...process.env, HOME: os.tmpdir() },
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^read-only: /);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('write access');
  });
});

describe('a database locked by another process while announcing', () => {
  it('keeps the issue and announces it once the lock is gone; nothing throws', async () => {
    const library = seedLibrary();
    const file = path.join(tempDir(), 'bot.db');
    const store = openSqliteStore(file);
    await store.subscribe(1, '');
    await store.markSeen(['old.txt']);
    const warnings: string[] = [];
    const queuedFor: string[][] = [];
    const announcer = new Announcer({
      store,
      library,
      owner: 'me',
      log: (_level, message) => warnings.push(message),
      onQueued: (sources) => queuedFor.push(sources),
    });
    const issue: Issue = library.issues[0]!;

    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    expect(await announcer.add([issue])).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(announcer.waiting).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(issue.source);
    expect(warnings[0]).toContain('locked');

    other.exec('ROLLBACK');
    other.close();
    expect(await announcer.run()).toBe(1);
    expect(announcer.waiting).toBe(0);
    expect(queuedFor).toEqual([[issue.source]]);
    expect((await store.pending(10)).map((n) => n.chatId)).toEqual([1]);
    await store.close();
  }, 30_000);
});
