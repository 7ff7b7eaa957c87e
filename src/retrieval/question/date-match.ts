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
  return bonus;
}
