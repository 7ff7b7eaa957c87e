import { describe, expect, it } from 'vitest';
import { messages } from '../../src/bot/messages.ts';
import { refusalOf } from '../../src/telegram/bot-api-rules.ts';

const hostile = '<b>&"老旧小区😀</b>'.repeat(40);
const stats = { articles: 37, issues: 5, from: '2021-08-06', to: '2024-11-03' };

describe('messages', () => {
  it('every reply is HTML Telegram accepts, whatever text a user or the archive puts in it', () => {
    const replies = [
      messages.resultsHeader(hostile, 1, 3),
      messages.noMatch(hostile),
      messages.questionTooLong(301, 300),
      messages.searchUsage(hostile),
      messages.unknownCommand(`/${hostile}`),
      messages.textOnly,
      `${messages.reporters([hostile, hostile])}`,
      messages.part(0, 2),
      messages.latestHeader,
      messages.libraryEmpty,
      messages.welcome(stats),
      messages.help,
      messages.sendingTooFast,
      messages.keywordTooLong(20),
      messages.subscribed(hostile),
      messages.subscribed(''),
      messages.alreadySubscribed(hostile),
      messages.tooManyKeywords(10),
      messages.unsubscribedAll(2),
      messages.unsubscribedKeyword(hostile, false),
      messages.noSubscriptions,
      messages.subscriptionList(['', hostile]),
      messages.privacy(true),
      messages.privacy(false),
      messages.forgotten,
      messages.stats(stats, 3, 9),
      messages.reloadUnsupported,
      messages.reloading,
      messages.reloaded(stats),
    ];
    for (const reply of replies) expect(refusalOf('sendMessage', { text: reply, parse_mode: 'HTML' })).toBeUndefined();
    expect(messages.noMatch(hostile)).toContain(
      '&lt;b&gt;&amp;&quot;老旧小区😀&lt;/b&gt;&lt;b&gt;&amp;&quot;老旧小区…',
    );
  });

  it('button labels and notices are short plain text', () => {
    const notices = [
      messages.searchExpired,
      messages.articleGone,
      messages.exampleGone,
      messages.buttonGone,
      messages.pressTooFast,
    ];
    for (const n of notices) expect(refusalOf('answerCallbackQuery', { text: n })).toBeUndefined();
    expect(messages.exampleButton(hostile).length).toBeLessThanOrEqual(64);
    expect(messages.inlineNothingFound(hostile)).toBe('没有找到「<b>&"老旧小区😀</b><b>&…」的报道');
  });
});
