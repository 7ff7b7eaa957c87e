/**
 * Whose flood counter a message adds to: its sender's, except for messages sent as a chat
 * (anonymous group admins, a channel's posts forwarded into its discussion group), which all carry
 * one shared user id and so count against the chat they speak for.
 */
import type { Update } from 'grammy/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import { messages } from '../../src/bot/messages.ts';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { OFFLINE_BOT_INFO, offlineFetch, type OutgoingCall } from '../../src/telegram/offline-api.ts';
import { seedLibrary } from '../support/seed-library.ts';

let library: NewsLibrary;
beforeAll(() => {
  library = seedLibrary();
});

/** Telegram's user id for every anonymous group admin. */
const ANONYMOUS_ADMIN = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
/** Telegram's user id for a channel's posts forwarded into its discussion group. */
const CHANNEL_FORWARDER = { id: 777000, is_bot: false, first_name: 'Telegram' };

let updateId = 0;
const inGroup = (groupId: number, from: object, text: string, senderChat?: object): Update =>
  ({
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: groupId, type: 'supergroup', title: `G${groupId}` },
      from,
      ...(senderChat ? { sender_chat: senderChat } : {}),
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
    },
  }) as unknown as Update;

function floodedBot() {
  const calls: OutgoingCall[] = [];
  const bot = createBot({
    token: '1:flood',
    library,
    botInfo: OFFLINE_BOT_INFO,
    fetch: offlineFetch((c) => calls.push(c)),
    flood: { limit: 1, windowMs: 60_000 },
  });
  const repliesTo = (chatId: number) =>
    calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === chatId).map((c) => String(c.payload.text));
  return { bot, repliesTo };
}

describe('flood keys', () => {
  it("gives each group's anonymous admins their own counter, not one shared by every group", async () => {
    const { bot, repliesTo } = floodedBot();
    for (const group of [-1001, -1002, -1003]) {
      const self = { id: group, type: 'supergroup', title: `G${group}` };
      await bot.handleUpdate(inGroup(group, ANONYMOUS_ADMIN, '/search 崇川', self));
    }
    for (const group of [-1001, -1002, -1003]) {
      expect(repliesTo(group)).toHaveLength(1);
      expect(repliesTo(group)[0]).not.toBe(messages.sendingTooFast);
    }
    // The same group's admins over the limit are limited, as a user would be.
    const self = { id: -1001, type: 'supergroup', title: 'G-1001' };
    await bot.handleUpdate(inGroup(-1001, ANONYMOUS_ADMIN, '/search 崇川', self));
    expect(repliesTo(-1001).at(-1)).toBe(messages.sendingTooFast);
  });

  it("counts a channel's forwarded posts against the group they land in", async () => {
    const { bot, repliesTo } = floodedBot();
    const channel = (id: number) => ({ id, type: 'channel', title: `C${id}` });
    await bot.handleUpdate(inGroup(-2001, CHANNEL_FORWARDER, '/search 崇川', channel(-3001)));
    await bot.handleUpdate(inGroup(-2002, CHANNEL_FORWARDER, '/search 崇川', channel(-3002)));
    expect(repliesTo(-2001)).toHaveLength(1);
    expect(repliesTo(-2002)).toHaveLength(1);
    expect(repliesTo(-2002)[0]).not.toBe(messages.sendingTooFast);
  });

  it('still counts an ordinary member by user, in whichever group they write', async () => {
    const { bot, repliesTo } = floodedBot();
    const member = { id: 42, is_bot: false, first_name: 'M' };
    await bot.handleUpdate(inGroup(-4001, member, '/search 崇川'));
    await bot.handleUpdate(inGroup(-4002, member, '/search 崇川'));
    expect(repliesTo(-4001)[0]).not.toBe(messages.sendingTooFast);
    expect(repliesTo(-4002)).toEqual([messages.sendingTooFast]);
  });
});
