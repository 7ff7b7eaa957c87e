import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isHeadingShaped } from '../../src/corpus/blocks.ts';
import {
  isAfterword,
  isColumnTitle,
  isEditorCredit,
  isPageFurniture,
  takeJumps,
  takeNumberedItem,
} from '../../src/corpus/layout.ts';
import { loadIssueFile } from '../../src/corpus/load-corpus.ts';
import { parseIssue } from '../../src/corpus/parse-issue.ts';
import type { Issue } from '../../src/corpus/types.ts';
import { openIndex } from '../../src/retrieval/index/index-store.ts';
import { search } from '../../src/retrieval/ranking/rank.ts';
import type { SearchIndex } from '../../src/retrieval/index/search-index.ts';

// Six made-up e-paper issues in layouts unlike one another, none dated by its file name:
// - daily-a-section: 「2025年6月9日 星期一 A1 要闻」 headers, 「责任编辑/张三  美编/李四  校对：王五」 and
//   「本版责编 周 敏」 credits, a jump glued to a sentence (「（下转A3版）」), a ■ brief column, 问/答;
// - community-weekly-gb18030 (GB18030, CRLF): 「第3版 · 社区」 headers, 「（转第3版）」/「（紧接第1版）」,
//   【title】text briefs one after another, a 记者：/王建华： interview, a guide with 一、（一）1. levels,
//   its year only from its words (第15个全国防灾减灾日, 2022年全年 totals);
// - roundup-crlf (CRLF): 「崇川新闻 要闻 2024-11-18」 headers, a numbered roundup column (「1. ……。」), an
//   editor's note under the headline, a continuation that repeats its headline under 「（上接第1版）」;
// - newsletter-bom (UTF-8 BOM): a newsletter's name as masthead, 「—2—」, 「· 本期编辑：陈静 ·」, the year
//   from 第35个全国助残日 and 2024's totals;
// - street-weekly-gb18030 (GB18030, CRLF): 「第一版 要闻」 headers, 「（上接第一版）」 glued to its paragraph,
//   ● items with title and text on one line, a headline that asks and answers, 【编后】;
// - pipe-headers: 「崇川新闻｜2025年6月16日｜星期一｜第2版」, ASCII (下转第2版), a rubric over a headline;
// - lettered-pages: 「A06 社会新闻 2024年3月18日」 headers, 「（下转A06）」 with no 版, 「图片新闻」, ◎ briefs, Q/A;
// - weekly-undated: a table of contents, 「—2—」 page numbers, a short continuation followed by another
//   article, 【place】 briefs, the year from 第9个全民国家安全教育日;
// - bare-jumps: jump lines without brackets (「……线路。转第3版」, 「上接第2版」), a lead dated 「昨天」,
//   a 主持人： interview, a 「便民提示」 column of ▶ items;
// - utf16-top-credits (UTF-16 LE): credits under the page header, 「本报南通1月3日讯」, 「记者手记」,
//   「图片编辑 张 伟」, the year only from 2024's totals;
// - stacked-header: a page header over three lines, bold 「**记者：……**」 questions, spaced names in
//   bylines (「（本报记者 陆 洋）」, 「·王 磊·」), a 简讯 column of plain titles;
// - indented-imprint: 「要闻 1 2024年8月5日 星期一」 over a publisher's imprint (「南通日报社主办」),
//   paragraphs indented with full-width spaces and no blank lines, 「（上接第一版）」.
const FIXTURES = 'tests/fixtures/epaper';
const FILES = [
  'daily-a-section.txt',
  'community-weekly-gb18030.txt',
  'roundup-crlf.txt',
  'newsletter-bom.txt',
  'street-weekly-gb18030.txt',
  'pipe-headers.txt',
  'lettered-pages.txt',
  'weekly-undated.txt',
  'bare-jumps.txt',
  'utf16-top-credits.txt',
  'stacked-header.txt',
  'indented-imprint.txt',
];
const load = (name: string) => loadIssueFile(path.join(FIXTURES, name));
const listing = (issue: Issue) => issue.articles.map((a) => [a.headline, a.subtitle, a.date]);
const article = (issue: Issue, headline: string) => {
  const a = issue.articles.find((x) => x.headline === headline);
  if (!a) throw new Error(`no article ${headline}: ${issue.articles.map((x) => x.headline).join(' / ')}`);
  return a;
};

describe('e-paper issues in varied layouts, listed as a reader lists them', () => {
  it('an A-section daily: lettered page headers, slash credits, a glued jump, ■ briefs, 问/答', () => {
    expect(listing(load('daily-a-section.txt'))).toEqual([
      ['“一网统管”平台上线运行', '全区城市治理事件平均处置时间缩短三成', '2025-06-06'],
      ['学田街道为独居老人装上智能水表', '', '2025-06-05'],
      ['文峰街道开展防汛应急演练', '城区快讯', '2025-06-04'],
      ['观音山街道举办“邻里节”', '城区快讯', '2025-06-07'],
      ['钟秀街道新增3处口袋公园', '城区快讯', '2025-06-03'],
      ['城乡居民医保缴费，您关心的问题都在这里', '访区医疗保障局相关负责人', '2025-06-08'],
      ['唐闸古镇夜游项目试运营', '', '2025-06-07'],
    ]);
  });

  it('a GB18030 weekly dated only by its words: bracketed briefs in a row, a named interview, a guide', () => {
    const issue = load('community-weekly-gb18030.txt');
    expect(issue.date).toBe('2023-05');
    expect(listing(issue)).toEqual([
      ['防灾减灾宣传周活动全面启动', '', '2023-05-12'],
      ['任港街道“共享工具屋”开张', '', '2023-05-10'],
      ['新城桥街道为环卫工人送清凉', '社区传真', '2023-05-09'],
      ['狼山镇街道举办母亲节插花活动', '社区传真', '2023-05-11'],
      ['天生港镇街道开通助老就医专车', '社区传真', '2023-05-08'],
      ['小区加装电梯，难在哪里？', '', '2023-05-10'],
      ['家庭应急物资储备指南', '', '2023-05'],
    ]);
    const guide = article(issue, '家庭应急物资储备指南');
    expect(guide.paragraphs[0]).toBe('一、为什么要储备应急物资');
    expect(guide.paragraphs).toContain('1. 饮用水：每人每天不少于3升，按3天储备。');
    expect(guide.paragraphs.at(-1)).toBe('（二）物资放在家中容易取用的地方，并让每位家庭成员都知道。');
    const interview = article(issue, '小区加装电梯，难在哪里？');
    expect(interview.paragraphs[0]).toMatch(/^编者按：/);
    expect(interview.paragraphs.at(-1)).toMatch(/^王建华：按楼层分摊/);
    expect(interview.byline).toEqual(['朱丽']);
  });

  it('a roundup column of numbered items, an editor note under its headline, a repeated headline', () => {
    const issue = load('roundup-crlf.txt');
    expect(listing(issue)).toEqual([
      ['我区前三季度地区生产总值增长6.1%', '', '2024-11-15'],
      ['“温暖过冬”便民服务进社区', '', '2024-11-16'],
      ['区政务服务中心开通延时服务', '一周要闻速览', '2024-11-11'],
      ['濠河风景区新增两条夜跑步道', '一周要闻速览', '2024-11-14'],
      ['崇川区举办第二届非遗市集', '一周要闻速览', '2024-11-16'],
    ]);
    const gdp = article(issue, '我区前三季度地区生产总值增长6.1%');
    expect(gdp.paragraphs).toHaveLength(3);
    expect(gdp.paragraphs[2]).toMatch(/^第四季度，全区将重点推进32个重大项目建设/);
    expect(article(issue, '濠河风景区新增两条夜跑步道').paragraphs).toEqual([
      '11月14日，濠河风景区新增两条夜跑步道，全长共5.6公里。',
    ]);
    expect(article(issue, '“温暖过冬”便民服务进社区').paragraphs).toHaveLength(3);
  });

  it("a newsletter under its own name, dated by an observance's number and last year's totals", () => {
    const issue = load('newsletter-bom.txt');
    expect(issue.date).toBe('2025-05');
    expect(listing(issue)).toEqual([
      ['第35个全国助残日 崇川举办助残集市', '', '2025-05-18'],
      ['残疾人就业专场招聘会举行', '', '2025-05-16'],
    ]);
  });

  it('bulleted items with title and text on one line, a question-and-answer headline, an afterword', () => {
    const issue = load('street-weekly-gb18030.txt');
    expect(listing(issue)).toEqual([
      ['城东街道“15分钟便民生活圈”建成投用', '新增社区服务点11个', '2024-09-20'],
      ['8月8日是第16个全民健身日 城东健身步道人气旺', '', '2024-08-08'],
      ['陈桥社区开展消防演练', '社区微播报', '2024-09-18'],
      ['永兴社区老年大学开学', '社区微播报', '2024-09-19'],
      ['幸福社区更换路灯', '社区微播报', '2024-09-13'],
      ['秋季流感疫苗怎么打？社区医生来解答', '', '2024-09-21'],
    ]);
    const circle = article(issue, '城东街道“15分钟便民生活圈”建成投用');
    expect(circle.paragraphs.at(-1)).toMatch(/^街道还将在年底前推出“便民服务地图”小程序/);
    const flu = article(issue, '秋季流感疫苗怎么打？社区医生来解答');
    expect(flu.paragraphs.slice(-2, -1)).toEqual(['【编后】']);
    expect(flu.paragraphs.at(-1)).toMatch(/^便民服务做得好不好/);
  });

  it('pipe-separated page headers, ASCII jump brackets, a rubric over its headline, a captioned photo', () => {
    const issue = load('pipe-headers.txt');
    expect(issue.date).toBe('2025-06-16');
    expect(listing(issue)).toEqual([
      ['崇川区启动“夏季安全生产大检查”', '', '2025-06-13'],
      ['濠河夏夜音乐会周末开唱', '文化惠民', '2025-06-14'],
      ['办理居住证，这些事项要知道', '', '2025-06'],
    ]);
    expect(article(issue, '崇川区启动“夏季安全生产大检查”').paragraphs[2]).toMatch(/^区安委办将每半个月/);
    expect(article(issue, '濠河夏夜音乐会周末开唱').captions).toHaveLength(1);
  });

  it('lettered page codes without 版, a news photo under its label, Q/A', () => {
    const issue = load('lettered-pages.txt');
    expect(issue.date).toBe('2024-03-18');
    expect(listing(issue)).toEqual([
      ['消费维权服务站实现街道全覆盖', '去年全区挽回消费者经济损失320万元', '2024-03-15'],
      ['钟秀街道举办春季招聘会', '新闻速递', '2024-03-14'],
      ['新城桥街道开展义诊活动', '新闻速递', '2024-03-16'],
      ['春季过敏高发，如何防护？', '', '2024-03'],
    ]);
    expect(article(issue, '消费维权服务站实现街道全覆盖').paragraphs[2]).toMatch(/^区市场监管局相关负责人表示/);
    expect(article(issue, '春季过敏高发，如何防护？').byline).toEqual(['张强']);
    expect(issue.photos.map((p) => [p.captions, p.date])).toEqual([
      [['3月16日，市民在狼山风景区赏樱。 记者 张强 摄'], '2024-03-16'],
    ]);
  });

  it('a short continuation ends where the next dated article begins', () => {
    const issue = load('weekly-undated.txt');
    expect(issue.date).toBe('2024-04');
    expect(listing(issue)).toEqual([
      ['国家安全教育进校园', '', '2024-04-15'],
      ['社区食堂开进老小区', '', '2024-04-12'],
      ['任港街道', '街道动态', '2024-04-10'],
      ['唐闸镇街道', '街道动态', '2024-04-11'],
    ]);
    expect(article(issue, '国家安全教育进校园').paragraphs).toHaveLength(3);
  });

  it("bare jump lines, a lead dated by 「昨天」 from the issue's date, a column of ▶ items under any title", () => {
    const issue = load('bare-jumps.txt');
    expect(issue.date).toBe('2024-07-01');
    expect(listing(issue)).toEqual([
      ['崇川区新增5条公交线路', '', '2024-06-30'],
      ['“家门口”的儿童友好空间', '', '2024-07'],
      ['城区部分路段夜间施工', '便民提示', '2024-06-29'],
      ['区档案馆暑期开放时间调整', '便民提示', '2024-07-01'],
    ]);
    const bus = article(issue, '崇川区新增5条公交线路');
    expect(bus.paragraphs[1]).toMatch(/下一步还将优化12条既有线路。$/);
    expect(bus.paragraphs[2]).toMatch(/^此外，公交线路开通后/);
    expect(article(issue, '“家门口”的儿童友好空间').byline).toEqual(['王磊']);
  });

  it("a UTF-16 issue with credits above its articles, dated by last year's totals", () => {
    const issue = load('utf16-top-credits.txt');
    expect(issue.date).toBe('2025-01');
    expect(listing(issue)).toEqual([
      ['去年全区新增城镇就业1.6万人', '', '2025-01-03'],
      ['新年第一场招聘会 460个岗位等你来', '', '2025-01-02'],
    ]);
    const jobs = article(issue, '去年全区新增城镇就业1.6万人');
    expect(jobs.paragraphs.slice(2, 5)).toEqual([
      '零工市场将提供免费的岗位信息发布、技能培训和劳动维权咨询服务，让灵活就业人员“找活不用愁”。',
      '记者手记',
      '采访中，不少求职者说，最看重的是离家近、时间灵活。零工市场建到家门口，正是回应了这种需求。',
    ]);
  });

  it('a page header over three lines, bold interview questions, spaced names in bylines', () => {
    const issue = load('stacked-header.txt');
    expect(issue.date).toBe('2024-12-02');
    expect(listing(issue)).toEqual([
      ['“家门口”办成“身边事”', '访学田街道党工委书记周强', '2024-12'],
      ['濠河街道开展冬季消防检查', '简讯', '2024-11-28'],
      ['狼山镇街道举办老年人智能手机培训', '简讯', '2024-11-29'],
      ['冬季用电安全提示', '', '2024-12'],
    ]);
    const interview = article(issue, '“家门口”办成“身边事”');
    expect(interview.paragraphs[0]).toBe('记者：今年学田街道在为民办实事方面有哪些亮点？');
    expect(interview.byline).toEqual(['陆洋']);
    expect(article(issue, '狼山镇街道举办老年人智能手机培训').byline).toEqual(['王磊']);
  });

  it("a publisher's imprint under the page header, indented paragraphs with no blank lines between", () => {
    const issue = load('indented-imprint.txt');
    expect(issue.date).toBe('2024-08-05');
    expect(listing(issue)).toEqual([
      ['崇川12个项目集中开工', '总投资超85亿元', '2024-08-02'],
      ['暑期托管班开进社区', '', '2024-08-01'],
      ['唐闸镇街道开展防溺水宣传', '社区动态', '2024-08-03'],
      ['任港街道组织青少年参观消防站', '社区动态', '2024-08-04'],
    ]);
    expect(article(issue, '崇川12个项目集中开工').paragraphs.at(-1)).toMatch(/^按照计划，年内还将有20个重大项目开工/);
  });

  it('keeps page headers, credits, jump lines and repeated headlines out of every text and byline', () => {
    for (const name of FILES) {
      const issue = load(name);
      for (const a of issue.articles) {
        for (const text of [a.headline, a.subtitle, ...a.paragraphs]) {
          expect(text).not.toMatch(
            /责编|责任编辑|美编|校对|本期编辑|本版编辑|图片编辑|审读|版式|^第.{1,2}版|^—\d—|上接|下转|转第|紧接|^A0\d/,
          );
        }
        expect(a.paragraphs).not.toContain(a.headline);
        // A page header's section name (「第2版 · 民生」) is no reporter, nor is half a spaced name.
        for (const name of a.byline) expect(name).toMatch(/^\p{Script=Han}{2,4}$/u);
        for (const name of a.byline) expect(name).not.toMatch(/要闻|民生|社区|综合/);
      }
      for (const p of issue.photos) for (const c of p.captions) expect(c).toMatch(/摄$/);
    }
  });
});

describe('layout marks in other shapes', () => {
  it('reads credits with spaced names, slashes, colons and dots', () => {
    for (const line of [
      '本版责编 周 敏',
      '责任编辑/张三  美编/李四  校对：王五',
      '校对：王五',
      '责任编辑 钱 程  版式 孙 悦',
      '· 本期编辑：陈静 ·',
      '编辑：刘洋\u3000校对：陈晨',
      '责任编辑 陈 晨 / 版式设计 吴 凡',
      '本版编辑 李 华  美术编辑 王 强  校对 陈 刚',
      '图片编辑 张 伟',
    ]) {
      expect(isEditorCredit(line), line).toBe(true);
      expect(isPageFurniture(line), line).toBe(true);
    }
    for (const line of ['编辑部门 召开会议', '本版责编周敏说，要抓好落实。', '校对工作 很重要']) {
      expect(isEditorCredit(line), line).toBe(false);
    }
    for (const line of [
      '第3版 · 社区',
      '2025年6月9日 星期一 A2 要闻',
      '崇川新闻 综合 2025-06-09',
      '第一版 要闻',
      'A06 社会新闻 2024年3月18日',
      '1版　要闻',
    ]) {
      expect(isPageFurniture(line), line).toBe(true);
    }
  });

  it('finds jump lines in other wordings', () => {
    expect(takeJumps('……超时未处置的事件会自动升级到区级督办。（下转A3版）')).toEqual({
      jumps: ['to'],
      rest: '……超时未处置的事件会自动升级到区级督办。',
    });
    expect(takeJumps('（紧接第1版）').jumps).toEqual(['from']);
    expect(takeJumps('挽回经济损失320万元。（下转A06）')).toEqual({ jumps: ['to'], rest: '挽回经济损失320万元。' });
    expect(takeJumps('（上接A01）').jumps).toEqual(['from']);
    // A bracketed code that names no page is text: 「（转2）」, 「（接A）」.
    expect(takeJumps('（转2）').jumps).toEqual([]);
    // Bare jump words count alone on their line or right after a sentence's end, nowhere else.
    expect(takeJumps('上接第2版')).toEqual({ jumps: ['from'], rest: '' });
    expect(takeJumps('下一步还将优化12条既有线路。转第3版')).toEqual({
      jumps: ['to'],
      rest: '下一步还将优化12条既有线路。',
    });
    expect(takeJumps('该报道转第3版刊发').jumps).toEqual([]);
    expect(takeJumps('会议决定将工作重点转第3版面').jumps).toEqual([]);
    expect(takeJumps('（转第3版）').jumps).toEqual(['to']);
    expect(takeJumps('(上接第1版)区安委办将每半个月通报一次。')).toEqual({
      jumps: ['from'],
      rest: '区安委办将每半个月通报一次。',
    });
  });

  it('reads numbered roundup items, brief column names and afterwords', () => {
    expect(takeNumberedItem('2. 濠河风景区新增两条夜跑步道。11月14日，濠河风景区新增两条夜跑步道。')).toEqual({
      title: '濠河风景区新增两条夜跑步道',
      rest: '11月14日，濠河风景区新增两条夜跑步道。',
    });
    // A guide's point is no titled item: its first clause runs on past a colon or comma.
    expect(takeNumberedItem('1. 饮用水：每人每天不少于3升，按3天储备。')).toBeNull();
    expect(takeNumberedItem('1. 手电筒和备用电池。')).toBeNull();
    for (const t of ['社区传真', '基层传真', '一周要闻速览', '社区微播报', '城区快讯'])
      expect(isColumnTitle(t), t).toBe(true);
    expect(isColumnTitle('家庭应急物资储备指南')).toBe(false);
    expect(isAfterword('【编后】')).toBe(true);
    expect(isAfterword('编后语：')).toBe(true);
    expect(isAfterword('编辑部召开会议')).toBe(false);
  });

  it('takes a headline that asks and answers across one question mark, not two sentences', () => {
    expect(isHeadingShaped('秋季流感疫苗怎么打？社区医生来解答')).toBe(true);
    expect(isHeadingShaped('怎么办？去哪里？找谁办')).toBe(false);
    expect(isHeadingShaped('老人摔倒了怎么办？旁人扶起。')).toBe(false);
    expect(isHeadingShaped('“怎么了？”老王问')).toBe(false);
  });

  it('takes a short heading over ▶ or 【】 item titles for a column, but not over bracketed section labels', () => {
    const notes = [
      '便民提示',
      '',
      '▶ 城区部分路段夜间施工',
      '6月29日起，工农路夜间封闭施工。',
      '',
      '▶ 区档案馆调整开放时间',
      '7月1日起，区档案馆周末开放。',
    ];
    expect(listing(parseIssue(notes.join('\n'), { source: '2024-07-01.txt' }))).toEqual([
      ['城区部分路段夜间施工', '便民提示', '2024-06-29'],
      ['区档案馆调整开放时间', '便民提示', '2024-07-01'],
    ]);
    const feature = [
      '老街新生',
      '',
      '【现场】',
      '6月1日，走进寺街，沿街商铺陆续开张。',
      '',
      '【声音】',
      '“寺街越来越有味道了。”居民老张说。',
    ];
    const articles = parseIssue(feature.join('\n'), { source: '2025-06-03.txt' }).articles;
    expect(articles.map((a) => a.headline)).toEqual(['老街新生']);
    expect(articles[0]!.paragraphs.at(-1)).toBe('“寺街越来越有味道了。”居民老张说。');
  });

  it('splits a bulleted line into title and text only where a dated lead follows the space', () => {
    const column = [
      '社区微播报',
      '',
      '● 陈桥社区开展消防演练 9月18日，陈桥社区开展消防演练。',
      '● 永兴社区 举办老年大学开学典礼，60位老人参加。',
    ];
    const issue = parseIssue(column.join('\n'), { source: '2024-09-23.txt' });
    expect(issue.articles[0]!.headline).toBe('陈桥社区开展消防演练');
    expect(issue.articles.some((a) => a.headline === '永兴社区')).toBe(false);
  });

  it('takes a short rubric over a longer line for a kicker, not the headline', () => {
    const issue = parseIssue(
      ['文化惠民', '濠河夏夜音乐会周末开唱', '', '6月14日晚，音乐会在北濠桥广场开唱。'].join('\n'),
      {
        source: '2025-06-16.txt',
      },
    );
    expect(listing(issue)).toEqual([['濠河夏夜音乐会周末开唱', '文化惠民', '2025-06-14']]);
    // A main headline over a sub-headline of about its length stays the headline.
    const other = parseIssue(['城市更新跑出加速度', '崇川区召开城市更新推进会', '', '6月14日，会议召开。'].join('\n'), {
      source: '2025-06-16.txt',
    });
    expect(listing(other)).toEqual([['城市更新跑出加速度', '崇川区召开城市更新推进会', '2025-06-14']]);
  });
});

describe('questions about these issues, through the real search index', () => {
  let index: SearchIndex;
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'epaper-variants-'));
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    for (const f of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', f), path.join(corpus, f));
    for (const f of FILES) fs.copyFileSync(path.join(FIXTURES, f), path.join(corpus, f));
    index = openIndex({ corpusDir: corpus, indexFile: path.join(dir, 'index.json') }).index;
  });
  const top = (q: string) => search(index, q, { limit: 3 })[0];

  it("answers from a continued article's second part", () => {
    const r = top('一网统管平台年底前接入多少个街道的网格数据');
    expect(r?.headline).toBe('“一网统管”平台上线运行');
    expect(r?.passage).toContain('年底前接入全区9个街道的网格数据');
    const q = top('第四季度全区重点推进多少个重大项目');
    expect(q?.headline).toBe('我区前三季度地区生产总值增长6.1%');
    expect(q?.passage).toContain('重点推进32个重大项目');
  });

  it('answers from a brief item, bulleted or numbered', () => {
    const r = top('钟秀街道口袋公园面积多大');
    expect(r?.headline).toBe('钟秀街道新增3处口袋公园');
    expect(r?.passage).toContain('总面积约4200平方米');
    const q = top('濠河风景区夜跑步道全长多少');
    expect(q?.headline).toBe('濠河风景区新增两条夜跑步道');
    expect(q?.passage).toContain('全长共5.6公里');
  });

  it("answers from an interview's answer, under 答： or the speaker's name", () => {
    const r = top('错过医保集中缴费期怎么办');
    expect(r?.headline).toBe('城乡居民医保缴费，您关心的问题都在这里');
    expect(r?.passage).toContain('问：错过集中缴费期怎么办？');
    expect(r?.passage).toContain('3个月的等待期');
    const q = top('加装电梯政府每部补贴多少钱');
    expect(q?.headline).toBe('小区加装电梯，难在哪里？');
    expect(q?.passage).toContain('政府对每部电梯补贴20万元');
  });
});
