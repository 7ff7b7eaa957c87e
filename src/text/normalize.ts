/**
 * Text normalization shared by documents and queries, so both meet in the index in one form:
 * Traditional to Simplified Chinese, full-width to half-width, lower case.
 *
 * `normalize` keeps the string's length (one UTF-16 unit in, one out), so a position found in
 * the normalized text is the same position in the original: highlights need no offset map.
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

/** Normalizes text for indexing or querying; the result has the same length as the input. */
export function normalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = halfWidthChar(text.charCodeAt(i));
    out += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
  }
  if (!HAN.test(out)) return out;
  const simplified = toSimplified(out);
  // OpenCC may map a phrase to one of another length; then convert char by char instead.
  if (simplified.length === out.length) return simplified;
  let perChar = '';
  for (const ch of out) {
    const s = toSimplified(ch);
    perChar += s.length === ch.length ? s : ch;
  }
  return perChar;
}
