/**
 * Within one passage: where the question's terms stand (highlights) and which sentence answers
 * it best (answer).
 */
import { SURNAMES } from '../question/dictionary.ts';
import { splitSentences } from '../index/passages.ts';
import type { AnswerType, Concept, ParsedQuery } from '../question/query.ts';
import { termCredit } from '../question/score.ts';
import { RANKING, type RankingWeights } from '../weights.ts';

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
export function coverage(
  text: string,
  concepts: Concept[],
  idf: number[],
  focusWeight = 1,
  weights: RankingWeights = RANKING,
): number {
  let got = 0;
  let total = 0;
  for (let k = 0; k < concepts.length; k++) {
    const c = concepts[k]!;
    const w = c.weight * (idf[k] ?? 1) * (c.focus ? focusWeight : 1);
    total += w;
    got += w * termCredit(text, c, weights);
  }
  return total > 0 ? got / total : 0;
}

// A date or time of year as news prose gives it: 2025年, 3月底, 6月12日, 90年代, 上午9时, 中旬.
const DATE = /\d{4}年|\d{1,2}月|\d{1,2}日|\d+年代|[上中下]旬|月底|月初|年底|年初|\d{1,2}[时点]/u;
// Counts and durations in Chinese numerals as well (三个社区, 一周内, 两个月, 半年).
const NUMBER =
  /\d+(?:[.,]\d+)*(?:%|‰|[万亿千百]?[\p{Script=Han}])?|[一二三四五六七八九十两]+(?:个|位|家|项|级|人|次|名|处|场|批|支|套)|[一二三四五六七八九十两半]+个?(?:周|天|月|年|小时)/gu;

// A number that is a date (5月24日, 2025年).
const DATE_NUMBER = /^\d.*[年月日号时]$/u;

// A title and then a name (科长葛韦华介绍, 副区长陆志明在): how news prose introduces a person.
const TITLED =
  /(?:长|主任|书记|主席|委员|经理|干部|老师|代表|负责人|队员|志愿者)(\p{Script=Han}{2,3}?)(?=[，,、。在说介表指强带为等主出参])/gu;
// A name before a verb of speech (葛韦华介绍, 张三表示): the surname need not be a common one.
const SPEAKER = /(?:长|主任|书记|主席|经理|负责人)(\p{Script=Han}{2,3}?)(?=介绍|表示|指出|强调|说)/gu;

// A name's Han characters before a suffix.
const HAN_TAIL = /\p{Script=Han}{2,}$/u;
// A body that decides or acts: 人民代表大会, 常委会, 区政府, 民政局, 指挥中心.
const ORGANISATION = /\p{Script=Han}{2,}(?:代表大会|委员会|常委会|政府|党委|局|办公室|中心|协会|公司)/u;
// Where a person comes from, as news prose says it: 籍贯, 出生于, 江苏南通人.
const ORIGIN = /籍贯|出生于|出生在|生于|人氏|[省市县镇乡村]人[，,。、)）]/u;
// A name and then an honorific (李梅同志, 王老师).
const HONOURED = /(\p{Script=Han}{2,3})(?=同志|先生|女士|老师|师傅|阿姨|奶奶|爷爷)/gu;

/**
 * Whether the sentence names a person the question does not, by how news prose introduces people
 * (a title before the name, a verb of speech or an honorific after it). Patterns, not jieba's
 * tagger: this runs on every sentence of every passage scored.
 */
function namesPerson(sentence: string, question: string): boolean {
  for (let m = firstMatch(HONOURED, sentence); m; m = HONOURED.exec(sentence))
    if (SURNAMES.has(m[1]![0]!) && !question.includes(m[1]!)) return true;
  for (let m = firstMatch(TITLED, sentence); m; m = TITLED.exec(sentence))
    if (SURNAMES.has(m[1]![0]!) && !question.includes(m[1]!)) return true;
  for (let m = firstMatch(SPEAKER, sentence); m; m = SPEAKER.exec(sentence)) if (!question.includes(m[1]!)) return true;
  return false;
}

/**
 * The first match of a global pattern, its later ones by `pattern.exec`: what `matchAll` yields,
 * without the copy of the pattern `matchAll` makes at every call (these run on every sentence
 * scored). None of these patterns matches the empty string, so `exec` always moves on.
 */
function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(text);
}

/** The start and end of every occurrence of the question's terms (two characters or more) in the sentence. */
function termPositions(sentence: string, query: ParsedQuery): number[] {
  const termsAt: number[] = [];
  for (const c of query.concepts) {
    for (const t of c.terms) {
      if (t.length < 2) continue;
      for (let at = sentence.indexOf(t); at >= 0; at = sentence.indexOf(t, at + t.length))
        termsAt.push(at, at + t.length);
    }
  }
  return termsAt;
}

/** Whether the text right after a number carries one of the units asked for (any, when none is). */
function fitsUnit(after: string, units: string[] | undefined): boolean {
  return !units || units.some((u) => after.includes(u));
}

/**
 * How well a sentence holds the kind of answer asked for (0–1): a number next to the question's
 * terms for a quantity; a name with the asked suffix that the question does not already say.
 */
export function answerTypeScore(
  sentence: string,
  type: AnswerType,
  query: ParsedQuery,
  /** Another unit than the one asked for earns nothing (instead of half). */
  strictUnit = false,
): number {
  if (type.kind === 'any') return 0;
  if (type.kind === 'date') return DATE.test(sentence) ? 1 : 0;
  // The second pass reads a passage's sentences for its best sentence and again for the answer
  // type near the question's terms, and a passage again as its neighbour's: each sentence is
  // scored once per question (both ways at once).
  let kept = typeScores.get(query);
  if (!kept) {
    kept = { type, scores: new Map() };
    typeScores.set(query, kept);
  }
  if (kept.type !== type) return typeScoresOf(sentence, type, query)[strictUnit ? 1 : 0];
  let scores = kept.scores.get(sentence);
  if (!scores) {
    scores = typeScoresOf(sentence, type, query);
    kept.scores.set(sentence, scores);
  }
  return scores[strictUnit ? 1 : 0];
}

// Each question's sentences scored so far, with the answer type they were scored for.
const typeScores = new WeakMap<ParsedQuery, { type: AnswerType; scores: Map<string, [number, number]> }>();

/** answerTypeScore, not strict and strict on units, for a number or a name. */
function typeScoresOf(sentence: string, type: AnswerType, query: ParsedQuery): [number, number] {
  if (type.kind === 'number') {
    let best = 0;
    let bestStrict = 0;
    // Where the question's terms stand: found once a number other than a date is met.
    let termsAt: number[] | undefined;
    for (let m = firstMatch(NUMBER, sentence); m; m = NUMBER.exec(sentence)) {
      // A date (5月24日, 2025年) is not the quantity a 多少 question asks for.
      if (DATE_NUMBER.test(m[0])) continue;
      termsAt ??= termPositions(sentence, query);
      const at = m.index;
      // The distance from the number's start or end to the nearest term's start or end.
      let near = termsAt.length === 0 ? 40 : Infinity;
      for (const p of termsAt) near = Math.min(near, Math.abs(p - at), Math.abs(p - (at + m[0].length)));
      // The unit the question names (多少条 -> 1380余条) marks the quantity asked for; another
      // number (a hotline, a code) counts half, or nothing when strict.
      const unitFits = fitsUnit(sentence.slice(at + m[0].length - 1, at + m[0].length + 3), type.units);
      best = Math.max(best, (unitFits ? 1 : 0.5) / (1 + near / 8));
      bestStrict = Math.max(bestStrict, (unitFits ? 1 : 0) / (1 + near / 8));
    }
    return [best, bestStrict];
  }
  // (No kind else reaches here: answerTypeScore answers 'any' and 'date' itself.)
  const score = type.kind === 'entity' ? nameScore(sentence, type, query) : 0;
  return [score, score];
}

/** Whether the sentence holds a name of the kind asked (a person, an origin, a suffix's name). */
function nameScore(sentence: string, type: Extract<AnswerType, { kind: 'entity' }>, query: ParsedQuery): number {
  // 谁 may be a body as well as a person (由谁票决 -> 人民代表大会).
  if (type.of === 'person' && (namesPerson(sentence, query.normalized) || ORGANISATION.test(sentence))) return 1;
  if (type.of === 'origin') return ORIGIN.test(sentence) ? 1 : 0;
  for (const suffix of type.suffixes) {
    for (let at = sentence.indexOf(suffix); at >= 0; at = sentence.indexOf(suffix, at + 1)) {
      const name = sentence.slice(Math.max(0, at - 4), at + suffix.length).match(HAN_TAIL)?.[0];
      if (name && name.length > suffix.length && !query.normalized.includes(name)) return 1;
    }
  }
  return 0;
}

/** The sentence chosen as the answer, with what it holds: the question's mass (`cover`) and the kind of answer asked for (`type`). */
export interface AnswerSentence {
  text: string;
  start: number;
  score: number;
  cover: number;
  type: number;
}

/** The sentence of the passage that best answers: most concept mass, the kind of answer asked for. */
export function bestSentence(
  passage: string,
  normalizedPassage: string,
  query: ParsedQuery,
  idf: number[],
  w: RankingWeights = RANKING,
): AnswerSentence {
  let best: AnswerSentence = { text: passage, start: 0, score: -1, cover: 0, type: 0 };
  let offset = 0;
  for (const sentence of splitSentences(passage)) {
    const start = passage.indexOf(sentence, offset);
    offset = start + sentence.length;
    const norm = normalizedPassage.slice(start, start + sentence.length);
    const type = answerTypeScore(norm, query.answerType, query);
    const score = coverage(norm, query.concepts, idf, w.score.focusInSentence, w) + w.score.answerTypeInSentence * type;
    if (score > best.score)
      best = { text: sentence.trim(), start, score, cover: coverage(norm, query.concepts, idf, 1, w), type };
  }
  return best;
}

/**
 * Whether some sentence of the passage holds both a good share of the question's terms
 * (`minCover`) and, near them, an answer of the kind asked for: the evidence that the passage
 * answers, not only mentions, what is asked.
 */
export function holdsAnswerType(
  normalizedPassage: string,
  query: ParsedQuery,
  idf: number[],
  minCover: number,
  w: RankingWeights = RANKING,
): boolean {
  for (const sentence of splitSentences(normalizedPassage)) {
    if (answerTypeScore(sentence, query.answerType, query, true) < 0.3) continue;
    if (coverage(sentence, query.concepts, idf, 1, w) >= minCover) return true;
  }
  return false;
}
