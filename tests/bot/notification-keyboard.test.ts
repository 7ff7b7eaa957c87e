/**
 * The new-issue digest gets a button per article it names, through the real Notifier and the
 * loopback Bot API stand-in; each button opens its article in full.
 */
import { Api } from 'grammy';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { articleData } from '../../src/bot/callback-data.ts';
import { notificationKeyboard } from '../../src/bot/keyboards.ts';
import { messages } from '../../src/bot/messages.ts';
import { silentLogger } from '../../src/logger.ts';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { notificationFor } from '../../src/announcements/notification-text.ts';
import { Notifier } from '../../src/announcements/notifier.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import { LoopbackBotApi } from '../../src/telegram/loopback-api.ts';
import { seedLibrary } from '../support/seed-library.ts';

let library: NewsLibrary;
let api: LoopbackBotApi;
let telegram: Api;

beforeAll(() => {
  library = seedLibrary();
});
beforeEach(async () => {
  api = new LoopbackBotApi();
  telegram = new Api('1:digest-test', { apiRoot: await api.start() });
});
afterEach(async () => {
  await api.stop();
});

describe('digest buttons', () => {
  it('a button per article of the digest, in its order, each opening that article', async () => {
    const issue = library.issues.find((i) => i.articles.length >= 3)!;
    const text = notificationFor(issue, [''], () => [])!;
    const store = openSqliteStore(':memory:');
    await store.announce(issue.source, [{ chatId: 1, text }]);
    const notifier = new Notifier(store, telegram, silentLogger, {
      perSecond: 100,
      replyMarkup: (n) => notificationKeyboard(library.issues.find((i) => i.source === n.source)!.articles, n.text),
    });
    await notifier.drain();
    const sent = api.sent('sendMessage')[0]!;
    expect(sent.payload.text).toBe(text);
    const rows = (sent.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
      .inline_keyboard;
    const listed = issue.articles.slice(0, 15);
    expect(rows.map((r) => r.length)).toEqual(listed.map(() => 1));
    expect(rows.map((r) => articleData.unpack(r[0]!.callback_data)?.id)).toEqual(listed.map((a) => a.id));
    expect(rows[0]![0]!.text).toBe(messages.latestButton(1, listed[0]!.headline));
    expect(api.refusals()).toEqual([]);
  });

  it('a keyword alert gets buttons for its matches only; a text naming none gets no keyboard', () => {
    const issue = library.issues.find((i) => i.articles.length >= 3)!;
    const match = issue.articles[1]!;
    const text = notificationFor(issue, ['关键词'], () => [match])!;
    const kb = notificationKeyboard(issue.articles, text)!;
    expect(kb.inline_keyboard.flat().map((b) => (b as { callback_data: string }).callback_data)).toEqual([
      articleData.pack({ id: match.id, part: 0 }),
    ]);
    expect(notificationKeyboard(issue.articles, '没有标题的通知')).toBeUndefined();
  });
});
