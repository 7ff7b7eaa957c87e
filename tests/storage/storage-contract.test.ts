/**
 * The storage contract: the same tests, unchanged, on SQLite and on a real PostgreSQL server (and
 * the state only a shared database holds, on PostgreSQL).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/storage/postgres-store.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import { ALL_ISSUES, MAX_KEYWORDS } from '../../src/storage/subscriptions.ts';
import type { SharedStore, Store } from '../../src/storage/store.ts';
import { UPDATE_IDS_KEPT_MS } from '../../src/storage/update-ids.ts';
import { freshDatabaseUrl } from '../support/postgres.ts';

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const kinds: [string, () => Promise<Store[]>][] = [
  // Two handles on one database: two instances of the bot (SQLite: one process, one handle).
  [
    'sqlite',
    async () => {
      const s = openSqliteStore(':memory:');
      return [s, s];
    },
  ],
  [
    'postgres',
    async () => {
      const url = await freshDatabaseUrl();
      return Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    },
  ],
];

describe.each(kinds)('storage on %s', (_kind, open) => {
  const fresh = async () => {
    const stores = await open();
    opened.push(...new Set(stores));
    return stores;
  };
  const one = async () => (await fresh())[0]!;

  it('adds, lists and removes subscriptions', async () => {
    const s = await one();
    expect(await s.subscribe(1, ALL_ISSUES)).toBe('added');
    expect(await s.subscribe(1, '老旧小区')).toBe('added');
    expect(await s.subscribe(1, '老旧小区')).toBe('exists');
    expect(await s.list(1)).toEqual(['', '老旧小区']);
    expect(await s.unsubscribe(1, '老旧小区')).toBe(1);
    expect(await s.unsubscribe(1, '没有的')).toBe(0);
    expect(await s.list(1)).toEqual(['']);
    expect(await s.unsubscribe(1)).toBe(1);
    expect(await s.list(1)).toEqual([]);
  });

  it('keeps chat ids of supergroups (beyond 32 bits) exactly', async () => {
    const s = await one();
    const chat = -1001234567890123;
    await s.subscribe(chat, '消防');
    expect(await s.allByChat()).toEqual(new Map([[chat, ['消防']]]));
  });

  it('caps the keywords one chat may follow, also when two instances add at once', async () => {
    const [a, b] = await fresh();
    const outcomes = await Promise.all(
      Array.from({ length: MAX_KEYWORDS + 6 }, (_, k) => (k % 2 ? a! : b!).subscribe(1, `词${k}`)),
    );
    expect(outcomes.filter((o) => o === 'added')).toHaveLength(MAX_KEYWORDS);
    expect(outcomes.filter((o) => o === 'too-many')).toHaveLength(6);
    expect(await a!.subscribe(1, ALL_ISSUES)).toBe('added');
  });

  it('announces an issue once, one notification per chat', async () => {
    const s = await one();
    const queued = [
      { chatId: 1, text: 'a' },
      { chatId: 2, text: 'b' },
    ];
    expect(await s.announce('2024-01-01.txt', queued)).toBe(true);
    expect(await s.announce('2024-01-01.txt', [{ chatId: 1, text: 'again' }])).toBe(false);
    expect((await s.pending(10)).map((n) => [n.chatId, n.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('keeps the starting corpus as a baseline and reports what is new since', async () => {
    const s = await one();
    expect(await s.hasBaseline()).toBe(false);
    await s.markSeen(['a.txt', 'b.txt']);
    expect(await s.hasBaseline()).toBe(true);
    expect(await s.unseen(['a.txt', 'c.txt'])).toEqual(['c.txt']);
    expect(await s.claimIssue('a.txt', 'x', 1000)).toBe('done');
    expect(await s.announce('a.txt', [{ chatId: 1, text: 'no' }])).toBe(false);
  });

  it('lets one instance announce an issue; another takes over when its lease expires', async () => {
    const [a, b] = await fresh();
    const t = 1_000_000;
    expect(await a!.claimIssue('n.txt', 'A', 5000, t)).toBe('claimed');
    expect(await b!.claimIssue('n.txt', 'B', 5000, t + 10)).toBe('taken');
    expect(await b!.announce('n.txt', [{ chatId: 1, text: 'b' }], 'B', t + 20)).toBe(false);
    expect(await b!.unseen(['n.txt'])).toEqual([]);
    // A dies; after its lease B claims and announces.
    expect(await b!.claimIssue('n.txt', 'B', 5000, t + 5001)).toBe('claimed');
    expect(await b!.announce('n.txt', [{ chatId: 1, text: 'b' }], 'B', t + 5002)).toBe(true);
    // A, come back late, cannot announce it again.
    expect(await a!.announce('n.txt', [{ chatId: 1, text: 'a' }], 'A', t + 5003)).toBe(false);
    expect(await a!.claimIssue('n.txt', 'A', 5000, t + 5004)).toBe('done');
    expect((await a!.pending(10)).map((n) => n.text)).toEqual(['b']);
  });

  it('hands each notification to one instance only, also when they claim at once', async () => {
    const [a, b] = await fresh();
    await a!.announce(
      'x.txt',
      Array.from({ length: 60 }, (_, k) => ({ chatId: k + 1, text: `n${k}` })),
    );
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, k) => (k % 2 ? a! : b!).claimBatch(k % 2 ? 'A' : 'B', 7, 30_000)),
    );
    const ids = claims.flat().map((n) => n.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(await a!.pending(100)).toEqual([]);
    expect(await a!.claimBatch('A', 10, 30_000)).toEqual([]);
  });

  it('sends a claimed notification once: claimed, sending, sent', async () => {
    const s = await one();
    await s.announce('x.txt', [{ chatId: 1, text: 'a' }]);
    const [n] = await s.claimBatch('A', 10, 30_000);
    expect(await s.startSending(n!.id, 'B')).toBe(false);
    expect(await s.startSending(n!.id, 'A')).toBe(true);
    expect(await s.startSending(n!.id, 'A')).toBe(false);
    await s.finish(n!.id, 'sent');
    expect(await s.deliveryCounts()).toEqual({ sent: 1 });
  });

  it('after a lease expires: claimed rows go back to the queue, a row that was going out is never resent', async () => {
    const [a, b] = await fresh();
    const t = 2_000_000;
    await a!.announce(
      'x.txt',
      [1, 2, 3].map((chatId) => ({ chatId, text: `t${chatId}` })),
      '',
      t,
    );
    const batch = await a!.claimBatch('A', 10, 5000, t);
    expect(batch).toHaveLength(3);
    await a!.startSending(batch[0]!.id, 'A');
    await a!.finish(batch[0]!.id, 'sent');
    await a!.startSending(batch[1]!.id, 'A');
    // A is killed here, with the second message in flight.
    expect(await b!.expireClaims(t + 4999)).toEqual({ requeued: 0, lost: 0 });
    expect(await b!.expireClaims(t + 5000)).toEqual({ requeued: 1, lost: 1 });
    const taken = await b!.claimBatch('B', 10, 5000, t + 5001);
    expect(taken.map((n) => n.chatId)).toEqual([3]);
    expect(await b!.startSending(taken[0]!.id, 'B')).toBe(true);
    await b!.finish(taken[0]!.id, 'sent');
    expect(await b!.deliveryCounts()).toEqual({ sent: 2, unknown: 1 });
  });

  it('gives a notification back to go out later (a 429, a shutdown), and returns unsent claims', async () => {
    const s = await one();
    const t = 3_000_000;
    await s.announce(
      'x.txt',
      [1, 2].map((chatId) => ({ chatId, text: 'x' })),
      '',
      t,
    );
    const [first, second] = await s.claimBatch('A', 10, 5000, t);
    await s.startSending(first!.id, 'A');
    await s.release(first!.id, t + 3000, true);
    expect(await s.releaseAll('A')).toBe(1);
    expect((await s.claimBatch('A', 10, 5000, t + 100)).map((n) => n.id)).toEqual([second!.id]);
    const later = await s.claimBatch('A', 10, 5000, t + 3000);
    expect(later.map((n) => [n.id, n.attempts])).toEqual([[first!.id, 1]]);
  });

  it('forgets old delivered notifications, never waiting ones, and never announces their issue again', async () => {
    const s = await one();
    await s.announce(
      'old.txt',
      [1, 2].map((chatId) => ({ chatId, text: 'x' })),
      '',
      1000,
    );
    await s.announce('new.txt', [{ chatId: 1, text: 'y' }], '', 5000);
    const [first] = await s.claimBatch('A', 1, 30_000, 6000);
    await s.startSending(first!.id, 'A');
    await s.finish(first!.id, 'sent');
    expect(await s.pruneOutbox(2000)).toBe(1);
    expect(await s.deliveryCounts()).toEqual({ pending: 2 });
    expect(await s.announce('old.txt', [{ chatId: 1, text: 'again' }])).toBe(false);
  });

  it('shares a pause Telegram asked for; the later one wins', async () => {
    const [a, b] = await fresh();
    expect(await b!.deliveryPause()).toBe(0);
    await a!.pauseDelivery(5000);
    await b!.pauseDelivery(3000);
    expect(await a!.deliveryPause()).toBe(5000);
    expect(await b!.deliveryPause()).toBe(5000);
  });

  it('moves a group upgraded to a supergroup: subscriptions and undelivered notifications', async () => {
    const s = await one();
    await s.subscribe(-5, '');
    await s.subscribe(-5, '消防');
    await s.subscribe(-1005, '消防');
    await s.announce('x.txt', [{ chatId: -5, text: 'x' }]);
    await s.moveChat(-5, -1005);
    expect(await s.list(-5)).toEqual([]);
    expect(await s.list(-1005)).toEqual(['', '消防']);
    expect((await s.pending(10)).map((n) => n.chatId)).toEqual([-1005]);
  });

  it('forgets a chat entirely, pending notifications too', async () => {
    const s = await one();
    await s.subscribe(7, '消防');
    await s.announce('x.txt', [{ chatId: 7, text: 'a' }]);
    await s.forget(7);
    expect(await s.list(7)).toEqual([]);
    expect(await s.pending(10)).toEqual([]);
    expect(await s.subscriberCount()).toBe(0);
  });

  it('tells a redelivered update id from a new one, across instances, for a day', async () => {
    const [a, b] = await fresh();
    const t = 7_000_000_000;
    expect(await a!.firstDelivery(501, t)).toBe(true);
    expect(await b!.firstDelivery(501, t + 1000)).toBe(false);
    expect(await a!.firstDelivery(501, t + UPDATE_IDS_KEPT_MS - 1)).toBe(false);
    expect(await b!.firstDelivery(502, t + 2000)).toBe(true);
    // Past a day the id is not a redelivery (Telegram gave up on it long ago).
    expect(await b!.firstDelivery(501, t + UPDATE_IDS_KEPT_MS + 1)).toBe(true);
    expect(await a!.firstDelivery(501, t + UPDATE_IDS_KEPT_MS + 2)).toBe(false);
  });

  it('answers ping while reachable', async () => {
    const s = await one();
    await expect(s.ping()).resolves.toBeUndefined();
  });
});

/**
 * Flood counters and stored searches live in the database only when several instances share it:
 * one SQLite process keeps them in its own memory (the flood limiter's store, QueryStore).
 */
describe('shared state on postgres only', () => {
  const fresh = async (): Promise<SharedStore[]> => {
    const url = await freshDatabaseUrl();
    const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    opened.push(...stores);
    return stores;
  };

  it('counts flood hits per key and window, across instances', async () => {
    const [a, b] = await fresh();
    const t = 4_000_000;
    expect(await a!.hit('u1', 1000, t)).toBe(1);
    expect(await b!.hit('u1', 1000, t + 10)).toBe(2);
    expect(await a!.hit('u2', 1000, t + 20)).toBe(1);
    expect(await b!.hit('u1', 1000, t + 999)).toBe(3);
    expect(await a!.hit('u1', 1000, t + 1000)).toBe(1);
  });

  it('keeps stored searches for a while, bounded by bytes', async () => {
    const [a, b] = await fresh();
    const t = 5_000_000;
    await a!.saveQuery('k1', JSON.stringify({ q: '一' }), t);
    expect(await b!.loadQuery('k1', 1000, t + 1000)).toBe('{"q":"一"}');
    expect(await b!.loadQuery('k1', 1000, t + 1001)).toBeUndefined();
    expect(await b!.loadQuery('nope', 1000, t)).toBeUndefined();
    const big = 'x'.repeat(10_000);
    for (let k = 0; k < 10; k++) await a!.saveQuery(`b${k}`, big, t + k);
    await a!.pruneQueries(60_000, 35_000, t + 20);
    const kept = [];
    for (let k = 0; k < 10; k++) if (await b!.loadQuery(`b${k}`, 60_000, t + 20)) kept.push(k);
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(kept).toContain(9);
  });

  it('forgets the stored searches of a chat it forgets, and only those', async () => {
    const [a, b] = await fresh();
    const t = Date.now();
    await a!.saveQuery('mine', JSON.stringify({ question: '我的提问' }), t, 7);
    await a!.saveQuery('theirs', JSON.stringify({ question: '别人的提问' }), t, 8);
    expect(await b!.loadQuery('mine', 60_000, t)).toContain('我的提问');
    await b!.forget(7);
    expect(await a!.loadQuery('mine', 60_000, t)).toBeUndefined();
    expect(await a!.loadQuery('theirs', 60_000, t)).toContain('别人的提问');
  });
});
