import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { Notifier } from '../../src/announcements/notifier.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import { LoopbackBotApi } from '../../src/telegram/loopback-api.ts';

let api: LoopbackBotApi;
let telegram: Api;

beforeEach(async () => {
  api = new LoopbackBotApi();
  telegram = new Api('1:notifier-test', { apiRoot: await api.start() });
});

afterEach(async () => {
  await api.stop();
});

const queued = (chats: number[]) => chats.map((chatId) => ({ chatId, text: `给 ${chatId}` }));

describe('Notifier', () => {
  it('delivers each queued notification once, as HTML without previews', async () => {
    const store = openSqliteStore(':memory:');
    await store.announce('a.txt', [
      { chatId: 1, text: '<b>一</b>' },
      { chatId: 2, text: '二' },
    ]);
    const notifier = new Notifier(store, telegram, silentLogger, { perSecond: 100 });
    await notifier.drain();
    await notifier.drain();
    expect(api.sent().map((c) => [c.payload.chat_id, c.payload.text, c.payload.parse_mode])).toEqual([
      [1, '<b>一</b>', 'HTML'],
      [2, '二', 'HTML'],
    ]);
    expect(await store.pending(10)).toEqual([]);
    expect(await store.deliveryCounts()).toEqual({ sent: 2 });
  });

  it('forgets a user who blocked the bot (403) and goes on with the others', async () => {
    const store = openSqliteStore(':memory:');
    await store.subscribe(1, '');
    await store.subscribe(2, '');
    await store.announce('a.txt', queued([1, 2]));
    api.fail('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    await new Notifier(store, telegram, silentLogger, { perSecond: 100 }).drain();
    expect(await store.list(1)).toEqual([]);
    expect(await store.list(2)).toEqual(['']);
    expect(api.sent().map((c) => c.payload.chat_id)).toEqual([1, 2]);
  });

  it('moves a group that became a supergroup and delivers at the new chat id', async () => {
    const store = openSqliteStore(':memory:');
    await store.subscribe(-42, '消防');
    await store.announce('a.txt', queued([-42]));
    api.fail('sendMessage', {
      status: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -100_042 },
    });
    await new Notifier(store, telegram, silentLogger, { perSecond: 100 }).drain();
    expect(api.sent().map((c) => c.payload.chat_id)).toEqual([-42, -100_042]);
    expect(await store.list(-42)).toEqual([]);
    expect(await store.list(-100_042)).toEqual(['消防']);
    expect(await store.deliveryCounts()).toEqual({ sent: 1 });
  });

  it('stops at once during a 429 wait; after the restart the pause holds, then the rest go out, none twice', async () => {
    const store = openSqliteStore(':memory:');
    const chats = [1, 2, 3, 4, 5];
    await store.announce('a.txt', queued(chats));
    // Telegram's pause is measured by this clock, moved on by hand instead of waited out.
    let clock = Date.now();
    const now = () => clock;
    const first = new Notifier(store, telegram, silentLogger, { perSecond: 4, now });
    first.start();
    await api.waitFor(() => api.sent().length === 2);
    api.fail('sendMessage', { status: 429, description: 'Too Many Requests: retry after 3', retryAfter: 3 });
    await api.waitFor(() => api.sent().length === 3);
    const refusedAt = Date.now();
    await new Promise((r) => setTimeout(r, 100));
    await first.stop();
    // The stop did not wait out the 3 s pause.
    expect(Date.now() - refusedAt).toBeLessThan(1000);
    expect(await store.deliveryCounts()).toEqual({ sent: 2, pending: 3 });
    // The restarted bot waits out what is left of Telegram's pause (kept in the database) ...
    const second = new Notifier(store, telegram, silentLogger, { perSecond: 100, now });
    clock += 2900;
    await second.drain();
    expect(api.sent()).toHaveLength(3);
    // ... then sends the rest.
    clock += 200;
    await second.drain();
    const delivered = api
      .sent()
      .filter((_, k) => k !== 2)
      .map((c) => Number(c.payload.chat_id));
    expect(delivered.sort()).toEqual(chats);
    expect(await store.deliveryCounts()).toEqual({ sent: 5 });
  });
});
