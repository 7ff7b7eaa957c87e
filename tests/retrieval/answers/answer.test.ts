import { describe, expect, it } from 'vitest';
import { answerTypeScore } from '../../../src/retrieval/answers/answer.ts';
import { parseQuery } from '../../../src/retrieval/question/query.ts';

const score = (sentence: string, question: string) => {
  const query = parseQuery(question);
  return answerTypeScore(sentence, query.answerType, query);
};

describe('the kind of answer a sentence holds', () => {
  it('reads a duration written in Chinese numerals as the length asked for', () => {
    const q = '检查发现问题多久回头看';
    expect(score('检查组将在一周内开展回头看。', q)).toBeGreaterThan(0.5);
    expect(score('整改工作将持续两个月。', '整改工作持续多久')).toBeGreaterThan(0.5);
    expect(score('检查组当场下达整改意见。', q)).toBe(0);
  });

  it('does not take a date in digits for a quantity', () => {
    expect(score('5月24日，南通队迎来首个主场。', '南通队有多少名球员')).toBe(0);
  });
});

describe('the answer type scored once per question and sentence', () => {
  it('gives each sentence its own score, loose and strict, in any order of asking', () => {
    const question = '新增停车位多少个';
    const sentences = ['今年新增停车位860个。', '服务热线12345全天开通。', '停车场位于体育馆东侧。'];
    // A fresh question for every call: nothing kept between them.
    const fresh = (s: string, strict: boolean) => {
      const q = parseQuery(question);
      return answerTypeScore(s, q.answerType, q, strict);
    };
    const expected = sentences.map((s) => [fresh(s, false), fresh(s, true)]);
    // The figure asked counts; a sentence with no number holds none; strict is never above loose.
    expect(expected[0]![0]).toBeGreaterThan(0.5);
    expect(expected[1]![0]).toBeGreaterThan(0);
    expect(expected[1]![1]).toBeLessThanOrEqual(expected[1]![0]!);
    expect(expected[2]).toEqual([0, 0]);
    // One question asked of every sentence, strict first, then loose, then strict again.
    const query = parseQuery(question);
    for (const [k, s] of sentences.entries()) {
      expect(answerTypeScore(s, query.answerType, query, true)).toBe(expected[k]![1]);
      expect(answerTypeScore(s, query.answerType, query, false)).toBe(expected[k]![0]);
      expect(answerTypeScore(s, query.answerType, query, true)).toBe(expected[k]![1]);
    }
    // Another answer type for the same question is scored for that type, not read from the kept scores.
    expect(answerTypeScore(sentences[0]!, { kind: 'any' }, query)).toBe(0);
    expect(answerTypeScore(sentences[0]!, { kind: 'number', units: ['元'] }, query, true)).toBe(0);
  });
});
