import { describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../src/corpus/types.ts';
import { isValidTelegramHtml, refusalOf } from '../../src/telegram/bot-api-rules.ts';
import { MESSAGE_LIMIT } from '../../src/telegram/limits.ts';
import { notificationFor } from '../../src/announcements/notification-text.ts';

const article = (headline: string): Article => ({
  id: headline,
  headline,
  subtitle: '',
  date: '2025-01-06',
  source: 'i.txt',
  byline: [],
  paragraphs: ['正文。'],
  captions: [],
});
const issue: Issue = {
  source: 'i.txt',
  date: '2025-01-06',
  articles: [article('新桥通车 <快讯>'), article('老旧小区改造完工')],
  photos: [],
};

describe('notificationFor', () => {
  it('links each headline of the digest and of keyword alerts to its page when given a link, escaped', () => {
    const link = (a: Article) => `https://news.example.com/a/${encodeURIComponent(a.id)}?x="1"&y=2`;
    const text = notificationFor(issue, ['', '小区'], () => [issue.articles[1]!], { link })!;
    expect(text).toContain(
      `1. <a href="https://news.example.com/a/${encodeURIComponent('新桥通车 <快讯>')}?x=&quot;1&quot;&amp;y=2"><b>新桥通车 &lt;快讯&gt;</b></a>`,
    );
    expect(text.match(/<a href=/g)).toHaveLength(3);
    expect(isValidTelegramHtml(text)).toBe(true);
    expect(notificationFor(issue, ['', '小区'], () => [issue.articles[1]!])).not.toContain('<a ');
  });

  it('sends the digest of headlines to those who follow every issue', () => {
    const text = notificationFor(issue, [''], () => [])!;
    expect(text).toContain('新一期报纸已收录（2025-01-06）');
    expect(text).toContain('1. <b>新桥通车 &lt;快讯&gt;</b>');
    expect(isValidTelegramHtml(text)).toBe(true);
  });

  it('names each matching article for a followed keyword, and says nothing when none matches', () => {
    const matches = (k: string) => (k === '老旧小区' ? [issue.articles[1]!] : []);
    const text = notificationFor(issue, ['老旧小区'], matches)!;
    expect(text).toContain('关注的「老旧小区」有新报道');
    expect(text).toContain('老旧小区改造完工');
    expect(notificationFor(issue, ['消防'], matches)).toBeNull();
  });
});

describe("a notification past Telegram's limit", () => {
  it('is shortened without cutting a tag, an entity or a character', () => {
    const many: Issue = {
      ...issue,
      articles: Array.from({ length: 15 }, (_, k) => article(`${k}号<通知>😀`.repeat(60))),
    };
    const text = notificationFor(many, ['', '通知'], () => many.articles)!;
    expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(refusalOf('sendMessage', { text, parse_mode: 'HTML' })).toBeUndefined();
    expect(text).toMatch(/…(<\/b>)?$/);
  });
});
