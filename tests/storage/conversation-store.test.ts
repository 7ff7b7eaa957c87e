/**
 * Follow-up contexts and unanswered questions in the shared store: on a SQLite file (across a
 * reopen: a restart) and on a real PostgreSQL server (across two instances).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UNANSWERED_CHARS, UNANSWERED_MS } from '../../src/storage/conversation-store.ts';
import { openPostgresStore } from '../../src/storage/postgres-store.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import type { Store } from '../../src/storage/store.ts';
import { freshDatabaseUrl } from '../support/postgres.ts';

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => {});
});

// Two handles on one database: two instances (PostgreSQL), or the bot before and after a restart (SQLite file).
const kinds: [string, () => Promise<[Store, () => Promise<Store>]>][] = [
  [
    'sqlite',
    async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conv-')), 'bot.db');
      const first = openSqliteStore(file);
      return [first, async () => openSqliteStore(file)];
    },
  ],
  [
    'postgres',
    async () => {
      const url = await freshDatabaseUrl();
      return [await openPostgresStore(url), () => openPostgresStore(url)];
    },
  ],
];

const MINUTE = 60_000;
const T0 = 1_750_000_000_000;

describe.each(kinds)('conversations on %s', (_kind, open) => {
  const two = async () => {
    const [a, other] = await open();
    opened.push(a);
    const b = await other();
    opened.push(b);
    return [a, b] as const;
  };

  it('a context saved by one instance is read by the other, until it expires', async () => {
    const [a, b] = await two();
    await a.saveContext(7, '{"q":"唐闸古镇"}', T0);
    expect(await b.loadContext(7, 30 * MINUTE, T0 + 29 * MINUTE)).toBe('{"q":"唐闸古镇"}');
    expect(await b.loadContext(7, 30 * MINUTE, T0 + 31 * MINUTE)).toBeUndefined();
    expect(await b.loadContext(8, 30 * MINUTE, T0)).toBeUndefined();
    // A newer question replaces the context, and restarts its time.
    await b.saveContext(7, '{"q":"老旧小区"}', T0 + 31 * MINUTE);
    expect(await a.loadContext(7, 30 * MINUTE, T0 + 40 * MINUTE)).toBe('{"q":"老旧小区"}');
  });

  it('/forget removes the chat context with the subscriptions', async () => {
    const [a, b] = await two();
    await a.saveContext(-100123456789, '{}', T0);
    await b.forget(-100123456789);
    expect(await a.loadContext(-100123456789, 30 * MINUTE, T0)).toBeUndefined();
  });

  it('counts unanswered questions by text, most asked first, within the window', async () => {
    const [a, b] = await two();
    await a.countUnanswered('地铁什么时候通车', T0);
    await b.countUnanswered('地铁什么时候通车', T0 + MINUTE);
    await a.countUnanswered('  地铁什么时候   通车 ', T0 + 2 * MINUTE);
    await b.countUnanswered('股市行情', T0 + 3 * MINUTE);
    expect(await a.topUnanswered(10, UNANSWERED_MS, T0 + 4 * MINUTE)).toEqual([
      { question: '地铁什么时候通车', count: 3 },
      { question: '股市行情', count: 1 },
    ]);
    expect(await a.topUnanswered(1, UNANSWERED_MS, T0 + 4 * MINUTE)).toHaveLength(1);
  });

  it('keeps unanswered questions 30 days, then prunes them; long ones are cut at a character', async () => {
    const [a, b] = await two();
    await a.countUnanswered('旧问题', T0);
    await a.countUnanswered(`${'问'.repeat(UNANSWERED_CHARS - 1)}👨‍👩‍👧`, T0 + UNANSWERED_MS);
    // Read 30 days and a minute after the first: only the newer one is within the window.
    const later = T0 + UNANSWERED_MS + MINUTE;
    const top = await b.topUnanswered(10, UNANSWERED_MS, later);
    expect(top.map((t) => t.question)).toEqual(['问'.repeat(UNANSWERED_CHARS - 1)]);
    expect(await b.pruneConversations(later - UNANSWERED_MS)).toBe(1);
    expect(await a.topUnanswered(10, 10 * UNANSWERED_MS, later)).toHaveLength(1);
  });
});
