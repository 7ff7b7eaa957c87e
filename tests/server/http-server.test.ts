import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { createBot } from '../../src/bot/create-bot.ts';
import { OFFLINE_BOT_INFO, offlineFetch, type OutgoingCall } from '../../src/telegram/offline-api.ts';
import { silentLogger } from '../../src/logger.ts';
import {
  connectionCap,
  type HttpServer,
  MAX_CONNECTIONS,
  READINESS_DEADLINE_MS,
  startHttpServer,
} from '../../src/server/http-server.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import { LOOPBACK_BOT_INFO, LoopbackBotApi } from '../../src/telegram/loopback-api.ts';
import { captureLogs } from '../support/logs.ts';
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

const message = (id: number, text: string, chat = 7): Update =>
  ({
    update_id: id,
    message: {
      message_id: id,
      date: 0,
      chat: { id: chat, type: 'private', first_name: 'U' },
      from: { id: chat, is_bot: false, first_name: 'U' },
      text,
      ...(text.startsWith('/')
        ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
        : {}),
    },
  }) as unknown as Update;

const press = (id: number, data: string, messageId: number, chat = 7): Update =>
  ({
    update_id: id,
    callback_query: {
      id: `cb${id}`,
      from: { id: chat, is_bot: false, first_name: 'U' },
      chat_instance: '1',
      data,
      message: { message_id: messageId, date: 0, chat: { id: chat, type: 'private', first_name: 'U' }, text: '…' },
    },
  }) as unknown as Update;

/** A webhook server for `bot` on a free port, its logs kept. */
async function serveWebhook(
  bot: Bot,
  logger = silentLogger,
  extra: { timeoutMs?: number; firstDelivery?: (id: number) => Promise<boolean> } = {},
) {
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    webhook: { bot, path: '/hook', secret: SECRET, ...extra },
    readiness: async () => [],
    registry: createMetrics({ library }).registry,
    log: logger,
  });
  const url = `http://127.0.0.1:${server.port}/hook`;
  return (update: Update) => post(url, JSON.stringify(update), SECRET);
}

/** Rejections nobody handled while `work` ran (each would end a real process). */
async function unhandledDuring(work: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await work();
    // A rejection is reported after the microtasks of its turn: give it a few turns.
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

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

describe('webhook errors', () => {
  let api: LoopbackBotApi;
  afterEach(async () => {
    await api?.stop();
  });

  const loopbackBot = async (logger = silentLogger, subscriptions?: ReturnType<typeof openSqliteStore>) => {
    api = new LoopbackBotApi();
    const apiRoot = await api.start();
    return createBot({
      token: '1:webhook-errors',
      library,
      apiRoot,
      botInfo: LOOPBACK_BOT_INFO as never,
      logger,
      maxRetryDelaySeconds: 2,
      flood: { limit: 1000, windowMs: 1000 },
      ...(subscriptions ? { subscriptions } : {}),
    });
  };

  it('answers 200 to a second press of the same page ("not modified"), logged in one line without a stack', async () => {
    const logs = captureLogs('info');
    const deliver = await serveWebhook(await loopbackBot(logs.logger));
    expect((await deliver(message(1, '崇川'))).status).toBe(200);
    type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
    const buttonsOf = () => (api.sent().at(-1)!.payload.reply_markup as Keyboard).inline_keyboard.flat();
    // 更多结果 under the answer sends the other results, paged by 下一页.
    const more = buttonsOf().find((b) => b.callback_data.startsWith('m:'))!;
    expect(more).toBeDefined();
    expect((await deliver(press(2, more.callback_data, 4999))).status).toBe(200);
    const next = buttonsOf().find((b) => b.callback_data.startsWith('p:'))!;
    expect(next).toBeDefined();
    const messageId = 5000;
    expect((await deliver(press(3, next.callback_data, messageId))).status).toBe(200);
    // The same page again: Telegram refuses to edit a message to the text it has.
    api.fail('editMessageText', {
      status: 400,
      description:
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    });
    expect((await deliver(press(4, next.callback_data, messageId))).status).toBe(200);
    expect(api.sent('answerCallbackQuery')).toHaveLength(3);
    const lines = logs.records().filter((r) => r.update === 4);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toContain('nothing to change');
    expect(logs.lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('answers 200 to a 403 (a user who blocked the bot): one warning, no stack', async () => {
    const logs = captureLogs('info');
    const deliver = await serveWebhook(await loopbackBot(logs.logger));
    api.fail('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    expect((await deliver(message(4, '崇川'))).status).toBe(200);
    const lines = logs.records().filter((r) => r.update === 4);
    expect(lines.map((l) => [l.level, l.msg, l.code])).toEqual([['warn', 'Telegram refused a call', 403]]);
    expect(logs.lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('answers 200 to /subscribe on a locked SQLite file: the user is told once, one warning, no stack', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-locked-'));
    const file = path.join(dir, 'bot.db');
    // Two short pauses instead of about 3 s: the store still retries, then gives up as busy.
    const store = openSqliteStore(file, { busyBackoffMs: [10, 20] });
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const logs = captureLogs('info');
      const deliver = await serveWebhook(await loopbackBot(logs.logger, store));
      const res = await deliver(message(5, '/subscribe 消防'));
      expect(res.status).toBe(200);
      expect(api.sent().map((c) => c.payload.text)).toEqual(['暂时无法保存，请稍后再试。']);
      const lines = logs.records().filter((r) => r.update === 5);
      expect(lines.map((l) => [l.level, l.msg, l.kind])).toEqual([
        ['warn', 'the database could not serve this update', 'busy'],
      ]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  }, 20_000);

  it('answers 200 to a bug too, logged once with its stack, never a 500', async () => {
    const logs = captureLogs('info');
    api = new LoopbackBotApi();
    const bot = createBot({
      token: '1:webhook-errors',
      library,
      apiRoot: await api.start(),
      botInfo: LOOPBACK_BOT_INFO as never,
      logger: logs.logger,
      observe: async () => {
        throw new Error('a bug in a handler');
      },
    });
    const deliver = await serveWebhook(bot);
    expect((await deliver(message(6, '崇川'))).status).toBe(200);
    const lines = logs.records().filter((r) => r.update === 6);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe('error');
    expect(String(lines[0]!.err)).toContain('a bug in a handler');
  });

  it('logs an error that comes after the webhook timeout, never leaving it unhandled', async () => {
    const logs = captureLogs('info');
    let failLate: () => void = () => {};
    const bot = createBot({
      token: '1:late',
      library,
      botInfo: OFFLINE_BOT_INFO,
      fetch: offlineFetch(() => {}),
      logger: logs.logger,
      observe: async () => {
        await new Promise<void>((r) => (failLate = r));
        throw new Error('failed after Telegram had its answer');
      },
    });
    const deliver = await serveWebhook(bot, logs.logger, { timeoutMs: 200 });
    const unhandled = await unhandledDuring(async () => {
      const res = await deliver(message(7, '崇川'));
      expect(res.status).toBe(200);
      failLate();
      for (let k = 0; k < 40 && !logs.records().some((r) => r.level === 'error'); k++)
        await new Promise((r) => setTimeout(r, 25));
    });
    expect(unhandled).toEqual([]);
    const lines = logs.records().filter((r) => r.update === 7);
    expect(lines.map((l) => l.level)).toEqual(['warn', 'error']);
    expect(lines[0]!.msg).toContain('still being handled');
    expect(String(lines[1]!.err)).toContain('failed after Telegram had its answer');
  });

  it('handles an update delivered three times once', async () => {
    const store = openSqliteStore(':memory:');
    const deliver = await serveWebhook(await loopbackBot(), silentLogger, {
      firstDelivery: (id) => store.firstDelivery(id),
    });
    for (let k = 0; k < 3; k++) expect((await deliver(message(8, '崇川'))).status).toBe(200);
    expect(api.sent()).toHaveLength(1);
    await deliver(message(9, '崇川'));
    expect(api.sent()).toHaveLength(2);
    await store.close();
  });
});

describe('connections', () => {
  /** Opens a raw connection, optionally sending `bytes`; resolves when the server closes it. */
  const connect = (port: number, bytes?: string) =>
    new Promise<{ socket: net.Socket; closed: Promise<number> }>((resolve) => {
      const started = Date.now();
      const socket = net.connect(port, '127.0.0.1');
      const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
      socket.on('error', () => {});
      socket.on('connect', () => {
        if (bytes) socket.write(bytes);
        resolve({ socket, closed });
      });
      // Refused before it was even connected (a loaded machine): closed at once all the same.
      socket.on('close', () => resolve({ socket, closed }));
    });

  it('caps connections, closes those that send nothing or half their headers, and still serves updates', async () => {
    const calls: OutgoingCall[] = [];
    const bot = createBot({
      token: '1:conn',
      library,
      botInfo: OFFLINE_BOT_INFO,
      fetch: offlineFetch((c) => calls.push(c)),
    });
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      webhook: { bot, path: '/hook', secret: SECRET },
      readiness: async () => [],
      registry: createMetrics({ library }).registry,
      log: silentLogger,
      maxConnections: 20,
      headersTimeoutMs: 1000,
    });
    const port = server.port;
    const idle = await Promise.all(Array.from({ length: 30 }, () => connect(port)));
    const half = await connect(port, 'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Le');
    const closedAfter = await Promise.all([...idle, half].map((c) => c.closed));
    // Over the cap: closed at once; the others when their headers did not come (1 s, checked each second).
    expect(closedAfter.filter((ms) => ms < 900).length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...closedAfter)).toBeLessThan(5000);
    const res = await post(`http://127.0.0.1:${port}/hook`, JSON.stringify(message(10, '崇川')), SECRET);
    expect(res.status).toBe(200);
    expect(calls.some((c) => c.method === 'sendMessage')).toBe(true);
  }, 20_000);

  it('caps connections at half the file descriptors when the process may open few', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limits-'));
    const limits = (soft: string) => {
      const file = path.join(dir, `limits-${soft}`);
      fs.writeFileSync(
        file,
        `Limit                     Soft Limit           Hard Limit           Units     \nMax open files            ${soft}                 ${soft}                 files     \n`,
      );
      return file;
    };
    expect(connectionCap(limits('1024'))).toBe(512);
    expect(connectionCap(limits('1048576'))).toBe(MAX_CONNECTIONS);
    expect(connectionCap(limits('unlimited'))).toBe(MAX_CONNECTIONS);
    expect(connectionCap(path.join(dir, 'missing'))).toBe(MAX_CONNECTIONS);
  });

  it('logs a client that hangs up in the middle of an update in one line, no stack', async () => {
    const logs = captureLogs('info');
    const bot = createBot({ token: '1:conn', library, botInfo: OFFLINE_BOT_INFO, fetch: offlineFetch(() => {}) });
    await serveWebhook(bot, logs.logger);
    const { socket } = await connect(
      server!.port,
      `POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\n\r\n{"update_id":`,
    );
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    for (let k = 0; k < 40 && logs.lines.length === 0; k++) await new Promise((r) => setTimeout(r, 25));
    expect(logs.records().map((r) => [r.level, r.msg])).toEqual([['info', 'request abandoned by the client']]);
  });

  it('answers /readyz within its deadline when a check hangs, naming nothing', async () => {
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      readiness: () => new Promise<string[]>(() => {}),
      registry: createMetrics({ library }).registry,
      log: silentLogger,
      readinessDeadlineMs: 100, // READINESS_DEADLINE_MS (1 s) in service
    });
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(80);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(READINESS_DEADLINE_MS).toBeLessThanOrEqual(1000); // within a second in service
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('readiness checks did not finish in time\n');
  });
});
