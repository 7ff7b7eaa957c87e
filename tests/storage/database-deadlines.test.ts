/**
 * A PostgreSQL server that stops answering without refusing anything (frozen, or cut off by a
 * network partition), shown by a freezable TCP proxy in front of the real test server: every call
 * fails within its deadline instead of hanging, the shared state an update waits on falls back to
 * memory (said once), and the store works again once the server answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DatabaseFallback } from '../../src/storage/fallback.ts';
import { HitCounter } from '../../src/storage/flood-counters.ts';
import { openPostgresStore, POSTGRES_DEADLINES, type PostgresStore } from '../../src/storage/postgres-store.ts';
import { StorageError } from '../../src/storage/store.ts';
import { FreezableProxy } from '../support/freezable-proxy.ts';
import { freshDatabaseUrl } from '../support/postgres.ts';

let proxy: FreezableProxy;
let store: PostgresStore;

// The test's deadlines are the production ones scaled down, so the test waits less.
const deadlines = { statement_timeout: 800, query_timeout: 1000, connectionTimeoutMillis: 800 };

beforeAll(async () => {
  const url = new URL(await freshDatabaseUrl());
  const server = new URL(inject('postgresUrl'));
  proxy = new FreezableProxy(server.hostname, Number(server.port));
  url.port = String(await proxy.start());
  store = await openPostgresStore(url.toString(), { deadlines });
}, 60_000);

afterAll(async () => {
  proxy.thaw();
  await store?.close();
  await proxy?.stop();
});

/** How long `work` took to settle, and how. */
async function timed(work: Promise<unknown>): Promise<{ ms: number; error?: unknown }> {
  const started = Date.now();
  try {
    await work;
    return { ms: Date.now() - started };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe('a PostgreSQL server that stops answering', () => {
  it('has a deadline on every call in production: statement, client read, pool wait, keepalive', () => {
    expect(POSTGRES_DEADLINES.statement_timeout).toBeGreaterThan(0);
    expect(POSTGRES_DEADLINES.query_timeout).toBeGreaterThan(POSTGRES_DEADLINES.statement_timeout);
    expect(POSTGRES_DEADLINES.connectionTimeoutMillis).toBeGreaterThan(0);
    expect(POSTGRES_DEADLINES.keepAlive).toBe(true);
  });

  it('fails each call as unreachable instead of hanging, and works again when thawed', async () => {
    await store.subscribe(1, '消防');
    proxy.freeze();
    // Calls on open connections, in a transaction, and more than the pool holds at once.
    const calls = [
      store.ping(),
      store.subscribe(2, '消防'),
      store.list(1),
      ...Array.from({ length: 8 }, (_, k) => store.hit(`u${k}`, 1000)),
    ].map(timed);
    const outcomes = await Promise.all(calls);
    for (const o of outcomes) {
      expect(o.error).toBeInstanceOf(StorageError);
      expect((o.error as StorageError).kind).toBe('unreachable');
    }
    proxy.thaw();
    expect(await store.subscribe(2, '消防')).toBe('added');
    expect(await store.list(2)).toEqual(['消防']);
  }, 30_000);

  it('counts floods in memory while frozen, says so once, and goes back when it answers', async () => {
    const said: string[] = [];
    const fallback = new DatabaseFallback({
      deadlineMs: 200,
      pauseMs: 300,
      onDown: (why) => said.push(`down: ${why}`),
      onBack: () => said.push('back'),
    });
    const local = new HitCounter();
    const hit = () =>
      fallback.run(
        () => store.hit('flood', 60_000),
        () => local.hit('flood', 60_000),
      );
    expect(await hit()).toBe(1);
    proxy.freeze();
    const started = Date.now();
    const counts: number[] = [];
    for (let k = 0; k < 20; k++) counts.push(await hit());
    const frozenMs = Date.now() - started;
    // The first call waited out the deadline; the rest were answered from memory at once.
    expect(frozenMs).toBeLessThan(20 * 200);
    expect(counts).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    expect(fallback.degraded).toBe(true);
    proxy.thaw();
    await new Promise((r) => setTimeout(r, 400));
    await hit();
    expect(fallback.degraded).toBe(false);
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^down: .*did not answer/);
    expect(said[1]).toBe('back');
  }, 30_000);
});
