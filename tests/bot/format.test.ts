import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import {
  formatArticle,
  formatDate,
  formatResultsPage,
  formatSnippet,
  MESSAGE_LIMIT,
  MORE_RELATED_HEADER,
  RELATED_HEADER,
} from '../../src/bot/format.ts';
import { escapeHtml, htmlToText, isValidTelegramHtml } from '../../src/bot/html.ts';
import type { SearchResult } from '../../src/retrieval/rank.ts';

const result = (over: Partial<SearchResult> = {}): SearchResult => ({
  articleId: 'abc123abc123',
  kind: 'article',
  headline: '标题',
  subtitle: '',
  date: '2022-09-08',
  source: 's.txt',
  passage: '第一句。第二句有答案。第三句。',
  score: 1,
  answer: '第二句有答案。',
  highlights: [[7, 9]],
  confidence: 'answer',
  ...over,
});

describe('escaping', () => {
  it('escapes the characters Telegram HTML reserves', () => {
    expect(escapeHtml('<b>&"x"</b>')).toBe('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
  });

  it('keeps hostile article text inert in results and articles', () => {
    const hostile = result({
      headline: '<script>x</script>',
      passage: 'a<b>b & c</b>。',
      answer: 'a<b>b & c</b>。',
      highlights: [[0, 1]],
    });
    const page = formatResultsPage('<i>q</i> & more', [hostile], 0);
    expect(isValidTelegramHtml(page)).toBe(true);
    expect(htmlToText(page)).toContain('<script>x</script>');
    expect(htmlToText(page)).toContain('<i>q</i> & more');
  });

  it('tells valid Telegram HTML from broken', () => {
    expect(isValidTelegramHtml('<b>a</b> &amp; <i>b</i>')).toBe(true);
    expect(isValidTelegramHtml('<b>a</i>')).toBe(false);
    expect(isValidTelegramHtml('a < b')).toBe(false);
    expect(isValidTelegramHtml('<script>x</script>')).toBe(false);
  });
});

describe('related results', () => {
  it('shows results that may not answer under their own header, never as the answer', () => {
    const page = formatResultsPage('顾保红是哪里人', [result({ confidence: 'related', headline: '政协会议闭幕' })], 0);
    const text = htmlToText(page);
    expect(text).toContain(RELATED_HEADER);
    expect(text.indexOf(RELATED_HEADER)).toBeLessThan(text.indexOf('政协会议闭幕'));
    expect(isValidTelegramHtml(page)).toBe(true);
  });

  it('puts answers first and the related ones after a header of their own', () => {
    const page = htmlToText(
      formatResultsPage(
        '问题',
        [result({ headline: '答案报道' }), result({ confidence: 'related', headline: '相关报道' })],
        0,
      ),
    );
    expect(page).not.toContain(RELATED_HEADER);
    expect(page.indexOf('答案报道')).toBeLessThan(page.indexOf(MORE_RELATED_HEADER));
    expect(page.indexOf(MORE_RELATED_HEADER)).toBeLessThan(page.indexOf('相关报道'));
  });

  it('adds no header when every result answers', () => {
    const page = htmlToText(formatResultsPage('问题', [result(), result()], 0));
    expect(page).not.toContain(RELATED_HEADER);
    expect(page).not.toContain(MORE_RELATED_HEADER);
  });
});

describe('results', () => {
  it('bolds the highlighted terms in the snippet', () => {
    expect(formatSnippet(result())).toBe('第一句。第二句<b>有答</b>案。第三句。');
  });

  it('trims a long passage to the answer sentence', () => {
    const passage = `${'无关。'.repeat(200)}答案在这里。${'后文。'.repeat(50)}`;
    const snippet = formatSnippet(result({ passage, answer: '答案在这里。', highlights: [[600, 602]] }), 100);
    expect(snippet.startsWith('…<b>答案</b>在这里。')).toBe(true);
    expect(snippet.length).toBeLessThan(120);
  });

  it('never passes 4096 characters, whatever the passages', () => {
    const huge = result({
      headline: '长'.repeat(3000),
      passage: '&'.repeat(3000),
      answer: '&'.repeat(3000),
      highlights: [],
    });
    const page = formatResultsPage('q', [huge, huge, huge], 0);
    expect(page.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });

  it('writes dates as far as they are known', () => {
    expect([formatDate('2022-09-08'), formatDate('2022-09'), formatDate('2022'), formatDate('')]).toEqual([
      '2022-09-08',
      '2022-09',
      '2022',
      '日期不详',
    ]);
  });
});

describe('articles', () => {
  const article = (paragraphs: string[]): Article => ({
    id: 'x',
    headline: '头条 <新闻>',
    subtitle: '',
    date: '2023-04-10',
    source: 's',
    byline: ['金驰'],
    paragraphs,
    captions: [],
  });

  it('fits a short article in one message', () => {
    const parts = formatArticle(article(['第一段。', '第二段。']));
    expect(parts).toHaveLength(1);
    expect(parts[0]).toContain('<b>头条 &lt;新闻&gt;</b>');
    expect(parts[0]).toContain('记者 金驰');
  });

  it('splits a long article at paragraph boundaries into valid messages', () => {
    const paragraphs = Array.from({ length: 30 }, (_, k) => `第${k}段${'内容&'.repeat(100)}。`);
    const parts = formatArticle(article(paragraphs));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(isValidTelegramHtml(p)).toBe(true);
    }
    expect(parts.join('\n')).toContain('第29段');
  });
});
