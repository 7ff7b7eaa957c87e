import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../../src/corpus/parse-issue.ts';

const seed = (name: string) => parseIssue(fs.readFileSync(path.join('seeds', name), 'utf8'), { source: name });
const byHeadline = (issue: ReturnType<typeof seed>, start: string) => {
  const a = issue.articles.find((x) => x.headline.startsWith(start));
  if (!a) throw new Error(`no article ${start}: ${issue.articles.map((x) => x.headline).join(' / ')}`);
  return a;
};

describe('parseIssue on the seeds', () => {
  const all = fs
    .readdirSync('seeds')
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map(seed);

  it('finds the 37 news articles and nothing else', () => {
    expect(all.map((i) => i.articles.length)).toEqual([8, 7, 8, 6, 8]);
  });

  it('keeps the main title in headline and the sub-headline in subtitle', () => {
    const a = byHeadline(all[1]!, '凝心聚力抓实干');
    expect(a.headline).toBe('凝心聚力抓实干 用心用情惠民生');
    expect(a.subtitle).toBe('崇川区召开2021年二季度高质量发展大比武查评会');
  });

  it('puts a kicker ending in a dash into the subtitle', () => {
    const a = byHeadline(all[2]!, '提高满意率');
    expect(a.subtitle).toBe('崇川区各个街道倾听社情民意,实施旧改“回头看”');
    const b = byHeadline(all[4]!, '居民参与');
    expect(b.headline).toBe('居民参与 问题解决 环境改善');
    expect(b.subtitle).toContain('秦灶街道苏阳社区上演微空间“变形记”');
  });

  it('reads Markdown heading levels: ## is the title, ### the kicker', () => {
    const a = byHeadline(all[3]!, '细谋划强组织');
    expect(a.subtitle).toBe('胡拥军调研港闸开发区一季度“开门红”推进情况');
    expect(all[3]!.articles.every((x) => !x.headline.includes('#'))).toBe(true);
  });

  it('keeps section headings inside their article', () => {
    const a = byHeadline(all[0]!, '一抹“代表红”');
    expect(a.paragraphs).toContain('一盘棋统筹推进 汇聚文明“向心力”');
    expect(a.paragraphs).toContain('一张网融合共建 筑牢百姓“幸福圈”');
    expect(all[0]!.articles.some((x) => x.headline.startsWith('一张网'))).toBe(false);
  });

  it('starts a new article at a two-line headline even without a byline before it', () => {
    const a = byHeadline(all[0]!, '片区联盟汇聚合力');
    expect(a.subtitle).toBe('激活党建“红色动能”');
    expect(a.date).toBe('2022-09-07');
  });

  it('takes bylines as names, alone, closing a paragraph, bold or without the closing dot', () => {
    expect(byHeadline(all[0]!, '深挖资源潜力').byline).toEqual(['金驰', '许应田']);
    expect(byHeadline(all[0]!, '锚定目标不放松').byline).toEqual(['金驰']);
    expect(byHeadline(all[2]!, '守好“金字招牌”').byline).toEqual(['金驰', '杨阳']);
    expect(byHeadline(all[4]!, '打好收官战').byline).toEqual(['金驰', '张帆', '杨阳']);
    for (const a of all.flatMap((i) => i.articles)) {
      expect(a.paragraphs.join('')).not.toMatch(/·\p{Script=Han}{2,3}·?$/u);
    }
  });

  it('joins paragraphs cut by page breaks, and only those', () => {
    const a = byHeadline(all[0]!, '锚定目标不放松');
    expect(a.paragraphs.some((p) => p.includes('锚定目标不放松，凝心聚力抓落实'))).toBe(true);
    expect(a.paragraphs.some((p) => p.includes('亲自部署，强化过程控制'))).toBe(true);
    expect(a.paragraphs).toHaveLength(6);
    const b = byHeadline(all[2]!, '查找问题');
    expect(b.paragraphs[1]).toMatch(/^华润医药是集中西药品经营、批发配送、医疗器械于一体/);
    expect(b.paragraphs[2]).toMatch(/^今年1月,江景苑一居民楼南侧墙体保温层出现裂缝/);
    const c = byHeadline(all[3]!, '细谋划强组织');
    expect(c.paragraphs.some((p) => p.includes('2018年1月竣工运营'))).toBe(true);
  });

  it('joins a fragment printed out of place to the paragraph it finishes', () => {
    const a = byHeadline(all[1]!, '坚决筑牢');
    expect(a.paragraphs.some((p) => p.includes('老小区卡口,及时补充值班力量'))).toBe(true);
    expect(a.paragraphs.some((p) => p.startsWith('口,'))).toBe(false);
  });

  it('keeps photo captions apart from articles', () => {
    const captions = all.flatMap((i) => i.photos.flatMap((p) => p.captions));
    expect(captions).toHaveLength(6);
    expect(captions[0]).toMatch(/^和平桥街道开展“‘廉心饺’里品廉洁/);
    const page = all[2]!.photos[0]!;
    expect(page.lead).toMatch(/^4月15日是第八个全民国家安全教育日/);
    expect(page.date).toBe('2023-04-15');
    for (const a of all.flatMap((i) => i.articles)) expect(a.paragraphs.join('')).not.toContain('廉心饺');
  });

  it('dates each article by its event, else by the issue month', () => {
    const dates = Object.fromEntries(all.flatMap((i) => i.articles).map((a) => [a.headline.slice(0, 5), a.date]));
    expect(dates.锚定目标不).toBe('2022-09-08');
    expect(dates.江苏省第二).toBe('2022-09-05');
    expect(dates.凝心聚力抓).toBe('2021-08-07');
    expect(dates.崇川首家工).toBe('2021-08');
    expect(dates.崇川全民国).toBe('2023-04-10');
    expect(dates.二届区政府).toBe('2022-03');
    expect(dates.强服务稳落).toBe('2022-03-04');
    expect(dates.中医集市进).toBe('2024-11-03');
    expect(dates.校社携手育).toBe('2024-11');
  });

  it('gives every article a stable id, unique in the corpus', () => {
    const ids = all.flatMap((i) => i.articles.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(seed('000_ee7a1d118fc23364.txt').articles.map((a) => a.id)).toEqual(all[0]!.articles.map((a) => a.id));
  });
});

describe('parseIssue on made-up issues', () => {
  const issue = [
    '# 城区新建口袋公园',
    '',
    '5月6日，某区新建三座口袋公园，面积共计1200平方米。',
    '',
    '公园配备健身器材，方便周边居民锻',
    '',
    '炼。·张三·',
    '',
    '老街换新颜',
    '',
    '近日，老街完成改造。',
    '',
    '·李四 王五·',
  ].join('\n');

  it('strips Markdown markers, joins the break, closes articles at bylines', () => {
    const parsed = parseIssue(issue, { source: '2023-05-08_weekly.txt' });
    expect(parsed.articles.map((a) => a.headline)).toEqual(['城区新建口袋公园', '老街换新颜']);
    expect(parsed.articles[0]!.paragraphs).toEqual([
      '5月6日，某区新建三座口袋公园，面积共计1200平方米。',
      '公园配备健身器材，方便周边居民锻炼。',
    ]);
    expect(parsed.articles[1]!.byline).toEqual(['李四', '王五']);
  });

  it('takes the year from a dated file name and gives 近日 the issue month', () => {
    const parsed = parseIssue(issue, { source: '20230508.txt' });
    expect(parsed.date).toBe('2023-05-08');
    expect(parsed.articles.map((a) => a.date)).toEqual(['2023-05-06', '2023-05']);
  });

  it('leaves the year out when nothing dates the issue', () => {
    const parsed = parseIssue(issue, { source: 'undated.txt' });
    expect(parsed.articles.map((a) => a.date)).toEqual(['', '']);
  });

  it('reads a masthead line as the issue date, not as a headline', () => {
    const text = '崇川新闻 2023年4月17日 星期一 第15期\n\n新桥通车\n\n4月15日，新桥通车。\n\n·李四·';
    const parsed = parseIssue(text, { source: 'issue.txt' });
    expect(parsed.date).toBe('2023-04-17');
    expect(parsed.articles.map((a) => [a.headline, a.subtitle, a.date])).toEqual([['新桥通车', '', '2023-04-15']]);
  });

  it('takes a headline ending in a question mark', () => {
    const text =
      '甲事\n\n3月1日，甲事发生。\n\n·张三·\n\n垃圾分类，你做对了吗？\n\n3月2日，社区开展垃圾分类宣传。\n\n·李四·';
    const parsed = parseIssue(text, { source: '2024-03-04.txt' });
    expect(parsed.articles.map((a) => a.headline)).toEqual(['甲事', '垃圾分类，你做对了吗？']);
    expect(parsed.photos).toEqual([]);
  });

  it('takes role words out of byline names', () => {
    const [a] = parseIssue('新桥通车\n\n6月1日，新桥通车。\n\n·记者 张三 通讯员 李四·', {
      source: '2024-06-03.txt',
    }).articles;
    expect(a!.byline).toEqual(['张三', '李四']);
  });

  it('keeps a caption inside an article as a caption', () => {
    const text = '新桥通车\n\n6月1日，新桥通车。\n\n▼新桥夜景。 张三摄\n\n大桥全长300米。\n\n·李四·';
    const [a] = parseIssue(text, { source: '2024-06-03.txt' }).articles;
    expect(a!.captions).toEqual(['新桥夜景。 张三摄']);
    expect(a!.paragraphs).toEqual(['6月1日，新桥通车。', '大桥全长300米。']);
  });

  it('starts a new article at a headline with a dated lead even without a byline', () => {
    const text = '甲事\n\n3月1日，甲事发生。\n\n甲事很重要。\n\n乙事开场\n\n3月2日，乙事发生。';
    const parsed = parseIssue(text, { source: '2024-03-04.txt' });
    expect(parsed.articles.map((a) => [a.headline, a.date])).toEqual([
      ['甲事', '2024-03-01'],
      ['乙事开场', '2024-03-02'],
    ]);
  });

  it('keeps a box of figures set inside an article in it, and a brief column’s bulleted items apart', () => {
    const text =
      '秋季开学\n\n9月1日，全区中小学开学。\n\n新校区共规划36个班。\n\n■ 数说\n\n■ 小学新生9860人\n\n■ 初一新生8120人\n\n■ 新开校车线路14条\n\n放学后课后服务延长至下午6点。\n\n·张三·';
    const parsed = parseIssue(text, { source: '2025-09-15.txt' });
    expect(parsed.articles.map((a) => a.headline)).toEqual(['秋季开学']);
    expect(parsed.articles[0]!.paragraphs.join('\n')).toContain('初一新生8120人');
    const briefs =
      '崇川简讯\n\n■城东街道开展反诈宣传\n\n9月8日，城东街道开展反诈宣传，发放资料500份。\n\n■学田街道举办招聘会\n\n9月9日，学田街道举办招聘会，提供岗位300个。\n\n■和平桥街道义诊\n\n9月10日，和平桥街道开展义诊，服务老人120人。';
    expect(parseIssue(briefs, { source: '2025-09-15.txt' }).articles.map((a) => a.headline)).toEqual([
      '城东街道开展反诈宣传',
      '学田街道举办招聘会',
      '和平桥街道义诊',
    ]);
  });

  it('reads a lead opening 本報訊 (Traditional characters) as a dated lead, as 本报讯', () => {
    const text =
      '甲事\n\n3月1日，甲事發生。\n\n甲事很重要。\n\n乙事開場\n\n本報訊 記者獲悉，乙事發生。\n\n乙事也重要。';
    const parsed = parseIssue(text, { source: '2024-03-04.txt' });
    expect(parsed.articles.map((a) => a.headline)).toEqual(['甲事', '乙事開場']);
    // The text is kept as printed.
    expect(parsed.articles[1]!.paragraphs[0]).toBe('本報訊 記者獲悉，乙事發生。');
    // jieba reads Traditional text across the headline's end and the lead (開放本 of 開放 / 本報訊):
    // words are read in the Simplified form, so the headline is no fragment of its lead.
    const opened = parseIssue(
      '甲事\n\n3月1日，甲事發生。\n\n甲事很重要。\n\n北館區對外開放\n\n本報訊（記者 張三）5月16日，北館區建成開放。\n\n北館區週一閉館。',
      { source: '2024-03-04.txt' },
    );
    expect(opened.articles.map((a) => a.headline)).toEqual(['甲事', '北館區對外開放']);
    // A short line over a lead that opens no dateline stays inside its article.
    const one = parseIssue('甲事\n\n3月1日，甲事發生。\n\n甲事很重要。\n\n小標題\n\n記者獲悉，居民說好。', {
      source: '2024-03-04.txt',
    });
    expect(one.articles.map((a) => a.headline)).toEqual(['甲事']);
  });
});

describe('parseIssue on text printed in other forms', () => {
  it('reads an issue in Traditional characters and full-width digits article by article, and shows it as printed', () => {
    const text = [
      '崇川週報  ２０２６年５月１８日  星期一  第20期',
      '',
      '地鐵3號線開通初期運營',
      '',
      '本報訊（記者 邱振華）５月16日早上6時，南通地鐵3號線正式開通初期運營，共設車站18座。',
      '',
      '開通首日，3號線累計客流達到9.6萬人次。',
      '',
      '秦灶街道鄰里中心啟用',
      '',
      '本報訊（記者 吳佳琪）5月12日，秦灶街道鄰里中心正式啟用，設有長者食堂和托育點。',
    ].join('\n');
    const issue = parseIssue(text, { source: 'x.txt' });
    expect(issue.articles.map((a) => a.headline)).toEqual(['地鐵3號線開通初期運營', '秦灶街道鄰里中心啟用']);
    expect(issue.articles.map((a) => a.date)).toEqual(['2026-05-16', '2026-05-12']);
    expect(issue.articles[0]!.paragraphs[0]).toContain('本報訊（記者 邱振華）５月16日');
  });

  it('dates an issue whose masthead writes the year in Chinese digits', () => {
    const text = [
      '崇川新闻',
      '二〇二三年十一月二十日  星期一  第45期',
      '',
      '某街道开展消防演练',
      '',
      '本报讯 11月16日上午，某街道开展消防演练。',
    ].join('\n');
    expect(parseIssue(text, { source: 'y.txt' }).articles[0]!.date).toBe('2023-11-16');
  });

  it('keeps a bulleted list of figures inside its article, a line each; a column of briefs stays items', () => {
    const box = [
      '秋季开学 新增学位3600个',
      '',
      '本报讯 9月1日，全区中小学迎来秋季开学，新增学位3600个。',
      '',
      '■ 数说',
      '■ 全区小学一年级新生9860人',
      '■ 初一新生8120人',
      '■ 新开校车线路14条',
      '',
      '为缓解放学接送难题，全区63所小学提供课后服务。',
    ].join('\n');
    const one = parseIssue(box, { source: 'z.txt' });
    expect(one.articles).toHaveLength(1);
    expect(one.articles[0]!.paragraphs).toContain('初一新生8120人');
    expect(one.articles[0]!.paragraphs.at(-1)).toMatch(/^为缓解/);
    const briefs = [
      '简讯',
      '■ 城东街道开展反诈宣传',
      '9月3日，城东街道在社区广场开展反诈宣传活动，发放资料500余份。',
      '■ 学田街道举办招聘会',
      '9月5日，学田街道举办招聘会，32家企业提供岗位400余个。',
      '■ 任港街道启用新驿站',
      '9月6日，任港街道户外劳动者驿站启用。',
    ].join('\n');
    expect(parseIssue(briefs, { source: 'b.txt' }).articles.map((a) => a.headline)).toEqual([
      '城东街道开展反诈宣传',
      '学田街道举办招聘会',
      '任港街道启用新驿站',
    ]);
  });
});

describe('parseIssue on pages of letters, notices, briefs and Markdown exports', () => {
  const headlines = (text: string) => parseIssue(text, { source: 'p.txt' }).articles.map((a) => a.headline);

  it('opens a letter under each headline that stands over a salutation', () => {
    const page = [
      '读者来信',
      '菜场门口电动车乱停谁来管',
      '编辑同志：',
      '菜场门口的人行道上停满了电动车，老人只能绕到马路上走。',
      '读者 陆先生',
      '记者回复：街道将在菜场东侧施划停车位120个。',
      '小区路灯坏了半个月',
      '编辑同志：',
      '路灯已经坏了半个多月，晚上回家黑乎乎一片。',
      '记者回复：物业已更换了损坏的灯具。',
    ].join('\n');
    expect(headlines(page)).toEqual(['菜场门口电动车乱停谁来管', '小区路灯坏了半个月']);
  });

  it('keeps a table row in its notice, never as a headline', () => {
    const notice = [
      '关于开展冬季流感疫苗集中接种的公告',
      '为降低流感对群众健康的影响，现将有关事项公告如下：',
      '接种时间和地点：',
      '接种点｜接种时间｜地址',
      '城东街道社区卫生服务中心｜周一至周五 8:00—11:30｜青年东路188号',
      '特此公告。',
    ].join('\n');
    expect(headlines(notice)).toEqual(['关于开展冬季流感疫苗集中接种的公告']);
  });

  it('reads ◆ items with a title, a space and dated text as briefs, and a ◆ photo line as a caption', () => {
    const briefs = [
      '简讯',
      '◆陈桥街道组织冬季消防演练　11月9日，陈桥街道开展高层住宅灭火疏散演练，300余名居民参加。',
      '◆唐闸镇街道新增便民公交线路　11月16日起，唐闸镇街道新开通三条社区微循环公交。',
    ].join('\n');
    expect(headlines(briefs)).toEqual(['陈桥街道组织冬季消防演练', '唐闸镇街道新增便民公交线路']);
    const photo = [
      '文峰公园菊展开幕',
      '本报讯 11月8日，文峰公园菊展开幕，展出菊花3万余盆。',
      '◆游客在菊展上拍照留念 王明 摄',
    ].join('\n');
    expect(parseIssue(photo, { source: 'q.txt' }).articles[0]!.captions).toHaveLength(1);
  });

  it('reads a Markdown export: a letter-spaced masthead, rules and pictures are layout, a bold 本报讯 opens the lead', () => {
    const md = [
      '崇 川 新 闻',
      '---',
      '## 地铁三号线首座车站封顶',
      '**本报讯**（记者 邱子墨）6月13日，地铁三号线观音山站主体结构封顶。',
      '三号线一期全长约21公里，设站9座。',
      '## 镜头里的六月',
      '![](images/p4-1.jpg)',
      '6月15日，文峰公园荷花展开幕，首日吸引5000余名市民。',
    ].join('\n');
    const issue = parseIssue(md, { source: 'm.md' });
    expect(issue.articles.map((a) => [a.headline, a.subtitle])).toEqual([
      ['地铁三号线首座车站封顶', ''],
      ['镜头里的六月', ''],
    ]);
    expect(issue.articles[0]!.paragraphs[0]).toMatch(/^本报讯（记者 邱子墨）/);
  });
});
