/**
 * The marks a newspaper's page layout leaves in exported text, told by their shape: page furniture
 * (page headers, page numbers, editor and layout credits), jump lines of continued articles
 * (「（下转第2版）」, 「（上接第1版）」), the lead-in titles of news-in-brief items (「**……**」, 「【……】」),
 * column titles (「崇川简讯」), editor's notes, interview labels and numbered sections. Every pattern
 * here is bounded or anchored, so that no line costs more than linear time.
 */

const SENTENCE_MARK = /[。，,；;！？!?]/;

// 「第2版」, 「2版」, 「第二版」, 「A2版」 as a page label within a short line.
const PAGE_LABEL = /(?:^|[\s•·|｜])(?:第\s?)?(?:[A-Da-d]?\d{1,2}|[一二三四五六七八九十]{1,3})\s?版(?:$|[\s•·|｜：:])/u;
// A line that is only a page number: 「2」, 「- 2 -」, 「·3·」, 「第2页」, 「2/8」.
const PAGE_NUMBER = /^[-—–－·•\s]{0,3}(?:第\s?)?\d{1,3}\s?(?:[版页]|\/\s?\d{1,3})?[-—–－·•\s]{0,3}$/u;
// A full date with its year, as a page header or masthead prints it (「2024年10月14日」, 「2024.10.14」).
const FULL_DATE = /(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日/;
const DOTTED_DATE = /^[^\d]{0,12}(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}[^\d]{0,12}$/u;
// A masthead's imprint lines: 「主办：……」, 「准印证号：……」, 「内部资料 免费交流」.
const MASTHEAD_FIELD =
  /^(主办|主管|承办|出版|印刷|准印证号|准印证|内部资料|国内统一连续出版物号|国内统一刊号|邮发代号|社址|总编辑|社长)(\s|[：:]|$)/u;
// A front page's table of contents heading; its entries (「城市更新跑出加速度 2版」) are page labels.
const CONTENTS_TITLE = /^(本期|今日|本版)?(导读|要目|目录)$/u;
// A lettered page code standing alone in a header (「A06 社会新闻 2024年3月18日」).
const PAGE_CODE = /(?:^|\s)[A-Da-d]\d{1,2}(?:\s|$)/u;
const ISSUE_MARK = /星期[一二三四五六日天]|第\s?\d{1,4}\s?期|农历/;

// A news website's links under an article (「【打印本页】【关闭窗口】」): the page, and its article, end there.
const PAGE_LINKS = new Set([
  '打印本页',
  '关闭窗口',
  '打印',
  '关闭',
  '收藏',
  '加入收藏',
  '返回顶部',
  '打印此页',
  '关闭本页',
]);

/** An e-paper page's navigation, as exported with its text: 「上一版 下一版」, 「返回目录」, 「今日8版」. */
const NAVIGATION = new Set([
  '上一版',
  '下一版',
  '上一期',
  '下一期',
  '上一篇',
  '下一篇',
  '返回目录',
  '返回首页',
  '版面导航',
  '标题导航',
  '本版标题导航',
  '往期回顾',
  'PDF下载',
  '下载PDF',
  '放大',
  '缩小',
  '默认',
  '返回',
  // A news website's page links (「【打印本页】【关闭窗口】」, 「【收藏】【返回顶部】」).
  ...PAGE_LINKS,
]);

const navigationTokens = (text: string) => text.split(/[\s|｜/<>《》«»【】[\]]+/u).filter(Boolean);

/** An e-paper page's navigation line (「上一版 下一版」, 「版面导航」): the page, and its last article, end there. */
export function isNavigation(text: string): boolean {
  const tokens = navigationTokens(text);
  return tokens.length > 0 && tokens.every((t) => NAVIGATION.has(t) || /^今日\d{1,2}版$/u.test(t));
}

const isPageLinks = (text: string) => {
  const tokens = navigationTokens(text);
  return tokens.length > 0 && tokens.every((t) => PAGE_LINKS.has(t));
};

// A website's footer: its copyright and licence lines (「版权所有：崇川区融媒体中心 苏ICP备12345678号」).
const SITE_FOOTER = /^(?:版权所有|Copyright|©|\(c\)|主办单位|承办单位|技术支持|网站标识码)|ICP[备证]|公网安备/iu;

/** The words that head an editor or layout credit (「责任编辑 张敏 版式 李强」, 「本版编辑：王芳」). */
const CREDIT_ROLES = new Set([
  '责任编辑',
  '本版责任编辑',
  '本版编辑',
  '本版责编',
  '本期编辑',
  '本期责编',
  '责编',
  '编辑',
  '版式',
  '版式设计',
  '美编',
  '美术编辑',
  '校对',
  '组版',
  '审读',
  '审校',
  '终审',
  '排版',
  '制图',
  '版面设计',
  '值班编辑',
  '责任校对',
  '图片编辑',
  '摄影编辑',
  '视觉编辑',
  '新媒体编辑',
  // A website's review credits under an article (「审核：王磊」).
  '审核',
  '初审',
  '复审',
]);

/**
 * Names in a credit or byline's tokens, with a two-character name printed spaced out (「周 敏」) joined
 * back: papers pad two-character names with a space to line up with three-character ones.
 */
export function joinSpacedNames(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const single = (x: string | undefined) => x !== undefined && /^\p{Script=Han}$/u.test(x);
    if (single(t) && single(next) && !single(tokens[i + 2])) {
      out.push(t + next);
      i++;
    } else {
      out.push(t);
    }
  }
  return out;
}

/** A credit line: role words each followed by one or two names, nothing else. */
function isCredit(text: string): boolean {
  const tokens = joinSpacedNames(text.split(/[\s|｜/：:、，,]+/u).filter(Boolean));
  if (tokens.length < 2 || !CREDIT_ROLES.has(tokens[0]!)) return false;
  return tokens.every((t) => CREDIT_ROLES.has(t) || /^[\p{Script=Han}·]{2,5}$/u.test(t));
}

// A credit set off by brackets or dots, as a box or a newsletter prints it: 「（责任编辑 张敏）」, 「· 本期编辑：陈静 ·」.
const CREDIT_WRAPPER = /^[（(【[·•\s]+|[）)】\]·•\s]+$/gu;

/** An editor, layout or proofreading credit (「本版责编 周 敏」, 「责任编辑/张三 美编/李四」): it closes a page. */
export function isEditorCredit(text: string): boolean {
  if (text.length > 60 || SENTENCE_MARK.test(text)) return false;
  return isCredit(text.replace(CREDIT_WRAPPER, ''));
}

// A news website's page copied as text: its breadcrumb (「首页 > 新闻中心 > 崇川要闻」), the
// source and date line under each headline (「来源：崇川区融媒体中心 发布时间：2024-05-06」), the
// font-size switch (「字体：大 中 小」), and the links that close the page (「分享到」,
// 「【打印本页】【关闭窗口】」, 「上一篇：……」). Sites word them alike; none of them is news text.
const BREADCRUMB =
  /^(?:(?:当前位置|您(?:现在)?的?位置|所在位置)[：:]\s*(?:首页|网站首页|主页)?|首页|网站首页|主页)\s*[>＞»›→]/u;
const BREADCRUMB_STEP = /\s*[>＞»›→]\s*/u;
const SOURCE_FIELD =
  /^[【[]?(?:来源|信息来源|文章来源|稿件来源|稿源|发布时间|发布日期|发稿时间|更新时间|作者|浏览次数|阅读次数|点击数|访问量|阅读量)[：:]/u;
// The same line led by its date (「2024-06-03 10:20 来源：崇川发布」, 「时间：2024年6月3日 作者：李文」):
// a notice's 「时间：」 line holds no source or author field.
const DATED_FIELDS = /^(?:(?:时间|日期)[：:]|(?:19|20)\d{2}[-./年]).{0,40}?(?:来源|作者|发布者|浏览次数|点击数)[：:]/u;
const FONT_SWITCH = /^[【[]?(?:字体|字号)[：:]?\s*[【[]?[大中小](?:[】\]]?\s*[【[]?[大中小]){1,2}[】\]]?$/u;
const SHARE = /^分享到[：:]?(?:\s*[\p{Script=Han}A-Za-z]{1,6}){0,8}$/u;
const NEIGHBOUR_LINK = /^(?:上一篇|下一篇|上一条|下一条)[：:]/u;

/**
 * Where a line of a copied web page stands: `start` opens a page (its breadcrumb), `meta` belongs
 * to the article under its headline (source, date, views, font size), `end` closes the page (share
 * and print links, links to the neighbouring articles, the site's copyright footer); undefined for
 * any other line.
 */
export function webPageMark(text: string): 'start' | 'meta' | 'end' | undefined {
  if (text.length > 80) return undefined;
  if (BREADCRUMB.test(text) && text.split(BREADCRUMB_STEP).every((step) => [...step].length <= 12)) return 'start';
  if ((SOURCE_FIELD.test(text) || DATED_FIELDS.test(text)) && !SENTENCE_MARK.test(text)) return 'meta';
  if (FONT_SWITCH.test(text)) return 'meta';
  if (SHARE.test(text) || NEIGHBOUR_LINK.test(text) || isPageLinks(text) || SITE_FOOTER.test(text)) return 'end';
  return undefined;
}

/**
 * Page furniture: a page header (「2024年10月14日 星期一 第2版 要闻」), a masthead repeated on a page
 * (「崇川新闻 • 2023年3月27日 星期一 • 农历闰二月初六 • 第13期」), a page number, an editor or layout
 * credit. Never an article, a headline or body text.
 */
export function isPageFurniture(text: string): boolean {
  if (text.length > 60 || SENTENCE_MARK.test(text)) return false;
  if (PAGE_NUMBER.test(text)) return true;
  if (PAGE_LABEL.test(text) && [...text].length <= 40) return true;
  if (FULL_DATE.test(text) && (ISSUE_MARK.test(text) || PAGE_CODE.test(text))) return true;
  if (DOTTED_DATE.test(text)) return true;
  if (MASTHEAD_FIELD.test(text) || CONTENTS_TITLE.test(text)) return true;
  if (isNavigation(text)) return true;
  return isEditorCredit(text);
}

/** Page furniture, or a line of a copied web page's frame. */
export function isFurniture(text: string): boolean {
  return webPageMark(text) !== undefined || isPageFurniture(text);
}

/** Where a continued article goes on (`to`, 「（下转第2版）」) or comes from (`from`, 「（上接第1版）」). */
export type JumpKind = 'to' | 'from';

// A lettered page (A06) is named without 版 as often as with it: 「（下转A06）」, 「（上接A01）」.
const JUMP =
  /[（(]\s{0,3}(下转|转|上接|接|紧接|续)\s{0,3}(?:第?\s{0,3}(?:[A-Da-d]?\d{1,3}|[一二三四五六七八九十]{1,3})\s{0,3}[版页]|[上下][版页]|[A-Da-d]\d{1,3})\s{0,3}[）)]/gu;

const PAGE = '(?:第\\s?(?:[A-Da-d]?\\d{1,3}|[一二三四五六七八九十]{1,3})|[A-Da-d]?\\d{1,3})\\s?版';
// Some papers print the jump line bare: alone on its line (「上接第2版」), or right after the sentence
// it cuts off (「……既有线路。转第3版」). Anywhere else such words are text.
const BARE_JUMP_LINE = new RegExp(`^(下转|转|上接|接|紧接|续)\\s?${PAGE}$`, 'u');
const BARE_JUMP_END = new RegExp(`(?<=[。！？!?”」』])\\s{0,2}(下转|转)\\s?${PAGE}$`, 'u');

const jumpKind = (word: string): JumpKind => (word === '下转' || word === '转' ? 'to' : 'from');

/** The jump marks in a line, each with its kind, and the line with them removed. */
export function takeJumps(line: string): { jumps: JumpKind[]; rest: string } {
  const bare = line.match(BARE_JUMP_LINE) ?? line.match(BARE_JUMP_END);
  if (bare) return { jumps: [jumpKind(bare[1]!)], rest: line.slice(0, bare.index).trim() };
  if (
    !line.includes('版') &&
    !line.includes('页') &&
    !/[（(]\s{0,3}(?:下转|转|上接|接|紧接|续)\s{0,3}[A-Da-d]\d/u.test(line)
  ) {
    return { jumps: [], rest: line };
  }
  const jumps: JumpKind[] = [];
  const rest = line.replace(JUMP, (_, word: string) => {
    jumps.push(jumpKind(word));
    return '';
  });
  return { jumps, rest: rest.trim() };
}

// An editor credit closing a paragraph: 「……。（责任编辑：张敏）」.
const TRAILING_CREDIT =
  /[（(【[]\s{0,2}(?:责任编辑|本版编辑|责编|编辑)\s{0,2}[：:]?\s{0,2}[\p{Script=Han}·]{2,5}\s{0,2}[）)】\]]$/u;

/** A paragraph without the editor credit that closes it, if any. */
export function dropTrailingCredit(line: string): string {
  return line.replace(TRAILING_CREDIT, '').trimEnd();
}

const EDITOR_NOTE = /^[【[（(]?\s?(编者按|编者的话|编前语)/u;

/** An editor's note (「编者按：……」, 「【编者按】……」): part of the article, not its lead. */
export function isEditorNote(text: string): boolean {
  return EDITOR_NOTE.test(text);
}

const AFTERWORD = /^[【[（(]?\s?(编后语|编后记|编后|记者手记|采访手记)/u;

/**
 * An editor's or reporter's afterword (「【编后】」, 「记者手记」): printed after the article it
 * comments on, and part of it.
 */
export function isAfterword(text: string): boolean {
  return AFTERWORD.test(text);
}

/** An editor's note label on a line of its own (「【编者按】」): the note is the paragraph below it. */
export function isEditorNoteLabel(text: string): boolean {
  return isEditorNote(text) && [...text].length <= 8;
}

/** A lead-in title opening a news-in-brief item: 「**城东街道开展反诈宣传**」 or 「【……】」, with what follows it. */
export function takeLeadIn(line: string): { title: string; rest: string } | null {
  const m = line.match(/^\*\*([^*]{2,60})\*\*\s*/u) ?? line.match(/^【([^【】]{2,60})】\s*/u);
  if (!m) return null;
  const title = m[1]!.trim();
  // A bold 「本报讯」 opens a report's lead: the dateline, no brief's title.
  if (/^本报(讯|电)$/u.test(title)) return null;
  if (isEditorNote(`【${title}】`) || isAfterword(title)) return null;
  return { title, rest: line.slice(m[0].length).trim() };
}

/** A news-in-brief column's title: 「崇川简讯」, 「街道动态」, 「简讯」, 「社区快讯」. */
export function isColumnTitle(text: string): boolean {
  // 传真 (基层传真), 集锦, 扫描, 播报 and 短波 name brief columns as often as 简讯 does.
  return /^[\p{Script=Han}]{0,6}(简讯|快讯|短讯|动态|速递|速览|简报|资讯|一句话新闻|传真|集锦|扫描|播报|短波)$/u.test(
    text,
  );
}

// A numbered roundup item: 「1. 区政务服务中心开通延时服务。11月11日起，……」.
const NUMBERED_ITEM = /^\d{1,2}\s?[.．、]\s{0,2}([^。！？!?]{4,40})[。！？!?]\s{0,2}(.+)$/u;

/**
 * A numbered item of a news roundup column (「一周要闻速览」 over 「1. ……。」 lines): its first sentence
 * is its title, the rest its text. Only read so under a column title; elsewhere 「1. 」 numbers a
 * guide's points.
 */
export function takeNumberedItem(text: string): { title: string; rest: string } | null {
  const m = text.match(NUMBERED_ITEM);
  if (!m || /[，,：:；;]/.test(m[1]!)) return null;
  return { title: m[1]!.trim(), rest: m[2]!.trim() };
}

/** An interview's or Q&A's speaker label: 「问：」, 「答：」, 「记者：」, 「Q：」. */
export const QA_LABEL = /^(问|答|记者|主持人|[QA])\s?\d{0,2}\s?[：:]/u;

/** A numbered section of a guide or report: 「一、参保对象」, 「（二）缴费标准」, 「3. 办理地点」. */
export function isNumberedSection(text: string): boolean {
  return /^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．](?!\d))/u.test(text);
}
