import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import type { Bot } from 'grammy';
import { createBot } from '../../src/bot/create-bot.ts';
import { messages } from '../../src/bot/messages.ts';
import { isValidTelegramHtml } from '../../src/telegram/bot-api-rules.ts';
import { htmlToText } from '../../src/telegram/html.ts';
import { OFFLINE_BOT_INFO, offlineFetch, type OutgoingCall } from '../../src/telegram/offline-api.ts';
import { QueryStore } from '../../src/bot/query-store.ts';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { seedLibrary } from '../support/seed-library.ts';

let library: NewsLibrary;
let bot: Bot;
let calls: OutgoingCall[];
let updateId = 0;
const user = { id: 100, is_bot: false, first_name: 'U' };
const privateChat = { id: 100, type: 'private' as const, first_name: 'U' };
const group = { id: -200, type: 'supergroup' as const, title: 'G' };

beforeAll(() => {
  library = seedLibrary();
});

beforeEach(() => {
  calls = [];
  bot = createBot({
    token: '1:test',
    library,
    botInfo: OFFLINE_BOT_INFO,
    store: new QueryStore(),
    fetch: offlineFetch((c) => calls.push(c)),
  });
});

const text = (t: string, chat: { id: number; type: string } = privateChat, messageId = 10) => {
  const entities = t.startsWith('/')
    ? [{ type: 'bot_command', offset: 0, length: t.split(/\s/)[0]!.length }]
    : undefined;
  return bot.handleUpdate({
    update_id: ++updateId,
    message: { message_id: messageId, date: 0, chat, from: user, text: t, entities },
  } as unknown as Update);
};
const press = (data: string) =>
  bot.handleUpdate({
    update_id: ++updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: user,
      chat_instance: '1',
      data,
      message: { message_id: 55, date: 0, chat: privateChat, text: 'x' },
    },
  } as unknown as Update);
const last = (method = 'sendMessage') => calls.filter((c) => c.method === method).at(-1)!;
const buttons = (c: OutgoingCall) =>
  (
    (c.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  ).flat();

describe('questions', () => {
  it('answers a private text with the short answer, the headline in bold and the passage, previews off', async () => {
    await text('唐闸古镇规划面积多大');
    const reply = last();
    expect(reply.payload.parse_mode).toBe('HTML');
    expect(reply.payload.link_preview_options).toEqual({ is_disabled: true });
    expect(reply.payload.text).toMatch(/^答：<b>9\.8平方公里<\/b>\n<b>区领导调研唐闸近代工业遗存保护利用/);
    expect(htmlToText(String(reply.payload.text))).toContain('9.8平方公里');
    expect(isValidTelegramHtml(String(reply.payload.text))).toBe(true);
    expect(String(reply.payload.text).length).toBeLessThanOrEqual(4096);
  });

  it('says clearly when nothing answers, with a hint', async () => {
    await text('今天股市行情怎么样');
    expect(last().payload.text).toContain('没有在报道中找到');
    expect(last().payload.text).toContain('/latest');
  });

  it('searches with /search, and explains /search alone', async () => {
    await text('/search 红色直播间');
    expect(last().payload.text).toContain('红色直播间');
    await text('/search');
    expect(last().payload.text).toMatch(/^用法：\/search 关键词\n例如：\/search \S+/);
  });

  it('escapes hostile text from the user', async () => {
    await text('<script>alert(1)</script> & <b>老旧小区</b>');
    const sent = String(last().payload.text);
    expect(sent).not.toContain('<script>');
    expect(isValidTelegramHtml(sent)).toBe(true);
  });

  it('refuses an over-long question politely', async () => {
    await text('老旧小区'.repeat(1500));
    expect(last().payload.text).toContain('问题太长了');
  });
});

describe('buttons', () => {
  it('sends the other results with 更多结果, pages them by editing that message, and answers every press', async () => {
    await text('社区活动');
    const more = buttons(last()).find((b) => b.text.startsWith('更多结果'))!;
    await press(more.callback_data);
    // The page opens with result 2, under the related header when the results are only related.
    expect(last().payload.text).toMatch(/^🔎 「社区活动」 第1\/\d+页\n\n(?:<i>[^<\n]+<\/i>\n\n)?<b>2\. /);
    const next = buttons(last()).find((b) => b.text.includes('下一页'));
    expect(next?.callback_data).toMatch(/^p:[\w-]+:1$/);
    expect(Buffer.byteLength(next!.callback_data)).toBeLessThanOrEqual(64);
    await press(next!.callback_data);
    expect(calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
    const edit = last('editMessageText');
    expect(edit.payload.message_id).toBe(55);
    expect(edit.payload.text).toMatch(/第2\/\d+页/);
    expect(edit.payload.text).toContain('<b>5. ');
  });

  it('opens an article in full with 全文, and 「◀ 返回结果」 turns it back into the answer', async () => {
    await text('唐闸古镇规划面积多大');
    const answer = last();
    const full = buttons(answer).find((b) => b.text === messages.answerFullText)!;
    await press(full.callback_data);
    const article = String(last().payload.text);
    expect(article).toMatch(/^<b>区领导调研唐闸近代工业遗存保护利用/);
    expect(article).toContain('记者 成城');
    const back = buttons(last()).find((b) => b.text === messages.backToResults)!;
    expect(back).toBeDefined();
    await press(back.callback_data);
    const edit = last('editMessageText');
    expect(edit.payload.message_id).toBe(55);
    expect(edit.payload.text).toBe(answer.payload.text);
    expect(buttons(edit).map((b) => b.text)).toEqual(buttons(answer).map((b) => b.text));
  });

  it('answers an expired or forged button with a notice', async () => {
    await press('p:nosuchkey:1');
    expect(last('answerCallbackQuery').payload.text).toContain('过期');
    await press('a:ffffffffffff:0');
    expect(last('answerCallbackQuery').payload.text).toContain('找不到');
    await press('zzz');
    expect(last('answerCallbackQuery').payload.text).toContain('失效');
  });
});

describe('commands', () => {
  it('/start greets with what the bot knows and three example questions, each answered', async () => {
    await text('/start');
    expect(last().payload.text).toContain('37 篇文章、5 期报纸');
    const examples = buttons(last());
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      // Real questions, not shortened headlines.
      expect(example.text).toMatch(/^💬 .+是怎么回事$/);
      await press(example.callback_data);
      expect(last().payload.text).not.toContain('没有在报道中找到');
      expect(last().payload.text).not.toContain(messages.relatedHeader);
    }
  });

  it('/start with a deep-link payload opens that article', async () => {
    const id = library.latest(1)[0]!.id;
    await text(`/start ${id}`);
    expect(last().payload.text).toContain(library.latest(1)[0]!.headline);
  });

  it('/latest lists the newest articles with dates, newest first', async () => {
    await text('/latest 3');
    const reply = String(last().payload.text);
    const dates = [...reply.matchAll(/\d{4}-\d{2}(-\d{2})?/g)].map((m) => m[0]);
    expect(dates).toHaveLength(3);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(reply).toContain('中医集市进社区');
    expect(buttons(last())).toHaveLength(3);
  });

  it('/help lists every command', async () => {
    await text('/help');
    for (const c of [
      '/search',
      '/latest',
      '/subscribe',
      '/unsubscribe',
      '/subscriptions',
      '/privacy',
      '/forget',
      '/help',
      '/start',
    ])
      expect(last().payload.text).toContain(c);
  });

  it('works as /search@botname in a group, quoting the message, and ignores chatter', async () => {
    await text(`/search@${OFFLINE_BOT_INFO.username} 红色直播间`, group, 77);
    expect(last().payload.reply_parameters).toMatchObject({ message_id: 77 });
    const before = calls.length;
    await text('大家好', group, 78);
    expect(calls.length).toBe(before);
  });
});

describe('inline mode', () => {
  interface Result {
    title: string;
    input_message_content: { message_text: string; parse_mode?: string };
  }
  const inline = async (query: string) => {
    await bot.handleUpdate({
      update_id: ++updateId,
      inline_query: { id: `iq${updateId}`, from: user, query, offset: '' },
    } as unknown as Update);
    return last('answerInlineQuery').payload;
  };

  it('lists matching articles, and the latest for an empty query', async () => {
    const results = (await inline('老旧小区')).results as Result[];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.title).toContain('老旧小区');
    for (const r of results) {
      expect(r.input_message_content.parse_mode).toBe('HTML');
      expect(isValidTelegramHtml(r.input_message_content.message_text)).toBe(true);
    }
    expect(results[0]!.input_message_content.message_text).toMatch(/^<b>[^\d]/);
    const latest = (await inline('')).results as Result[];
    expect(latest[0]!.title).toBe(library.latest(1)[0]!.headline);
    expect(latest[0]!.input_message_content.message_text).toContain(library.latest(1)[0]!.date);
  });

  it('marks results that may not hold the answer, in the list and in the message shared', async () => {
    const question = '唐闸古镇每年接待多少游客';
    expect(library.search(question, 10)[0]?.confidence).toBe('related');
    const results = (await inline(question)).results as Result[];
    expect(results[0]!.title.startsWith(messages.relatedLabel)).toBe(true);
    // The header says nothing exact was found, or (the passage holds a figure beside the question's
    // words) that it may hold the answer: never that it is the answer.
    const header = library.search(question, 10)[0]?.mayAnswer ? messages.mayAnswerHeader : messages.relatedHeader;
    expect(results[0]!.input_message_content.message_text.startsWith(`<i>${header}</i>`)).toBe(true);
    expect(isValidTelegramHtml(results[0]!.input_message_content.message_text)).toBe(true);
    // A result offered as the answer carries no such mark.
    const answered = (await inline('唐闸古镇规划面积多大')).results as Result[];
    expect(answered[0]!.title.startsWith(messages.relatedLabel)).toBe(false);
  });

  it('offers a plain-text button when nothing matches', async () => {
    const answer = await inline('<股市> 行情');
    expect(answer.results).toEqual([]);
    expect((answer.button as { text: string }).text).toBe('没有找到「<股市> 行情」的报道');
  });
});
