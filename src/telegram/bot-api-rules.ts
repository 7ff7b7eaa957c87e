/**
 * What Telegram refuses, for the Bot API stand-ins: they answer a call that breaks one of these
 * rules with the 400 Telegram gives, so a test through a stand-in fails where the real bot would.
 * The rules are the ones the Bot API documents for the methods this bot calls.
 */
import { htmlToText } from './html.ts';
import { CALLBACK_DATA_BYTES, INLINE_RESULT_ID_BYTES, INLINE_RESULTS_LIMIT, MESSAGE_LIMIT } from './limits.ts';

/** Tags of Telegram's HTML parse mode. */
const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-spoiler',
  'span',
]);

/** Why Telegram would refuse this HTML ("can't parse entities"), or undefined when it parses. */
export function htmlError(html: string): string | undefined {
  const stack: string[] = [];
  const token = /<(\/?)([a-z-]+)((?:\s+[a-z]+="[^"<>]*")*)\s*>|&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});|[<>&]/gi;
  for (const m of html.matchAll(token)) {
    if (m[0].startsWith('&') && m[0].length > 1) continue;
    if (!m[2]) return `unexpected "${m[0]}" at offset ${m.index}`;
    const tag = m[2].toLowerCase();
    if (!TAGS.has(tag)) return `unsupported start tag "${tag}" at offset ${m.index}`;
    if (m[1]) {
      if (stack.pop() !== tag) return `unexpected end tag "${tag}" at offset ${m.index}`;
    } else stack.push(tag);
  }
  return stack.length > 0 ? `can't find end tag corresponding to start tag "${stack.at(-1)}"` : undefined;
}

/** Whether Telegram would accept this text in HTML parse mode. */
export function isValidTelegramHtml(html: string): boolean {
  return htmlError(html) === undefined;
}

// In a /u pattern a surrogate pair is one code point, so this matches only a lone surrogate.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function notWellFormed(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(notWellFormed);
  if (value && typeof value === 'object') return Object.values(value).some(notWellFormed);
  return false;
}

function messageTextError(text: unknown, parseMode: unknown): string | undefined {
  if (typeof text !== 'string') return 'message text is empty';
  let shown = text;
  if (parseMode === 'HTML') {
    const error = htmlError(text);
    if (error) return `can't parse entities: ${error}`;
    shown = htmlToText(text);
  }
  if (shown.trim() === '') return 'message text is empty';
  if (shown.length > MESSAGE_LIMIT) return 'message is too long';
  return undefined;
}

function keyboardError(markup: unknown): string | undefined {
  const rows = (markup as { inline_keyboard?: { text?: string; callback_data?: string }[][] } | undefined)
    ?.inline_keyboard;
  for (const button of rows?.flat() ?? []) {
    if (!button.text) return 'text buttons are unallowed in the inline keyboard';
    if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > CALLBACK_DATA_BYTES)
      return 'BUTTON_DATA_INVALID';
  }
  return undefined;
}

interface InlineResult {
  id?: string;
  title?: string;
  input_message_content?: { message_text?: string; parse_mode?: string };
}

function inlineAnswerError(results: unknown): string | undefined {
  if (!Array.isArray(results)) return 'RESULTS_INVALID';
  if (results.length > INLINE_RESULTS_LIMIT) return 'RESULTS_TOO_MUCH';
  for (const r of results as InlineResult[]) {
    if (!r.id || Buffer.byteLength(r.id) > INLINE_RESULT_ID_BYTES) return 'RESULT_ID_INVALID';
    if (!r.title) return 'RESULT_TITLE_EMPTY';
    const content = r.input_message_content;
    const error = content && messageTextError(content.message_text, content.parse_mode);
    if (error) return error === 'message is too long' ? 'MESSAGE_TOO_LONG' : error;
  }
  return undefined;
}

/**
 * The description of Telegram's 400 for this call ("Bad Request: …"), or undefined when Telegram
 * would accept it.
 */
export function refusalOf(method: string, payload: Record<string, unknown>): string | undefined {
  const reason = (() => {
    if (notWellFormed(payload)) return 'strings must be encoded in UTF-8';
    switch (method) {
      case 'sendMessage':
      case 'editMessageText':
        return messageTextError(payload.text, payload.parse_mode) ?? keyboardError(payload.reply_markup);
      case 'answerInlineQuery':
        return inlineAnswerError(payload.results);
      case 'answerCallbackQuery':
        return typeof payload.text === 'string' && payload.text.length > 200 ? 'MESSAGE_TOO_LONG' : undefined;
      default:
        return undefined;
    }
  })();
  return reason && `Bad Request: ${reason}`;
}
