import type { Update } from 'grammy/types';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { createBot } from '../../src/bot/create-bot.ts';
import { OFFLINE_BOT_INFO, offlineFetch, type OutgoingCall } from '../../src/telegram/offline-api.ts';
import { silentLogger } from '../../src/logger.ts';
import { type HttpServer, startHttpServer } from '../../src/server/http-server.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { seedLibrary } from '../support/seed-library.ts';
import { post } from '../support/webhook.ts';

const SECRET = 'the-secret';
let server: HttpServer | undefined;
let library: NewsLibrary;
beforeAll(() => {
  library = seedLibrary();
}, 30_000);
afterEach(async () => {
  await server?.close(100);
  server = undefined;
});

const message = (id: number, text: string): Update =>
  ({
    update_id: id,
    message: {
      message_id: id,
      date: 0,
      chat: { id: 7, type: 'private', first_name: 'U' },
      from: { id: 7, is_bot: false, first_name: 'U' },
      text,
    },
  }) as unknown as Update;

describe('the HTTP server', () => {
  it('answers Telegram before a slow handler ends, and the handler still replies', async () => {
    let release: () => void = () => {};
    let handled = false;
    const calls: OutgoingCall[] = [];
    const bot = createBot({
      token: '1:test',
      library,
      botInfo: OFFLINE_BOT_INFO,
      fetch: offlineFetch((c) => calls.push(c)),
      observe: async (ctx, next) => {
        if (ctx.message?.text === '老旧小区改造') await new Promise<void>((r) => (release = r));
        await next();
        handled = true;
      },
    });
    const metrics = createMetrics({ library });
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      webhook: { bot, path: '/hook', secret: SECRET, timeoutMs: 300 },
      readiness: async () => [],
      registry: metrics.registry,
      log: silentLogger,
    });
    const url = `http://127.0.0.1:${server.port}/hook`;
    const res = await post(url, JSON.stringify(message(1, '老旧小区改造')), SECRET);
    expect(res.status).toBe(200);
    // Answered while the handler was still held: the answer did not wait for it.
    expect(handled).toBe(false);
    release();
    for (let k = 0; k < 50 && !handled; k++) await new Promise((r) => setTimeout(r, 50));
    // The handler finished after Telegram had its answer, and replied.
    expect(handled).toBe(true);
    expect(calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text))[0]).toContain('老旧小区');
  });

  it('reports not ready with 503 and the reason; healthz stays 200', async () => {
    const metrics = createMetrics({ library });
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      readiness: async () => ['database unreachable: connection refused'],
      registry: metrics.registry,
      log: silentLogger,
    });
    const base = `http://127.0.0.1:${server.port}`;
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toContain('database unreachable');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/^bot_issues_indexed \d+$/m);
    // Without a webhook, no update path exists.
    expect((await post(`${base}/hook`, '{}', SECRET)).status).toBe(404);
  });
});
