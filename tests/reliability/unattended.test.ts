/**
 * One real `npm start` process in webhook mode on a real PostgreSQL reached through a freezable
 * TCP proxy, and the loopback Bot API stand-in: what the bot does, unattended, when a reply fails
 * after the webhook's timeout, when Telegram delivers an update again, when a button is pressed
 * twice, and when the database stops answering (frozen, as in a network partition).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { FreezableProxy } from '../support/freezable-proxy.ts';
import { freePort } from '../support/free-port.ts';
import { freshDatabaseUrl } from '../support/postgres.ts';
import { startApp, type Started } from '../support/processes.ts';
import { post, WebhookDriver } from '../support/webhook.ts';

const TOKEN = '123456:UNATTENDED-token-abcdefghijklmnop';
const SECRET = 'webhook-secret-for-unattended_0123';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unattended-'));
const corpusDir = path.join(dir, 'corpus');
fs.mkdirSync(corpusDir);
fs.copyFileSync('seeds/001_ee31270023d67050.txt', path.join(corpusDir, '2021-08-09.txt'));

const api = new FakeBotApi();
const driver = new WebhookDriver(api);
let app: Started;
let pgProxy: FreezableProxy;
let base = '';
let databaseName = '';

const texts = (chatId: number) =>
  api
    .sent()
    .filter((c) => c.payload.chat_id === chatId)
    .map((c) => String(c.payload.text));

/** The app's log lines (JSON) so far. */
const logLines = () =>
  app
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: string; msg: string; [k: string]: unknown });

beforeAll(async () => {
  const apiRoot = await api.start();
  const url = new URL(await freshDatabaseUrl());
  databaseName = url.pathname.slice(1);
  const server = new URL(inject('postgresUrl'));
  pgProxy = new FreezableProxy(server.hostname, Number(server.port));
  url.port = String(await pgProxy.start());
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = startApp({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    CORPUS_DIR: corpusDir,
    INDEX_FILE: path.join(dir, 'index.bin'),
    DATABASE_URL: url.toString(),
    WEBHOOK_URL: `${base}/telegram`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`not ready:\n${app.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 120_000);

afterAll(async () => {
  pgProxy?.thaw();
  app?.kill('SIGKILL');
  await app?.gone();
  await pgProxy?.stop();
  await api.stop();
});

describe('running unattended', () => {
  it('answers an update delivered three times once', async () => {
    const user = 3001;
    const update = JSON.stringify({
      update_id: 777_001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user, type: 'private' },
        from: { id: user, is_bot: false, first_name: 'U' },
        text: '崇川',
      },
    });
    for (let k = 0; k < 3; k++) expect((await post(`${base}/telegram`, update, SECRET)).status).toBe(200);
    await api.waitFor((c) => c.payload.chat_id === user);
    await new Promise((r) => setTimeout(r, 500));
    expect(texts(user)).toHaveLength(1);
  });

  it('answers 200 to a second press of the same page, with one log line and no stack', async () => {
    const user = 3002;
    await driver.text('崇川', user);
    type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
    const buttons = (c: { payload: Record<string, unknown> }) =>
      (c.payload.reply_markup as Keyboard).inline_keyboard.flat();
    // The answer's 更多结果 sends the other results, paged by 下一页.
    const answer = await api.waitFor((c) => c.payload.chat_id === user);
    const more = buttons(answer).find((b) => b.callback_data.startsWith('m:'))!;
    expect((await driver.press(more.callback_data, user, 1)).status).toBe(200);
    const results = await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === user && c !== answer);
    const next = buttons(results).find((b) => b.text.includes('下一页'))!;
    expect((await driver.press(next.callback_data, user, 2)).status).toBe(200);
    api.fail('editMessageText', { status: 400, description: 'Bad Request: message is not modified' });
    const again = await driver.press(next.callback_data, user, 2);
    expect(again.status).toBe(200);
    const lines = logLines().filter((l) => l.update === again.id);
    expect(lines.map((l) => l.msg)).toEqual(['message already shows this; nothing to change']);
    // The press was answered once (the driver numbers the callback query just before the update).
    const answers = api.sent('answerCallbackQuery').filter((c) => c.payload.callback_query_id === String(again.id - 1));
    expect(answers).toHaveLength(1);
  });

  it('survives a reply that waits out a 429 past the webhook timeout and then gets a 403', async () => {
    const user = 3003;
    api.fail(
      'sendMessage',
      { status: 429, description: 'Too Many Requests: retry after 10', retryAfter: 10 },
      { status: 403, description: 'Forbidden: bot was blocked by the user' },
    );
    const { id, status } = await driver.text('崇川', user);
    expect(status).toBe(200);
    const deadline = Date.now() + 20_000;
    while (!logLines().some((l) => l.update === id && l.code === 403) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const lines = logLines().filter((l) => l.update === id);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'update still being handled; answered Telegram, the handler goes on'],
      ['warn', 'Telegram refused a call'],
    ]);
    // Still alive, and still answering.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await driver.text('崇川', 3004);
    await api.waitFor((c) => c.payload.chat_id === 3004);
    expect(app.output()).not.toMatch(/\n\s+at /);
  }, 40_000);

  it('answers questions while PostgreSQL is frozen, says so once, and /readyz tells within a second naming nothing', async () => {
    pgProxy.freeze();
    try {
      const askedAt = Date.now();
      for (let k = 0; k < 5; k++) await driver.text('老旧小区改造', 3100 + k);
      await api.waitFor((c) => c.payload.chat_id === 3104, 15_000);
      const answeredMs = Date.now() - askedAt;
      // Five questions, each waiting on the flood counter and the stored search before: now one deadline in all.
      expect(answeredMs).toBeLessThan(8000);
      for (let k = 0; k < 5; k++) expect(texts(3100 + k)).toHaveLength(1);

      const readyAt = Date.now();
      const ready = await fetch(`${base}/readyz`);
      expect(Date.now() - readyAt).toBeLessThan(2000);
      expect(ready.status).toBe(503);
      const body = await ready.text();
      expect(body).toBe('database unreachable\n');
      expect(body).not.toContain(databaseName);

      // Prometheus still gets its scrape, the subscriber count left unknown.
      const scrapeAt = Date.now();
      const scraped = await fetch(`${base}/metrics`);
      expect(scraped.status).toBe(200);
      expect(Date.now() - scrapeAt).toBeLessThan(5000);
      // prom-client writes NaN as "Nan".
      expect(await scraped.text()).toMatch(/^bot_subscribers Nan$/m);

      // A change that needs the database is refused in words, after its deadline, not hung.
      const sub = await driver.text('/subscribe 消防', 3200);
      expect(sub.status).toBe(200);
      await api.waitFor((c) => c.payload.chat_id === 3200, 15_000);
      expect(texts(3200)).toEqual(['暂时无法保存，请稍后再试。']);

      const degraded = logLines().filter((l) => l.msg.includes("kept in this instance's memory"));
      expect(degraded).toHaveLength(1);
    } finally {
      pgProxy.thaw();
    }
    const deadline = Date.now() + 20_000;
    while ((await fetch(`${base}/readyz`)).status !== 200 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await driver.text('/subscribe 消防', 3201);
    await api.waitFor((c) => c.payload.chat_id === 3201, 15_000);
    expect(texts(3201)[0]).toContain('已订阅');
    expect(app.output()).not.toMatch(/\n\s+at /);
  }, 90_000);
});
