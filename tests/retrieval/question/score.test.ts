import { describe, expect, it } from 'vitest';
import type { Concept } from '../../../src/retrieval/question/query.ts';
import {
  conceptTf,
  countOccurrences,
  fieldTf,
  idfOf,
  partialCredit,
  saturate,
  termCredit,
} from '../../../src/retrieval/question/score.ts';
import { RANKING } from '../../../src/retrieval/weights.ts';

const concept = (...terms: string[]): Concept => ({ terms, weight: 1 });

describe('idf', () => {
  it('is larger for rarer terms and never negative', () => {
    expect(idfOf(1, 1000)).toBeGreaterThan(idfOf(10, 1000));
    expect(idfOf(10, 1000)).toBeGreaterThan(idfOf(500, 1000));
    expect(idfOf(1000, 1000)).toBeGreaterThanOrEqual(0);
    expect(idfOf(0, 1000)).toBeCloseTo(Math.log(1 + 1000.5 / 0.5));
  });
});

describe('BM25F field term frequency', () => {
  const at = (tf: number, length: number) => ({ tf, length, averageLength: 100 });

  it('weighs a field by its weight and normalizes by its length', () => {
    expect(fieldTf(at(1, 100), 2)).toBeCloseTo(2 * fieldTf(at(1, 100), 1));
    expect(fieldTf(at(1, 50), 1)).toBeGreaterThan(fieldTf(at(1, 100), 1));
    expect(fieldTf(at(1, 100), 1)).toBeGreaterThan(fieldTf(at(1, 300), 1));
    expect(fieldTf(at(1, 100), 1)).toBeCloseTo(1);
  });

  it('ignores length when b is 0, and gives nothing for an absent term', () => {
    expect(fieldTf(at(1, 300), 1, 0)).toBeCloseTo(fieldTf(at(1, 30), 1, 0));
    expect(fieldTf(at(0, 100), 2)).toBe(0);
  });

  it('saturates: more occurrences earn less and less, never more than 1', () => {
    const one = saturate(1);
    const two = saturate(2);
    const ten = saturate(10);
    expect(two - one).toBeGreaterThan(saturate(3) - two);
    expect(ten).toBeLessThan(1);
    expect(saturate(0)).toBe(0);
    expect(saturate(1, 0.5)).toBeGreaterThan(saturate(1, 2));
  });
});

describe('matching a concept in a text', () => {
  it("counts the user's word in full and a synonym at the synonym credit", () => {
    const gdp = concept('gdp', '地区生产总值', '生产总值');
    expect(countOccurrences('gdp增长,gdp总量', 'gdp')).toBe(2);
    expect(conceptTf('gdp增长,gdp总量', gdp)).toBe(2);
    // 生产总值 stands inside 地区生产总值: the better term counts, not both.
    expect(conceptTf('实现地区生产总值814亿元', gdp)).toBeCloseTo(RANKING.match.synonym);
    expect(termCredit('实现地区生产总值814亿元', gdp)).toBeCloseTo(RANKING.match.synonym);
    expect(termCredit('今天天气很好', gdp)).toBe(0);
  });

  it('gives long words partial credit when most of their bigrams stand in the text', () => {
    expect(partialCredit('老旧小区的改造工程', '老旧小区改造')).toBeGreaterThan(0);
    expect(partialCredit('老旧小区的改造工程', '老旧小区改造')).toBeLessThanOrEqual(RANKING.match.partial);
    expect(partialCredit('完全无关的句子', '老旧小区改造')).toBe(0);
    expect(partialCredit('小区', '小区')).toBe(0);
  });
});
