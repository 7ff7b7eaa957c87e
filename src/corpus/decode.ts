/**
 * Bytes of an issue file to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), or
 * GB18030/GBK; CRLF and CR line ends become LF. NUL and other control characters never reach the text.
 *
 * The encoding is decided per file on evidence. A file whose multi-byte sequences are nearly all
 * well-formed UTF-8 is UTF-8 even with a few bad bytes (a stray 0xFF, a copy stopped inside a
 * character): those bytes become U+FFFD and the caller is warned, rather than the whole file being
 * read as GB18030 mojibake. GBK text forms well-formed UTF-8 sequences only by chance (about one
 * pair in seventy), so it never comes near the bar.
 */

import { removeInvisible } from '../text/normalize.ts';

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

/** What the bytes say about UTF-8: its well-formed multi-byte sequences, the bytes in none, and whether the last character is cut off. */
export interface Utf8Evidence {
  sequences: number;
  stray: number;
  cutAtEnd: boolean;
}

/** Continuation bytes allowed second after each lead byte (the rest are 0x80–0xBF), per RFC 3629. */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

export function utf8Evidence(bytes: Uint8Array): Utf8Evidence {
  let sequences = 0;
  let stray = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let k = 1;
    if (length > 0) {
      const [lo, hi] = secondByteRange(b);
      for (; k < length && i + k < bytes.length; k++) {
        const c = bytes[i + k]!;
        if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) break;
      }
    }
    if (length > 0 && k === length) {
      sequences++;
      i += length;
    } else if (length > 0 && i + k === bytes.length) {
      return { sequences, stray, cutAtEnd: true };
    } else {
      stray++;
      i++;
    }
  }
  return { sequences, stray, cutAtEnd: false };
}

/** At least this share of a file's multi-byte sequences must be well-formed for it to be read as UTF-8 with bad bytes. */
const UTF8_WELL_FORMED = 0.95;

/** Told about a file read with something amiss (bytes replaced), in a few words fit for a warning. */
export type DecodeWarning = (message: string) => void;

function toText(bytes: Uint8Array, warn: DecodeWarning): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  const control = controlShare(bytes);
  // Valid UTF-8 with (next to) no control bytes is UTF-8: no other encoding of Chinese text is.
  const asUtf8 = control <= MAX_CONTROL_SHARE ? utf8(bytes) : null;
  if (asUtf8 !== null) return asUtf8;
  if (control <= MAX_CONTROL_SHARE) {
    const { sequences, stray, cutAtEnd } = utf8Evidence(bytes);
    const bad = stray + (cutAtEnd ? 1 : 0);
    if (sequences > 0 && sequences >= UTF8_WELL_FORMED * (sequences + bad)) {
      const parts = [
        stray > 0 ? `${stray} byte${stray > 1 ? 's' : ''} not UTF-8, replaced by U+FFFD` : '',
        cutAtEnd ? 'ends inside a UTF-8 character (cut short?), the piece dropped' : '',
      ];
      warn(`read as UTF-8: ${parts.filter(Boolean).join('; ')}`);
      const text = decode('utf-8', bytes);
      return cutAtEnd ? text.replace(/\uFFFD$/u, '') : text;
    }
  }
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

/**
 * Decodes an issue file's bytes; throws UnreadableIssueError for empty or binary content. `warn`
 * hears of bytes replaced in a file that is read all the same.
 */
export function decodeIssue(bytes: Uint8Array, warn: DecodeWarning = () => {}): string {
  // Bidi controls and zero-width characters (a BOM included) are dropped: see removeInvisible in text/normalize.ts.
  const text = removeInvisible(toText(bytes, warn))
    .replace(/\r\n?/g, '\n')
    // Stray NULs and other controls are no part of any article (tab and form feed read as spaces).
    .replace(/[\t\v\f]/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
  if (!/[^\s]/u.test(text)) throw new UnreadableIssueError('empty');
  if (!/\p{Script=Han}/u.test(text)) throw new UnreadableIssueError('no Chinese text');
  return text;
}
