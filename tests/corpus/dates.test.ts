import { describe, expect, it } from 'vitest';
import {
  articleDate,
  dateFromFileName,
  formatPartialDate,
  inferIssueYear,
  latestStatedYear,
  yearFromAnchors,
} from '../../src/corpus/dates.ts';
import { parseChineseNumeral } from '../../src/corpus/chinese-numeral.ts';

describe('issue year', () => {
  it('comes from a dated file name', () => {
    expect(dateFromFileName('2023-04-10_anything.txt')).toEqual({ year: 2023, month: 4, day: 10 });
    expect(dateFromFileName('20230410.txt')).toEqual({ year: 2023, month: 4, day: 10 });
    expect(dateFromFileName('000_ee7a1d118fc23364.txt')).toBeNull();
  });

  it('is the latest year spoken of as present or past', () => {
    expect(latestStatedYear('崇川区召开2021年二季度高质量发展大比武查评会')).toBe(2021);
    expect(latestStatedYear('2022年以来……力争2023年全区食品安全工作取得新成效')).toBe(2023);
  });

  it('ignores history and the ends of plan ranges', () => {
    expect(latestStatedYear('公司始建于1997年。《三年行动计划(2022—2024年)》，2022年度名单')).toBe(2022);
    expect(latestStatedYear('《实施方案(2022—2025年)》')).toBeNull();
    expect(latestStatedYear('到2035年基本实现')).toBeNull();
  });

  it('falls back to dated events the issue refers to', () => {
    expect(yearFromAnchors('以实际行动迎接党的二十大胜利召开')).toBe(2022);
    expect(yearFromAnchors('4月15日是第八个全民国家安全教育日')).toBe(2023);
    expect(yearFromAnchors('江苏省第二十届运动会在泰州落下帷幕。4年后，江苏省第二十一届运动会将在连云港举办')).toBe(
      2022,
    );
    expect(inferIssueYear('区领导调研中小微企业')).toBeNull();
  });
});

describe('article date', () => {
  it('is the first day named, in the issue year', () => {
    expect(formatPartialDate(articleDate('9月8日，崇川区召开交流会。9月9日……', { year: 2022, month: 9 }))).toBe(
      '2022-09-08',
    );
  });

  it('keeps an explicit year, and puts December in a January issue in the year before', () => {
    expect(formatPartialDate(articleDate('2021年8月6日，会议召开', { year: 2023 }))).toBe('2021-08-06');
    expect(formatPartialDate(articleDate('12月28日，会议召开', { year: 2024, month: 1 }))).toBe('2023-12-28');
  });

  it('is the issue month for 近日, and never a day without a year', () => {
    expect(formatPartialDate(articleDate('近日，活动举行', { year: 2024, month: 11 }))).toBe('2024-11');
    expect(formatPartialDate(articleDate('9月8日，会议召开', {}))).toBe('');
  });
});

describe('parseChineseNumeral', () => {
  it('reads small numerals', () => {
    expect([
      parseChineseNumeral('八'),
      parseChineseNumeral('十一'),
      parseChineseNumeral('二十'),
      parseChineseNumeral('二十一'),
    ]).toEqual([8, 11, 20, 21]);
    expect(parseChineseNumeral('abc')).toBeNaN();
  });
});
