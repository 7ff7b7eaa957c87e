/**
 * Within one passage: where the question's terms stand (highlights) and which sentence answers
 * it best (answer).
 */
import { splitSentences } from './passages.ts';
import type { AnswerType, Concept, ParsedQuery } from './query.ts';

/** A highlighted span of a passage: [start, end) in UTF-16 units. */
export type Span = [number, number];

/** Every occurrence of every concept term in the (normalized) text, merged and sorted. */
export function findHighlights(normalizedText: string, concepts: Concept[]): Span[] {
  const spans: Span[] = [];
  for (const c of concepts) {
    for (const term of c.terms) {
      if (term.length < 2 && !/\d/.test(term)) continue;
      for (let at = normalizedText.indexOf(term); at >= 0; at = normalizedText.indexOf(term, at + term.length)) {
        spans.push([at, at + term.length]);
      }
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** The weighted share of concepts the text holds: each concept counts its weight × idf. */
export function coverage(text: string, concepts: Concept[], idf: number[], focusWeight = 1): number {
  let got = 0;
  let total = 0;
  concepts.forEach((c, k) => {
    const w = c.weight * (idf[k] ?? 1) * (c.focus ? focusWeight : 1);
    total += w;
    got += w * termCredit(text, c);
  });
  return total > 0 ? got / total : 0;
}

/** What a synonym earns where the user's own word would earn 1. */
export const SYNONYM_CREDIT = 0.7;

/** 1 when the text holds the user's own word, SYNONYM_CREDIT for a synonym, 0 for neither. */
export function termCredit(text: string, c: Concept): number {
  if (text.includes(c.terms[0]!)) return 1;
  for (let k = 1; k < c.terms.length; k++) if (text.includes(c.terms[k]!)) return SYNONYM_CREDIT;
  return 0;
}

const NUMBER =
  /\d+(?:[.,]\d+)*(?:%|‰|[万亿千百]?[\p{Script=Han}])?|[一二三四五六七八九十两]+(?:个|位|家|项|级|人|次|名|处|场|批|支|套)/gu;

/**
 * How well a sentence holds the kind of answer asked for (0–1): a number next to the question's
 * terms for a quantity; a name with the asked suffix that the question does not already say.
 */
export function answerTypeScore(sentence: string, type: AnswerType, query: ParsedQuery): number {
  if (type.kind === 'any') return 0;
  const termsAt: number[] = [];
  for (const c of query.concepts) {
    for (const t of c.terms) {
      if (t.length < 2) continue;
      for (let at = sentence.indexOf(t); at >= 0; at = sentence.indexOf(t, at + t.length))
        termsAt.push(at, at + t.length);
    }
  }
  if (type.kind === 'number') {
    let best = 0;
    for (const m of sentence.matchAll(NUMBER)) {
      const at = m.index ?? 0;
      const near =
        termsAt.length === 0
          ? 40
          : Math.min(
              ...termsAt.map((p) => Math.abs(p - at)),
              Math.min(...termsAt.map((p) => Math.abs(p - (at + m[0].length)))),
            );
      best = Math.max(best, 1 / (1 + near / 8));
    }
    return best;
  }
  for (const suffix of type.suffixes) {
    for (let at = sentence.indexOf(suffix); at >= 0; at = sentence.indexOf(suffix, at + 1)) {
      const name = sentence.slice(Math.max(0, at - 4), at + suffix.length).match(/\p{Script=Han}{2,}$/u)?.[0];
      if (name && name.length > suffix.length && !query.normalized.includes(name)) return 1;
    }
  }
  return 0;
}

/** How much more the asked-about concept counts when choosing the answer sentence. */
const FOCUS_WEIGHT = 2.5;

/** The sentence of the passage that best answers: most concept mass, the kind of answer asked for. */
export function bestSentence(
  passage: string,
  normalizedPassage: string,
  query: ParsedQuery,
  idf: number[],
): { text: string; start: number; score: number } {
  let best = { text: passage, start: 0, score: -1 };
  let offset = 0;
  for (const sentence of splitSentences(passage)) {
    const start = passage.indexOf(sentence, offset);
    offset = start + sentence.length;
    const norm = normalizedPassage.slice(start, start + sentence.length);
    const score =
      coverage(norm, query.concepts, idf, FOCUS_WEIGHT) + 0.4 * answerTypeScore(norm, query.answerType, query);
    if (score > best.score) best = { text: sentence.trim(), start, score };
  }
  return best;
}
