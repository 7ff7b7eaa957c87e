import { describe, expect, it } from 'vitest';
import { dateBonus, dateMatches, namesYear } from '../../../src/retrieval/question/date-match.ts';
import { RANKING } from '../../../src/retrieval/weights.ts';

describe('a year named relative to the report', () => {
  it('reads 去年 and 前年 against the article date', () => {
    expect(namesYear('2024-01-20', '去年,全区共完成适老化改造860户', 2023)).toBe(true);
    expect(namesYear('2025-02-03', '前年建成的步道', 2023)).toBe(true);
    expect(namesYear('2023-05-01', '今年计划新建5所学校', 2023)).toBe(true);
  });

  it('refuses a relative year that points elsewhere, and a text naming no year', () => {
    expect(namesYear('2024-01-20', '今年计划完成500户', 2023)).toBe(false);
    expect(namesYear('2025-01-20', '去年完成860户', 2023)).toBe(false);
    expect(namesYear('2024-01-20', '全区共完成860户', 2023)).toBe(false);
    // An article without a year of its own resolves nothing.
    expect(namesYear('', '去年完成860户', 2023)).toBe(false);
  });

  it('still reads a year written out', () => {
    expect(namesYear('2025-01-20', '2023年完成860户', 2023)).toBe(true);
  });
});

describe('dateMatches', () => {
  it('takes a year-only question as met by last year in a report of the year after', () => {
    expect(dateMatches('2024-01-20', '去年,全区共完成860户', { year: 2023 })).toBe(true);
    expect(dateMatches('2024-01-20', '今年计划完成500户', { year: 2023 })).toBe(false);
  });

  it('does not read relative years for a day named', () => {
    expect(dateMatches('2024-01-20', '去年11月29日召开', { year: 2023, month: 11, day: 28 })).toBe(false);
    expect(dateMatches('2024-01-20', '11月28日召开', { month: 11, day: 28 })).toBe(true);
  });
});

describe('dateBonus', () => {
  it('gives a report of another year a little for naming the year asked, less than one of that year', () => {
    const named = dateBonus('2024-01-20', '去年,全区共完成860户', { year: 2023 });
    const unnamed = dateBonus('2024-01-20', '今年计划完成500户', { year: 2023 });
    const ofYear = dateBonus('2023-06-01', '全区共完成860户', { year: 2023 });
    expect(named).toBe(RANKING.score.dateInText);
    expect(unnamed).toBe(0);
    expect(ofYear).toBeGreaterThan(named);
  });
});

describe('a year in Chinese digits', () => {
  it('is the year', () => {
    expect(namesYear('2026-01-15', '二〇二五年全区城镇新增就业1.96万人', 2025)).toBe(true);
    expect(namesYear('2026-01-15', '二〇二四年全区城镇新增就业1.8万人', 2025)).toBe(false);
  });
});

describe('a month named', () => {
  it('is met by a report of that year naming the month (7月以来), or by the year and month written out', () => {
    expect(dateMatches('2025-08-11', '7月以来，全区累计接诊中暑患者138例', { year: 2025, month: 7 })).toBe(true);
    expect(dateMatches('2025-08-11', '7月15日起实行错峰作业', { year: 2025, month: 7 })).toBe(true);
    expect(dateMatches('2026-01-05', '2025年7月以来累计接诊138例', { year: 2025, month: 7 })).toBe(true);
  });

  it('is not met by another month, another year, or a number ending in the digit (17月 is no month)', () => {
    expect(dateMatches('2025-08-11', '8月以来累计接诊138例', { year: 2025, month: 7 })).toBe(false);
    expect(dateMatches('2024-08-11', '7月以来累计接诊138例', { year: 2025, month: 7 })).toBe(false);
    expect(dateMatches('2025-08-11', '工期17月', { year: 2025, month: 7 })).toBe(false);
  });
});
