/**
 * Bytes of an issue file to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), or
 * GB18030/GBK; CRLF and CR line ends become LF. NUL and other control characters never reach the text.
 */

import { removeInvisible } from '../text/invisible.ts';

/** Why a file could not be read as an issue. */
export class UnreadableIssueError extends Error {}

/** Control bytes other than tab, line feed, vertical tab, form feed and carriage return. */
const isControlByte = (b: number) => b < 9 || (b > 13 && b < 32) || b === 127;

/** Share of control bytes (NUL included) in the whole file: text has next to none. */
function controlShare(bytes: Uint8Array): number {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) if (isControlByte(bytes[i]!)) control++;
  return bytes.length ? control / bytes.length : 0;
}

/**
 * Share of characters that plain Chinese news text is made of: Han characters (all planes), CJK and
 * full-width punctuation, printable ASCII and Latin-1, line breaks, general punctuation and symbols. A wrong decoding (UTF-16 read as
 * GB18030, or the reverse) yields controls, private-use or rare-block characters instead.
 */
export function plausibleShare(text: string): number {
  let plausible = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0xa0 && c <= 0xff) ||
      (c >= 0x2000 && c <= 0x27bf) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x20000 && c <= 0x3ffff) ||
      c === 0xfeff
    ) {
      plausible++;
    }
  }
  return total ? plausible / total : 0;
}

/** Text decodings below this share of plausible characters are not taken. */
const PLAUSIBLE = 0.9;
/** At most this share of control bytes in a file read as UTF-8 or GB18030 (stray NULs are dropped). */
const MAX_CONTROL_SHARE = 0.01;

const decode = (encoding: string, bytes: Uint8Array) => new TextDecoder(encoding).decode(bytes);

/** UTF-16 without a BOM: the byte order whose decoding reads as text, if either does. */
function asUtf16(bytes: Uint8Array): string | null {
  if (bytes.length < 2) return null;
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  let best: string | null = null;
  let bestShare = PLAUSIBLE;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const text = decode(encoding, even);
    const share = plausibleShare(text);
    if (share >= bestShare) {
      best = text;
      bestShare = share;
    }
  }
  return best;
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function toText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  const control = controlShare(bytes);
  // Valid UTF-8 with (next to) no control bytes is UTF-8: no other encoding of Chinese text is.
  const asUtf8 = control <= MAX_CONTROL_SHARE ? utf8(bytes) : null;
  if (asUtf8 !== null) return asUtf8;
  // UTF-16 text has NULs beside every ASCII character, or fails as UTF-8 when all Chinese.
  const utf16 = asUtf16(bytes);
  if (utf16 !== null) return utf16;
  if (control > MAX_CONTROL_SHARE) throw new UnreadableIssueError('binary content');
  const gb = decode('gb18030', bytes);
  // GB18030 decodes any byte soup; too many replacement characters means it was not text.
  const bad = (gb.match(/\uFFFD/g) ?? []).length;
  if (bad > gb.length * 0.01 || plausibleShare(gb) < PLAUSIBLE) {
    throw new UnreadableIssueError('neither UTF-8, UTF-16 nor GB18030 text');
  }
  return gb;
}

/** Decodes an issue file's bytes; throws UnreadableIssueError for empty or binary content. */
export function decodeIssue(bytes: Uint8Array): string {
  // Bidi controls and zero-width characters (a BOM included) are dropped: see text/invisible.ts.
  const text = removeInvisible(toText(bytes))
    .replace(/\r\n?/g, '\n')
    // Stray NULs and other controls are no part of any article (tab and form feed read as spaces).
    .replace(/[\t\v\f]/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
  if (!/[^\s]/u.test(text)) throw new UnreadableIssueError('empty');
  if (!/\p{Script=Han}/u.test(text)) throw new UnreadableIssueError('no Chinese text');
  return text;
}
