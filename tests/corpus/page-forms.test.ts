import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorNames, roleByline, toBlocks } from '../../src/corpus/blocks.ts';
import { webPageMark } from '../../src/corpus/layout.ts';
import { parseIssue } from '../../src/corpus/parse-issue.ts';
import { tableRows } from '../../src/corpus/tables.ts';
import type { Issue } from '../../src/corpus/types.ts';

// Made-up issues in page forms the reader must take apart as a careful reader would:
// - tables.txt: a space-aligned table with a header row, a ｜-ruled one, a single-spaced one directly
//   followed by the next article;
// - markdown-table.txt: a Markdown table with its rule row under the header;
// - end-signatures.txt: articles parted only by blank lines, each signed at its end (「本报记者 X」,
//   「（记者 X 通讯员 Y）」, 「（X/文 Y/摄）」, 「文/X 摄/Y」), no dateline in most leads;
// - glued-signatures.txt: the same signatures glued to each article's last sentence;
// - website-a.txt, website-b.txt, website-c.txt: news-site pages copied one after another, each article with its own
//   来源/发布时间 line, print links, share links, credits, a breadcrumb and a copyright footer;
// - epaper-view.txt: an e-paper web view: 版面导航, a 本版标题导航 list, 作者： lines, no boundary between
//   articles but their listed headlines;
// - epaper-pages.txt: two e-paper pages, each closed by its navigation line.
const dir = path.join(import.meta.dirname, 'page-forms');
const read = (name: string, furniture: string[] = []): Issue =>
  parseIssue(fs.readFileSync(path.join(dir, name), 'utf8'), { source: name, furniture });
const headlines = (issue: Issue) => issue.articles.map((a) => a.headline);
const article = (issue: Issue, headline: string) => issue.articles.find((a) => a.headline === headline)!;

describe('plain-text tables', () => {
  it('reads rows of cells as their article’s text, never as headlines, and keeps the next article', () => {
    const issue = read('tables.txt');
    expect(headlines(issue)).toEqual([
      '全区社区食堂运营情况出炉',
      '秦灶街道开展春季义诊',
      '城区道路养护计划公布',
      '任港街道公布垃圾分类积分榜',
      '天生港片区新增两条公交线路',
    ]);
    const canteens = article(issue, '全区社区食堂运营情况出炉').paragraphs;
    // Each row a paragraph of its own, in order, between the lead and the closing paragraph.
    expect(canteens.filter((p) => /^(街道|城东街道|观音山街道|学田街道)\s{2,}/u.test(p))).toHaveLength(4);
    expect(canteens.at(-1)).toMatch(/^区民政局表示/u);
    expect(article(issue, '城区道路养护计划公布').paragraphs).toContain('工农路｜路面修补｜4月20日—5月10日');
    const scores = article(issue, '任港街道公布垃圾分类积分榜').paragraphs;
    expect(scores).toEqual(expect.arrayContaining(['排名 小区 积分', '1 北濠花园 1260', '3 港闸新村 1102']));
    expect(article(issue, '天生港片区新增两条公交线路').date).toBe('2025-04-14');
  });

  it('keeps a Markdown table with its rule row inside its article, the rule itself out of the text', () => {
    const issue = read('markdown-table.txt');
    expect(headlines(issue)).toEqual(['全区春季植树完成过半', '狼山风景区樱花节开幕']);
    const trees = article(issue, '全区春季植树完成过半').paragraphs;
    expect(trees).toContain('| 城东街道 | 3000 | 1850 |');
    expect(trees.some((p) => /---/u.test(p))).toBe(false);
  });

  it('keeps a table’s title line with the table and its article', () => {
    const issue = parseIssue(
      [
        '全区文明创建推进会召开',
        '4月10日，全区文明创建推进会召开。',
        '会议部署了今年的重点任务。',
        '街道文明指数得分',
        '名次    街道        得分',
        '1       城东街道    94.6',
        '2       学田街道    93.9',
        '会议要求各街道对照短板抓好整改。',
      ].join('\n'),
      { source: 't.txt' },
    );
    expect(headlines(issue)).toEqual(['全区文明创建推进会召开']);
    expect(issue.articles[0]!.paragraphs).toContain('1       城东街道    94.6');
  });

  it('tells a table from headline lines, bulleted figures and running text', () => {
    expect([...tableRows(['名次    街道      得分', '1       城东街道  94.6', '2       学田街道  93.9'])]).toEqual([
      0, 1, 2,
    ]);
    // Two headline lines with phrases parted by single spaces: no figures in rows, and too few rows.
    expect(tableRows(['一竿子落实到底 争做创建主力军', '城东街道 2024年度 文明创建']).size).toBe(0);
    // A bulleted list of figures is a list, read as such elsewhere.
    expect(tableRows(['■ 新生9860人', '■ 初一新生8120人', '■ 校车线路14条']).size).toBe(0);
    // Cells never hold sentences.
    expect(tableRows(['城东街道  今年新建口袋公园5个，面积1.2万平方米。', '学田街道  新建3个。']).size).toBe(0);
    // A row of labels alone, with no figure under it, is no table.
    expect(tableRows(['张明  李华', '王强  赵敏']).size).toBe(0);
  });
});

describe('articles parted only by blank lines, signed at their end', () => {
  for (const name of ['end-signatures.txt', 'glued-signatures.txt']) {
    it(`closes each article at its signature and opens the next at the short line after it (${name})`, () => {
      const issue = read(name);
      expect(headlines(issue).length).toBe(4);
      for (const a of issue.articles) {
        expect(a.paragraphs.length).toBeGreaterThan(0);
        // No signature is left in the text, and no headline is swallowed into it.
        expect(a.paragraphs.join('\n')).not.toMatch(/记者 |\/文|\/摄|文\/|摄\//u);
        for (const other of issue.articles) expect(a.paragraphs).not.toContain(other.headline);
      }
    });
  }

  it('reads the signature’s names, in every form', () => {
    const issue = read('end-signatures.txt');
    expect(issue.articles.map((a) => a.byline)).toEqual([
      ['周立新'],
      ['韩雪', '邵文'],
      ['沈佳', '陆洋'],
      ['马可', '葛磊'],
    ]);
    const glued = read('glued-signatures.txt');
    expect(glued.articles.map((a) => a.byline)).toEqual([['韩雪', '邵文'], ['沈佳', '陆洋'], ['周立新'], []]);
    expect(roleByline('（沈佳/文 陆洋/摄）')).toEqual(['沈佳', '陆洋']);
    // A name before a role word only with a slash or in brackets: a headline's two words are no byline.
    expect(roleByline('温暖 文')).toBeNull();
  });

  it('takes a headline out of the brackets a plain-text export frames it in, and only those', () => {
    const issue = parseIssue(
      [
        '〔濠河游船恢复夜航〕',
        '3月30日起，濠河游船恢复夜航，每晚开行三个班次。',
        '（记者 韩雪）',
        '“十五五”开局〔图〕新气象',
        '4月1日，全区重点项目集中开工。',
      ].join('\n'),
      { source: 'x.txt' },
    );
    expect(headlines(issue)).toEqual(['濠河游船恢复夜航', '“十五五”开局〔图〕新气象']);
  });

  it('keeps a photo caption’s credit on the caption', () => {
    const blocks = toBlocks('▲ 3月16日，市民在狼山赏樱。 记者 张强 摄');
    expect(blocks.map((b) => b.kind)).toEqual(['caption']);
  });
});

describe('pages copied from a news website or an e-paper web view', () => {
  const FRAME =
    /来源：|发布时间|发布日期|打印|关闭窗口|字体|分享到|版权所有|ICP|首页 >|责任编辑|审核|浏览次数|上一版|版面导航/u;

  it('keeps every article of a run of web pages, each dated by its own date line', () => {
    const furniture: string[] = [];
    const issue = read('website-a.txt', furniture);
    expect(issue.articles.map((a) => [a.headline, a.date])).toEqual([
      ['和平桥街道举办邻里节', '2024-06-03'],
      ['任港街道完成老旧小区雨污分流改造', '2024-06-05'],
      // A day the lead names is the article's, as in print.
      ['钟秀街道启动暑期托管班', '2024-07-01'],
    ]);
    for (const a of issue.articles) expect(a.paragraphs.join('\n')).not.toMatch(FRAME);
    expect(furniture).toEqual(
      expect.arrayContaining([
        '【打印本页】【关闭窗口】',
        '版权所有：崇川区融媒体中心　苏ICP备12345678号',
        '第A03版：要闻',
      ]),
    );
    expect(article(issue, '任港街道完成老旧小区雨污分流改造').byline).toEqual(['李文']);
  });

  it('reckons a lead’s 「昨天」 from the page’s date and reads bracketed fields', () => {
    const issue = read('website-b.txt');
    expect(issue.articles.map((a) => [a.headline, a.date, a.byline.join(',')])).toEqual([
      ['观音山街道开展防溺水宣传', '2025-07-07', ''],
      ['新城桥街道举行消夏文艺晚会', '2025-07-12', ''],
      ['陈桥街道为农户送去防暑物资', '2025-07-15', '朱敏'],
    ]);
    for (const a of issue.articles) expect(a.paragraphs.join('\n')).not.toMatch(FRAME);
  });

  it('reads a date line led by its date, and keeps a notice’s 「活动时间：」 line as text', () => {
    const issue = read('website-c.txt');
    expect(issue.articles.map((a) => [a.headline, a.date, a.byline.join(',')])).toEqual([
      ['区图书馆推出暑期阅读打卡活动', '2025-07-02', ''],
      ['市民广场音乐喷泉恢复开放', '2025-07-05', '钱多多'],
    ]);
    expect(article(issue, '市民广场音乐喷泉恢复开放').paragraphs.at(-1)).toMatch(/^活动时间：/u);
  });

  it('opens each article an e-paper view lists under 本版标题导航, and reads its 作者 line', () => {
    const issue = read('epaper-view.txt');
    expect(issue.articles.map((a) => [a.headline, a.byline.join(',')])).toEqual([
      ['和平桥街道举办邻里节', '王海,李青'],
      ['任港街道完成雨污分流改造', '陈立'],
      ['钟秀街道启动暑期托管班', ''],
    ]);
    expect(article(issue, '钟秀街道启动暑期托管班').paragraphs[0]).toMatch(/^钟秀街道暑期托管班将于/u);
    expect(issue.date).toBe('2024-06-11');
  });

  it('ends an e-paper page’s last article at its navigation line', () => {
    const issue = read('epaper-pages.txt');
    expect(headlines(issue)).toEqual(['学田街道举办社区运动会', '文峰街道开设老年助餐点']);
    for (const a of issue.articles) expect(a.paragraphs).toHaveLength(2);
  });

  it('reads people from an author field, never the site', () => {
    expect(authorNames('作者：记者 王海 通讯员 李青')).toEqual(['王海', '李青']);
    expect(authorNames('【来源：陈桥街道　作者：朱敏】　【发布时间：2025年7月15日】')).toEqual(['朱敏']);
    expect(authorNames('来源：本站　作者：佚名')).toEqual([]);
    expect(authorNames('作者：崇川区融媒体中心')).toEqual([]);
  });

  it('tells the frame of a web page by its lines', () => {
    expect(webPageMark('【打印本页】【关闭窗口】')).toBe('end');
    expect(webPageMark('Copyright © 2025 南通市崇川区人民政府 版权所有')).toBe('end');
    expect(webPageMark('【来源：陈桥街道　作者：朱敏】　【发布时间：2025年7月15日】')).toBe('meta');
    // News text that names a copyright is no footer.
    expect(webPageMark('区市场监管局提醒，商家使用他人作品须取得版权所有人的授权。')).toBeUndefined();
  });
});
