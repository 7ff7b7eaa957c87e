/**
 * A question about the present holder of an office or the latest news prefers the newest article
 * that answers it, and the result says as of when; a related result that holds the kind of answer
 * asked for says so (the bot then does not claim that nothing was found).
 */
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/retrieval/index/search-index.ts';
import { parseQuery } from '../../../src/retrieval/question/query.ts';
import { search } from '../../../src/retrieval/ranking/rank.ts';
import { RANKING, type RankingWeights } from '../../../src/retrieval/weights.ts';
import { oneArticleIssues } from '../../support/one-article-issues.ts';

const FILLER = '会议要求各部门进一步提高认识，压实责任，推动各项工作落地见效。';
const { article, issue } = oneArticleIssues('l', FILLER);

const archive = SearchIndex.build(
  [
    // The oldest holder's article scores best: it repeats the office's name.
    issue(
      article(
        '区人大常委会召开主任会议',
        '区人大常委会主任张建华主持会议。区人大常委会主任会议听取了区人大常委会工作报告。',
        '2021-03-05',
      ),
    ),
    issue(article('区人大常委会开展视察', '区人大常委会主任李明远带队视察重点项目建设。', '2022-06-10')),
    issue(article('区人大常委会举行会议', '区人大常委会主任王志诚主持会议并讲话。', '2024-11-02')),
    issue(article('社区志愿服务活动', '东湖社区志愿者开展清扫活动，志愿者们热情很高。', '2024-10-01')),
    issue(article('图书馆开展阅读活动', '区图书馆开展跟着节气去阅读活动，今年以来已举办13场。', '2024-09-01')),
    issue(article('阅读活动启动', '区图书馆跟着节气去阅读活动正式启动，吸引众多读者参加。', '2024-08-01')),
  ],
  [],
  'test',
).index;

describe('the present holder and the latest news', () => {
  it('reads which questions ask for the latest', () => {
    expect(parseQuery('区人大常委会主任是谁').latest).toBe(true);
    expect(parseQuery('现任区长叫什么').latest).toBe(true);
    expect(parseQuery('濠河最新的变化').latest).toBe(true);
    expect(parseQuery('谁获得了一等奖').latest).toBe(false);
    expect(parseQuery('图书馆开展了什么活动').latest).toBe(false);
  });

  it('puts the newest article that answers first, and says as of when', () => {
    const results = search(archive, '区人大常委会主任是谁');
    const answers = results.filter((r) => r.confidence === 'answer');
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(results[0]!.date).toBe('2024-11-02');
    expect(results[0]!.asOf).toBe('2024-11-02');
    expect(answers.map((r) => r.date)).toEqual([...answers.map((r) => r.date)].sort().reverse());
  });

  it('keeps the order by score for a question that does not ask for the latest', () => {
    const results = search(archive, '区人大常委会主任主持会议');
    expect(results[0]!.date).toBe('2021-03-05');
    expect(results.every((r) => r.asOf === undefined)).toBe(true);
  });

  it('a date named overrides: the holder of that year', () => {
    const results = search(archive, '2022年区人大常委会主任是谁');
    expect(results[0]!.date).toBe('2022-06-10');
  });
});

describe('a short answer disputed by another answering article', () => {
  // A short-answer model that withholds every disputed short answer and shows every other one.
  const zero = Object.fromEntries(Object.keys(RANKING.shortAnswer.coefficients).map((k) => [k, 0]));
  const disputeDecides: RankingWeights = {
    ...RANKING,
    shortAnswer: {
      intercept: 1,
      coefficients: { ...(zero as unknown as RankingWeights['shortAnswer']['coefficients']), disputed: -10 },
      threshold: 0.5,
    },
  };

  it('is withheld, but not for the present holder by an older article’s holder (history, no dispute)', () => {
    const now = search(archive, '区人大常委会主任是谁', { weights: disputeDecides });
    expect(now.map((r) => [r.date, r.confidence, r.direct?.text])).toEqual([
      ['2024-11-02', 'answer', '王志诚'],
      // Each older holder is disputed by a newer article's.
      ['2022-06-10', 'answer', undefined],
      ['2021-03-05', 'answer', undefined],
    ]);
    // Every short answer shown: each article has its own.
    const showAll: RankingWeights = { ...RANKING, shortAnswer: { ...RANKING.shortAnswer, threshold: 0 } };
    const all = search(archive, '区人大常委会主任是谁', { weights: showAll });
    expect(all.map((r) => r.direct?.text)).toEqual(['王志诚', '李明远', '张建华']);
  });
});

describe('a related result that may answer', () => {
  // Nothing offered as the answer and every topical passage shown: every result is related.
  const noAnswers: RankingWeights = {
    ...RANKING,
    decision: {
      ...RANKING.decision,
      answer: { ...RANKING.decision.answer, threshold: 1.01 },
      topic: { ...RANKING.decision.topic, threshold: 0 },
    },
  };

  it('says so when the decision gives its passage an even chance of holding the answer', () => {
    const results = search(archive, '跟着节气去阅读活动办了几场', { weights: noAnswers });
    const holding = results.find((r) => r.headline === '图书馆开展阅读活动');
    expect(holding?.confidence).toBe('related');
    expect(holding?.mayAnswer).toBe(true);
    // The same topic without a count of events: related, and no more.
    const other = results.find((r) => r.headline === '阅读活动启动');
    expect(other?.confidence).toBe('related');
    expect(other?.mayAnswer).toBeUndefined();
    // The flag follows the decision's estimate: asked for more than any p, no result says it.
    const never: RankingWeights = { ...noAnswers, decision: { ...noAnswers.decision, mayAnswer: 1.01 } };
    const strict = search(archive, '跟着节气去阅读活动办了几场', { weights: never });
    expect(strict.find((r) => r.headline === '图书馆开展阅读活动')?.mayAnswer).toBeUndefined();
  });
});

describe('related results under an answer', () => {
  const keeping = (share: number): RankingWeights => ({
    ...RANKING,
    decision: { ...RANKING.decision, keepUnderAnswer: share, topic: { ...RANKING.decision.topic, threshold: 0 } },
  });

  it('are dropped when far below the answer: another story that shares a word', () => {
    const q = '区图书馆跟着节气去阅读活动举办了多少场';
    const all = search(archive, q, { weights: keeping(0) });
    expect(all[0]!.confidence).toBe('answer');
    expect(all.some((r) => r.confidence === 'related')).toBe(true);
    // Kept only at the answer's own probability or above: none of the related ones.
    const strict = search(archive, q, { weights: keeping(1) });
    expect(strict.every((r) => r.confidence === 'answer')).toBe(true);
    expect(strict.length).toBeLessThan(all.length);
  });
});
