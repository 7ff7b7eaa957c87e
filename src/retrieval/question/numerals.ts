/**
 * A count written in Chinese numerals and in Arabic digits (五分钟 / 5分钟, 两百公里 / 200公里,
 * 十二个 / 12个): news prints the body's figures in digits and a headline's or a quote's often in
 * characters, and residents ask either way. A question's count word gets the other spelling as an
 * alternative term. Only a whole word that is a numeral with at most a unit after it, so that words
 * holding a numeral character (一起, 统一, 三农, 五一) keep their meaning. Text normalization
 * (`normalize`) already spells years and numbered things (一号线) one way; this covers what it cannot
 * without changing a text's length.
 */
import { CHINESE_DIGITS } from '../../corpus/chinese-numeral.ts';
import type { Concept } from './query.ts';

const DIGIT = CHINESE_DIGITS;
const POWER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

// Units and classifiers a count stands before in news (个, 名, 分钟, 公里, 万元…); 万 and 亿 are
// kept as written (8万人次 is printed so in digits too). Not 期, 级, 类: 二期工程, 三级医院, 一类 name
// a phase, a grade, a category, which news writes in characters.
const UNIT_WORDS =
  '分钟|小时|公里|千米|平方米|万元|亿元|万人|人次|个月|公顷|千瓦|[个位家项名次场条件块辆套批所座届株棵组只张份篇户轮处支人米亩吨元岁台部架艘栋间门幢层天周年倍成万亿]';
const UNIT = new RegExp(`^(?:${UNIT_WORDS})?$`, 'u');
// An Arabic count below a hundred with its unit, in the question's text (5小时, 12个).
const ARABIC_COUNT = new RegExp(`(?<![\\d.])[1-9]\\d?(?:${UNIT_WORDS})`, 'gu');
const CN_NUMERAL = /^[零〇一二两三四五六七八九十百千]+/u;
const ARABIC = /^[1-9]\d{0,3}(?!\.)/;

/**
 * The value of a Chinese numeral below ten thousand (两百 200, 十二 12, 三千零五 3005); undefined if it
 * is none. Stricter than corpus/chinese-numeral's reading of a numeral known to be one: in a question
 * 五一 or 三八 is a name, not a count.
 */
export function chineseNumeralValue(numeral: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastPower = Infinity;
  for (const ch of numeral) {
    if (ch in DIGIT) {
      if (digit !== undefined && digit !== 0) return undefined; // 二三: two digits side by side
      digit = DIGIT[ch]!;
      continue;
    }
    const power = POWER[ch];
    if (power === undefined || power >= lastPower) return undefined;
    // 十 alone opens 十二 (12); elsewhere a power needs its digit (两百).
    total += (digit ?? (power === 10 && total === 0 ? 1 : Number.NaN)) * power;
    if (Number.isNaN(total)) return undefined;
    lastPower = power;
    digit = undefined;
  }
  total += digit ?? 0;
  return total > 0 ? total : undefined;
}

const CN_DIGITS = '零一二三四五六七八九';
/** A count below a hundred in Chinese numerals (5 五, 12 十二, 20 二十, 35 三十五). */
function chineseOf(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/**
 * The count word spelled the other way, or undefined when it is no count word: a Chinese numeral
 * (with its unit) in Arabic digits, an Arabic count below a hundred in Chinese numerals (2 also as 两).
 * One alone (一个, 1次) is left: news writes it both ways in set phrases, and it tells nothing.
 */
export function otherSpellings(word: string): string[] {
  const cn = word.match(CN_NUMERAL)?.[0];
  if (cn) {
    const unit = word.slice(cn.length);
    const value = chineseNumeralValue(cn);
    if (value === undefined || value < 2 || !UNIT.test(unit) || (unit === '' && cn.length < 2)) return [];
    return [`${value}${unit}`];
  }
  const arabic = word.match(ARABIC)?.[0];
  if (!arabic) return [];
  const unit = word.slice(arabic.length);
  const value = Number(arabic);
  if (value < 2 || value >= 100 || unit === '' || !UNIT.test(unit)) return [];
  const spelled = chineseOf(value);
  return value === 2 ? [`两${unit}`, `二${unit}`] : [`${spelled}${unit}`];
}

const NUMERAL_ONLY = /^[零〇一二两三四五六七八九十百千]+$/u;

/**
 * The concepts with each count word given its other spelling as an alternative, like a synonym. A
 * numeral jieba cut off its unit (三 小时) is first joined back to it where the question holds them
 * side by side: the count is the number and its unit together.
 */
export function withOtherSpellings(concepts: Concept[], question: string): Concept[] {
  const joined: Concept[] = [];
  for (let k = 0; k < concepts.length; k++) {
    const c = concepts[k]!;
    const next = concepts[k + 1];
    const whole = next && c.terms[0]! + next.terms[0]!;
    if (
      whole &&
      c.terms.length === 1 &&
      next.terms.length === 1 &&
      NUMERAL_ONLY.test(c.terms[0]!) &&
      UNIT.test(next.terms[0]!) &&
      question.includes(whole) &&
      otherSpellings(whole).length > 0
    ) {
      joined.push({ ...c, terms: [whole], weight: Math.max(c.weight, next.weight) });
      k++;
      continue;
    }
    joined.push(c);
  }
  const out = joined.map((c) => {
    const word = c.terms[0]!;
    const other = otherSpellings(word).filter((t) => !c.terms.includes(t));
    return other.length > 0 ? { ...c, terms: [...c.terms, ...other] } : c;
  });
  // A lone digit is no concept of the question (it says nothing alone), but with its unit it is a
  // count the report may spell in characters (5小时: 五小时). Two digits stay the concept they are.
  for (const [count] of question.matchAll(ARABIC_COUNT)) {
    const digits = count.match(/^\d+/)![0];
    if (out.some((c) => c.terms.includes(count) || c.terms.includes(digits))) continue;
    const other = otherSpellings(count);
    if (other.length > 0) out.push({ terms: [count, ...other], weight: 1 });
  }
  return out;
}
