/**
 * Every command given arguments it cannot read answers with its usage line, through the real
 * handlers and a real SQLite store: nothing is subscribed, deleted or reloaded on such a command.
 */
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasArguments, searchableWords } from '../../src/bot/command-args.ts';
import { createBot } from '../../src/bot/create-bot.ts';
import { messages } from '../../src/bot/messages.ts';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import type { Store } from '../../src/storage/store.ts';
import { isValidTelegramHtml } from '../../src/telegram/bot-api-rules.ts';
import { OFFLINE_BOT_INFO, type OutgoingCall, offlineFetch } from '../../src/telegram/offline-api.ts';
import { seedLibrary } from '../support/seed-library.ts';

const ADMIN = 9;
const USER = 100;
let library: NewsLibrary;
let bot: Bot;
let store: Store;
let calls: OutgoingCall[];
let reloads = 0;
let updateId = 0;

beforeAll(() => {
  library = seedLibrary();
});

beforeEach(() => {
  calls = [];
  reloads = 0;
  store = openSqliteStore(':memory:');
  bot = createBot({
    token: '1:test',
    library,
    botInfo: OFFLINE_BOT_INFO,
    subscriptions: store,
    adminIds: [ADMIN],
    reload: async () => {
      reloads++;
    },
    flood: { limit: 10_000, windowMs: 1000 },
    fetch: offlineFetch((c) => calls.push(c)),
  });
});

const send = (text: string, from = USER) =>
  bot.handleUpdate({
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: from, type: 'private', first_name: 'U' },
      from: { id: from, is_bot: false, first_name: 'U' },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }],
    },
  } as unknown as Update);
const last = () => String(calls.filter((c) => c.method === 'sendMessage').at(-1)?.payload.text ?? '');

describe('command arguments', () => {
  it('holds something: invisible characters and spaces are nothing', () => {
    expect(hasArguments('')).toBe(false);
    expect(hasArguments(' \u200b\u2066 ')).toBe(false);
    expect(hasArguments('x')).toBe(true);
  });

  it('can be searched: a letter or a digit, and not another command', () => {
    expect(searchableWords('老旧小区')).toBe(true);
    expect(searchableWords('GDP')).toBe(true);
    expect(searchableWords('2024')).toBe(true);
    for (const bad of ['？？？', '😀👍', '……', '/latest', ' \u200b '])
      expect([bad, searchableWords(bad)]).toEqual([bad, false]);
  });
});

describe('wrong arguments get the usage line', () => {
  it('/subscribe with a keyword of punctuation, an emoji or a command subscribes nothing', async () => {
    for (const arg of ['？？？', '😀', '/latest']) {
      await send(`/subscribe ${arg}`);
      expect(last()).toBe(messages.usage.subscribe);
    }
    expect(await store.list(USER)).toEqual([]);
    // A readable keyword still subscribes.
    await send('/subscribe 老旧小区');
    expect(last()).toBe(messages.subscribed('老旧小区'));
  });

  it('/unsubscribe with an unreadable keyword leaves the subscriptions alone', async () => {
    await send('/subscribe 消防');
    await send('/unsubscribe ！！');
    expect(last()).toBe(messages.usage.unsubscribe);
    expect(await store.list(USER)).toEqual(['消防']);
  });

  it('/search with nothing to search for', async () => {
    for (const arg of ['', '？？', '🙂🙂', '/latest']) {
      await send(`/search ${arg}`.trim());
      expect(last()).toMatch(/^用法：\/search 关键词\n例如：\/search \S/);
    }
  });

  it('/start with a deep link to no article says so above the greeting and its examples', async () => {
    for (const payload of ['nosuchid', 'a'.repeat(64), '%%%']) {
      await send(`/start ${payload}`);
      expect(last().startsWith(`${messages.deepLinkGone}\n\n${messages.welcome(library.stats())}`)).toBe(true);
      expect(isValidTelegramHtml(last())).toBe(true);
      const markup = calls.at(-1)!.payload.reply_markup as { inline_keyboard: unknown[][] };
      expect(markup.inline_keyboard.flat().length).toBeGreaterThanOrEqual(2);
    }
  });

  it('/help with arguments: the usage line, then the help', async () => {
    await send('/help latest');
    expect(last()).toBe(`${messages.usage.help}\n\n${messages.help}`);
    await send('/help \u200b');
    expect(last()).toBe(messages.help);
  });

  it('/privacy and /subscriptions with arguments', async () => {
    await send('/privacy 全部');
    expect(last()).toBe(messages.usage.privacy);
    await send('/subscriptions 消防');
    expect(last()).toBe(messages.usage.subscriptions);
  });

  it('/forget with arguments deletes nothing', async () => {
    await send('/subscribe 消防');
    await send('/forget 订阅');
    expect(last()).toBe(messages.usage.forget);
    expect(await store.list(USER)).toEqual(['消防']);
    await send('/forget');
    expect(last()).toBe(messages.forgotten);
    expect(await store.list(USER)).toEqual([]);
  });

  it('/stats and /reload with arguments, for an operator; /reload does not reload', async () => {
    await send('/stats all', ADMIN);
    expect(last()).toBe(messages.usage.stats);
    await send('/reload now', ADMIN);
    expect(last()).toBe(messages.usage.reload);
    expect(reloads).toBe(0);
    await send('/reload', ADMIN);
    expect(reloads).toBe(1);
    // Anyone else still gets the reply for an unknown command, arguments or not.
    await send('/stats all');
    expect(last()).toBe(messages.unknownCommand('/stats'));
  });
});
