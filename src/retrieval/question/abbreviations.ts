/**
 * Abbreviations the synonym list does not hold (长护险 for 长期护理保险, 文明城 for 文明城市): a
 * Chinese abbreviation keeps one character of each word of the full name, in order, the first
 * one the name's first character. So a question's word the archive never holds is matched by the
 * archive's phrases made of as many whole words, each holding the abbreviation's character in turn,
 * the first word opening with its first character. Bounded so that an arbitrary string matches
 * next to nothing: every word of the phrase is two characters or more, the phrase at most
 * MAX_EXPANSION_RATIO times the abbreviation's length, and only whole words jieba reads count.
 */
import { segment } from '../../text/segment.ts';
import type { Concept } from './query.ts';
import type { ArchiveLookup } from './archive-lookup.ts';

/**
 * An abbreviation sought here is three or four Han characters: two characters the archive never
 * holds are mostly jieba's odd cuts of a question (上发, 招人), not abbreviations, and common
 * two-character ones (全马, 医保) are in the synonym list.
 */
const ABBREVIATION = /^\p{Script=Han}{3,4}$/u;
/** The full phrase is at most this many times the abbreviation's length (长护险: up to 9 characters). */
const MAX_EXPANSION_RATIO = 3;
/** At most this many matches are checked, and this many distinct expansions kept (most frequent first). */
const MAX_MATCHES = 200;
const MAX_EXPANSIONS = 3;

const patterns = new Map<string, RegExp>();
/** The abbreviation's characters in order, a few characters apart at most. */
function patternOf(abbreviation: string): RegExp {
  let p = patterns.get(abbreviation);
  if (!p) {
    const gap = `\\p{Script=Han}{0,${MAX_EXPANSION_RATIO - 1}}?`;
    p = new RegExp([...abbreviation].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(gap), 'gu');
    if (patterns.size >= 1000) patterns.clear();
    patterns.set(abbreviation, p);
  }
  return p;
}

/**
 * The phrase at `at` that the abbreviation stands for, if the text holds one there: as many whole
 * words as the abbreviation has characters, word i holding character i, the first opening with it.
 */
export function expansionAt(text: string, at: number, abbreviation: string): string | undefined {
  const n = abbreviation.length;
  const window = text.slice(at, at + MAX_EXPANSION_RATIO * n + 2);
  const words = segment(window);
  if (words[0]?.start !== 0 || !words[0].text.startsWith(abbreviation[0]!)) return undefined;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i];
    // Whole words, side by side, each at least two characters and holding its character.
    if (!w || w.start !== end || w.text.length < 2 || !w.text.includes(abbreviation[i]!)) return undefined;
    if (!/^\p{Script=Han}+$/u.test(w.text)) return undefined;
    end = w.start + w.text.length;
  }
  if (end > MAX_EXPANSION_RATIO * n || end <= n) return undefined;
  return window.slice(0, end);
}

/**
 * The phrases of the texts the abbreviation may stand for, the most frequent first; [] when the
 * word is no abbreviation (not three or four Han characters) or the texts hold none.
 */
export function abbreviationExpansions(abbreviation: string, texts: Iterable<string>): string[] {
  if (!ABBREVIATION.test(abbreviation)) return [];
  const pattern = patternOf(abbreviation);
  const counts = new Map<string, number>();
  let checked = 0;
  for (const text of texts) {
    if (!text.includes(abbreviation[0]!)) continue;
    for (const m of text.matchAll(pattern)) {
      if (++checked > MAX_MATCHES) break;
      const found = expansionAt(text, m.index ?? 0, abbreviation);
      if (found && found !== abbreviation) counts.set(found, (counts.get(found) ?? 0) + 1);
    }
    if (checked > MAX_MATCHES) break;
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_EXPANSIONS)
    .map(([phrase]) => phrase);
}

/**
 * The question's concepts with each word the archive never holds given the phrases it may
 * abbreviate as alternatives, like a synonym group (the user's word first). A word of a synonym
 * group already has its alternatives and is left as it is.
 */
export function withAbbreviations(concepts: Concept[], archive: ArchiveLookup): Concept[] {
  return concepts.map((c) => {
    const word = c.terms[0]!;
    if (c.terms.length > 1 || !ABBREVIATION.test(word) || archive.isWord(word) || archive.occurs(word)) return c;
    const found = archive.abbreviates(word);
    return found.length > 0 ? { ...c, terms: [word, ...found] } : c;
  });
}
