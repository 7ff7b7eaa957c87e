import { describe, expect, it } from 'vitest';
import {
  articleDate,
  dayMentions,
  fullDateIn,
  dateFromFileName,
  yearFromFileName,
  formatPartialDate,
  inferIssueYear,
  latestStatedYear,
  statedYears,
  yearFromAnchors,
} from '../../src/corpus/dates.ts';
import { parseIssue } from '../../src/corpus/parse-issue.ts';
import { parseChineseNumeral } from '../../src/corpus/chinese-numeral.ts';

describe('issue year', () => {
  it('comes from a dated file name', () => {
    expect(dateFromFileName('2023-04-10_anything.txt')).toEqual({ year: 2023, month: 4, day: 10 });
    expect(dateFromFileName('20230410.txt')).toEqual({ year: 2023, month: 4, day: 10 });
    expect(dateFromFileName('000_ee7a1d118fc23364.txt')).toBeNull();
  });

  it('comes from a year the file name states alone, never from an id, an issue number or a folder', () => {
    expect(dateFromFileName('2023_第28期.txt')).toBeNull();
    expect(yearFromFileName('2023_第28期.txt')).toBe(2023);
    expect(yearFromFileName('/srv/issues/崇川新闻2024.txt')).toBe(2024);
    expect(yearFromFileName('崇川新闻_第2023期.txt')).toBeNull();
    expect(yearFromFileName('007_b3f1c8e2019d2e47.txt')).toBeNull();
    expect(yearFromFileName('/srv/2024/崇川新闻_第19期.txt')).toBeNull();
  });

  it("is the file name's own year for an issue whose text names none", () => {
    const issue = parseIssue(
      '崇川新闻  第28期  7月17日  星期一\n\n标题一则\n\n7月10日，区里召开会议，部署暑期工作。会议要求各街道做好准备。',
      { source: '2023_第28期.txt' },
    );
    expect(issue.articles[0]?.date).toBe('2023-07-10');
  });

  it('is the latest year spoken of as present or past', () => {
    expect(latestStatedYear('崇川区召开2021年二季度高质量发展大比武查评会')).toBe(2021);
    expect(latestStatedYear('2022年以来……力争2023年全区食品安全工作取得新成效')).toBe(2023);
  });

  it('ignores history and the ends of plan ranges', () => {
    expect(latestStatedYear('公司始建于1997年。《三年行动计划(2022—2024年)》，2022年度名单')).toBe(2022);
    expect(latestStatedYear('《实施方案(2022—2025年)》')).toBeNull();
    expect(latestStatedYear('到2035年基本实现')).toBeNull();
  });

  it('falls back to dated events the issue refers to', () => {
    expect(yearFromAnchors('以实际行动迎接党的二十大胜利召开')).toBe(2022);
    expect(yearFromAnchors('4月15日是第八个全民国家安全教育日')).toBe(2023);
    expect(yearFromAnchors('江苏省第二十届运动会在泰州落下帷幕。4年后，江苏省第二十一届运动会将在连云港举办')).toBe(
      2022,
    );
    expect(inferIssueYear('区领导调研中小微企业')).toBeNull();
  });
});

describe('issue year rules', () => {
  const roles = (text: string) => statedYears(text).map((s) => `${s.year}:${s.role}`);

  it('puts the issue after a completed year whose totals it reports', () => {
    const text = '据介绍，2024年全区市场监管部门共受理消费者投诉举报9800余件。今年，崇川将继续推进放心消费创建。';
    expect(roles(text)).toEqual(['2024:summary']);
    expect(inferIssueYear(text)).toBe(2025);
    expect(inferIssueYear('2023年全年累计发放补贴1200万元。')).toBe(2024);
    expect(inferIssueYear('2024年，全区共受理群众诉求1.2万件。')).toBe(2025);
    expect(inferIssueYear('截至2024年底，全区共有养老服务站42家。')).toBe(2025);
  });

  it('does not take a plan or a year so far for a completed year', () => {
    expect(roles('2025年计划共完成改造项目10个')).toEqual(['2025:present']);
    expect(roles('力争2023年全区食品安全工作取得新成效')).toEqual(['2023:present']);
    expect(inferIssueYear('崇川区召开2021年二季度高质量发展大比武查评会')).toBe(2021);
  });

  it('reads a year something started as history, which alone dates nothing', () => {
    expect(roles('该活动2020年起每年举办，南通马拉松2019年首次亮相，公司始建于1997年')).toEqual([
      '2020:history',
      '2019:history',
      '1997:history',
    ]);
    expect(inferIssueYear('助餐服务2020年起在全区推开。')).toBeNull();
    expect(inferIssueYear('助餐服务2020年起在全区推开。2023年全区新增助餐点15个。')).toBe(2023);
    expect(latestStatedYear('2020年以来，街道累计改造小区8个')).toBeNull();
  });

  it('fixes the year from numbered annual observances and their founding years', () => {
    expect(yearFromAnchors('5月19日是第三十四次全国助残日')).toBe(2024);
    expect(yearFromAnchors('迎来第十四个中国旅游日')).toBe(2024);
    expect(yearFromAnchors('在第16个全国防灾减灾日到来之际')).toBe(2024);
    expect(yearFromAnchors('第33个全国消防日')).toBe(2024);
    expect(yearFromAnchors('去年的第三十三次全国助残日')).toBeNull();
    expect(yearFromAnchors('在第16个全国防灾减灾日即将到来之际')).toBe(2024);
  });

  it('fixes the year from anniversaries of events of known years', () => {
    expect(yearFromAnchors('庆祝新中国成立75周年')).toBe(2024);
    expect(yearFromAnchors('纪念中国共产党成立一百零三周年')).toBe(2024);
    expect(yearFromAnchors('明年将迎来建党105周年')).toBeNull();
  });

  it('takes an observance over an older stated year, never below a bound', () => {
    expect(inferIssueYear('2022年以来建成驿站6个。在第16个全国防灾减灾日，社区开展演练。')).toBe(2024);
    expect(inferIssueYear('第八个全民国家安全教育日。2024年全区共受理举报300件。')).toBeNull();
  });

  it('leaves the year out when the cues disagree or are missing', () => {
    expect(inferIssueYear('第八个全民国家安全教育日。第16个全国防灾减灾日。')).toBeNull();
    expect(inferIssueYear('2019年二季度经济运行良好。该项目2021年起实施。')).toBeNull();
    expect(inferIssueYear('今年以来，社区开展活动20余场。')).toBeNull();
  });

  it("dates an undated issue's articles the year after the totals it reports", () => {
    const text = [
      '放心消费在崇川',
      '',
      '3月14日，崇川区举行放心消费宣传活动。',
      '',
      '据介绍，2024年全区市场监管部门共受理消费者投诉举报9800余件。今年，崇川将继续推进放心消费创建。',
      '',
      '·张三·',
      '',
      '义务植树添新绿',
      '',
      '3月12日，300余名干部群众参加义务植树。作为2024年省级绿化示范项目，公园今年将扩建。',
      '',
      '·李四·',
    ].join('\n');
    const issue = parseIssue(text, { source: 'undated.txt' });
    expect(issue.articles.map((a) => a.date)).toEqual(['2025-03-14', '2025-03-12']);
  });
});

describe('article date', () => {
  it('is the first day named, in the issue year', () => {
    expect(formatPartialDate(articleDate('9月8日，崇川区召开交流会。9月9日……', { year: 2022, month: 9 }))).toBe(
      '2022-09-08',
    );
  });

  it('keeps an explicit year, and puts December in a January issue in the year before', () => {
    expect(formatPartialDate(articleDate('2021年8月6日，会议召开', { year: 2023 }))).toBe('2021-08-06');
    expect(formatPartialDate(articleDate('12月28日，会议召开', { year: 2024, month: 1 }))).toBe('2023-12-28');
  });

  it('is the issue month for 近日, and never a day without a year', () => {
    expect(formatPartialDate(articleDate('近日，活动举行', { year: 2024, month: 11 }))).toBe('2024-11');
    expect(formatPartialDate(articleDate('9月8日，会议召开', {}))).toBe('');
  });

  it("counts 昨天, 前天 and 今天 in a lead from the issue's full date, across a month's end", () => {
    const issue = { year: 2024, month: 7, day: 1 };
    expect(formatPartialDate(articleDate('本报讯 昨天，新线路投入运营。', issue))).toBe('2024-06-30');
    expect(formatPartialDate(articleDate('前天上午，活动举行。', issue))).toBe('2024-06-29');
    expect(formatPartialDate(articleDate('今天，会议召开。', issue))).toBe('2024-07-01');
    // A day named before it wins; without the issue's day 昨天 dates nothing finer than the month.
    expect(formatPartialDate(articleDate('6月28日，会议召开，昨天又开一次。', issue))).toBe('2024-06-28');
    expect(formatPartialDate(articleDate('昨天，活动举行。', { year: 2024, month: 7 }))).toBe('2024-07');
    expect(formatPartialDate(articleDate('今日头条发布报告。', issue))).toBe('2024-07');
  });

  it('reads no day word inside a quotation: the day named after it dates the lead', () => {
    const issue = { year: 2025, month: 12, day: 22 };
    const lead = '“今天有两家工厂招临时装卸工，有意向的可以登记。”12月16日清晨，零工驿站里……';
    expect(formatPartialDate(articleDate(lead, issue))).toBe('2025-12-16');
    // The same day word outside a quotation still counts.
    expect(formatPartialDate(articleDate('今天，零工驿站开门。12月16日起……', issue))).toBe('2025-12-22');
  });

  it("without a named day, is the first month the article names, else the issue's month", () => {
    const issue = { year: 2023, month: 12, day: 4 };
    const body = '入冬以来，充电棚陆续投用。\n截至11月底，街道已新建充电棚42个，计划12月再建10个。';
    expect(formatPartialDate(articleDate('入冬以来，充电棚陆续投用。', issue, body))).toBe('2023-11');
    // A span's end (1—11月) is the year so far, not a month of the event; 3个月 counts months.
    expect(formatPartialDate(articleDate('今年以来……', issue, '今年1—11月，全区……，历时3个月'))).toBe('2023-12');
    // A month well after the issue's is last year's; one said to be in another year is background.
    expect(formatPartialDate(articleDate('近日……', { year: 2024, month: 1 }, '10月，项目开工'))).toBe('2023-10');
    expect(formatPartialDate(articleDate('近日……', { year: 2024, month: 7 }, '空间去年10月开放'))).toBe('2024-07');
    expect(formatPartialDate(articleDate('近日……', { year: 2024, month: 7 }, '2022年5月开工'))).toBe('2024-07');
    // A month just ahead of the issue's is a plan.
    expect(formatPartialDate(articleDate('近日……', { year: 2024, month: 7 }, '计划8月建成'))).toBe('2024-07');
  });
});

describe('parseChineseNumeral', () => {
  it('reads small numerals', () => {
    expect([
      parseChineseNumeral('八'),
      parseChineseNumeral('十一'),
      parseChineseNumeral('二十'),
      parseChineseNumeral('二十一'),
    ]).toEqual([8, 11, 20, 21]);
    expect(parseChineseNumeral('abc')).toBeNaN();
  });
});

describe('dates printed in Chinese numerals or full-width digits', () => {
  it('reads a masthead dated in Chinese numerals', () => {
    expect(fullDateIn('二〇二三年十一月二十日  星期一  第45期')).toEqual({ year: 2023, month: 11, day: 20 });
    expect(fullDateIn('二〇二四年二月三十日')).toBeNull();
    // A year alone is no full date.
    expect(fullDateIn('二〇二三年工作要点')).toBeNull();
  });

  it('reads a lead dated in full-width digits as the half-width one', () => {
    expect(dayMentions('５月１日至５日，全区接待游客')).toEqual([{ year: undefined, month: 5, day: 1, index: 0 }]);
    const issue = parseIssue(
      '二〇二三年十一月二十日  星期一  第45期\n\n新桥通车\n\n１１月１６日，新桥通车。\n\n·张三·',
      {
        source: 'issue.txt',
      },
    );
    expect(issue.articles[0]!.date).toBe('2023-11-16');
  });
});
