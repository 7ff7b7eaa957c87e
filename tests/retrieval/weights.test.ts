/**
 * The weights are one explicit parameter: a weight changed in the object given to `search` changes
 * what comes out through each path that reads one (reading the question, choosing the answer
 * sentence, the short answer, the score, the confidence), never silently the defaults.
 */
import { describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../src/corpus/types.ts';
import { bestSentence } from '../../src/retrieval/answers/answer.ts';
import { directCandidates } from '../../src/retrieval/answers/direct-answer.ts';
import { SearchIndex } from '../../src/retrieval/index/search-index.ts';
import { parseQuery } from '../../src/retrieval/question/query.ts';
import { search } from '../../src/retrieval/ranking/rank.ts';
import { RANKING, type RankingWeights } from '../../src/retrieval/weights.ts';

const FILLER = '会议要求各部门进一步提高认识，压实责任，推动各项工作落地见效。';
let n = 0;
const article = (headline: string, paragraphs: string[]): Article => ({
  id: `w${++n}`,
  headline,
  subtitle: '',
  date: '2025-03-01',
  source: 'test.txt',
  byline: [],
  paragraphs: paragraphs.map((p) => `${p}${FILLER}`),
  captions: [],
});
const issue = (articles: Article[]): Issue => ({ source: 'test.txt', date: '2025-03-01', articles, photos: [] });

const archive = SearchIndex.build(
  [
    issue([
      article('东湖社区志愿服务', [
        '东湖社区志愿者队伍常年开展志愿服务，东湖社区志愿者风雨无阻。东湖社区今年共有志愿者120名。',
      ]),
      article('滨江公园改造完工', ['近日，滨江公园改造工程顺利完工，市民可以前来游玩。']),
      article('城市建设情况通报', ['滨江公园周边道路整治。滨江公园附近新设公交站台。']),
    ]),
  ],
  [],
  'test',
).index;

const vary = (patch: (w: RankingWeights) => RankingWeights) => patch(structuredClone(RANKING));

describe('weights given to search reach every function that reads one', () => {
  it('reading the question: concept weights come from the weights given', () => {
    const heavyVerbs = vary((w) => ({ ...w, concept: { ...w.concept, lightWord: 0.9, singleChar: 0.2 } }));
    const weightOf = (q: ReturnType<typeof parseQuery>, term: string) =>
      q.concepts.find((c) => c.terms[0] === term)?.weight;
    expect(weightOf(parseQuery('志愿者开展了服务', RANKING), '开展')).toBe(RANKING.concept.lightWord);
    expect(weightOf(parseQuery('志愿者开展了服务', heavyVerbs), '开展')).toBe(0.9);
    // …and through search: the verb's mass changes the first result's score.
    const q = '东湖社区志愿者开展服务';
    expect(search(archive, q, { weights: heavyVerbs })[0]!.score).not.toBe(search(archive, q)[0]!.score);
  });

  it('choosing the answer sentence: what the asked kind of answer adds comes from the weights given', () => {
    const q = '东湖社区志愿者有多少名';
    expect(search(archive, q)[0]!.answer).toContain('120名');
    const noType = vary((w) => ({ ...w, score: { ...w.score, answerTypeInSentence: 0, focusInSentence: 1 } }));
    // Without credit for the number, the sentence repeating the question's words wins.
    expect(search(archive, q, { weights: noType })[0]!.answer).not.toContain('120名');
    const passage = '东湖社区志愿者队伍常年开展志愿服务，东湖社区志愿者风雨无阻。东湖社区今年共有志愿者120名。';
    const query = parseQuery(q);
    const idf = query.concepts.map(() => 1);
    expect(bestSentence(passage, passage, query, idf, noType).text).not.toBe(
      bestSentence(passage, passage, query, idf).text,
    );
  });

  it('the short answer: the credit of a synonym comes from the weights given', () => {
    // 地区生产总值 is in GDP's synonym group: the sentence holds the question's word in another form.
    const sentence = '上半年，崇川实现地区生产总值814亿元，同比增长5.8%。';
    const tie = (w: RankingWeights) =>
      directCandidates('崇川GDP是多少', sentence, sentence, w)
        .flatMap((circle) => circle())
        .find((c) => c.text.includes('814'))?.tie;
    const noSynonyms = vary((w) => ({ ...w, match: { ...w.match, synonym: 0 } }));
    expect(tie(RANKING)).toBeGreaterThan(tie(noSynonyms) ?? 0);
  });

  it('the score: BM25F field weights come from the weights given', () => {
    expect(search(archive, '滨江公园')[0]!.headline).toBe('滨江公园改造完工');
    const noHeadline = vary((w) => ({ ...w, fields: { ...w.fields, headline: 0 } }));
    expect(search(archive, '滨江公园', { weights: noHeadline })[0]!.headline).toBe('城市建设情况通报');
  });

  it('the confidence: what earns "answer" comes from the weights given', () => {
    const q = '东湖社区志愿者有多少名';
    expect(search(archive, q)[0]!.confidence).toBe('answer');
    const strict = vary((w) => ({
      ...w,
      decision: { ...w.decision, answer: { ...w.decision.answer, threshold: 1.01 } },
    }));
    expect(search(archive, q, { weights: strict })[0]!.confidence).toBe('related');
  });
});
