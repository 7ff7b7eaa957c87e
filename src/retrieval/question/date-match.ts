/**
 * A date named in a question against the archive's dates: which article dates fall within it,
 * and how much a passage gains for being of that date.
 */
import type { PartialDate } from '../../corpus/dates.ts';
import { RANKING, type RankingWeights } from '../weights.ts';

/** Patterns made, by date named: a question's date is looked at for every passage scored. */
const dateKeys = new Map<string, RegExp>();

/** Matches article dates within the named date (2022年3月 matches 2022-03 and 2022-03-07). */
export function dateKey(d: PartialDate): RegExp {
  const pad = (x: number) => String(x).padStart(2, '0');
  const wanted = [d.year ? String(d.year) : '\\d{4}', d.month ? pad(d.month) : '', d.day ? pad(d.day) : '']
    .filter(Boolean)
    .join('-');
  let key = dateKeys.get(wanted);
  if (!key) {
    key = new RegExp(`^${wanted}`);
    if (dateKeys.size >= 1000) dateKeys.clear();
    dateKeys.set(wanted, key);
  }
  return key;
}

/** The bonus for a doc of the named date (more for a day), and for a passage that names it. */
export function dateBonus(
  docDate: string,
  text: string,
  d: PartialDate | undefined,
  w: RankingWeights = RANKING,
): number {
  if (!d) return 0;
  let bonus = 0;
  if (d.month && d.day && text.includes(`${d.month}月${d.day}日`)) bonus += w.score.dateInText;
  if (dateKey(d).test(docDate)) bonus += d.day ? w.score.dateDay : w.score.dateMonthOrYear;
  // A year named by a report of another year (2023年, or 去年 in one of 2024): its figures are of that year.
  else if (d.year && !d.month && namesYear(docDate, text, d.year)) bonus += w.score.dateInText;
  return bonus;
}

const HAN_DIGITS = '〇一二三四五六七八九';
/** A year in the digits formal Chinese writes it in: 2025 -> 二〇二五. */
function chineseDigits(year: number): string {
  return [...String(year)].map((d) => HAN_DIGITS[Number(d)]).join('');
}

// Years a report names relative to its own date: 去年 in an article of 2024 speaks of 2023.
const RELATIVE_YEARS: [string, number][] = [
  ['前年', 2],
  ['去年', 1],
  ['今年', 0],
];

/**
 * Whether a text names the year: as 2023年, or as a year relative to the article's own date
 * (去年 in a report of 2024 is 2023: year-end and annual reports give last year's figures so).
 */
export function namesYear(docDate: string, text: string, year: number): boolean {
  if (text.includes(`${year}年`) || text.includes(`${chineseDigits(year)}年`)) return true;
  const own = Number(docDate.slice(0, 4));
  if (!own) return false;
  return RELATIVE_YEARS.some(([word, back]) => own - back === year && text.includes(word));
}

const MONTHS = Array.from({ length: 13 }, (_, m) => new RegExp(`(?<!\\d)${m}月`));

/**
 * Whether a report names the month of a month asked about (2025年7月): 7月 (7月以来, 7月15日, not
 * 17月) in a report of that year, or with the year written beside it in one of another.
 */
function namesMonth(docDate: string, text: string, d: PartialDate): boolean {
  if (!d.month || !MONTHS[d.month]?.test(text)) return false;
  return d.year === undefined || docDate.startsWith(String(d.year)) || text.includes(`${d.year}年${d.month}月`);
}

/** Whether the passage's article is of the date the question names, or the passage names it. */
export function dateMatches(docDate: string, text: string, d: PartialDate | undefined): boolean {
  if (!d) return true;
  if (dateKey(d).test(docDate)) return true;
  if (d.month && d.day) return text.includes(`${d.month}月${d.day}日`);
  if (d.month) return namesMonth(docDate, text, d);
  return d.year !== undefined && namesYear(docDate, text, d.year);
}
