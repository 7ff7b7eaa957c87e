/**
 * Characters that print as nothing but change what text means or finds. Bidirectional controls
 * (embeddings, overrides, isolates, marks) reorder what a reader sees: 「知通急紧」 behind U+202E
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
