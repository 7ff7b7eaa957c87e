import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bracketedNames, roleByline } from '../../src/corpus/blocks.ts';
import { decodeIssue } from '../../src/corpus/decode.ts';
import { isColumnTitle, isPageFurniture, takeJumps, takeLeadIn } from '../../src/corpus/layout.ts';
import { loadIssueFile } from '../../src/corpus/load-corpus.ts';
import { parseIssue } from '../../src/corpus/parse-issue.ts';
import type { Issue } from '../../src/corpus/types.ts';
import { openIndex } from '../../src/retrieval/index/index-store.ts';
import { toPassageTexts } from '../../src/retrieval/index/passages.ts';
import { search } from '../../src/retrieval/ranking/rank.ts';
import type { SearchIndex } from '../../src/retrieval/index/search-index.ts';

// Two made-up issues exported from an e-paper: page headers, credits and page numbers between the
// articles, a continued article, news-in-brief columns, an editor's note, interviews, a numbered
// guide; one UTF-8 under a 「•」 masthead, one GB18030 under a 「崇川报  …  第48期」 masthead.
const FIXTURES = 'tests/fixtures/epaper';
const weekly = () => loadIssueFile(path.join(FIXTURES, 'weekly-epaper.txt'));
const daily = () => loadIssueFile(path.join(FIXTURES, 'daily-gb18030.txt'));

const listing = (issue: Issue) => issue.articles.map((a) => [a.headline, a.subtitle, a.date]);
const article = (issue: Issue, headline: string) => {
  const a = issue.articles.find((x) => x.headline === headline);
  if (!a) throw new Error(`no article ${headline}: ${issue.articles.map((x) => x.headline).join(' / ')}`);
  return a;
};
const allText = (issue: Issue) => [
  ...issue.articles.flatMap((a) => [a.headline, a.subtitle, ...a.paragraphs, ...a.captions]),
  ...issue.photos.flatMap((p) => [p.lead, ...p.captions]),
];

describe('an e-paper issue read as its readers read it', () => {
  it('lists the articles a reader would list, with headlines, kickers and dates', () => {
    expect(listing(weekly())).toEqual([
      ['锚定目标再加力 城市更新跑出加速度', '崇川区召开城市更新工作推进会', '2024-10-11'],
      ['城东街道开展反诈宣传', '崇川简讯', '2024-10-09'],
      ['学田街道举办秋季招聘会', '崇川简讯', '2024-10-10'],
      ['和平桥街道为老人免费体检', '崇川简讯', '2024-10-12'],
      ['明年城乡居民医保怎么缴？', '访区医保局负责人', '2024-10-10'],
      ['居家养老服务补贴申领指南', '', '2024-10'],
    ]);
    expect(weekly().photos).toEqual([]);
  });

  it('dates the issue by its masthead and page headers', () => {
    expect(weekly().date).toBe('2024-10-14');
    expect(daily().date).toBe('2023-12-04');
  });

  it('never takes page furniture for an article, a headline or body text', () => {
    for (const issue of [weekly(), daily()]) {
      for (const text of allText(issue)) {
        expect(text).not.toMatch(/责任编辑|本版编辑|版式|校对|第\d版|星期一|^\d$/);
      }
    }
  });

  it('joins a continued article in order, markers removed, across the articles between', () => {
    const a = article(weekly(), '锚定目标再加力 城市更新跑出加速度');
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs[2]).toBe(
      '会议要求，各街道要对照年度目标，倒排工期、挂图作战，确保年底前全部项目完成主体施工。会议强调，要把群众满意作为检验改造成效的标准，改造前问需于民，改造中问计于民，改造后问效于民。',
    );
    expect(a.paragraphs[3]).toMatch(/^据悉，明年全区计划再改造老旧小区20个/);
    expect(a.byline).toEqual(['金驰', '许应田']);
    const b = article(daily(), '唐闸古镇入选省级旅游休闲街区');
    expect(b.paragraphs[1]).toMatch(/今年接待游客超过300万人次。下一步/);
    expect(b.byline).toEqual(['钱程']);
    for (const issue of [weekly(), daily()]) {
      expect(allText(issue).join('')).not.toMatch(/下转|上接|转第|接第/);
      expect(issue.articles.some((x) => x.headline === '城市更新跑出加速度')).toBe(false);
    }
  });

  it('makes each news-in-brief item an article of its own, the column title its kicker', () => {
    expect(listing(daily()).filter(([, kicker]) => kicker === '街道动态')).toEqual([
      ['任港街道开展冬季消防演练', '街道动态', '2023-11-30'],
      ['观音山街道启用“邻里议事厅”', '街道动态', '2023-12-02'],
    ]);
    expect(article(weekly(), '学田街道举办秋季招聘会').paragraphs).toEqual([
      '10月10日，学田街道举办秋季招聘会，38家企业提供岗位620个，现场达成就业意向156人。',
    ]);
    expect(allText(weekly())).not.toContain('崇川简讯 城东街道开展反诈宣传');
  });

  it("keeps an editor's note with its article but dates the article by its own lead", () => {
    const a = article(weekly(), '明年城乡居民医保怎么缴？');
    expect(a.paragraphs[0]).toMatch(/^编者按：9月30日/);
    expect(a.date).toBe('2024-10-10');
  });

  it('keeps an interview one article, each question in one passage with its answer', () => {
    for (const a of [article(weekly(), '明年城乡居民医保怎么缴？'), article(daily(), '冬季取暖安全问答')]) {
      const passages = toPassageTexts(a.paragraphs);
      const questions = a.paragraphs.filter((p) => /^(记者|问)：/.test(p));
      expect(questions.length).toBeGreaterThanOrEqual(2);
      for (const q of questions) {
        const answer = a.paragraphs[a.paragraphs.indexOf(q) + 1]!;
        expect(answer).toMatch(/^答：/);
        expect(passages.some((p) => p.includes(q) && p.includes(answer))).toBe(true);
      }
    }
  });

  it('keeps a numbered guide one article with its sections', () => {
    const a = article(weekly(), '居家养老服务补贴申领指南');
    expect(a.paragraphs.filter((p) => /^[一二三]、/.test(p))).toEqual(['一、申领对象', '二、补贴标准', '三、办理流程']);
    expect(a.paragraphs.slice(-3)).toEqual([
      expect.stringMatching(/^老人或家属携带身份证/),
      '受理时间',
      '10月15日至12月31日，每个工作日上午9点至下午5点。',
    ]);
  });

  it('decodes GB18030 with four-byte characters', () => {
    expect(decodeIssue(fs.readFileSync(path.join(FIXTURES, 'daily-gb18030.txt')))).toContain('第2版 • 综合');
    const issue = daily();
    expect(article(issue, '观音山街道启用“邻里议事厅”').byline).toEqual(['周䶮']);
    expect(allText(issue).join('')).toContain('䶮园社区');
  });
});

describe('layout marks', () => {
  it('tells page furniture from headlines', () => {
    for (const furniture of [
      '2024年10月14日 星期一 第2版 要闻',
      '第3版 民生',
      '责任编辑 张敏 版式 李强',
      '本版编辑：王芳',
      '- 2 -',
      '12',
      '崇川新闻 • 2023年3月27日 星期一 • 农历闰二月初六 • 第13期',
      '崇川报  2023年12月4日  星期一  第48期',
      '主办：崇川区融媒体中心',
      '内部资料 免费交流',
      '导读',
      '城市更新跑出加速度 2版',
      '第01版：要闻',
      '责任编辑：张三  美术编辑：李四',
      '<< 上一版  下一版 >>',
      '今日8版',
    ]) {
      expect(isPageFurniture(furniture)).toBe(true);
    }
    for (const text of ['城市更新跑出加速度', '编辑部走进社区', '2024年全区新增口袋公园8个', '第三版规划出台']) {
      expect(isPageFurniture(text)).toBe(false);
    }
  });

  it('finds jump lines alone, glued to either end, in either bracket width', () => {
    expect(takeJumps('（下转第2版）')).toEqual({ jumps: ['to'], rest: '' });
    expect(takeJumps('确保年底前(下转2版)')).toEqual({ jumps: ['to'], rest: '确保年底前' });
    expect(takeJumps('（上接第一版）全部项目完成。')).toEqual({ jumps: ['from'], rest: '全部项目完成。' });
    expect(takeJumps('全区共有12个版块。')).toEqual({ jumps: [], rest: '全区共有12个版块。' });
  });

  it('reads lead-in titles and column titles', () => {
    expect(takeLeadIn('**城东街道开展反诈宣传** 近日，……')).toEqual({
      title: '城东街道开展反诈宣传',
      rest: '近日，……',
    });
    expect(takeLeadIn('【学田街道举办招聘会】10月10日……')).toEqual({ title: '学田街道举办招聘会', rest: '10月10日……' });
    expect(takeLeadIn('【编者按】医保缴费关系千家万户。')).toBeNull();
    expect(['崇川简讯', '街道动态', '简讯'].every(isColumnTitle)).toBe(true);
    expect(isColumnTitle('城市更新跑出加速度')).toBe(false);
  });
});

describe('questions about e-paper issues, through the real search index', () => {
  let index: SearchIndex;
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'epaper-'));
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    for (const f of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', f), path.join(corpus, f));
    for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(corpus, f));
    index = openIndex({ corpusDir: corpus, indexFile: path.join(dir, 'index.json') }).index;
  });
  const top = (q: string) => search(index, q, { limit: 3 })[0];

  it('answers from the second part of a continued article', () => {
    const r = top('城市更新明年计划改造多少个老旧小区');
    expect(r?.headline).toBe('锚定目标再加力 城市更新跑出加速度');
    expect(r?.passage).toContain('明年全区计划再改造老旧小区20个');
    expect(top('唐闸古镇今年接待游客多少')?.passage).toContain('今年接待游客超过300万人次');
  });

  it('answers from a news-in-brief item', () => {
    const r = top('学田街道秋季招聘会提供多少岗位');
    expect(r?.headline).toBe('学田街道举办秋季招聘会');
    expect(r?.passage).toContain('提供岗位620个');
  });

  it('answers from an interview, the question with its answer', () => {
    // Two interviews on the same subject a year apart: a question naming no date means the newer one.
    const r = top('医保个人每年缴费多少钱');
    expect(r?.headline).toBe('城乡居民医保缴费，您关心的问题都在这里');
    expect(r?.passage).toContain('问：2026年度城乡居民医保个人缴费标准是多少？');
    expect(r?.passage).toContain('每人每年400元');
    const dated = top('2024年10月医保个人每年缴费多少钱');
    expect(dated?.headline).toBe('明年城乡居民医保怎么缴？');
    expect(dated?.passage).toContain('记者：新年度城乡居民医保个人缴费标准是多少？');
    expect(dated?.passage).toContain('每人每年380元');
    const q = top('燃气热水器能装在浴室吗');
    expect(q?.headline).toBe('冬季取暖安全问答');
    expect(q?.passage).toContain('严禁安装在浴室等密闭空间');
  });
});

describe('layout variants', () => {
  const text = [
    '要闻 2024.05.20',
    '',
    '【编者按】',
    '',
    '5月19日是第十四个中国旅游日。本报推出系列报道，展现崇川文旅新气象。',
    '',
    '濠河夜游人气旺',
    '',
    '5月18日晚，濠河夜游航线迎来客流高峰，单日接待游客5200人次，比去年同期增长三成。（转下版）',
    '',
    '·3·',
    '',
    '简讯',
    '',
    '狼山景区新增停车位',
    '',
    '5月17日，狼山景区新增停车位600个，缓解节假日停车难。',
    '',
    '南通博物苑延长开放',
    '',
    '5月16日起，南通博物苑周末开放时间延长至晚上8点。',
    '',
    '·周敏·',
    '',
    '社区文化节开幕',
    '',
    '5月15日，任港街道第五届社区文化节开幕。（责任编辑：王芳）',
    '',
    '·李强·',
    '',
    '（接上版）夜游航线还推出了非遗表演、灯光秀等项目，游客可通过线上平台预约船票。',
    '',
    '·金驰·',
  ].join('\n');
  const issue = parseIssue(text, { source: 'variants.txt' });

  it('reads notes under their own label, plain-item columns, 转下版/接上版 and page marks', () => {
    expect(issue.date).toBe('2024-05-20');
    expect(listing(issue)).toEqual([
      ['濠河夜游人气旺', '', '2024-05-18'],
      ['狼山景区新增停车位', '简讯', '2024-05-17'],
      ['南通博物苑延长开放', '简讯', '2024-05-16'],
      ['社区文化节开幕', '', '2024-05-15'],
    ]);
    const night = article(issue, '濠河夜游人气旺');
    expect(night.paragraphs[0]).toMatch(/^【编者按】5月19日是第十四个中国旅游日/);
    expect(night.paragraphs.at(-1)).toMatch(/^夜游航线还推出了非遗表演/);
    expect(night.byline).toEqual(['金驰']);
    expect(allText(issue).join('')).not.toMatch(/责任编辑|2024\.05\.20|·3·|转下版|接上版/);
  });

  it('joins a continuation whose 「下转」 line was lost to the article its headline repeats', () => {
    const lost = parseIssue(
      [
        '老旧小区改造全面提速',
        '',
        '6月3日，全区老旧小区改造现场推进会召开。',
        '',
        '今年计划改造小区12个，目前已开工9个。',
        '',
        '新桥通车',
        '',
        '6月1日，新桥通车。',
        '',
        '·李四·',
        '',
        '老旧小区改造全面提速',
        '',
        '（上接第1版）剩余3个小区将于7月底前开工。',
        '',
        '·张三·',
      ].join('\n'),
      { source: '2024-06-10.txt' },
    );
    expect(lost.articles.map((a) => a.headline)).toEqual(['老旧小区改造全面提速', '新桥通车']);
    expect(lost.articles[0]!.paragraphs.at(-1)).toBe('剩余3个小区将于7月底前开工。');
    expect(lost.articles[0]!.byline).toEqual(['张三']);
  });

  it('reads bylines printed without dots, and a paper name over a page header as no article', () => {
    const issue = loadIssueFile(path.join(FIXTURES, 'role-bylines.txt'));
    expect(listing(issue)).toEqual([
      ['新桥通车', '', '2024-05-18'],
      ['区委常委会召开扩大会议', '研究部署近期重点工作', '2024-05-19'],
    ]);
    expect(issue.articles.map((a) => a.byline)).toEqual([['李四', '王五'], ['赵六']]);
    expect(roleByline('本报记者 张三 通讯员 李四')).toEqual(['张三', '李四']);
    expect(roleByline('记者走进社区')).toBeNull();
    // Names alone in brackets on their own line, as many papers close an article.
    expect(bracketedNames('（钱磊）')).toEqual(['钱磊']);
    expect(bracketedNames('(林涛 周敏)')).toEqual(['林涛', '周敏']);
    expect(bracketedNames('（待续）')).toBeNull();
    expect(bracketedNames('（第二部分）')).toBeNull();
    expect(bracketedNames('（图片新闻）')).toBeNull();
    const closed = parseIssue(
      '崇川新闻  2024年9月23日  星期一\n\n新桥通车\n\n9月18日，新桥正式通车，市民出行更方便了。\n\n（钱磊）\n\n快递小哥当上楼道哨兵\n\n本报讯（记者 张三）9月19日，社区聘请快递员留意独居老人。\n',
      { source: 'bracketed.txt' },
    );
    expect(closed.articles.map((a) => a.headline)).toEqual(['新桥通车', '快递小哥当上楼道哨兵']);
    expect(closed.articles[0]!.byline).toEqual(['钱磊']);
    expect(roleByline('记者：缴费时间是什么时候？')).toBeNull();
  });

  it('reads a headline ending in a column word as a headline when text runs under it', () => {
    const issue = parseIssue('关注市场动态\n\n5月6日，区市场监管局发布一季度市场运行情况。\n\n·张三·', {
      source: '2024-05-08.txt',
    });
    expect(listing(issue)).toEqual([['关注市场动态', '', '2024-05-06']]);
  });

  it('reads a byline printed under the headline as opening the article, not closing it', () => {
    const text = [
      '新桥通车',
      '本报记者 张三 通讯员 李四',
      '',
      '5月18日，新桥正式通车，全长300米。',
      '',
      '大桥设计为双向四车道。',
      '',
      '老街换新颜',
      '',
      '文/王五 图/赵六',
      '',
      '5月19日，老街完成改造。',
    ].join('\n');
    const issue = parseIssue(text, { source: '2024-05-20.txt' });
    expect(listing(issue)).toEqual([
      ['新桥通车', '', '2024-05-18'],
      ['老街换新颜', '', '2024-05-19'],
    ]);
    expect(issue.articles.map((a) => a.byline)).toEqual([
      ['张三', '李四'],
      ['王五', '赵六'],
    ]);
    expect(issue.photos).toEqual([]);
  });

  it("takes a paper's name alone on the first line for its masthead", () => {
    const named = parseIssue('崇川新闻\n\n新桥通车\n\n6月1日，新桥通车。\n\n·李四·', { source: '2024-06-03.txt' });
    expect(listing(named)).toEqual([['新桥通车', '', '2024-06-01']]);
    const good = parseIssue('喜报\n\n6月1日，我区获评省级示范区。\n\n·李四·', { source: '2024-06-03.txt' });
    expect(listing(good)).toEqual([['喜报', '', '2024-06-01']]);
  });

  it('reads bulleted item titles in a brief column', () => {
    const text = [
      '简讯',
      '',
      '■城东街道开展反诈宣传',
      '',
      '10月9日，城东街道开展反诈宣传。',
      '',
      '■ **学田街道举办招聘会** 10月10日，学田街道举办招聘会。',
      '',
      '·王芳·',
    ].join('\n');
    expect(listing(parseIssue(text, { source: '2024-10-14.txt' }))).toEqual([
      ['城东街道开展反诈宣传', '简讯', '2024-10-09'],
      ['学田街道举办招聘会', '简讯', '2024-10-10'],
    ]);
  });
});
