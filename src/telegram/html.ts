/**
 * Telegram HTML: escaping, dates as replies show them, and the plain-text rendering the terminal
 * chat shows. Shared by the bot and the subscription notices.
 */

/** A date as far as it is known (2022-09-08, 2022-09 or 2022); 日期不详 when it is not. */
export function formatDate(date: string): string {
  return date || '日期不详';
}

/** Escapes text for Telegram's HTML parse mode (and for attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
