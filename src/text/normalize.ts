/**
 * Text normalization shared by documents and queries, so both meet in the index in one form:
 * Traditional to Simplified Chinese, full-width to half-width, lower case, and numbers news writes
 * both in Chinese digits and in Arabic ones (二〇二四年 / 2024年, 一号线 / 1号线) in Arabic digits.
 *
 * `normalize` keeps the string's length (one UTF-16 unit in, one out), so a position found in
 * the normalized text is the same position in the original: highlights need no offset map.
 * `removeInvisible` drops bidi controls and zero-width characters wherever text enters.
 */
// The Traditional-to-Simplified part of opencc-js alone: a tenth of the package's dictionaries.
import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Full-width ASCII (！ to ～) and the ideographic space become their half-width forms. */
function halfWidthChar(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20;
  return code;
}

// A cheap test that spares OpenCC's scan for text that holds no Han character at all.
const HAN = /\p{Script=Han}/u;

// Chinese digit characters, one for one with Arabic digits (〇 and 零 are both 0).
const CN_DIGITS = '〇零一二三四五六七八九';
const ARABIC = '00123456789';
const toArabic = (run: string) => [...run].map((c) => ARABIC[CN_DIGITS.indexOf(c)]).join('');
// A year written digit by digit (二〇二四年): four digit characters before 年, not part of a
// longer numeral. Numerals with 十/百 (十二号线) are left as they are: their Arabic form is shorter,
// and normalization keeps every position.
const CN_YEAR = /(?<![〇零一二三四五六七八九十百千万])[〇零一二三四五六七八九]{4}(?=年)/gu;
// A number before 号 (一号线, 三号楼, 二号门): after a non-Han character or a word that leads into
// a numbered thing (地铁一号线, 第一号, 交通一号线), so that 统一号召 and 唯一号码 keep their words.
const CN_NUMBERED =
  /(?<=^|[^\p{Script=Han}]|[第铁通的和与及至到坐乘搭在是为往])[一二三四五六七八九][〇零一二三四五六七八九]{0,2}(?=号)/gu;

/** Chinese digits written where news also writes Arabic ones, in Arabic digits; length kept. */
function arabicNumbers(text: string): string {
  if (!/[〇零一二三四五六七八九]/u.test(text)) return text;
  return text.replace(CN_YEAR, toArabic).replace(CN_NUMBERED, toArabic);
}

/** Normalizes text for indexing or querying; the result has the same length as the input. */
export function normalize(text: string): string {
  return arabicNumbers(normalizeForms(text));
}

/**
 * The form an issue's layout is read in: Simplified characters, half-width digits and letters, a
 * year in Chinese digits in Arabic ones; the same length, so a position in it is the same position
 * in the text as printed. Papers print the same bylines, dates and mastheads in Traditional
 * characters (本報訊, 記者), in full-width digits (５月１日) or a year digit by digit (二〇二三年);
 * the reader's rules, written once in Simplified and ASCII digits, read them all through this form.
 * Punctuation is kept as printed: the reader's rules tell full-width from half-width brackets.
 */
export function readingForm(text: string): string {
  let out = text.replace(/[０-９Ａ-Ｚａ-ｚ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (HAN.test(out)) out = simplifiedSameLength(out);
  return /[〇零一二三四五六七八九]/u.test(out) ? out.replace(CN_YEAR, toArabic) : out;
}

/** Traditional to Simplified, full-width to half-width, lower case; the same length. */
function normalizeForms(text: string): string {
  // Most text has no full-width or upper-case character: then it is kept as it is, not rebuilt
  // one character at a time.
  let out = text;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || halfWidthChar(code) !== code) {
      out = text.slice(0, i);
      for (let j = i; j < text.length; j++) {
        const c = halfWidthChar(text.charCodeAt(j));
        out += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
      }
      break;
    }
  }
  if (!HAN.test(out)) return out;
  return simplifiedSameLength(out);
}

/** Traditional characters to Simplified ones, the length kept. */
function simplifiedSameLength(text: string): string {
  const simplified = toSimplified(text);
  // OpenCC may map a phrase to one of another length; then convert char by char instead.
  if (simplified.length === text.length) return simplified;
  let perChar = '';
  for (const ch of text) {
    const s = toSimplified(ch);
    perChar += s.length === ch.length ? s : ch;
  }
  return perChar;
}

/**
 * Invisible characters: those that print as nothing but change what text means or finds.
 * Bidirectional controls (embeddings, overrides, isolates, marks) reorder what a reader sees: 「知通急紧」 behind U+202E
 * displays as 「紧急通知」, and one left open reverses the rest of its line. Chinese news has no
 * right-to-left text, so none of them carries meaning here. Zero-width spaces and joiners, the
 * word joiner, soft hyphens and a byte-order mark inside text split words that a reader sees
 * whole, so a search for the word misses them. Both kinds are dropped wherever text enters: issue
 * files, questions, and anything sent to Telegram.
 */

/** U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069: every bidirectional formatting character. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * U+200B, U+200C, U+2060, U+00AD and U+FEFF: characters of no width that split a word; U+200D
 * too, except between two emoji, where it joins them into one picture (👨‍👩‍👧), as it was meant to.
 */
const ZERO_WIDTH =
  /[\u200B\u200C\u2060\u00AD\uFEFF]|\u200D(?!\p{Extended_Pictographic})|(?<!\p{Extended_Pictographic}|\u{FE0F}|[\u{1F3FB}-\u{1F3FF}])\u200D/gu;

const ANY = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\u00AD\uFEFF]/u;

/** The text without bidirectional controls and zero-width characters (the same string when it has none). */
export function removeInvisible(text: string): string {
  if (!ANY.test(text)) return text;
  return text.replace(BIDI_CONTROLS, '').replace(ZERO_WIDTH, '');
}
