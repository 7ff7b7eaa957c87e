/**
 * Telegram HTML: escaping, dates as replies show them, and the plain-text rendering the terminal
 * chat shows. Shared by the bot and the subscription notices.
 */
import { graphemePrefix } from '../text/graphemes.ts';
import { removeInvisible } from '../text/normalize.ts';

/** A date as far as it is known (2022-09-08, 2022-09 or 2022); 日期不详 when it is not. */
export function formatDate(date: string): string {
  return date || '日期不详';
}

/**
 * Escapes text for Telegram's HTML parse mode (and for attribute values). Bidi controls and
 * zero-width characters are dropped too: no piece of text may reorder or hide the rest of a reply.
 */
export function escapeHtml(text: string): string {
  return removeInvisible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Telegram HTML to readable plain text: tags dropped (bold marked when asked), entities decoded. */
export function htmlToText(html: string, bold: (s: string) => string = (s) => s): string {
  return html
    .replace(/<b>([\s\S]*?)<\/b>/g, (_, inner: string) => bold(inner))
    .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, '$2')
    .replace(/<\/?[a-z][^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Telegram HTML shortened to at most `max` UTF-16 units: cut between tags and entities at a
 * character boundary, `…` added, and the tags left open closed again, so the result still parses.
 */
export function truncateHtml(html: string, max: number, ellipsis = '…'): string {
  if (html.length <= max) return html;
  const open: string[] = [];
  const closing = () => open.reduceRight((s, tag) => `${s}</${tag}>`, '');
  let out = '';
  for (const m of html.matchAll(/<(\/?)([a-z-]+)[^>]*>|&[^;\s<&]*;|[^<&]+|[<&]/gi)) {
    const piece = m[0];
    const room = max - ellipsis.length - out.length - closing().length;
    if (m[2] && m[1]) {
      out += piece; // a closing tag takes the room its opening reserved
      open.pop();
    } else if (m[2]) {
      if (piece.length + m[2].length + 3 > room) break;
      out += piece;
      open.push(m[2]);
    } else if (piece.length <= room) out += piece;
    else {
      if (!piece.startsWith('&')) out += graphemePrefix(piece, room);
      break;
    }
  }
  return out + ellipsis + closing();
}
