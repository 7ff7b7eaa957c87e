import { describe, expect, it } from 'vitest';
import {
  answerTypeOf,
  extractDate,
  glueSingles,
  parseQuery,
  splitUnknownConcepts,
  surnameBeforeAddress,
  wordWeight,
} from '../../../src/retrieval/question/query.ts';
import synonymData from '../../../src/retrieval/question/synonyms.json' with { type: 'json' };
import { synonymsOf } from '../../../src/retrieval/question/synonyms.ts';
import { RANKING } from '../../../src/retrieval/weights.ts';

const mainTerms = (q: string) => parseQuery(q).concepts.map((c) => c.terms[0]);

describe('parseQuery', () => {
  it('drops question scaffolding', () => {
    const terms = mainTerms('请问唐闸古镇常住人口是多少吗');
    expect(terms.join(' ')).toMatch(/常住\s?人口/);
    expect(terms.some((t) => t?.startsWith('唐闸'))).toBe(true);
    for (const w of ['请问', '是多少', '多少', '吗', '是']) expect(terms).not.toContain(w);
  });

  it('expands synonyms and abbreviations as alternatives of one concept', () => {
    const gdp = parseQuery('崇川GDP是多少').concepts.find((c) => c.terms[0] === 'gdp');
    expect(gdp?.terms).toContain('地区生产总值');
    const games = parseQuery('省运会成绩').concepts.find((c) => c.terms[0] === '省运会');
    expect(games?.terms).toContain('省运动会');
    expect(synonymsOf('地区生产总值')).toContain('gdp');
    // Colloquial and official wording of the same service.
    expect(synonymsOf('送饭')).toContain('助餐');
  });

  it('keeps every synonym group documented and free of one-off links', () => {
    for (const g of synonymData.groups) {
      expect(g.usage.length).toBeGreaterThan(5);
      expect(g.words.length).toBeGreaterThan(1);
      // A lone character matches almost anything: never a synonym.
      for (const w of g.words) expect(w.length).toBeGreaterThan(1);
    }
  });

  it('drops degree adverbs and modal verbs, which hedge a question but name nothing', () => {
    const terms = mainTerms('群众提的建议里哪些比较集中，应该到会的委员，准备改造几个小区');
    for (const w of ['比较', '应该', '准备']) expect(terms).not.toContain(w);
    expect(terms).toEqual(expect.arrayContaining(['建议', '集中', '委员']));
  });

  it('drops the noun a question asks for instead of naming (什么职务, 报名人数有多少), and keeps its unit', () => {
    expect(mainTerms('邹京泓当选了什么职务')).not.toContain('职务');
    expect(mainTerms('半马报名人数有多少')).not.toContain('人数');
    expect(answerTypeOf('半马报名人数有多少')).toEqual({ kind: 'number', units: ['人', '名', '位'] });
    expect(mainTerms('这条老街全长多少')).not.toContain('全长');
    expect(answerTypeOf('这条老街全长多少')).toEqual({ kind: 'number', units: ['米', '里'] });
    // Only where a figure is asked: elsewhere the measure is what the question is about.
    expect(mainTerms('报名人数创新高的原因')).toContain('人数');
  });

  it('knows short names of race distances, colloquial ordinals and estates', () => {
    expect(parseQuery('半马报名').concepts.find((c) => c.terms[0] === '半马')?.terms).toContain('半程马拉松');
    expect(synonymsOf('第一次')).toContain('首次');
    expect(synonymsOf('老小区')).toContain('老旧小区');
  });

  it('matches spoken words for a market and its stalls with the written ones', () => {
    expect(synonymsOf('集市')).toContain('市集');
    expect(synonymsOf('摊子')).toContain('摊位');
    expect(synonymsOf('摊位')).not.toContain('集市');
  });

  it('matches the spoken time of day with the written one', () => {
    expect(parseQuery('夜市晚上几点关门').concepts.find((c) => c.terms[0] === '晚上')?.terms).toContain('晚间');
    expect(synonymsOf('日间')).toContain('白天');
    // A time word is not a synonym of the other half of the day.
    expect(synonymsOf('晚上')).not.toContain('白天');
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

  it('drops number words with their classifier, hedges and relative time, and keeps the unit asked for', () => {
    for (const q of ['学雷锋月全区一共开展了多少场活动', '前段时间第几届运动会举行', '大约有几个社区']) {
      const terms = mainTerms(q);
      for (const w of ['多少场', '场', '第几届', '届', '几个', '一共', '大约', '前段时间', '段时间'])
        expect(terms).not.toContain(w);
    }
    expect(answerTypeOf('征集到了多少条群众建议')).toEqual({ kind: 'number', units: ['条'] });
    expect(answerTypeOf('到会多少名委员')).toEqual({ kind: 'number', units: expect.arrayContaining(['名', '位']) });
    // A duration in minutes and seconds (用时2分50秒) answers 多久.
    expect(answerTypeOf('演练多长时间疏散完')).toEqual({ kind: 'number', units: expect.arrayContaining(['分', '秒']) });
    expect(answerTypeOf('这条老街全长多少')).not.toEqual({ kind: 'number', units: expect.arrayContaining(['秒']) });
    expect(answerTypeOf('门票多少钱')).toEqual({ kind: 'number', units: ['元'] });
    expect(answerTypeOf('有几个社区')).toEqual({ kind: 'number' });
    // 几点 asks for an hour: the hour is question form, and it asks for no unit 点.
    for (const q of ['图书馆周末几点到几点开放', '游泳馆几点钟开门'])
      for (const w of ['点', '点到', '点钟', '钟']) expect(mainTerms(q)).not.toContain(w);
    expect(mainTerms('图书馆周末几点到几点开放')).toEqual(expect.arrayContaining(['图书馆', '开放']));
    expect(answerTypeOf('游泳馆几点开门')).toEqual({ kind: 'number' });
    expect(answerTypeOf('什么时候开跑')).toEqual({ kind: 'date' });
    expect(answerTypeOf('顾保红是哪里人')).toMatchObject({ kind: 'entity', of: 'origin' });
  });

  it('drops 这/那 with a classifier or place word (那天, 那条, 这次): spoken reference, naming nothing', () => {
    expect(mainTerms('9月21日那天公园里办了什么活动')).not.toContain('那天');
    expect(mainTerms('那条步道有多长')).not.toContain('那条');
    expect(mainTerms('这次会议听取了什么报告')).toEqual(expect.arrayContaining(['会议', '报告']));
    expect(mainTerms('这次会议听取了什么报告')).not.toContain('这次');
    // A word merely starting with 这 or 那 is kept (那达慕 is a festival).
    expect(mainTerms('那达慕大会在哪里举行')).toContain('那达慕');
  });

  it('drops 叫什么, the question form asking what a thing or a person is called', () => {
    expect(mainTerms('教老人用手机的培训班叫什么名字')).not.toContain('叫');
    expect(mainTerms('这位志愿者叫什么')).not.toContain('叫');
    expect(mainTerms('这位志愿者叫什么')).toContain('志愿者');
  });

  it('reads spoken question words as their standard forms (啥时候 is 什么时候, 咋 is 怎么)', () => {
    expect(parseQuery('学区划分方案啥时候公布').answerType).toEqual({ kind: 'date' });
    expect(mainTerms('学区划分方案啥时候公布')).not.toContain('啥');
    expect(mainTerms('这个政策咋申请')).not.toContain('咋');
    // Without a spoken question word the question is read as before.
    expect(parseQuery('学区划分方案公布了').answerType).toEqual({ kind: 'any' });
  });

  it('weighs verbs and adverbs less than nouns and names', () => {
    expect(wordWeight('打算')).toBeLessThan(wordWeight('岗位'));
    expect(wordWeight('提供')).toBeLessThan(wordWeight('顾保红'));
    expect(wordWeight('区')).toBeLessThan(wordWeight('街道'));
  });

  it('joins a noun-forming suffix back to its word where the archive holds the whole', () => {
    const concepts = [
      { terms: ['托管'], weight: 0.5 },
      { terms: ['点'], weight: 0.35 },
      { terms: ['设在'], weight: 0.5 },
    ];
    const glued = glueSingles(concepts, '托管点设在哪几个地方', { occurs: (t) => t === '托管点', isWord: () => false });
    expect(glued.map((c) => c.terms[0])).toEqual(['托管点', '设在']);
    expect(glued[0]!.weight).toBe(1);
    // Not where the archive never holds the whole.
    const kept = glueSingles(concepts, '托管点设在哪几个地方', { occurs: () => false, isWord: () => false });
    expect(kept.map((c) => c.terms[0])).toEqual(['托管', '点', '设在']);
  });

  it('joins lone characters back into a name the archive holds', () => {
    const inArchive = new Set(['寺街', '铂特']);
    const glued = glueSingles(
      [
        { terms: ['寺'], weight: 0.35 },
        { terms: ['街'], weight: 0.35 },
        { terms: ['全长'], weight: 1 },
      ],
      '寺街全长',
      { occurs: (t) => inArchive.has(t), isWord: () => false },
    );
    expect(glued.map((c) => c.terms[0])).toEqual(['寺街', '全长']);
    // A character is not glued onto a word unless the archive reads the whole as one word.
    const kept = glueSingles(
      [
        { terms: ['社区'], weight: 1 },
        { terms: ['观'], weight: 0.35 },
      ],
      '社区观',
      { occurs: () => true, isWord: () => false },
    );
    expect(kept.map((c) => c.terms[0])).toEqual(['社区', '观']);
    // A character cut off a name the archive holds is joined back and the rest re-cut.
    const recut = glueSingles(
      [
        { terms: ['濠'], weight: 0.35 },
        { terms: ['河边'], weight: 1 },
        { terms: ['樱花'], weight: 1 },
      ],
      '濠河边上的樱花',
      { occurs: (t) => t === '濠河' || t === '樱花', isWord: () => false },
    );
    expect(recut.map((c) => c.terms[0])).toEqual(['濠河', '边', '樱花']);
  });

  it('re-cuts a lone character into the reading the archive prints far more often', () => {
    const concepts = [
      { terms: ['濠'], weight: 0.35 },
      { terms: ['河边'], weight: 1 },
      { terms: ['救生圈'], weight: 1 },
    ];
    // Both readings stand in the archive; the name in many passages, the other word in one.
    const counts = new Map([
      ['濠河', 19],
      ['河边', 1],
      ['救生圈', 2],
    ]);
    const archive = {
      occurs: (t: string) => counts.has(t),
      isWord: () => false,
      passageCount: (t: string) => counts.get(t) ?? 0,
    };
    expect(glueSingles(concepts, '濠河边上放了多少个救生圈', archive).map((c) => c.terms[0])).toEqual([
      '濠河',
      '边',
      '救生圈',
    ]);
    // Not where the two readings are about as common: the question's own cut stands.
    counts.set('河边', 12);
    expect(glueSingles(concepts, '濠河边上放了多少个救生圈', archive).map((c) => c.terms[0])).toEqual([
      '濠',
      '河边',
      '救生圈',
    ]);
  });

  it('knows what kind of answer is asked for', () => {
    expect(answerTypeOf('唐闸古镇规划面积多大')).toMatchObject({ kind: 'number' });
    expect(answerTypeOf('哪个社区开展了活动')).toEqual({ kind: 'entity', suffixes: expect.arrayContaining(['社区']) });
    expect(answerTypeOf('哪些企业')).toEqual({ kind: 'entity', suffixes: expect.arrayContaining(['公司']) });
    expect(answerTypeOf('红色直播间')).toEqual({ kind: 'any' });
  });

  it('splits a glued word into the words the archive knows, but keeps a wholly unknown one', () => {
    const known = new Set(['崇川', '会议']);
    const split = splitUnknownConcepts([{ terms: ['崇川开'], weight: 1 }], { isWord: (t) => known.has(t) });
    expect(split.map((c) => c.terms[0])).toEqual(['崇川', '开']);
    const kept = splitUnknownConcepts([{ terms: ['股市行情'], weight: 1 }], { isWord: (t) => known.has(t) });
    expect(kept.map((c) => c.terms[0])).toEqual(['股市行情']);
  });

  it('cuts a one-character verb off a noun the archive holds, the noun keeping the focus', () => {
    const occurs = (t: string) => t === '灯会' || t === '展展';
    const split = splitUnknownConcepts([{ terms: ['灯会开'], weight: 1, focus: true }], {
      isWord: () => false,
      occurs,
    });
    expect(split.map((c) => c.terms[0])).toEqual(['灯会', '开']);
    expect(split.find((c) => c.focus)?.terms[0]).toBe('灯会');
    // Not where the cut-off character is no verb (特, an adverb), nor where the whole stands in the archive.
    const adverb = splitUnknownConcepts([{ terms: ['特展展'], weight: 1 }], { isWord: () => false, occurs });
    expect(adverb.map((c) => c.terms[0])).toEqual(['特展展']);
    const whole = splitUnknownConcepts([{ terms: ['灯会开'], weight: 1 }], {
      isWord: () => false,
      occurs: (t) => t === '灯会开' || t === '灯会',
    });
    expect(whole.map((c) => c.terms[0])).toEqual(['灯会开']);
  });
});

describe('the word asked about (focus)', () => {
  const focus = (q: string) => parseQuery(q).concepts.find((c) => c.focus)?.terms[0];

  it('is the content word beside the question word', () => {
    expect(focus('濠河夜游船票多少钱一张')).toBe('船票');
    expect(focus('给环卫工歇脚的站点有多少个')).toBe('站点');
  });

  it("names the kind asked for right after 什么 or 哪 (什么手艺, 哪项制度), not a figure's noun", () => {
    const kind = (q: string) => parseQuery(q).concepts.find((c) => c.focus)?.kindAsked ?? false;
    expect(kind('非遗市集上展示的是什么手艺')).toBe(true);
    expect(kind('区人大听取的是推行哪项制度的工作报告')).toBe(true);
    expect(kind('给环卫工歇脚的站点有多少个')).toBe(false);
    expect(kind('多少名保安在服务站点值守')).toBe(false);
  });

  it('is never a word that frames the figure: a number and its measure, a scope', () => {
    expect(focus('城南公园游船一趟要多久')).toBeUndefined();
    expect(focus('给环卫工歇脚的站点全区有多少个')).toBeUndefined();
    expect(focus('居民用电一度多少钱')).toBeUndefined();
    expect(focus('居民用电多少钱')).toBe('用电');
  });
});

describe('a surname before a term of address', () => {
  const weightOf = (q: string, term: string) => parseQuery(q).concepts.find((c) => c.terms[0] === term)?.weight;

  it('weighs the surname as a word and the address term as a light word', () => {
    expect(weightOf('王阿姨在社区做了几年志愿者', '王')).toBe(1);
    expect(weightOf('王阿姨在社区做了几年志愿者', '阿姨')).toBe(RANKING.concept.lightWord);
  });

  it('leaves a character that is not beside the address term alone', () => {
    const concepts = [
      { terms: ['课'], weight: RANKING.concept.singleChar },
      { terms: ['老师'], weight: 1 },
    ];
    surnameBeforeAddress(concepts, '书法课的老师是谁');
    expect(concepts.map((c) => c.weight)).toEqual([RANKING.concept.singleChar, 1]);
  });

  it('leaves a word before the address term alone', () => {
    const concepts = [
      { terms: ['志愿者'], weight: 1 },
      { terms: ['老师'], weight: 1 },
    ];
    surnameBeforeAddress(concepts, '志愿者老师有几位');
    expect(concepts.map((c) => c.weight)).toEqual([1, 1]);
  });
});

describe('a rate asked by one unit of time', () => {
  const terms = (q: string) => parseQuery(q).concepts.map((c) => c.terms[0]);

  it('reads 一秒钟 or 一小时 in a figure question as the written rate 每秒, 每小时', () => {
    expect(terms('新泵站一秒钟能排多少水')).toContain('每秒');
    expect(terms('新泵站一秒钟能排多少水')).not.toContain('秒钟');
    expect(terms('景区一天能接待多少游客')).toContain('每天');
  });

  it('leaves a question that asks for no figure as it is', () => {
    expect(terms('一天之内办完了哪些手续').join(' ')).not.toContain('每');
  });

  it('leaves an ordinal day and a longer numeral as they are (第一天, 十一天)', () => {
    expect(terms('地铁开通第一天多少人坐').join(' ')).not.toContain('每');
    expect(terms('国庆十一天接待了多少游客').join(' ')).not.toContain('每');
  });
});

describe('the question word and its classifier', () => {
  const terms = (q: string) => parseQuery(q).concepts.map((c) => c.terms[0]);

  it('drops 几本 as a count of books, but not 本 opening 本地 or 本市', () => {
    expect(terms('一次能借几本书')).not.toContain('本书');
    expect(terms('有多少本地居民参加')).toContain('本地');
  });
});
