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
