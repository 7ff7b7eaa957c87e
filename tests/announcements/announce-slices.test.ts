/**
 * Announcing an issue to thousands of keywords runs in slices: questions are answered while it
 * runs, every matching chat still gets its one notification, and the claim is renewed while the
 * work outlasts its lease, so no other instance takes the issue over meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveKeywords } from '../../src/cli/bench/keywords.ts';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { Announcer } from '../../src/announcements/announce.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import { seedLibrary } from '../support/seed-library.ts';

let library: NewsLibrary;
let keywords: string[];
const notifications = Array.from({ length: 1234 }, (_, k) => ({ chatId: k + 1, text: `通知${k}` }));
beforeAll(() => {
  library = seedLibrary();
  keywords = archiveKeywords(library.issues, 2000);
  library.search('老旧小区改造', 5);
});

/** A store where chat k+1 follows the k-th keyword, for the first `count` keywords. */
async function subscribed(count = keywords.length) {
  const store = openSqliteStore(':memory:');
  for (const [k, keyword] of keywords.slice(0, count).entries()) await store.subscribe(k + 1, keyword);
  await store.markSeen(['baseline.txt']);
  return store;
}

describe('announcing to thousands of keywords', () => {
  it('answers questions while it runs, and notifies every matching chat once', async () => {
    const store = await subscribed();
    const issue = library.issues.at(-1)!;
    let done = false;
    let answeredMeanwhile = 0;
    const asking = setInterval(() => {
      if (!done && library.search('老旧小区改造', 5).length > 0) answeredMeanwhile++;
    }, 5);
    const queued = await new Announcer({ store, library, owner: 'me' }).add([issue]);
    done = true;
    clearInterval(asking);
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(5);
    const matching = keywords.filter((k) =>
      library.search(k, 50).some((r) => r.kind === 'article' && r.source === issue.source),
    );
    expect(matching.length).toBeGreaterThan(0);
    expect(queued).toBe(matching.length);
    const chats = (await store.pending(10_000)).map((n) => n.chatId);
    expect(new Set(chats).size).toBe(chats.length);
    expect(chats.sort((a, b) => a - b)).toEqual(matching.map((k) => keywords.indexOf(k) + 1).sort((a, b) => a - b));
    await store.close();
  }, 60_000);

  it('renews its claim while matching outlasts the lease, so another instance finds the issue taken', async () => {
    // 200 keywords: on the clock below, matching them outlasts three leases many times over.
    const store = await subscribed(200);
    const issue = library.issues.at(-1)!;
    const leaseMs = 40;
    // A clock that moves 2 ms each time it is read: matching takes time whatever the machine's load.
    const start = Date.now();
    let t = start;
    const now = () => (t += 2);
    let done = false;
    const announcing = new Announcer({ store, library, owner: 'me', leaseMs, now }).add([issue]).then((n) => {
      done = true;
      return n;
    });
    // The announcer yields between slices: look once three leases have passed on its clock.
    while (!done && t < start + 3 * leaseMs) await new Promise((r) => setImmediate(r));
    // Still matching after three leases: the claim must still be this instance's.
    expect(done).toBe(false);
    expect(await store.claimIssue(issue.source, 'other', leaseMs, t)).toBe('taken');
    expect(await announcing).toBeGreaterThan(0);
    expect(await store.claimIssue(issue.source, 'other', leaseMs, t)).toBe('done');
    await store.close();
  }, 60_000);

  it('queues thousands of notifications a chunk at a time, the event loop turning between, each chat once', async () => {
    const store = openSqliteStore(':memory:');
    expect(await store.claimIssue('whole.txt', 'me', 30_000)).toBe('claimed');
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    expect(await store.announce('whole.txt', notifications, 'me')).toBe(true);
    clearInterval(ticking);
    expect(turns).toBeGreaterThanOrEqual(1);
    const pending = await store.pending(10_000);
    expect(pending).toHaveLength(notifications.length);
    expect(new Set(pending.map((n) => n.chatId)).size).toBe(notifications.length);
    expect(await store.claimIssue('whole.txt', 'other', 30_000)).toBe('done');
    await store.close();
  });

  it('after a crash between chunks, the instance that takes over queues no chat twice', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'announce-chunks-')), 'bot.db');
    const store = openSqliteStore(file);
    // A process claimed the issue, queued its first 600 notifications, and died.
    expect(await store.claimIssue('big.txt', 'dead', 1000, 0)).toBe('claimed');
    const db = new Database(file);
    const insert = db.prepare("INSERT INTO outbox (chat_id, source, text, created_at) VALUES (?, 'big.txt', ?, 0)");
    db.transaction(() => {
      for (const n of notifications.slice(0, 600)) insert.run(n.chatId, n.text);
    })();
    db.close();
    expect(await store.claimIssue('big.txt', 'me', 30_000)).toBe('claimed');
    expect(await store.announce('big.txt', notifications, 'me')).toBe(true);
    const pending = await store.pending(10_000);
    expect(pending).toHaveLength(notifications.length);
    expect(new Set(pending.map((n) => n.chatId)).size).toBe(notifications.length);
    await store.close();
  });
});
