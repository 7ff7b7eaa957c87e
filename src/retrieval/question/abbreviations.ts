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

/** A short form is sought over this many words of the question side by side (暑假 托管 班: 暑托班). */
const SHORT_FORM_WORDS = [3, 4];
/** At most this many short forms tried per run of words (the characters picked from each word). */
const MAX_SHORT_FORM_TRIES = 64;

/**
 * The archive's short forms of words standing side by side in the question: the reverse of
 * `withAbbreviations` (the question says 暑假托管班, the report 暑托班). As a short form keeps one
 * character of each word of the full name in order, the first opening the name, the candidates
 * are those picks; one counts only when the archive's own segmentation made it a word (a reading
 * jieba or the corpus's names hold) and the question does not already hold it. Returns, for each
 * run found, where it starts among the terms and how many words it spans.
 */
export function shortFormsOf(
  words: string[],
  question: string,
  archive: Pick<ArchiveLookup, 'isWord'> & Partial<Pick<ArchiveLookup, 'passageCount'>>,
): { start: number; length: number; shortForm: string }[] {
  const found: { start: number; length: number; shortForm: string }[] = [];
  for (let start = 0; start < words.length; start++) {
    for (const n of SHORT_FORM_WORDS) {
      const run = words.slice(start, start + n);
      if (run.length < n || !run.every((w) => /^\p{Script=Han}+$/u.test(w))) continue;
      // Side by side in the question: the words of one name.
      if (!question.includes(run.join(''))) continue;
      // A name is made of words: at most one lone character among them (班 in 暑假托管班).
      if (run.filter((w) => w.length === 1).length > 1 || run[0]!.length < 2) continue;
      let picks = [run[0]![0]!];
      for (const w of run.slice(1)) picks = picks.flatMap((p) => [...new Set(w)].map((ch) => p + ch));
      if (picks.length > MAX_SHORT_FORM_TRIES) continue;
      const best = picks
        .filter((p) => !question.includes(p) && archive.isWord(p))
        .sort((a, b) => (archive.passageCount?.(b) ?? 0) - (archive.passageCount?.(a) ?? 0))[0];
      if (best) found.push({ start, length: n, shortForm: best });
    }
  }
  return found;
}

/**
 * The concepts with the archive's short form of a run of question words (暑假 托管 班 -> 暑托班)
 * given to each word of the run as an alternative: the short form stands for all of them.
 */
export function withShortForms(
  concepts: Concept[],
  question: string,
  archive: Pick<ArchiveLookup, 'isWord'> & Partial<Pick<ArchiveLookup, 'passageCount'>>,
): Concept[] {
  const out = concepts.map((c) => ({ ...c, terms: [...c.terms] }));
  for (const { start, length, shortForm } of shortFormsOf(
    concepts.map((c) => c.terms[0]!),
    question,
    archive,
  ))
    for (const c of out.slice(start, start + length)) if (!c.terms.includes(shortForm)) c.terms.push(shortForm);
  return out;
}
