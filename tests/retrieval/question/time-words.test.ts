import { describe, expect, it } from 'vitest';
import { timeWindow, withinWindow } from '../../../src/retrieval/question/time-words.ts';

// A Wednesday in the middle of a year, and a day early in January (the year and month roll back).
const TODAY = '2025-06-18';
const NEW_YEAR = '2026-01-05';

const win = (q: string, today = TODAY) => {
  const w = timeWindow(q, today).window;
  return w && [w.from, w.to, w.soft];
};

describe('relative time words against a fixed today', () => {
  it('今天 and 昨天 are single days', () => {
    expect(win('今天有什么新闻')).toEqual([TODAY, TODAY, false]);
    expect(win('昨天的新闻', NEW_YEAR)).toEqual(['2026-01-04', '2026-01-04', false]);
  });

  it('这周 runs from Monday to today, 上周 is the whole week before', () => {
    expect(win('这周有什么新闻')).toEqual(['2025-06-16', TODAY, false]);
    expect(win('上周有什么活动')).toEqual(['2025-06-09', '2025-06-15', false]);
    expect(win('上周的报道', NEW_YEAR)).toEqual(['2025-12-29', '2026-01-04', false]);
  });

  it('上个月 is the previous calendar month, across a new year too', () => {
    expect(win('上个月有什么新闻')).toEqual(['2025-05-01', '2025-05-31', false]);
    expect(win('上月的会议', NEW_YEAR)).toEqual(['2025-12-01', '2025-12-31', false]);
    expect(win('本月有什么活动')).toEqual(['2025-06-01', TODAY, false]);
  });

  it('今年, 去年 and 前年 are calendar years; 今年 ends today', () => {
    expect(win('今年有什么新闻')).toEqual(['2025-01-01', TODAY, false]);
    expect(win('去年老旧小区改造的情况')).toEqual(['2024-01-01', '2024-12-31', false]);
    expect(win('前年的运动会', NEW_YEAR)).toEqual(['2024-01-01', '2024-12-31', false]);
  });

  it('上半年 and 下半年 are halves of the year named, of this year alone', () => {
    expect(win('上半年地区生产总值')).toEqual(['2025-01-01', '2025-06-30', false]);
    expect(win('去年下半年有什么新闻')).toEqual(['2024-07-01', '2024-12-31', false]);
    expect(timeWindow('去年上半年的GDP', TODAY).window?.words).toBe('去年上半年');
  });

  it('最近 is a soft preference for the last month', () => {
    expect(win('最近有什么新闻')).toEqual(['2025-05-19', TODAY, true]);
  });

  it('a question without time words, or a bad today, has no window', () => {
    expect(win('唐闸古镇规划面积多大')).toBeUndefined();
    expect(timeWindow('去年的新闻', 'yesterday').window).toBeUndefined();
  });

  it('the words are taken out of the rest of the question', () => {
    expect(timeWindow('去年老旧小区改造的情况', TODAY).rest.trim()).toBe('老旧小区改造的情况');
  });
});

describe('article dates against a window', () => {
  const may = { from: '2025-05-01', to: '2025-05-31' };
  it('a day within, a month or year that overlaps it, count; others do not', () => {
    expect(withinWindow('2025-05-12', may)).toBe(true);
    expect(withinWindow('2025-05', may)).toBe(true);
    expect(withinWindow('2025', may)).toBe(true);
    expect(withinWindow('2025-06-01', may)).toBe(false);
    expect(withinWindow('2024', may)).toBe(false);
    expect(withinWindow('', may)).toBe(false);
  });
});
