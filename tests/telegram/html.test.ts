import { describe, expect, it } from 'vitest';
import { isValidTelegramHtml, refusalOf } from '../../src/telegram/bot-api-rules.ts';
import { escapeHtml, htmlToText, truncateHtml } from '../../src/telegram/html.ts';

describe('Telegram HTML', () => {
  it('escapes the characters Telegram HTML reserves, and reads them back', () => {
    const hostile = '<b>&"x"</b>';
    expect(escapeHtml(hostile)).toBe('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
    expect(htmlToText(`<b>${escapeHtml(hostile)}</b>`)).toBe(hostile);
  });

  it('shortens HTML without cutting a tag, an entity or a character, closing what it left open', () => {
    const html = `<b>标题&amp;😀</b>\n<i>${'长'.repeat(50)}</i>`;
    for (let max = 5; max < html.length; max++) {
      const cut = truncateHtml(html, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(isValidTelegramHtml(cut)).toBe(true);
      expect(refusalOf('sendMessage', { text: cut, parse_mode: 'HTML' })).toBeUndefined();
      expect(cut.endsWith('…') || cut.endsWith('…</b>') || cut.endsWith('…</i>')).toBe(true);
    }
    expect(truncateHtml(html, 12)).toBe('<b>标题…</b>');
    expect(truncateHtml(html, 16)).toBe('<b>标题&amp;…</b>');
    expect(truncateHtml(html, html.length)).toBe(html);
  });
});
