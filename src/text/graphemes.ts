/**
 * Cutting text without breaking a character. A UTF-16 position can fall inside a surrogate pair
 * (half an emoji, which Telegram refuses as invalid UTF-8) or inside a cluster a reader sees as
 * one character (a flag, a family emoji, a letter with its accents). Lengths stay in UTF-16 code
 * units, the unit Telegram counts its limits in.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest prefix of `text` made of whole grapheme clusters and at most `maxUnits` UTF-16
 * code units long. Only the prefix is segmented (a boundary depends on what precedes it and on
 * the one character after it), so a huge text costs no more than a short one.
 */
export function graphemePrefix(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let end = 0;
  for (const { index, segment } of segmenter.segment(text.slice(0, maxUnits + 2))) {
    if (index + segment.length > maxUnits) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** The text itself when it fits in `maxUnits`, else its grapheme prefix followed by `…` within the same length. */
export function clip(text: string, maxUnits: number, ellipsis = '…'): string {
  if (text.length <= maxUnits) return text;
  return graphemePrefix(text, Math.max(0, maxUnits - ellipsis.length)) + ellipsis;
}

/**
 * Where to cut `text` at or before `at` so that no grapheme cluster is split: `at` itself when it
 * is a boundary, else the start of the cluster it falls in.
 */
export function graphemeBoundaryBefore(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  // Clusters are short; looking back a little is enough to find the one that holds `at`.
  const from = Math.max(0, at - 64);
  let boundary = from;
  for (const { index } of segmenter.segment(text.slice(from, at + 64))) {
    if (from + index > at) break;
    boundary = from + index;
  }
  return boundary;
}
