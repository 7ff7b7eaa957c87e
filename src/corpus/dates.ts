/**
 * Dates read out of an issue's text: the issue's year (from its file name, its own words, or
 * dated events it refers to), and the day of the event each article reports.
 */
import { parseChineseNumeral } from './chinese-numeral.ts';

/** A date as far as it is known; month and day may be missing. */
export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or '' — never a day without its year and month. */
export function formatPartialDate(d: PartialDate): string {
  if (!d.year) return '';
  if (!d.month) return String(d.year);
  if (!d.day) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

const validDay = (y: number | undefined, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= (y ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 31);

/** The date in a file name such as `2023-04-10_x.txt` or `20230410.txt`, else null. */
export function dateFromFileName(name: string): PartialDate | null {
  const m = name.match(/(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?(?!\d)/);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : undefined;
  return day && !validDay(year, month, day) ? { year, month } : { year, month, day };
}

// Years that do not say when the issue is: ends or starts of plan ranges (2022—2025年), targets
// (到2035年), and years fixed in history (始建于1997年) — the last never win a max anyway.
const RANGE_MARK = /[—–\-~～至到]/;

/**
 * The latest year the text speaks of as present or past (「2021年二季度」, 「力争2023年」), skipping
 * the ends of ranges (「2022—2025年」) and targets (「到2035年」). Null when it names no year.
 */
export function latestStatedYear(text: string): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})年/g)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 1), at);
    const after = text.slice(at + m[0].length, at + m[0].length + 2);
    if (RANGE_MARK.test(before) || RANGE_MARK.test(after.slice(0, 1))) continue;
    if (/^(远景|目标|前)/.test(after)) continue;
    const year = Number(m[1]);
    if (best === null || year > best) best = year;
  }
  return best;
}

/**
 * Recurring events whose Nth occurrence fixes a year. Each is a checkable fact:
 * the national congress is every five years (12th in 1982, 20th in 2022); National Security
 * Education Day began in 2016; the Jiangsu Provincial Games are every four years (20th in 2022);
 * the Farmers' Harvest Festival began in 2018; National Constitution Day in 2014; Martyrs' Day in
 * 2014; the China International Import Expo in 2018; National Science Workers' Day in 2017.
 */
const YEAR_ANCHORS: { pattern: RegExp; year: (n: number) => number }[] = [
  { pattern: /迎接党的([一二三四五六七八九十]+)大/g, year: (n) => 1982 + 5 * (n - 12) },
  { pattern: /第([一二三四五六七八九十\d]+)个全民国家安全教育日/g, year: (n) => 2015 + n },
  { pattern: /江苏省第([一二三四五六七八九十\d]+)届运动会/g, year: (n) => 2022 + 4 * (n - 20) },
  { pattern: /第([一二三四五六七八九十\d]+)个中国农民丰收节/g, year: (n) => 2017 + n },
  { pattern: /第([一二三四五六七八九十\d]+)个国家宪法日/g, year: (n) => 2013 + n },
  { pattern: /第([一二三四五六七八九十\d]+)个烈士纪念日/g, year: (n) => 2013 + n },
  { pattern: /第([一二三四五六七八九十\d]+)届中国国际进口博览会/g, year: (n) => 2017 + n },
  { pattern: /第([一二三四五六七八九十\d]+)个全国科技工作者日/g, year: (n) => 2016 + n },
];

// An occurrence spoken of as still to come (「4年后，……第二十一届运动会将在连云港举办」) dates nothing.
const FUTURE_MARK = /(将|下届|明年|年后)/;

/**
 * The year fixed by the dated events the text refers to, or null. Where anchors disagree the
 * most frequent year wins (the later on a tie).
 */
export function yearFromAnchors(text: string): number | null {
  const votes = new Map<number, number>();
  for (const { pattern, year } of YEAR_ANCHORS) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      const context = text.slice(Math.max(0, at - 12), at) + text.slice(at + m[0].length, at + m[0].length + 4);
      if (FUTURE_MARK.test(context)) continue;
      const n = parseChineseNumeral(m[1] ?? '');
      if (!Number.isFinite(n) || n <= 0) continue;
      const y = year(n);
      votes.set(y, (votes.get(y) ?? 0) + 1);
    }
  }
  return mostVoted(votes) ?? null;
}

/** The value with the most votes, the larger one on a tie; undefined when none was cast. */
function mostVoted(votes: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestVotes = 0;
  for (const [value, n] of votes) {
    if (n > bestVotes || (n === bestVotes && best !== undefined && value > best)) {
      best = value;
      bestVotes = n;
    }
  }
  return best;
}

/** The issue's year: stated years first, then anchored events; null when nothing dates it. */
export function inferIssueYear(text: string): number | null {
  return latestStatedYear(text) ?? yearFromAnchors(text);
}

/** A month-and-day mention (「9月8日」, 「2021年8月6日」) and where it stands. */
export interface DayMention extends PartialDate {
  month: number;
  day: number;
  index: number;
}

/** Every full day mentioned in the text, in order. */
export function dayMentions(text: string): DayMention[] {
  const out: DayMention[] = [];
  for (const m of text.matchAll(/(?:(?<!\d)((?:19|20)\d{2})年)?(?<!\d)(\d{1,2})月(\d{1,2})日/g)) {
    const year = m[1] ? Number(m[1]) : undefined;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (!validDay(year, month, day)) continue;
    out.push({ year, month, day, index: m.index ?? 0 });
  }
  return out;
}

/**
 * The date of the event an article reports: the first full day named in its opening paragraphs,
 * its year from the mention itself or the issue (a December day in a January issue is last year's).
 * Without a named day the article gets the issue's month or year.
 */
export function articleDate(opening: string, issue: PartialDate): PartialDate {
  const first = dayMentions(opening)[0];
  if (first) {
    let year = first.year ?? issue.year;
    if (!first.year && year && issue.month && first.month > issue.month + 2) year -= 1;
    return year ? { year, month: first.month, day: first.day } : {};
  }
  return { year: issue.year, month: issue.year ? issue.month : undefined };
}

/**
 * The issue's month when its articles tell it: the month most of their day mentions fall in
 * (the later one on a tie), given only each article's opening text.
 */
export function dominantMonth(openings: string[]): number | undefined {
  const votes = new Map<number, number>();
  for (const text of openings) {
    const first = dayMentions(text)[0];
    if (first) votes.set(first.month, (votes.get(first.month) ?? 0) + 1);
  }
  return mostVoted(votes);
}
