import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import {
  formatAnswer,
  formatArticle,
  formatLatest,
  formatMorePage,
  formatResult,
  formatResultsPage,
  formatSnippet,
} from '../../src/bot/format.ts';
import { MESSAGE_LIMIT } from '../../src/telegram/limits.ts';
import { isValidTelegramHtml, refusalOf } from '../../src/telegram/bot-api-rules.ts';
import { htmlToText } from '../../src/telegram/html.ts';
import { messages } from '../../src/bot/messages.ts';
import type { SearchResult } from '../../src/retrieval/ranking/rank.ts';

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
});

describe('related results', () => {
  it('shows results that may not answer under their own header, never as the answer', () => {
    const page = formatResultsPage('顾保红是哪里人', [result({ confidence: 'related', headline: '政协会议闭幕' })], 0);
    const text = htmlToText(page);
    expect(text).toContain(messages.relatedHeader);
    expect(text.indexOf(messages.relatedHeader)).toBeLessThan(text.indexOf('政协会议闭幕'));
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
    expect(page).not.toContain(messages.relatedHeader);
    expect(page.indexOf('答案报道')).toBeLessThan(page.indexOf(messages.moreRelatedHeader));
    expect(page.indexOf(messages.moreRelatedHeader)).toBeLessThan(page.indexOf('相关报道'));
  });

  it('never says nothing was found above a passage holding the kind of answer asked for beside the question', () => {
    const question = '跟着节气去阅读办了几场';
    const holding = result({ confidence: 'related', headline: '节气阅读', mayAnswer: true });
    const page = htmlToText(formatResultsPage(question, [holding, result({ confidence: 'related' })], 0));
    expect(page).toContain(messages.mayAnswerHeader);
    expect(page).not.toContain(messages.relatedHeader);
    expect(messages.mayAnswerHeader).not.toContain('没有找到');
    // Without such a passage the header still says no exact answer was found.
    const plain = htmlToText(formatResultsPage(question, [result({ confidence: 'related' })], 0));
    expect(plain).toContain(messages.relatedHeader);
    expect(plain).not.toContain(messages.mayAnswerHeader);
  });

  it('words the answer-first reply and the 更多结果 page the same way', () => {
    // The answer-first reply: a related first result holding the asked kind is not 「没有找到」.
    const holding = result({ confidence: 'related', mayAnswer: true });
    expect(htmlToText(formatAnswer(holding))).toContain(messages.mayAnswerHeader);
    expect(htmlToText(formatAnswer(holding))).not.toContain(messages.relatedHeader);
    expect(htmlToText(formatAnswer(result({ confidence: 'related' })))).toContain(messages.relatedHeader);
    expect(htmlToText(formatAnswer(result()))).not.toContain(messages.relatedHeader);
    // Under an answer, the other results are only 「可能相关」.
    const more = htmlToText(formatMorePage('问题', [result(), result({ confidence: 'related', mayAnswer: true })], 0));
    expect(more).toContain(messages.moreRelatedHeader);
    // Without an answer, the 更多结果 page is as honest as the first reply.
    const rest = htmlToText(
      formatMorePage(
        '问题',
        [result({ confidence: 'related' }), result({ confidence: 'related', mayAnswer: true })],
        0,
      ),
    );
    expect(rest).toContain(messages.mayAnswerHeader);
  });

  it('says as of when an answer about the present holder stands, escaped, and only for an answer', () => {
    const holder = result({ asOf: '2024-11-02', direct: { text: '陈中锋', kind: 'person' } });
    const text = htmlToText(formatResult(holder));
    expect(text).toContain('据2024-11-02报道');
    expect(text.indexOf('陈中锋')).toBeLessThan(text.indexOf('据2024-11-02报道'));
    expect(htmlToText(formatResult(result()))).not.toContain('据');
    expect(htmlToText(formatResult(result({ asOf: '2024-11-02', confidence: 'related' })))).not.toContain('据');
    expect(isValidTelegramHtml(formatResult(result({ asOf: '<b>&' })))).toBe(true);
  });

  it('adds no header when every result answers', () => {
    const page = htmlToText(formatResultsPage('问题', [result(), result()], 0));
    expect(page).not.toContain(messages.relatedHeader);
    expect(page).not.toContain(messages.moreRelatedHeader);
  });
});

describe('results', () => {
  it('shows a short passage whole, with no bold: bold is for the short answer and headlines', () => {
    expect(formatSnippet(result())).toBe('第一句。第二句有答案。第三句。');
  });

  it('cuts a long passage to a window centred on the answer sentence', () => {
    const passage = `${'无关。'.repeat(200)}答案在这里。${'后文。'.repeat(50)}`;
    const snippet = formatSnippet(result({ passage, answer: '答案在这里。', highlights: [[600, 602]] }), 100);
    expect(snippet.length).toBeLessThanOrEqual(100);
    expect(snippet).toMatch(/^….{0,2}(无关。)+答案在这里。(后文。)+.{0,2}…$/);
    // Centred: about as much before the sentence as after it.
    const at = snippet.indexOf('答案在这里。');
    const after = snippet.length - at - '答案在这里。'.length;
    expect(Math.abs(at - after)).toBeLessThanOrEqual(4);
  });

  it('centres a sentence longer than the window on the short answer', () => {
    const sentence = `${'甲'.repeat(150)}共投入资金814亿元${'乙'.repeat(150)}。`;
    const r = result({ passage: sentence, answer: sentence, direct: { text: '814亿元', kind: 'quantity' } });
    const snippet = formatSnippet(r, 160);
    expect(snippet.length).toBeLessThanOrEqual(160);
    expect(snippet).toContain('814亿元');
    const at = snippet.indexOf('814亿元');
    expect(Math.abs(at - (snippet.length - at - 5))).toBeLessThanOrEqual(6);
  });

  it('gives a page Telegram accepts, whatever the headlines and passages', () => {
    const headline = '头条<b>&amp;😀'.repeat(150_000); // 1.8 million characters
    const huge = result({ headline, subtitle: headline, passage: '&😀'.repeat(3000), answer: '&', highlights: [] });
    const page = formatResultsPage('q', [huge, huge, huge], 0);
    expect(page.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(refusalOf('sendMessage', { text: page, parse_mode: 'HTML' })).toBeUndefined();
    expect(page).toContain('头条&lt;b&gt;&amp;amp;😀');
    const latest = formatLatest(Array.from({ length: 20 }, () => article([], headline)));
    expect(latest.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(refusalOf('sendMessage', { text: latest, parse_mode: 'HTML' })).toBeUndefined();
  });

  it('shows a date as far as it is known, and says when it is not', () => {
    expect(formatResult(result({ date: '2022-09' }))).toContain('\n<i>2022-09</i>\n');
    expect(formatResult(result({ date: '', subtitle: '副题' }))).toContain('\n<i>日期不详 · 副题</i>\n');
    expect(formatLatest([article([], '标题', '')])).toContain('<i>日期不详</i>');
  });
});

const article = (paragraphs: string[], headline = '头条 <新闻>', date = '2023-04-10'): Article => ({
  id: 'x',
  headline,
  subtitle: '',
  date,
  source: 's',
  byline: ['金驰'],
  paragraphs,
  captions: [],
});

describe('articles', () => {
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

  it('splits a paragraph of emoji and entities without breaking a character, under any headline', () => {
    const parts = formatArticle({
      ...article(['😀&'.repeat(5000), '👨‍👩‍👧'.repeat(2000)], '"<长>"'.repeat(300_000)),
      subtitle: '&'.repeat(100_000),
      byline: Array.from({ length: 500 }, () => '<金驰>'),
    });
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(refusalOf('sendMessage', { text: p, parse_mode: 'HTML' })).toBeUndefined();
    }
    expect(parts.join('').split('😀').length - 1).toBe(5000);
  });
});
