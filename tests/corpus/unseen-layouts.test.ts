import { describe, expect, it } from 'vitest';
import { isPageFurniture, webPageMark } from '../../src/corpus/layout.ts';
import { loadIssueFile } from '../../src/corpus/load-corpus.ts';
import { parseIssue } from '../../src/corpus/parse-issue.ts';

// Constructed issues in the shapes an unseen set broke (tests/fixtures/unseen/):
// - 2024-05-06_swallowed-headline: a one-line headline with no blank line, byline or dated lead
//   between two articles;
// - web-copy: two articles copied from a news website, each framed by a breadcrumb, a source and
//   date line, a font-size switch, an editor's credit, share and print links.

describe('a one-line headline between two articles', () => {
  const issue = loadIssueFile('tests/fixtures/unseen/2024-05-06_swallowed-headline.txt');

  it('opens an article of its own, not a section of the article before it', () => {
    expect(issue.articles.map((a) => a.headline)).toEqual([
      '城东街道开展防汛应急演练',
      '观音山街道新建5个口袋公园',
      '区图书馆开设周末亲子阅读课',
    ]);
    const [drill, parks] = issue.articles;
    expect(drill!.paragraphs.join('')).not.toContain('口袋公园');
    expect(parks!.paragraphs[0]).toMatch(/^今年以来，观音山街道/);
    expect(parks!.paragraphs).toHaveLength(3);
  });

  it('stays a section heading when the article goes on with its subject', () => {
    const text = [
      '城东街道开展防汛应急演练',
      '',
      '本报讯 5月4日，城东街道在护城河沿线开展防汛应急演练，街道、社区和志愿者共120余人参加。',
      '',
      '演练模拟强降雨导致地下车库进水，参演人员迅速启动应急预案，整个过程用时40分钟。',
      '',
      '护城河沿线增设排水泵站',
      '',
      '演练结束后，街道在护城河沿线增设排水泵站3座，汛期前完成排水设施清淤。',
    ].join('\n');
    const parsed = parseIssue(text, { source: '2024-05-06.txt' });
    expect(parsed.articles.map((a) => a.headline)).toEqual(['城东街道开展防汛应急演练']);
    expect(parsed.articles[0]!.paragraphs.join('\n')).toContain('增设排水泵站3座');
  });
});

describe('a page copied from a news website', () => {
  const issue = loadIssueFile('tests/fixtures/unseen/web-copy.txt');

  it('is read as its articles, without the page frame as headline, subtitle or article', () => {
    expect(issue.articles.map((a) => [a.headline, a.subtitle])).toEqual([
      ['崇川区召开安全生产工作推进会', ''],
      ['幸福街道“邻里中心”正式启用', ''],
    ]);
    expect(issue.photos).toEqual([]);
    const all = issue.articles.flatMap((a) => [a.headline, a.subtitle, ...a.paragraphs]).join('\n');
    for (const frame of ['首页', '来源', '发布时间', '字体', '责任编辑', '分享到', '打印本页', '下一篇'])
      expect(all).not.toContain(frame);
    expect(issue.articles[0]!.paragraphs).toHaveLength(2);
  });

  it('is dated by its first publication date line, its articles by their leads', () => {
    expect(issue.date).toBe('2024-05-06');
    expect(issue.articles.map((a) => a.date)).toEqual(['2024-05-06', '2024-05-08']);
  });

  it('tells the frame by its shape, and leaves sentences that share its words', () => {
    expect(webPageMark('首页 > 新闻中心 > 崇川要闻')).toBe('start');
    expect(webPageMark('当前位置：首页 > 新闻动态')).toBe('start');
    expect(webPageMark('来源：崇川区融媒体中心　　发布时间：2024-05-06 09:30')).toBe('meta');
    expect(webPageMark('【字体：大 中 小】')).toBe('meta');
    expect(webPageMark('分享到：微信 微博 QQ空间')).toBe('end');
    expect(webPageMark('上一篇：崇川区召开安全生产工作推进会')).toBe('end');
    expect(isPageFurniture('【打印本页】【关闭窗口】')).toBe(true);
    // Text that only starts alike is text.
    expect(webPageMark('来源：区财政专项资金，共计300万元。')).toBeUndefined();
    expect(webPageMark('首页展示了全区文明实践站点的分布')).toBeUndefined();
    expect(webPageMark('分享到朋友圈的照片收获了上百个点赞，社区志愿者们备受鼓舞。')).toBeUndefined();
  });
});
