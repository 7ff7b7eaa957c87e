import { describe, expect, it, vi } from 'vitest';
import type { Article, Issue } from '../../../src/corpus/types.ts';
import { decide } from '../../../src/retrieval/ranking/decision.ts';
import { prepareSearch, search } from '../../../src/retrieval/ranking/rank.ts';
import { SearchIndex } from '../../../src/retrieval/index/search-index.ts';
import { RANKING, type RankingWeights } from '../../../src/retrieval/weights.ts';

// Filler that every article shares, so that the words under test are the only difference.
const FILLER = '会议要求各部门进一步提高认识，压实责任，推动各项工作落地见效，切实增强群众的获得感和幸福感。';

let n = 0;
const article = (headline: string, paragraphs: string[], date = '2025-03-01'): Article => ({
  id: `a${++n}`,
  headline,
  subtitle: '',
  date,
  source: 'test.txt',
  byline: [],
  paragraphs: paragraphs.map((p) => `${p}${FILLER}`),
  captions: [],
});

const issue = (articles: Article[]): Issue => ({ source: 'test.txt', date: '2025-03-01', articles, photos: [] });

const archive = SearchIndex.build(
  [
    issue([
      article('滨江公园改造完工', ['近日，滨江公园改造工程顺利完工，市民可以前来游玩。']),
      article('城市建设情况通报', ['滨江公园周边道路整治。滨江公园附近新设公交站台。']),
      article('青年路新增停车位', ['青年路新增停车位200个，缓解了停车难。']),
      article('城区交通情况', ['青年路沿线商铺众多，人流量大。', '全区今年新建停车位多处，方便市民出行。']),
      article('东湖社区志愿服务', ['东湖社区志愿者队伍共有120名志愿者，常年开展志愿服务。']),
      article('东湖社区开展活动', ['东湖社区志愿者开展清扫活动，志愿者们热情很高。']),
      article('区运动会闭幕', ['本届运动会设置奖项多个，优秀运动员获得表彰。']),
    ]),
  ],
  [],
  'test',
).index;

const headlines = (q: string, weights: RankingWeights = RANKING) =>
  search(archive, q, { limit: 5, weights }).map((r) => r.headline);
const score = (q: string, headline: string, weights: RankingWeights = RANKING) =>
  search(archive, q, { limit: 5, weights }).find((r) => r.headline === headline)?.score ?? 0;

describe('BM25F fields', () => {
  it('ranks a headline match above body mentions, by the headline weight', () => {
    expect(headlines('滨江公园')[0]).toBe('滨江公园改造完工');
    const noHeadline: RankingWeights = { ...RANKING, fields: { ...RANKING.fields, headline: 0 } };
    expect(headlines('滨江公园', noHeadline)[0]).toBe('城市建设情况通报');
  });
});

describe('proximity', () => {
  it('ranks terms held in one sentence above the same terms apart', () => {
    expect(headlines('青年路停车位')[0]).toBe('青年路新增停车位');
    const noProximity: RankingWeights = { ...RANKING, score: { ...RANKING.score, proximity: 0 } };
    const gap = score('青年路停车位', '青年路新增停车位') - score('青年路停车位', '城区交通情况');
    const gapWithout =
      score('青年路停车位', '青年路新增停车位', noProximity) - score('青年路停车位', '城区交通情况', noProximity);
    expect(gap).toBeGreaterThan(gapWithout);
  });
});

describe('answer type and confidence', () => {
  it('puts the passage with the quantity asked for first and offers it as the answer', () => {
    const results = search(archive, '东湖社区有多少名志愿者', { limit: 5 });
    expect(results[0]?.headline).toBe('东湖社区志愿服务');
    expect(results[0]?.confidence).toBe('answer');
    // The other article, without the figure asked for, is never the answer: shown as related, or
    // dropped as too weak under the answer.
    const other = results.find((r) => r.headline === '东湖社区开展活动');
    expect(other?.confidence).not.toBe('answer');
    expect(results.filter((r) => r.confidence === 'answer').map((r) => r.headline)).toEqual(['东湖社区志愿服务']);
  });

  it('does not offer an answer when the thing asked for is not there', () => {
    // 奖项 stands elsewhere in the archive, not in the articles about 东湖社区.
    const results = search(archive, '东湖社区志愿者获得了哪些奖项', { limit: 5 });
    expect(results.every((r) => r.confidence === 'related')).toBe(true);
  });

  it('shows nothing when the question has nothing to do with the archive', () => {
    expect(search(archive, '火星探测器发射时间')).toEqual([]);
  });
});

describe('work per question', () => {
  // A long question of many distinct words, all of which the archive holds: the concept limit,
  // not the question, decides how many terms are looked up.
  const long = `滨江公园改造工程顺利完工青年路新增停车位东湖社区志愿者运动会奖项优秀运动员${FILLER}`
    .repeat(4)
    .slice(0, 300);
  const termsLookedUp = (weights: RankingWeights) => {
    const spy = vi.spyOn(archive, 'termPassages');
    try {
      search(archive, long, { limit: 5, weights });
      return { terms: new Set(spy.mock.calls.map(([term]) => term)).size };
    } finally {
      spy.mockRestore();
    }
  };
  const withConcepts = (concepts: number): RankingWeights => ({ ...RANKING, limits: { ...RANKING.limits, concepts } });

  it('looks up only the concepts the limit allows', () => {
    const unbounded = termsLookedUp(withConcepts(1000));
    const bounded = termsLookedUp(RANKING);
    const tight = termsLookedUp(withConcepts(2));
    expect(bounded.terms).toBeLessThan(unbounded.terms);
    expect(tight.terms).toBeLessThan(bounded.terms);
  });
});

describe('a rare name the article lacks', () => {
  const projects = SearchIndex.build(
    [
      issue([
        article('华睿智连项目开工', [
          '2月8日，华睿智连项目正式开工，投产后将带来800余个就业岗位，年纳税不少于4900万元。',
        ]),
        article('铂特项目加快建设', ['铂特汽车天窗项目工地上几台塔吊同时作业，建设者们抢抓晴好天气加紧施工。']),
        article('春风行动招聘会', ['招聘会上86家企业带来2100余个岗位，吸引了众多求职者。']),
        article('图书馆寒假活动', ['图书馆推出少儿阅读活动12场，孩子们走进图书馆。']),
        article('社区助餐服务', ['长者食堂日均服务老人680余人次，菜单每周更新一次。']),
      ]),
    ],
    [],
    'test',
  ).index;
  // Names here are rare by construction; the rule's rareness threshold is lowered to this small archive's scale.
  const on: RankingWeights = { ...RANKING, confidence: { ...RANKING.confidence, missingName: 0.5 } };
  const off: RankingWeights = { ...RANKING, confidence: { ...RANKING.confidence, missingName: 2 } };
  const first = (q: string, weights: RankingWeights) => search(projects, q, { limit: 3, weights })[0];

  it("notes another company's article, and the decision counts it against the answer", () => {
    const q = '铂特项目投产后能带来多少就业岗位';
    // The leading passage's evidence: its article lacks the rare name 铂特 only by the rule's threshold.
    const lead = (w: RankingWeights) => {
      const prepared = prepareSearch(projects, q, w);
      if ('results' in prepared) throw new Error('no passages scored');
      return [...prepared.scored].sort((a, b) => b.score - a.score)[0]!.evidence;
    };
    expect(lead(on).nameMissing).toBe(true);
    expect(lead(off).nameMissing).toBe(false);
    expect(first(q, on)?.headline).toBe('华睿智连项目开工');
    // The fitted models weigh it (with cleanCover, which it zeroes): less likely to answer.
    const evidence = lead(on);
    expect(decide(evidence).p).toBeLessThan(decide({ ...evidence, nameMissing: false }).p);
  });

  it('still answers when the article names it', () => {
    expect(first('华睿智连项目投产后能带来多少就业岗位', on)).toMatchObject({
      headline: '华睿智连项目开工',
      confidence: 'answer',
    });
  });

  it('gives no date for an event the archive never speaks of', () => {
    expect(first('华睿智连项目什么时候开工', RANKING)?.confidence).toBe('answer');
    // 竣工 stands nowhere in the archive: the date near the project's name is another event's.
    expect(first('华睿智连项目什么时候竣工', RANKING)).toMatchObject({
      headline: '华睿智连项目开工',
      confidence: 'related',
    });
  });
});

describe('the kind of answer asked for, in the paragraph after', () => {
  const stations = SearchIndex.build(
    [
      issue([
        // Paragraphs long enough to be passages of their own.
        article('户外劳动者服务站点开放', [
          `连日来气温走低，各街道的户外劳动者服务站点成了环卫工人歇脚取暖的暖心驿站。${FILLER.repeat(2)}`,
          `区总工会负责人介绍，依托银行网点等场所建成服务站点128个。${FILLER.repeat(2)}`,
        ]),
        article('图书馆寒假活动', ['图书馆推出少儿阅读活动12场，孩子们走进图书馆。']),
      ]),
    ],
    [],
    'test',
  ).index;

  it('counts for the lead that names the topic: a result shows the neighbouring paragraph', () => {
    const prepared = prepareSearch(stations, '户外劳动者服务站点有多少个');
    if ('results' in prepared) throw new Error('no passages scored');
    const lead = prepared.scored.find((s) => stations.passageTexts[s.passage]!.includes('暖心驿站'));
    expect(stations.passageTexts[lead!.passage]).not.toContain('128');
    expect(lead?.evidence.typeFound).toBe(true);
    // An article with no such figure anywhere does not.
    const other = prepareSearch(stations, '户外劳动者服务站点什么时候开放');
    if ('results' in other) throw new Error('no passages scored');
    expect(other.scored.every((s) => !s.evidence.typeFound)).toBe(true);
  });

  it('notes when the word the question asks about is not in the passage', () => {
    const lead = (q: string) => {
      const prepared = prepareSearch(stations, q);
      if ('results' in prepared) throw new Error('no passages scored');
      return [...prepared.scored].sort((a, b) => b.score - a.score)[0]!.evidence;
    };
    expect(lead('户外劳动者服务站点有多少个').focusMissing).toBe(false);
    // 保安 stands right after 多少名: the count asked for is of guards, which the article never mentions.
    expect(lead('多少名保安在户外劳动者服务站点值守').focusMissing).toBe(true);
    // 什么机构 asks for a kind of thing: the answer (银行网点) need not say 机构.
    expect(lead('户外劳动者服务站点依托的是什么机构').focusMissing).toBe(false);
  });
});

describe('a short answer bound to the question, as evidence', () => {
  const relief = SearchIndex.build(
    [
      issue([
        article('寒冬送暖', [
          '进入12月，区民政局启动寒冬送暖专项行动，为低保对象、特困人员、低保边缘家庭等困难群众送去一次性生活补贴、过冬物资以及棉被、米油等生活必需品，全区共惠及4300余户，发放资金560万元。',
        ]),
        article('图书馆寒假活动', ['图书馆推出少儿阅读活动12场，孩子们走进图书馆。']),
        article('高温健康提示', ['高温天气持续。区卫健委主任钱卫东提醒，高温时段尽量减少外出。']),
      ]),
    ],
    [],
    'test',
  ).index;
  const lead = (q: string) => {
    const prepared = prepareSearch(relief, q);
    if ('results' in prepared) throw new Error('no passages scored');
    return [...prepared.scored].sort((a, b) => b.score - a.score)[0]!.evidence;
  };

  it('is the kind of answer asked for, found, though the sentence holds it too far off for nearness alone', () => {
    const money = lead('民政局给低保家庭一共发了多少钱');
    expect(money.typeScore).toBeLessThan(0.3);
    expect(money).toMatchObject({ shortAnswer: true, typeFound: true });
  });

  it('counts a person bound to the title asked about as the kind of answer found', () => {
    expect(lead('区卫健委主任是谁')).toMatchObject({ shortAnswer: true, typeFound: true });
  });

  it('notes a name asked for that the passage does not give, and not a figure', () => {
    expect(lead('民政局寒冬送暖行动由哪家公司承办')).toMatchObject({ nameAsked: true, shortAnswerMissing: true });
    expect(lead('民政局给低保家庭发了多少吨粮食')).toMatchObject({ nameAsked: false, shortAnswerMissing: true });
  });

  it('is not found where no figure binds to what is asked', () => {
    expect(lead('民政局给低保家庭发了多少吨粮食')).toMatchObject({ shortAnswer: false, typeFound: false });
  });
});
