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

/**
 * The year a file name states on its own (`2023_第28期.txt`, `崇川新闻2024.txt`), else null: an
 * archive that files issues by year names the year and nothing else. Only the base name counts (a
 * folder's name says nothing of one file), and only four digits standing apart from letters and
 * digits (no hash, no id) and not an issue number (第2023期, 2023号).
 */
export function yearFromFileName(name: string): number | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = base.match(/(?<![A-Za-z\d第])((?:19|20)\d{2})(?![A-Za-z\d期号版])/);
  return m ? Number(m[1]) : null;
}

// Years that do not say when the issue is: ends or starts of plan ranges (2022—2025年) and targets
// (到2035年, 2035年远景目标, 2025年前).
const RANGE_MARK = /[—–\-~～至到]/;
const TARGET_AFTER = /^(远景|目标|前)/;

/**
 * How a year is spoken of. `present`: the year the text reports on (「2021年二季度」, 「力争2023年」);
 * `history`: when something began or happened long ago (「2020年起」, 「2019年首次亮相」, 「始建于1997年」),
 * which says nothing about how long ago; `summary`: a completed year's totals (「2024年全区……共受理」),
 * which are reported only after the year has ended.
 */
export type YearRole = 'present' | 'history' | 'summary';

export interface StatedYear {
  year: number;
  role: YearRole;
}

// Right after 「Y年」: something began then, or has gone on since (「以来」 spans years in news usage).
const HISTORY_AFTER =
  /^(起|以来|开始|首次|首届|首办|成立|建成|落户|投用|投入使用|开工|启动|创办|创建|始|至今|交付|设立|获评|被评为|就已)/;
// Right before 「Y年」: 「始建于1997年」, 「早在2015年」.
const HISTORY_BEFORE = /(始建于|建于|成立于|创办于|始于|落户于|早在|创建于|建成于)$/;
// A year's totals: 「2024年全区市场监管部门共受理……」, 「2024年全年」, 「2024年累计完成……」, within one clause.
const SUMMARY_AFTER =
  /^[，,]?(全年|度?[^，,。；;！？!?\n]{0,24}?(共|累计|合计|总计)(受理|完成|实现|办理|接待|处理|服务|开展|举办|新增|发放|帮助|走访|查处|收到|达到?|\d))/;
// Words that make a clause a plan rather than a result: 「2025年计划共完成……」.
const PLAN_MARK = /(将|预计|计划|力争|目标|拟|争取|确保)/;

/** Every year the text names as 「YYYY年」 with its role; range ends and targets left out. */
export function statedYears(text: string): StatedYear[] {
  const out: StatedYear[] = [];
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})年/g)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const before = text.slice(Math.max(0, at - 6), at);
    const after = text.slice(end, end + 40);
    const asOf = /截至$/.test(before);
    if ((!asOf && RANGE_MARK.test(before.slice(-1))) || RANGE_MARK.test(after.slice(0, 1))) continue;
    if (TARGET_AFTER.test(after)) continue;
    const year = Number(m[1]);
    const summary = after.match(SUMMARY_AFTER);
    let role: YearRole = 'present';
    if (HISTORY_AFTER.test(after) || HISTORY_BEFORE.test(before)) role = 'history';
    // A stock at a year's end (「截至2024年底，全区共有……」) is reported after that year.
    else if (asOf && /^[底末]/.test(after)) role = 'summary';
    else if (summary && !PLAN_MARK.test(before.slice(-4) + summary[0])) role = 'summary';
    out.push({ year, role });
  }
  return out;
}

/** The largest value, or null; a loop, since spreading a long array into Math.max overflows the stack. */
function maxOf(values: number[]): number | null {
  let best: number | null = null;
  for (const v of values) if (best === null || v > best) best = v;
  return best;
}

/**
 * The latest year the text speaks of as present or past (「2021年二季度」, 「力争2023年」), skipping
 * the ends of ranges (「2022—2025年」), targets (「到2035年」) and history (「2020年起」). Null when it
 * names no such year.
 */
export function latestStatedYear(text: string): number | null {
  return maxOf(
    statedYears(text)
      .filter((s) => s.role === 'present')
      .map((s) => s.year),
  );
}

// The ordinal of a numbered event, in Chinese numerals or digits.
const N = '([零〇一二三四五六七八九十百\\d]+)';
/** The Nth anniversary of an event of a known year: 「新中国成立75周年」 is in 1949 + 75. */
const anniversary = (event: string, year: number) => ({
  pattern: new RegExp(`${event}${N}周年`, 'g'),
  year: (n: number) => year + n,
});
const annual = (name: string, first: number) => ({
  pattern: new RegExp(`第${N}[个次届]${name}`, 'g'),
  year: (n: number) => first + n - 1,
});

/**
 * Numbered recurring events whose Nth occurrence fixes a year: `year(n)` is the year of the Nth.
 * Each row is a public fact (founding year, or the year of one known occurrence, and the period):
 * the Party's national congress every five years (the 12th in 1982, the 20th in 2022); the Jiangsu
 * Provincial Games every four years (the 20th in 2022); and days or weeks held once a year since
 * their first: National Security Education Day (2016), Farmers' Harvest Festival (2018), National
 * Constitution Day (2014), Martyrs' Day (2014), China International Import Expo (2018), National
 * Science Workers' Day (2017), National Day for Helping the Disabled (1991), China Tourism Day
 * (2011), National Disaster Prevention and Reduction Day (2009), National Fire Day (1992), China
 * Space Day (2016), National Low-Carbon Day (2013), National Energy Saving Week (1991),
 * International Day against Drug Abuse (1988), World Book Day (1996), National Eye Care Day (1996),
 * National Teeth Care Day (1989), Chinese Physicians' Day (2018), Teachers' Day (1985), National
 * Traffic Safety Day (2012), National Work Safety Month (2002), China Brand Day (2017), National
 * Disability Prevention Day (2017), National Ecology Day (2023), Chinese People's Police Day (2021),
 * National Ear Care Day (2000), National Fitness Day (2009), National Tax Publicity Month (1992),
 * China Maritime Day (2005), World Intellectual Property Day (2001), National Primary and Secondary
 * School Safety Education Day (1996). Anniversaries count from the event's year: the People's
 * Republic (1949), the Party (1921), the People's Liberation Army (1927), reform and opening up
 * (1978), victory in the War of Resistance (1945), the May Fourth Movement (1919), the return of
 * Hong Kong (1997) and of Macao (1999).
 */
const YEAR_ANCHORS: { pattern: RegExp; year: (n: number) => number }[] = [
  { pattern: /迎接党的([一二三四五六七八九十]+)大/g, year: (n) => 1982 + 5 * (n - 12) },
  { pattern: new RegExp(`江苏省第${N}届运动会`, 'g'), year: (n) => 2022 + 4 * (n - 20) },
  annual('全民国家安全教育日', 2016),
  annual('中国农民丰收节', 2018),
  annual('国家宪法日', 2014),
  annual('烈士纪念日', 2014),
  annual('中国国际进口博览会', 2018),
  annual('全国科技工作者日', 2017),
  annual('全国助残日', 1991),
  annual('中国旅游日', 2011),
  annual('全国防灾减灾日', 2009),
  annual('全国消防日', 1992),
  annual('中国航天日', 2016),
  annual('全国低碳日', 2013),
  annual('全国节能宣传周', 1991),
  annual('国际禁毒日', 1988),
  annual('世界读书日', 1996),
  annual('全国爱眼日', 1996),
  annual('全国爱牙日', 1989),
  annual('中国医师节', 2018),
  annual('教师节', 1985),
  annual('全国交通安全日', 2012),
  annual('全国[“"]?安全生产月', 2002),
  annual('中国品牌日', 2017),
  annual('全国残疾预防日', 2017),
  annual('全国生态日', 2023),
  annual('中国人民警察节', 2021),
  annual('全国爱耳日', 2000),
  annual('全民健身日', 2009),
  annual('全国税收宣传月', 1992),
  annual('中国航海日', 2005),
  annual('世界知识产权日', 2001),
  annual('全国中小学生安全教育日', 1996),
  anniversary('(?:新中国|中华人民共和国)成立', 1949),
  anniversary('(?:中国共产党成立|建党)', 1921),
  anniversary('(?:人民军队|中国人民解放军)?建军', 1927),
  anniversary('改革开放', 1978),
  anniversary('(?:抗日战争|抗战)胜利', 1945),
  anniversary('五四运动', 1919),
  anniversary('香港回归', 1997),
  anniversary('澳门回归', 1999),
];

// An occurrence spoken of as in another year (「4年后，……第二十一届运动会将在连云港举办」,
// 「去年的第三十三个全国助残日」) dates nothing; one 「即将到来」 is this year's.
const OTHER_YEAR_BEFORE = /(下届|下一届|明年|年后|去年|前年)/;
const FUTURE_AFTER = /^(将在|将于)/;

/** The years fixed by the dated events the text refers to, with how often each is named. */
export function anchoredYears(text: string): Map<number, number> {
  const votes = new Map<number, number>();
  for (const { pattern, year } of YEAR_ANCHORS) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      const before = text.slice(Math.max(0, at - 12), at);
      const after = text.slice(at + m[0].length, at + m[0].length + 4);
      if (OTHER_YEAR_BEFORE.test(before) || FUTURE_AFTER.test(after)) continue;
      const n = parseChineseNumeral(m[1] ?? '');
      if (!Number.isFinite(n) || n <= 0) continue;
      const y = year(n);
      votes.set(y, (votes.get(y) ?? 0) + 1);
    }
  }
  return votes;
}

/** The year fixed by the dated events the text refers to; null when none is named or they disagree. */
export function yearFromAnchors(text: string): number | null {
  const votes = anchoredYears(text);
  return votes.size === 1 ? [...votes.keys()][0]! : null;
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

/**
 * The issue's year, read as a careful reader would; null rather than a guess when nothing dates
 * it or the cues disagree.
 * - Every year named bounds the issue from below: history and present years are past or now,
 *   a completed year's totals (「2024年全区……共受理」) put the issue after that year.
 * - A numbered annual event (第N个全国助残日) fixes the year, if it is not below that bound.
 * - Otherwise the issue is in the latest present year it names, or the year after the latest
 *   completed one; history years (「2020年起」) alone date nothing.
 */
export function inferIssueYear(text: string): number | null {
  const stated = statedYears(text);
  const earliestPossible = (s: StatedYear) => (s.role === 'summary' ? s.year + 1 : s.year);
  const lower = maxOf(stated.map(earliestPossible));
  const anchors = anchoredYears(text);
  if (anchors.size > 1) return null;
  const anchored = anchors.size === 1 ? [...anchors.keys()][0]! : null;
  if (anchored !== null) return lower === null || anchored >= lower ? anchored : null;
  const guess = maxOf(stated.filter((s) => s.role !== 'history').map(earliestPossible));
  return guess !== null && lower !== null && guess >= lower ? guess : null;
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
  // Full-width digits (「５月１日」, an e-paper's export) read as the half-width ones; positions kept.
  if (/[０-９]/u.test(text)) text = text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  for (const m of text.matchAll(/(?:(?<!\d)((?:19|20)\d{2})年)?(?<!\d)(\d{1,2})月(\d{1,2})日/g)) {
    const year = m[1] ? Number(m[1]) : undefined;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (!validDay(year, month, day)) continue;
    out.push({ year, month, day, index: m.index ?? 0 });
  }
  return out;
}

// A date printed in Chinese numerals, as formal mastheads do: 「二〇二三年十一月二十日」.
const CHINESE_FULL_DATE =
  /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]/u;
const CHINESE_DIGITS = '〇一二三四五六七八九';

/**
 * The first full date with its year in a masthead or page header: 「2024年10月14日」, 「2024.10.14」
 * or 「二〇二三年十一月二十日」.
 */
export function fullDateIn(text: string): PartialDate | null {
  const stated = dayMentions(text).find((d) => d.year);
  if (stated) return { year: stated.year, month: stated.month, day: stated.day };
  const cn = text.match(CHINESE_FULL_DATE);
  if (cn) {
    // The reading form (corpus/parse-issue.ts) has the year in Arabic digits already; the month and day stay.
    const year = /^\d+$/.test(cn[1]!)
      ? Number(cn[1])
      : Number([...cn[1]!].map((c) => (c === '零' ? 0 : CHINESE_DIGITS.indexOf(c))).join(''));
    const [month, day] = [parseChineseNumeral(cn[2]!), parseChineseNumeral(cn[3]!)];
    if (validDay(year, month, day)) return { year, month, day };
  }
  const m = text.match(/(?<!\d)((?:19|20)\d{2})[./-](\d{1,2})[./-](\d{1,2})(?!\d)/);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(year, month, day) ? { year, month, day } : null;
}

/**
 * The date of the event an article reports: the first full day named in its opening paragraphs,
 * its year from the mention itself or the issue (a December day in a January issue is last year's).
 * Without a named day, the month of the first month the article names anywhere (「截至11月底」 in a
 * December issue reports November's work); without one, the issue's month or year.
 */
export function articleDate(opening: string, issue: PartialDate, body = opening): PartialDate {
  const first = dayMentions(opening)[0];
  const relative = relativeDay(opening, issue);
  if (relative && (!first || first.index > relative.index)) return relative.date;
  if (first) {
    const year = yearOfMonth(first.month, first.year, issue);
    return year ? { year, month: first.month, day: first.day } : {};
  }
  const month = issue.year ? monthMentions(body).find((m) => ofThisReport(m, body, issue)) : undefined;
  if (month && issue.year) return { year: yearOfMonth(month.month, month.year, issue), month: month.month };
  return { year: issue.year, month: issue.year ? issue.month : undefined };
}

// Before a month: it lies in another year than the report's (「去年10月开放」 is background).
const OTHER_YEAR = /(?:去年|前年|明年|往年|上年)$/u;

/**
 * Whether a month mention can date the report: not in another year (「去年10月」, 「2022年5月」 in a
 * 2024 issue), and not a month just ahead of the issue's, which is a plan (「计划12月建成」 in November).
 */
function ofThisReport(m: { year?: number; month: number; index: number }, text: string, issue: PartialDate): boolean {
  if (m.year !== undefined && m.year !== issue.year) return false;
  if (OTHER_YEAR.test(text.slice(Math.max(0, m.index - 2), m.index))) return false;
  return !(issue.month && m.month > issue.month && m.month <= issue.month + 2);
}

/** A month's year: its own, else the issue's, or the year before when the month lies well after the issue's. */
function yearOfMonth(month: number, own: number | undefined, issue: PartialDate): number | undefined {
  if (own) return own;
  if (issue.year && issue.month && month > issue.month + 2) return issue.year - 1;
  return issue.year;
}

/**
 * Every month the text names (「11月底」, 「2023年9月」), in order; not the end of a span of months
 * (「1—11月」 reports the year so far, not November). 「3个月」 counts months and does not match.
 */
export function monthMentions(text: string): { year?: number; month: number; index: number }[] {
  const out: { year?: number; month: number; index: number }[] = [];
  for (const m of text.matchAll(/(?:(?<!\d)((?:19|20)\d{2})年)?(?<!\d)(?<!\d[—–\-~～至到])(\d{1,2})月/g)) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    out.push({ year: m[1] ? Number(m[1]) : undefined, month, index: m.index ?? 0 });
  }
  return out;
}

// A daily's lead names its day relative to the issue (「本报讯 昨天，……」, 「今天上午」), near its start.
const RELATIVE_DAY = /(昨天|昨日|前天|今天|今日)(?!头条)/;
const RELATIVE_OFFSET: Record<string, number> = { 昨天: -1, 昨日: -1, 前天: -2, 今天: 0, 今日: 0 };

/** The day a lead's 「昨天」 or 「今天」 names, counted from the issue's full date; null without one. */
function relativeDay(opening: string, issue: PartialDate): { index: number; date: PartialDate } | null {
  if (!issue.year || !issue.month || !issue.day) return null;
  // 「“今天有两家工厂招工……”12月16日清晨」: a day word inside a quotation is the speaker's, told on
  // the day of the event; it says nothing about the issue's day. Quotations are blanked, length kept.
  const unquoted = opening.slice(0, 40).replace(/[“「『"][^”」』"]*[”」』"]?/gu, (q) => ' '.repeat(q.length));
  const m = unquoted.match(RELATIVE_DAY);
  if (!m) return null;
  const d = new Date(Date.UTC(issue.year, issue.month - 1, issue.day + RELATIVE_OFFSET[m[1]!]!));
  return { index: m.index ?? 0, date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() } };
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
