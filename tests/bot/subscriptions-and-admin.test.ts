import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { createBot } from '../../src/bot/create-bot.ts';
import { messages } from '../../src/bot/messages.ts';
import { OFFLINE_BOT_INFO, offlineFetch, type OutgoingCall } from '../../src/telegram/offline-api.ts';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import type { Store } from '../../src/storage/store.ts';
import { SharedQueryStore } from '../../src/bot/query-store.ts';
import { openPostgresStore } from '../../src/storage/postgres-store.ts';
import { freshDatabaseUrl } from '../support/postgres.ts';
import { seedLibrary } from '../support/seed-library.ts';

const ADMIN = 9;
let library: NewsLibrary;
let bot: Bot;
let store: Store;
let calls: OutgoingCall[];
let updateId = 0;
let reloads = 0;

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
    flood: { limit: 5, windowMs: 60_000 },
    fetch: offlineFetch((c) => calls.push(c)),
  });
});

const send = (text: string, userId = 100, extra: Record<string, unknown> = {}) => {
  const entities = text.startsWith('/')
    ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
    : undefined;
  return bot.handleUpdate({
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: userId, type: 'private', first_name: 'U' },
      from: { id: userId, is_bot: false, first_name: 'U' },
      text,
      entities,
      ...extra,
    },
  } as unknown as Update);
};
const replies = () => calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
const last = () => replies().at(-1) ?? '';

describe('subscriptions', () => {
  it('subscribes to every issue and to keywords, lists and removes them', async () => {
    await send('/subscribe');
    expect(last()).toContain('已订阅每期新报纸');
    await send('/subscribe 老旧小区');
    expect(last()).toContain('已订阅关键词「老旧小区」');
    expect(await store.list(100)).toEqual(['', '老旧小区']);
    await send('/subscriptions');
    expect(last()).toContain('每期新报纸');
    expect(last()).toContain('老旧小区');
    await send('/unsubscribe 老旧小区');
    expect(await store.list(100)).toEqual(['']);
    await send('/unsubscribe');
    expect(last()).toContain('已退订全部');
    expect(await store.list(100)).toEqual([]);
  });

  it('explains what it stores and forgets it on request', async () => {
    await send('/subscribe 消防');
    await send('/privacy');
    expect(last()).toContain('/forget');
    await send('/forget');
    expect(await store.list(100)).toEqual([]);
  });

  it("tells the truth about stored questions on each back-end, and /forget deletes the chat's", async () => {
    /** The 更多结果 button under the answer last sent to the user. */
    const nextButton = (userId: number) =>
      (
        calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === userId).at(-1)!.payload
          .reply_markup as { inline_keyboard: { callback_data: string }[][] }
      ).inline_keyboard
        .flat()
        .find((b) => b.callback_data?.startsWith('m:'))!.callback_data;
    /** Presses it; resolves to the notice shown ('' when the page was shown). */
    const press = async (userId: number, data: string) => {
      await bot.handleUpdate({
        update_id: ++updateId,
        callback_query: {
          id: String(updateId),
          from: { id: userId, is_bot: false, first_name: 'U' },
          chat_instance: '1',
          data,
          message: { message_id: 1, date: 0, chat: { id: userId, type: 'private' }, text: '…' },
        },
      } as unknown as Update);
      return String(calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!.payload.text ?? '');
    };
    // SQLite (one process): searches in memory.
    await send('/privacy');
    expect(last()).toContain('服务器内存');
    await send('崇川', 101);
    const mine = nextButton(101);
    await send('崇川', 102);
    const theirs = nextButton(102);
    expect(await press(101, mine)).toBe('');
    await send('/forget', 101);
    expect(await press(101, mine)).toBe(messages.searchExpired);
    expect(await press(102, theirs)).toBe('');

    // PostgreSQL (several instances): searches in the database, with their chat.
    const shared = await openPostgresStore(await freshDatabaseUrl());
    try {
      bot = createBot({
        token: '1:test',
        library,
        botInfo: OFFLINE_BOT_INFO,
        subscriptions: shared,
        store: new SharedQueryStore(shared),
        fetch: offlineFetch((c) => calls.push(c)),
      });
      await send('/privacy', 103);
      expect(last()).toContain('数据库');
      await send('崇川', 103);
      const next = nextButton(103);
      const key = next.split(':')[1]!;
      expect(await shared.loadQuery(key, 60_000)).toContain('崇川');
      await send('/forget', 103);
      expect(await shared.loadQuery(key, 60_000)).toBeUndefined();
      expect(await press(103, next)).toBe(messages.searchExpired);
    } finally {
      await shared.close();
    }
  }, 60_000);
});

describe('operators', () => {
  it('answers /stats and /reload for admins in private', async () => {
    await send('/stats', ADMIN);
    expect(last()).toContain('文章 37 篇');
    await send('/reload', ADMIN);
    expect(reloads).toBe(1);
    expect(last()).toBe('重新加载完成：37 篇文章，5 期报纸');
  });

  it('gives everyone else the ordinary reply', async () => {
    await send('/stats', 100);
    expect(last()).toContain('不认识的命令');
    await send('/reload', 100);
    expect(last()).toContain('不认识的命令 /reload');
    expect(reloads).toBe(0);
  });
});

describe('bad input', () => {
  it('limits a flooding user with one polite notice', async () => {
    for (let k = 0; k < 9; k++) await send(`红色直播间 ${k}`, 300);
    const notices = replies().filter((t) => t.includes('发得太快'));
    expect(notices).toHaveLength(1);
    const answered = (t: string) => t.includes('<b>崇川“红色直播间”建设观摩推进会举办</b>');
    expect(replies().filter(answered)).toHaveLength(5);
    await send('红色直播间', 301);
    expect(answered(last())).toBe(true);
  });

  it('answers stickers as small talk and photos with a word, and ignores edited messages', async () => {
    await send('', 100, {
      text: undefined,
      sticker: {
        file_id: 'x',
        file_unique_id: 'y',
        type: 'regular',
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    });
    // A sticker is small talk: a friendly word with example questions.
    expect(last()).toBe(messages.smallTalk.emoji);
    await send('', 100, { text: undefined, photo: [{ file_id: 'p', file_unique_id: 'q', width: 1, height: 1 }] });
    expect(last()).toContain('只能读懂文字');
    const before = calls.length;
    await bot.handleUpdate({
      update_id: ++updateId,
      edited_message: {
        message_id: 1,
        date: 0,
        edit_date: 1,
        chat: { id: 100, type: 'private', first_name: 'U' },
        from: { id: 100, is_bot: false, first_name: 'U' },
        text: '改过的问题',
      },
    } as unknown as Update);
    expect(calls.length).toBe(before);
  });

  it('handles emoji-only, punctuation-only and Markdown-looking text sensibly', async () => {
    // Emoji and punctuation alone are small talk: a friendly word and examples, never 「没有找到」.
    for (const t of ['😀😀', '？！。。']) {
      await send(t, 400 + t.length);
      expect(last()).toBe(messages.smallTalk.emoji);
    }
    // Markup-looking text is searched as text; English words with it get the line in English.
    await send('**粗体** _斜体_ `代码`', 450);
    expect(last()).toContain('没有在报道中找到');
    await send('<b>bold</b>', 451);
    expect(last()).toBe(messages.smallTalk.foreign);
  });
});
