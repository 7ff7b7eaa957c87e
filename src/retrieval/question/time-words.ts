/**
 * Relative time words in a question (去年, 上个月, 这周, 最近, 上半年…) as a window of dates, read
 * against a "today" the caller passes in: the archive's own dates say nothing of the reader's
 * present, and a test needs a fixed one. Pure: no clock is read here.
 *
 * Windows are inclusive ISO dates (YYYY-MM-DD). `soft` windows (最近, 近期) are only a preference
 * for the newest reporting; the others name a period the question is about.
 */

export interface TimeWindow {
  /** The words as the question has them (「去年上半年」), for replies. */
  words: string;
  from: string;
  to: string;
  /** A preference for recent reporting rather than a period (最近, 近期, 近日). */
  soft: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `today` moved by `days` (negative: earlier). */
function shift(today: string, days: number): string {
  const t = new Date(`${today}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Whether `text` is a calendar date YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

// A year named relative to this one: 今年 0, 去年 −1, 前年 −2 (the order matters: 前年 before 年).
const YEAR_WORDS: [RegExp, number][] = [
  [/大前年/, -3],
  [/前年/, -2],
  [/去年|上一年/, -1],
  [/今年|本年度?|这一年/, 0],
];
// Halves of a year: 上半年 January–June, 下半年 July–December.
const HALF = /(上|下)半年/;
// How far back "recent" reaches in news: a month is what a reader of a weekly paper means by 最近.
const RECENT_DAYS = 30;

/**
 * The window a question's relative time words name, and the question without them; undefined
 * when it names none. `today` is YYYY-MM-DD.
 */
export function timeWindow(question: string, today: string): { window?: TimeWindow; rest: string } {
  if (!isIsoDay(today)) return { rest: question };
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const take = (re: RegExp): string | undefined => {
    const hit = question.match(re);
    if (!hit) return undefined;
    question = question.replace(hit[0], ' ');
    return hit[0];
  };

  // A year (or half of one): 去年, 今年上半年, 前年下半年, 上半年 alone (of this year).
  for (const [re, back] of YEAR_WORDS) {
    const year = take(re);
    if (year === undefined) continue;
    const yy = y + back;
    const half = take(HALF);
    if (half) {
      const first = half.startsWith('上');
      return {
        window: {
          words: year + half,
          from: iso(yy, first ? 1 : 7, 1),
          to: first ? iso(yy, 6, 30) : iso(yy, 12, 31),
          soft: false,
        },
        rest: question,
      };
    }
    return {
      window: { words: year, from: iso(yy, 1, 1), to: back === 0 ? today : iso(yy, 12, 31), soft: false },
      rest: question,
    };
  }
  const half = take(HALF);
  if (half) {
    const first = half.startsWith('上');
    return {
      window: { words: half, from: iso(y, first ? 1 : 7, 1), to: first ? iso(y, 6, 30) : iso(y, 12, 31), soft: false },
      rest: question,
    };
  }
  // Months: 上个月 / 上月, 这个月 / 本月.
  const lastMonth = take(/上个?月/);
  if (lastMonth) {
    const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1];
    return {
      window: { words: lastMonth, from: iso(ly, lm, 1), to: iso(ly, lm, lastDay(ly, lm)), soft: false },
      rest: question,
    };
  }
  const thisMonth = take(/这个月|本月/);
  if (thisMonth) return { window: { words: thisMonth, from: iso(y, m, 1), to: today, soft: false }, rest: question };
  // Weeks run Monday to Sunday, as Chinese calendars count them.
  const lastWeek = take(/上周|上个?星期|上个?礼拜/);
  if (lastWeek) {
    const monday = shift(today, -weekday - 7);
    return { window: { words: lastWeek, from: monday, to: shift(monday, 6), soft: false }, rest: question };
  }
  const thisWeek = take(/这周|本周|这个?星期|这个?礼拜/);
  if (thisWeek)
    return { window: { words: thisWeek, from: shift(today, -weekday), to: today, soft: false }, rest: question };
  const yesterday = take(/昨天|昨日/);
  if (yesterday)
    return { window: { words: yesterday, from: shift(today, -1), to: shift(today, -1), soft: false }, rest: question };
  const day = take(/今天|今日/);
  if (day) return { window: { words: day, from: today, to: today, soft: false }, rest: question };
  const recent = take(/最近|近期|近日|这几天|这段时间|最新/);
  if (recent)
    return { window: { words: recent, from: shift(today, -RECENT_DAYS), to: today, soft: true }, rest: question };
  return { rest: question };
}

/** The first and last day an article date (YYYY-MM-DD, YYYY-MM or YYYY) may stand for. */
export function dateSpan(date: string): [from: string, to: string] | undefined {
  const m = date.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[3]) return [date, date];
  if (m[2]) return [`${date}-01`, iso(y, Number(m[2]), lastDay(y, Number(m[2])))];
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Whether an article of `date` may fall within the window (a month or year date overlapping it counts). */
export function withinWindow(date: string, window: { from: string; to: string }): boolean {
  const span = dateSpan(date);
  return span !== undefined && span[0] <= window.to && span[1] >= window.from;
}
