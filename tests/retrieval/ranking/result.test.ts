import { describe, expect, it } from 'vitest';
import { directAnswer } from '../../../src/retrieval/answers/direct-answer.ts';
import { questionForPassage } from '../../../src/retrieval/ranking/result.ts';

describe('the question as a passage must answer it', () => {
  const passage = '本报讯 夜市每周五至周日19:00至22:30开放，将持续到9月底。';

  it('drops a word the headline holds and the passage does not: it names the article, not the sentence', () => {
    const q = questionForPassage('西南营夜市几点关门', '老街区里的夜生活 西南营历史文化街区夜市开街', passage);
    expect(q).not.toContain('西南营');
    expect(q).toContain('夜市');
    expect(directAnswer(q, passage)?.text).toBe('22:30');
  });

  it('keeps every word under a headline that does not hold it', () => {
    const q = questionForPassage('西南营夜市几点关门', '老街区里的夜生活 寺街夜市开街', passage);
    expect(q).toBe('西南营夜市几点关门');
    expect(directAnswer(q, passage)).toBeUndefined();
  });
});
