/**
 * `npm start` as a real process in polling mode with PORT and PUBLIC_URL: the bot's result links
 * carry the public origin, and the same path on PORT serves the page with the answer marked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoopbackBotApi } from '../../../src/telegram/loopback-api.ts';
import { freePort } from '../../support/free-port.ts';
import { startApp, type Started } from '../../support/processes.ts';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const PUBLIC = 'https://news.example.com';
let api: LoopbackBotApi;
let app: Started;
let port: number;

beforeAll(async () => {
  api = new LoopbackBotApi();
  const apiRoot = await api.start();
  port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pages-e2e-'));
  app = startApp({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    CORPUS_DIR: 'seeds',
    INDEX_FILE: path.join(dir, 'index.bin'),
    DATABASE_FILE: path.join(dir, 'bot.db'),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `${PUBLIC}/`,
  });
  await api.waitFor(
    (c) => c.method === 'setMyCommands' && (c.payload as { language_code?: string }).language_code === 'en',
    80_000,
  );
}, 90_000);

afterAll(async () => {
  app.kill('SIGKILL');
  await api.stop();
});

describe('npm start in polling mode with PORT and PUBLIC_URL', () => {
  it('links a result to its page, and serves that page with the answer marked', async () => {
    api.pushText('唐闸古镇规划面积多大');
    const reply = await api.waitFor(
      (c) => c.method === 'sendMessage' && String(c.payload.text).includes('9.8平方公里'),
    );
    const links = (
      reply.payload.reply_markup as { inline_keyboard: { text: string; url?: string }[][] }
    ).inline_keyboard
      .flat()
      .filter((b) => b.url);
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]!.text).toMatch(/^🔗 原文/);
    const url = new URL(links[0]!.url!);
    expect(url.origin).toBe(PUBLIC);
    const res = await fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(body).toContain(`<p id="${url.hash.slice(1)}" class="hit">`);
    expect(body).toContain('9.8<mark>平方公里</mark>');
    // The operator's endpoints stay where they were.
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  }, 30_000);
});
