/** A group upgraded to a supergroup: the service message moves its subscriptions to the new id. */
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import { OFFLINE_BOT_INFO, offlineFetch } from '../../src/telegram/offline-api.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import { seedLibrary } from '../support/seed-library.ts';

describe('a group that becomes a supergroup', () => {
  it('takes its subscriptions and undelivered notifications to the new chat id', async () => {
    const store = openSqliteStore(':memory:');
    const bot = createBot({
      token: '1:test',
      library: seedLibrary(),
      botInfo: OFFLINE_BOT_INFO,
      subscriptions: store,
      fetch: offlineFetch(() => {}),
    });
    await store.subscribe(-77, '');
    await store.subscribe(-77, '消防');
    await store.announce('x.txt', [{ chatId: -77, text: '新一期' }]);
    await bot.handleUpdate({
      update_id: 1,
      message: {
        message_id: 9,
        date: 0,
        chat: { id: -77, type: 'group', title: '社区群' },
        from: { id: 5, is_bot: false, first_name: 'U' },
        migrate_to_chat_id: -1_000_000_000_077,
      },
    } as unknown as Update);
    expect(await store.list(-77)).toEqual([]);
    expect(await store.list(-1_000_000_000_077)).toEqual(['', '消防']);
    expect((await store.pending(5)).map((n) => n.chatId)).toEqual([-1_000_000_000_077]);
  });
});
