import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidTelegramHtml } from '../../src/telegram/bot-api-rules.ts';
import { LoopbackBotApi } from '../../src/telegram/loopback-api.ts';
import { startApp, type Started } from '../support/processes.ts';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
let api: LoopbackBotApi;
let app: Started;

beforeAll(async () => {
  api = new LoopbackBotApi();
  const apiRoot = await api.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-'));
  app = startApp({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    CORPUS_DIR: 'seeds',
    INDEX_FILE: path.join(dir, 'index.json'),
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

describe('the bot with a token, against a loopback Bot API', () => {
  it('registers its command menu in Chinese and English', () => {
    const menus = api.sent('setMyCommands');
    expect(menus).toHaveLength(2);
    expect(JSON.stringify(menus[0]!.payload)).toContain('搜索报道');
    expect(JSON.stringify(menus[1]!.payload)).toContain('Search the news');
  });

  it('holds a short conversation with valid Telegram HTML replies', async () => {
    api.pushText('/start');
    const greeting = await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('篇文章'));
    expect(isValidTelegramHtml(String(greeting.payload.text))).toBe(true);

    api.pushText('社区活动');
    const answer = await api.waitFor(
      (c) => c.method === 'sendMessage' && JSON.stringify(c.payload.reply_markup ?? '').includes('更多结果'),
    );
    expect(isValidTelegramHtml(String(answer.payload.text))).toBe(true);
    const buttonsOf = (call: typeof answer) =>
      (
        call.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
      ).inline_keyboard.flat();
    const press = (id: string, data: string) =>
      api.push({
        callback_query: {
          id,
          chat_instance: '1',
          data,
          from: { id: 100, is_bot: false, first_name: 'U' },
          message: { message_id: 99, date: 0, chat: { id: 100, type: 'private', first_name: 'U' }, text: 'x' },
        },
      } as never);
    press('cb0', buttonsOf(answer).find((b) => b.text.startsWith('更多结果'))!.callback_data);
    const results = await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).startsWith('🔎'));
    expect(isValidTelegramHtml(String(results.payload.text))).toBe(true);
    press('cb1', buttonsOf(results).find((b) => b.text.includes('下一页'))!.callback_data);
    const edited = await api.waitFor((c) => c.method === 'editMessageText');
    expect(isValidTelegramHtml(String(edited.payload.text))).toBe(true);
    await api.waitFor((c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === 'cb1');

    api.push({
      inline_query: { id: 'iq1', from: { id: 100, is_bot: false, first_name: 'U' }, query: '红色直播间', offset: '' },
    } as never);
    const inline = await api.waitFor((c) => c.method === 'answerInlineQuery');
    expect((inline.payload.results as unknown[]).length).toBeGreaterThan(0);
  }, 30_000);

  it('never writes the token to its output', () => {
    expect(app.output()).not.toContain(TOKEN.split(':')[1]);
    expect(app.output()).toContain('@test_news_bot is polling');
  });

  it('stops cleanly on SIGTERM, before its own shutdown deadline', async () => {
    app.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    await app.gone();
    // Past its deadline the bot would say so and exit anyway: it finished its work instead.
    expect(app.output()).toMatch(/"msg":"stopped"/);
    expect(app.output()).not.toContain('shutdown took too long');
  }, 15_000);
});

describe('the bot with a token Telegram refuses', () => {
  it('stops with one line saying so, without the token', async () => {
    const refusing = new LoopbackBotApi();
    const apiRoot = await refusing.start();
    refusing.fail('getMe', { status: 401, description: 'Unauthorized' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-401-'));
    const refused = startApp({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      CORPUS_DIR: 'seeds',
      INDEX_FILE: path.join(dir, 'index.json'),
      DATABASE_FILE: path.join(dir, 'bot.db'),
    });
    const code = await refused.exited;
    await refusing.stop();
    expect(code).toBe(1);
    expect(refused.output()).toContain(
      'error: Telegram refused BOT_TOKEN (401 Unauthorized); check it with @BotFather',
    );
    expect(refused.output()).not.toContain(TOKEN.split(':')[1]);
    expect(refused.output()).not.toMatch(/\n\s+at /); // no stack trace
  }, 90_000);
});
