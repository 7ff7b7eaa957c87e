import { describe, expect, it } from 'vitest';
import { formatResult, formatResultsPage } from '../../src/bot/format.ts';
import { isValidTelegramHtml } from '../../src/telegram/bot-api-rules.ts';
import { htmlToText } from '../../src/telegram/html.ts';
import type { SearchResult } from '../../src/retrieval/ranking/rank.ts';

const result = (over: Partial<SearchResult> = {}): SearchResult => ({
  articleId: 'abc123abc123',
  kind: 'article',
  headline: '上半年经济运行平稳',
  subtitle: '',
  date: '2022-07-20',
  source: 's.txt',
  passage: '上半年，全区实现地区生产总值814亿元。',
  score: 1,
  answer: '上半年，全区实现地区生产总值814亿元。',
  highlights: [],
  confidence: 'answer',
  ...over,
});

describe('the short answer in replies', () => {
  it('comes first, in bold, above the headline and the passage', () => {
    const text = formatResultsPage('生产总值是多少', [result({ direct: { text: '814亿元', kind: 'quantity' } })], 0);
    const answerAt = text.indexOf('答：<b>814亿元</b>');
    expect(answerAt).toBeGreaterThan(0);
    expect(answerAt).toBeLessThan(text.indexOf('上半年经济运行平稳'));
    expect(answerAt).toBeLessThan(text.indexOf('全区实现'));
    expect(isValidTelegramHtml(text)).toBe(true);
  });

  it('is escaped', () => {
    const text = formatResult(result({ direct: { text: '<i>A&B</i>', kind: 'organization' } }));
    expect(text).toContain('答：<b>&lt;i&gt;A&amp;B&lt;/i&gt;</b>');
    expect(isValidTelegramHtml(text)).toBe(true);
    expect(htmlToText(text)).toContain('答：<i>A&B</i>');
  });

  it('is absent without a direct answer', () => {
    expect(formatResult(result())).not.toContain('答：');
  });

  it('is shown once, for the first result only', () => {
    const results = [
      result({ direct: { text: '814亿元', kind: 'quantity' } }),
      result({ articleId: 'def456def456', headline: '三季度经济', direct: { text: '1230亿元', kind: 'quantity' } }),
    ];
    const first = formatResultsPage('生产总值是多少', results, 0);
    expect(first.match(/答：/g)).toHaveLength(1);
    expect(first).toContain('答：<b>814亿元</b>');
    expect(first).not.toContain('1230亿元');
    // A later page shows no short answer: its first result is not the first result.
    const many = Array.from({ length: 12 }, (_, k) =>
      result({ articleId: `id${k}`, headline: `第${k}篇`, direct: { text: `${k}亿元`, kind: 'quantity' } }),
    );
    expect(formatResultsPage('生产总值是多少', many, 1)).not.toContain('答：');
  });

  it('is not shown for a result offered only as related', () => {
    const related = result({ direct: { text: '814亿元', kind: 'quantity' }, confidence: 'related' });
    expect(formatResult(related)).not.toContain('答：');
  });
});
