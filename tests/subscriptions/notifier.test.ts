import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/subscriptions/database.ts';
import { Notifier } from '../../src/subscriptions/notifier.ts';
import { SubscriptionStore } from '../../src/subscriptions/subscription-store.ts';
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

describe('Notifier', () => {
  it('delivers each queued notification once, as HTML without previews', async () => {
    const store = new SubscriptionStore(openDatabase(':memory:'));
    store.announce('a.txt', [
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
    expect(store.pending(10)).toEqual([]);
  });

  it('forgets a user who blocked the bot (403) and goes on with the others', async () => {
    const store = new SubscriptionStore(openDatabase(':memory:'));
    store.subscribe(1, '');
    store.subscribe(2, '');
    store.announce('a.txt', [
      { chatId: 1, text: 'x' },
      { chatId: 2, text: 'y' },
    ]);
    api.fail('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    await new Notifier(store, telegram, silentLogger, { perSecond: 100 }).drain();
    expect(store.list(1)).toEqual([]);
    expect(store.list(2)).toEqual(['']);
    expect(api.sent().map((c) => c.payload.chat_id)).toEqual([1, 2]);
  });
});
