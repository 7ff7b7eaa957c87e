/**
 * Replies Telegram would refuse, tried through the loopback Bot API stand-in (which answers a
 * 400 exactly where Telegram does): an archive with a headline of 80 000 characters full of HTML
 * and emoji, questions and commands with an emoji where an echo is cut, button presses past the
 * flood limit and on messages shared inline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import { openIndex } from '../../src/retrieval/index/index-store.ts';
import { NewsLibrary } from '../../src/retrieval/library.ts';
import { MESSAGE_LIMIT } from '../../src/telegram/limits.ts';
import { LOOPBACK_BOT_INFO, LoopbackBotApi, type RecordedCall } from '../../src/telegram/loopback-api.ts';
import { captureLogs } from '../support/logs.ts';

const HUGE = '老旧小区改造<b>&amp;😀'.repeat(5000);
let library: NewsLibrary;
let api: LoopbackBotApi;
let bot: Bot;
let logged: string[];
let updateId = 0;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limits-'));
  for (const f of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, '2030-01-01.txt'), `${HUGE}\n`);
  library = NewsLibrary.fromOpened(openIndex({ corpusDir: dir, indexFile: path.join(dir, 'index.json') }));
}, 60_000);

beforeEach(async () => {
  api = new LoopbackBotApi();
  const logs = captureLogs('warn');
  logged = logs.lines;
  bot = createBot({
    token: '1:limits-test',
    library,
    apiRoot: await api.start(),
    botInfo: LOOPBACK_BOT_INFO as never,
    logger: logs.logger,
    flood: { limit: 3, windowMs: 60_000 },
  });
});

afterEach(async () => {
  await api.stop();
});

const user = { id: 100, is_bot: false, first_name: 'U' };
const chat = { id: 100, type: 'private', first_name: 'U' };
const handle = (update: object) =>
  bot.handleUpdate({ update_id: ++updateId, ...update } as Update).catch((err) => bot.errorHandler(err));
const say = (text: string) => {
  const entities = text.startsWith('/')
    ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
    : [];
  return handle({ message: { message_id: updateId, date: 0, chat, from: user, text, entities } });
};
const press = (data: string, where: object = { message: { message_id: 5, date: 0, chat, text: 'x' } }) =>
  handle({ callback_query: { id: `cb${updateId}`, from: user, chat_instance: '1', data, ...where } });
const lastSent = (method = 'sendMessage'): RecordedCall => api.sent(method).at(-1)!;
const keyboard = (call: RecordedCall) =>
  (
    call.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
  ).inline_keyboard.flat();

describe('a headline of 80 000 characters', () => {
  it('still gives a valid answer and a valid page of more results', async () => {
    await say('老旧小区改造');
    const answer = lastSent();
    // One phone screen whatever the label (the related header is longer than the answer's): the
    // 80 000-character headline and passage are cut.
    expect(String(answer.payload.text).length).toBeLessThanOrEqual(500);
    expect(String(answer.payload.text)).toContain('老旧小区改造&lt;b&gt;&amp;amp;😀');
    await press(keyboard(answer).find((b) => b.text.startsWith('更多结果'))!.callback_data);
    const page = lastSent();
    expect(String(page.payload.text)).toMatch(/^🔎/);
    expect(String(page.payload.text).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(api.refusals()).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('gives inline answers of bounded size', async () => {
    for (const query of ['老旧小区改造', '']) {
      await handle({ inline_query: { id: `iq${updateId}`, from: user, query, offset: '' } });
      const answer = lastSent('answerInlineQuery');
      expect((answer.payload.results as unknown[]).length).toBeGreaterThan(0);
      expect(JSON.stringify(answer.payload).length).toBeLessThan(64 * 1024);
    }
    expect(api.refusals()).toEqual([]);
  });
});

describe('echoes cut at a character, never inside one', () => {
  const emojiAt40 = `${'股'.repeat(39)}😀行情`;

  it('the question echo, the no-match reply and the unknown-command reply', async () => {
    await say(emojiAt40);
    expect(String(lastSent().payload.text)).toContain(`${'股'.repeat(39)}…`);
    await say(`/${'x'.repeat(38)}😀`);
    expect(String(lastSent().payload.text)).toContain('不认识的命令');
    await say(`${'老旧小区改造'.repeat(6)}😀😀`);
    expect(String(lastSent().payload.text)).not.toContain('没有在报道中找到');
    expect(api.sent()).toHaveLength(3);
    expect(api.refusals()).toEqual([]);
  });

  it('the inline "nothing found" button', async () => {
    await handle({ inline_query: { id: 'iq-emoji', from: user, query: `${'股'.repeat(18)}😀行情`, offset: '' } });
    const button = lastSent('answerInlineQuery').payload.button as { text: string };
    expect(button.text).toBe(`没有找到「${'股'.repeat(18)}…」的报道`);
    expect(api.refusals()).toEqual([]);
  });
});

describe('button presses', () => {
  it('are all answered after the "too fast" notice, so no spinner is left turning', async () => {
    await say('老旧小区改造');
    await press(keyboard(lastSent()).find((b) => b.text.startsWith('更多结果'))!.callback_data);
    const next = keyboard(lastSent()).find((b) => b.text.includes('下一页'))!;
    for (let k = 0; k < 6; k++) await press(next.callback_data);
    const answers = api.sent('answerCallbackQuery');
    expect(answers).toHaveLength(7);
    expect(answers.filter((a) => String(a.payload.text ?? '').includes('操作太频繁'))).toHaveLength(1);
    // Three updates a minute: the question, 更多结果 and one 下一页.
    expect(api.sent('editMessageText')).toHaveLength(1);
  });

  it('on a message shared inline, 全文 opens the article in a private chat, with no API error', async () => {
    const id = library.latest(1)[0]!.id;
    await press(`a:${id}:0`, { inline_message_id: 'inline-1' });
    expect(lastSent('answerCallbackQuery').payload.url).toBe(`https://t.me/${LOOPBACK_BOT_INFO.username}?start=${id}`);
    expect(api.sent()).toHaveLength(0);
    expect(api.refusals()).toEqual([]);
    expect(logged).toEqual([]);
  });
});
