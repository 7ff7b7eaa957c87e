import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LoopbackBotApi } from '../../src/telegram/loopback-api.ts';
import { startApp, type Started } from '../support/processes.ts';

const TOKEN = '123456:RESTART-token-abcdefghijklmnopqrst';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restart-'));
const corpusDir = path.join(dir, 'corpus');
const databaseFile = path.join(dir, 'bot.db');
fs.mkdirSync(corpusDir);
fs.copyFileSync('seeds/001_ee31270023d67050.txt', path.join(corpusDir, '2021-08-09.txt'));
fs.copyFileSync('seeds/002_771dcfc53f42e5d3.txt', path.join(corpusDir, '2023-04-17.txt'));

const api = new LoopbackBotApi();
let apiRoot = '';
const apps: Started[] = [];

async function start(): Promise<Started> {
  apiRoot ||= await api.start();
  const menusBefore = api.sent('setMyCommands').length;
  const app = startApp({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    CORPUS_DIR: corpusDir,
    INDEX_FILE: path.join(dir, 'index.json'),
    DATABASE_FILE: databaseFile,
    LOG_LEVEL: 'warn',
  });
  apps.push(app);
  try {
    await api.waitFor(() => api.sent('setMyCommands').length >= menusBefore + 2, 80_000);
  } catch (err) {
    throw new Error(`the bot did not start: ${(err as Error).message}\n${app.output().slice(-2000)}`);
  }
  return app;
}

async function kill9(app: Started): Promise<void> {
  app.kill('SIGKILL');
  await app.gone();
}

const notificationsTo = (chatId: number, mark: string) =>
  api.sent().filter((c) => c.payload.chat_id === chatId && String(c.payload.text).includes(mark));

afterAll(async () => {
  for (const app of apps) app.kill('SIGKILL');
  await api.stop();
});

describe('restarts, kill -9 and new issues', () => {
  const chats = Array.from({ length: 40 }, (_, k) => 500 + k);
  const keywordOf = (chatId: number) => (chatId % 2 === 0 ? '' : '博嘉生物');

  it('keeps every acknowledged subscription through kill -9', async () => {
    const app = await start();
    for (const chatId of chats) api.pushText(`/subscribe ${keywordOf(chatId)}`.trim(), chatId);
    await api.waitFor(() => api.sent().filter((c) => String(c.payload.text).includes('已订阅')).length >= 15, 20_000);
    await kill9(app);
    const acknowledged = api
      .sent()
      .filter((c) => String(c.payload.text).includes('已订阅'))
      .map((c) => Number(c.payload.chat_id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);
    const db = new Database(databaseFile, { readonly: true });
    const stored = db.prepare('SELECT chat_id, keyword FROM subscriptions').all() as {
      chat_id: number;
      keyword: string;
    }[];
    db.close();
    for (const chatId of acknowledged) expect(stored).toContainEqual({ chat_id: chatId, keyword: keywordOf(chatId) });
  }, 120_000);

  it('indexes a new issue within seconds and notifies each subscriber once', async () => {
    await start();
    // Updates not confirmed before the kill come again: every chat ends up subscribed.
    await api.waitFor(
      () =>
        new Set(
          api
            .sent()
            .filter((c) => /已订阅|已经订阅/.test(String(c.payload.text)))
            .map((c) => c.payload.chat_id),
        ).size === chats.length,
      20_000,
    );
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    // Announced once the file has stayed unchanged for 5 s (a stalled copy is not announced half
    // written), then 40 paced messages: about 8 s on an idle machine.
    await api.waitFor(() => chats.every((c) => notificationsTo(c, '2022-03').length > 0), 30_000);
    const digest = notificationsTo(500, '新一期报纸已收录')[0]!;
    expect(String(digest.payload.text)).toContain('细谋划强组织');
    expect(String(notificationsTo(501, '」有新报道')[0]!.payload.text)).toContain('提信心明方向');

    api.pushText('博嘉生物', 999);
    const answer = await api.waitFor((c) => c.payload.chat_id === 999);
    expect(String(answer.payload.text)).toContain('崇川开发区一季度');
  }, 120_000);

  it('announces an issue that arrived while it was down once, and never repeats one', async () => {
    await kill9(apps.at(-1)!);
    fs.copyFileSync('seeds/004_44e125a03f4ab106.txt', path.join(corpusDir, '2024-11-04.txt'));
    await start();
    await api.waitFor(
      () => chats.filter((c) => c % 2 === 0).every((c) => notificationsTo(c, '2024-11').length > 0),
      20_000,
    );
    await kill9(apps.at(-1)!);
    await start();
    await new Promise((r) => setTimeout(r, 3000));
    for (const chatId of chats.filter((c) => c % 2 === 0)) {
      expect(notificationsTo(chatId, '新一期报纸已收录（2022-03').length).toBe(1);
      expect(notificationsTo(chatId, '新一期报纸已收录（2024-11').length).toBe(1);
    }
    for (const chatId of chats.filter((c) => c % 2 === 1))
      expect(notificationsTo(chatId, '「博嘉生物」有新报道').length).toBe(1);
  }, 150_000);

  it('stops within 10 s on SIGTERM during a 429 wait; after the restart every subscriber is told once', async () => {
    const mark = '锚定目标不放松';
    const digestChats = chats.filter((c) => c % 2 === 0);
    const callsBefore = api.calls.length;
    // Telegram's flood limit on the first notification: wait 6 s (over by the time the bot is back).
    api.fail('sendMessage', { status: 429, description: 'Too Many Requests: retry after 6', retryAfter: 6 });
    fs.copyFileSync('seeds/000_ee7a1d118fc23364.txt', path.join(corpusDir, '2024-09-09.txt'));
    await api.waitFor((c) => c.method === 'sendMessage' && api.calls.indexOf(c) >= callsBefore, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    const app = apps.at(-1)!;
    const stopping = Date.now();
    app.kill('SIGTERM');
    await app.gone();
    expect(Date.now() - stopping).toBeLessThan(10_000);
    await start();
    // The refused call aside, each digest subscriber gets the issue exactly once.
    const refused = api.calls.findIndex((c, k) => k >= callsBefore && c.method === 'sendMessage');
    const delivered = (chatId: number) =>
      api.calls.filter(
        (c, k) =>
          k !== refused &&
          c.method === 'sendMessage' &&
          c.payload.chat_id === chatId &&
          String(c.payload.text).includes(mark),
      );
    await api.waitFor(() => digestChats.every((c) => delivered(c).length > 0), 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    for (const chatId of digestChats) expect(delivered(chatId)).toHaveLength(1);
  }, 90_000);
});
