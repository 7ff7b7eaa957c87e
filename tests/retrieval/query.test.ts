import { describe, expect, it } from 'vitest';
import { answerTypeOf, extractDate, parseQuery, splitUnknownConcepts } from '../../src/retrieval/query.ts';
import { synonymsOf } from '../../src/retrieval/synonyms.ts';

const mainTerms = (q: string) => parseQuery(q).concepts.map((c) => c.terms[0]);

describe('parseQuery', () => {
  it('drops question scaffolding', () => {
    const terms = mainTerms('请问唐闸古镇常住人口是多少吗');
    expect(terms).toEqual(expect.arrayContaining(['常住人口']));
    expect(terms.some((t) => t?.startsWith('唐闸'))).toBe(true);
    for (const w of ['请问', '是多少', '多少', '吗', '是']) expect(terms).not.toContain(w);
  });

  it('expands synonyms and abbreviations as alternatives of one concept', () => {
    const gdp = parseQuery('崇川GDP是多少').concepts.find((c) => c.terms[0] === 'gdp');
    expect(gdp?.terms).toContain('地区生产总值');
    const games = parseQuery('省运会成绩').concepts.find((c) => c.terms[0] === '省运会');
    expect(games?.terms).toContain('省运动会');
    expect(synonymsOf('地区生产总值')).toContain('gdp');
  });

  it('reads Traditional characters as Simplified', () => {
    expect(mainTerms('國家安全教育')).toEqual(expect.arrayContaining(['国家安全']));
  });

  it('takes a date out of the question', () => {
    expect(extractDate('2021年8月6日开了什么会').date).toEqual({ year: 2021, month: 8, day: 6 });
    expect(extractDate('9月8日的会议').date).toEqual({ year: undefined, month: 9, day: 8 });
    expect(extractDate('2023年4月的新闻').date).toEqual({ year: 2023, month: 4, day: undefined });
    expect(parseQuery('2022年3月7日胡拥军调研').concepts.map((c) => c.terms[0])).not.toContain('2022年');
  });

  it('knows what kind of answer is asked for', () => {
    expect(answerTypeOf('唐闸古镇规划面积多大')).toEqual({ kind: 'number' });
    expect(answerTypeOf('哪个社区开展了活动')).toEqual({ kind: 'entity', suffixes: expect.arrayContaining(['社区']) });
    expect(answerTypeOf('哪些企业')).toEqual({ kind: 'entity', suffixes: expect.arrayContaining(['公司']) });
    expect(answerTypeOf('红色直播间')).toEqual({ kind: 'any' });
  });

  it('splits a glued word into the words the archive knows, but keeps a wholly unknown one', () => {
    const known = new Set(['崇川', '会议']);
    const split = splitUnknownConcepts([{ terms: ['崇川开'], weight: 1 }], (t) => known.has(t));
    expect(split.map((c) => c.terms[0])).toEqual(['崇川', '开']);
    const kept = splitUnknownConcepts([{ terms: ['股市行情'], weight: 1 }], (t) => known.has(t));
    expect(kept.map((c) => c.terms[0])).toEqual(['股市行情']);
  });
});
