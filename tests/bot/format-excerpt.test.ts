import { describe, expect, it } from 'vitest';
import { formatExcerpt } from '../../src/bot/format.ts';
import { messages } from '../../src/bot/messages.ts';
import type { Article } from '../../src/corpus/types.ts';
import { isValidTelegramHtml } from '../../src/telegram/bot-api-rules.ts';
import { htmlToText } from '../../src/telegram/html.ts';
import { MESSAGE_LIMIT } from '../../src/telegram/limits.ts';

const article = (paragraphs: string[], headline = '濠河夜游人气旺'): Article => ({
  id: 'a1',
  headline,
  subtitle: '',
  date: '2025-07-01',
  source: 'x.txt',
  byline: [],
  paragraphs,
  captions: [],
});

describe('formatExcerpt (具体说说)', () => {
  it('shows the headline, the date, the paragraphs asked for, and where they stand', () => {
    const a = article(['第一段。', '第二段 <b>&', '第三段。', '第四段。']);
    const html = formatExcerpt(a, a.paragraphs, 1, 3, true);
    expect(isValidTelegramHtml(html)).toBe(true);
    const text = htmlToText(html);
    expect(text.split('\n\n')).toEqual([
      '濠河夜游人气旺\n2025-07-01',
      '第二段 <b>&',
      '第三段。',
      htmlToText(messages.excerptPlace(1, 3, 4, true)),
    ]);
    expect(text).toContain('第 2–3 段，共 4 段。再说「详细点」接着看');
    expect(htmlToText(formatExcerpt(a, a.paragraphs, 3, 4, false))).toContain('（第 4 段，共 4 段）');
  });

  it('fits a message whatever the paragraphs, cutting only between characters', () => {
    const huge = '家庭医生👨‍👩‍👧&<'.repeat(3000);
    const a = article([huge, huge], '标'.repeat(5000));
    const html = formatExcerpt(a, a.paragraphs, 0, 2, false);
    expect(html.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(isValidTelegramHtml(html)).toBe(true);
    // No lone surrogate: the text survives a round trip through UTF-8.
    expect(Buffer.from(html, 'utf8').toString('utf8')).toBe(html);
  });
});
