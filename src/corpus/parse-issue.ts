/**
 * One issue's text to articles and photo captions. Pure: no I/O; the file loader sits in
 * load-corpus.ts.
 *
 * Layout rules, learnt from how the paper prints:
 * - An article opens with a headline block (one to three short lines) at the top of the issue,
 *   after a byline or a photo, or at a Markdown `#`/`##` heading; a short line inside an article
 *   is a section heading, unless a dated lead follows it (a new article with no byline before it).
 * - A byline closes an article. Text after a byline with no headline of its own is a photo page.
 * - A paragraph that ends mid-sentence was cut by a page break and joins the fragment that
 *   continues it.
 * - Page furniture (page headers, page numbers, credits) is skipped; its date dates the issue.
 * - 「（下转第N版）」 breaks an article off; 「（上接第N版）」 opens its rest, joined to it in order.
 * - A column title (「崇川简讯」) over item titles makes each item an article, the title its kicker.
 * - An editor's note printed above a headline belongs to the article below it.
 */
import { createHash } from 'node:crypto';
import { readingForm } from '../text/normalize.ts';
import { segment, wordSpansJunction } from '../text/segment.ts';
import { asPrintedIn } from './as-printed.ts';
import { authorNames, graphemeCut, toBlocks, type Block } from './blocks.ts';
import {
  articleDate,
  dateFromFileName,
  yearFromFileName,
  dominantMonth,
  formatPartialDate,
  fullDateIn,
  inferIssueYear,
  type PartialDate,
} from './dates.ts';
import {
  isAfterword,
  isColumnTitle,
  isEditorCredit,
  isEditorNote,
  isEditorNoteLabel,
  isNavigation,
  isNumberedSection,
  takeNumberedItem,
  webPageMark,
} from './layout.ts';
import { MAX_SUBTITLE_CHARS } from './limits.ts';
import type { Article, Issue, PhotoGroup } from './types.ts';

const MAX_HEADLINE_LINES = 3;
// A news lead opens on its day (「9月8日，」); a date range (「10月15日至12月31日」) is a schedule.
const DATELINE = /^(\d{1,2}月\d{1,2}日(?![至到—\-～~])|近日|日前|本报讯)/;
const CLOSERS = new Set('”’」』）)');
const PHOTO_RUBRIC = /^(图片新闻|新闻图片|图片报道|图说新闻|新闻图说|photo|图片)$/iu;
const QUOTE_CLOSERS = new Set('”’」』');
const STOPS = new Set('。！？!?…；;');

/**
 * Whether a paragraph ends a sentence: its last mark before closing brackets is a full stop or the
 * like, or a closing quote. Scanned from the end, so a long run of quotes costs linear time.
 */
function isTerminated(text: string): boolean {
  let i = text.length;
  while (i > 0 && CLOSERS.has(text[i - 1]!)) {
    if (QUOTE_CLOSERS.has(text[i - 1]!)) return true;
    i--;
  }
  return i > 0 && STOPS.has(text[i - 1]!);
}
// A fragment that starts mid-sentence: opening punctuation, or one character then a comma (「口，」).
const CONTINUATION = /^([，,、；;：:。]|\p{Script=Han}[，,、])/u;

interface Draft {
  headingLines: Block[];
  /** A news-in-brief column's title over this item (「崇川简讯」), shown as its kicker. */
  kicker?: string;
  body: Block[];
  captions: string[];
  byline: string[];
  /** Broke off with 「（下转第N版）」 and not yet joined to its continuation. */
  continues?: boolean;
  /** Opened with 「（上接第N版）」: the rest of an article begun earlier in the issue. */
  continuation?: boolean;
  /** The day a copied web page says it published this article (「发布时间：2024-06-05」). */
  published?: PartialDate;
  /** The body's section headings by phrase shape, counted, so parallelsSection costs constant time. */
  sections?: Map<string, Map<string, number>>;
}

interface PhotoDraft {
  paragraphs: string[];
}

/** Options for parsing; `source` is the issue's file name. */
export interface ParseOptions {
  source: string;
  /**
   * Told the lines read as page furniture and kept out of every article (page headers and
   * numbers, credits, jump lines, a headline over no text), so that no line of an issue is
   * dropped unrecorded.
   */
  furniture?: string[];
}

const isArticle = (d: Draft | PhotoDraft | null): d is Draft => d !== null && 'byline' in d;

/** Parses one issue's text into its articles and photo captions. */
export function parseIssue(printed: string, { source, furniture = [] }: ParseOptions): Issue {
  // The layout is read in the reading form (Simplified, half-width digits) and shown as printed.
  const text = readingForm(printed);
  const asPrinted = asPrintedIn(text, printed);
  const furnitureFrom = furniture.length;
  const blocks = toBlocks(text);
  const listed = listedTitles(blocks);
  // A masthead line (「崇川新闻 2023年4月17日 星期一 第15期」) dates the issue; it is no headline.
  let mastheadDate: PartialDate | null = null;
  while (blocks[0] && (blocks[0].kind === 'furniture' || isMasthead(blocks[0].text))) {
    mastheadDate ??= fullDateIn(blocks[0].text);
    furniture.push(blocks.shift()!.text);
  }
  const drafts: (Draft | PhotoDraft)[] = [];
  let current: Draft | PhotoDraft | null = null;
  let atBoundary = true;
  // The news-in-brief column being read, and whether its items open with lead-in titles.
  let column: { title: string; leadIns: boolean | undefined; numbered?: boolean } | null = null;
  // Editor's notes printed above a headline, waiting for the article they introduce.
  let notes: Block[] = [];
  const open = (headingLines: Block[], extra: Partial<Draft> = {}): Draft => {
    const draft: Draft = { headingLines, body: notes, captions: [], byline: [], ...extra };
    notes = [];
    drafts.push(draft);
    return draft;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'furniture' && block.picture) {
      furniture.push(block.text);
      continue;
    }
    if (block.kind === 'furniture') {
      // A page header's date is the issue's; the header itself is no part of any article.
      mastheadDate ??= fullDateIn(block.text);
      furniture.push(block.text);
      // A copied web page: the source and date line under a headline keeps it open over its text;
      // the breadcrumb and the share and print links frame one article's page.
      const web = webPageMark(block.text);
      if (web === 'meta') {
        // Each article of a copied page has its own date line: it dates that article, not the issue alone.
        const published = fullDateIn(block.text);
        if (published && isArticle(current) && !current.published) current.published = published;
        if (isArticle(current) && current.byline.length === 0) current.byline.push(...authorNames(block.text));
        continue;
      }
      if (web) {
        atBoundary = true;
        column = null;
        continue;
      }
      // A heading over nothing but furniture (a paper's name over its page header) opened no article.
      if (isArticle(current) && current.body.length === 0 && !current.continuation) atBoundary = true;
      // An editor's credit is printed under the last article of a page: what follows is another article.
      // So is an e-paper page's navigation: the page's articles end above it.
      if (isEditorCredit(block.text) || isNavigation(block.text)) {
        atBoundary = true;
        column = null;
      }
      continue;
    }
    if (block.kind === 'jump') {
      // A brief is never continued on another page: a jump line ends any column.
      column = null;
      furniture.push(block.text);
      if (block.jump === 'to') {
        if (isArticle(current)) current.continues = true;
        atBoundary = true;
        continue;
      }
      current = openContinuation(current, atBoundary, open);
      atBoundary = false;
      continue;
    }
    if (block.kind === 'byline') {
      if (isArticle(current)) current.byline.push(...(block.names ?? []));
      // A byline printed under the headline (「本报记者 张三」) opens the article's text, not closes it.
      const underHeadline =
        isArticle(current) && !atBoundary && current.headingLines.length > 0 && current.body.length === 0;
      if (underHeadline) continue;
      atBoundary = true;
      // Items without lead-in titles cannot be told from the articles after the column: a byline
      // ends such a column.
      if (column && !column.leadIns) column = null;
      continue;
    }
    // A column title stands over its first item's title, never over running text; a roundup
    // column's items are numbered, each titled by its first sentence (「1. ……。」).
    const numbered = blocks[i + 1]?.kind === 'paragraph' && takeNumberedItem(blocks[i + 1]!.text) !== null;
    // A short heading right over a bulleted or bracketed item title is that column's title, whatever
    // its words (「便民提示」 over 「▶ ……」): a regular headline never stands over a marked item. A
    // bracketed label of a few characters (「【现场】」, 「【声音】」) is a feature's section, not an item:
    // an item's title is a headline of its own, six characters or more.
    const overMarkedItem =
      block.kind === 'heading' &&
      !block.leadIn &&
      blocks[i + 1]?.marked === true &&
      [...blocks[i + 1]!.text].length >= 6 &&
      /^\p{Script=Han}{2,8}$/u.test(block.text);
    const columnTitle = isColumnTitle(block.text) || overMarkedItem;
    if (block.kind === 'heading' && columnTitle && (blocks[i + 1]?.kind === 'heading' || numbered)) {
      column = { title: block.text, leadIns: numbered ? true : undefined, numbered };
      atBoundary = true;
      continue;
    }
    const item = column?.numbered && block.kind === 'paragraph' ? takeNumberedItem(block.text) : null;
    if (column && item) {
      current = open([{ kind: 'heading', text: item.title, level: 0, leadIn: true }], { kicker: column.title });
      addToBody(current, { ...block, text: item.rest });
      atBoundary = false;
      continue;
    }
    if (column && block.kind === 'heading') {
      // Within a column every item opens with a title of its own; a plain heading where the items
      // have lead-ins, or a Markdown headline, ends the column.
      column.leadIns ??= block.leadIn === true;
      // A headline block of several lines is a regular article's.
      const endsColumn =
        (column.leadIns && !block.leadIn) ||
        (block.level > 0 && block.level <= 2) ||
        (!block.leadIn && blocks[i + 1]?.kind === 'heading');
      if (endsColumn) {
        // The heading that ends a column of titled items is the next article's headline.
        column = null;
        atBoundary = true;
      } else if (block.leadIn || blocks[i + 1]?.kind === 'paragraph') {
        current = open([block], { kicker: column.title });
        atBoundary = false;
        continue;
      }
    }
    // An afterword (「【编后】」 and the paragraph under it) closes the article it follows.
    const afterwordAbove = blocks[i - 1] !== undefined && isAfterword(blocks[i - 1]!.text);
    // A label over a headline of its own (「记者手记」 over 「在崇川过大年」) is a kicker instead.
    const afterwordLabel =
      block.kind === 'heading' && [...block.text].length <= 8 && blocks[i + 1]?.kind === 'paragraph';
    const afterword =
      isAfterword(block.text) && (block.kind === 'paragraph' || afterwordLabel)
        ? true
        : block.kind === 'paragraph' && afterwordAbove;
    if (afterword && isArticle(current)) {
      addToBody(current, block);
      continue;
    }
    const noteLabelAbove = notes.length > 0 && isEditorNoteLabel(notes.at(-1)!.text);
    if (
      block.kind === 'paragraph' &&
      (isEditorNote(block.text) || noteLabelAbove) &&
      (atBoundary || !isArticle(current))
    ) {
      notes.push(block);
      continue;
    }
    // 「图片新闻」 labels a news photo: its captions are a photo group, not an article's text.
    if (block.kind === 'heading' && PHOTO_RUBRIC.test(block.text)) {
      current = { paragraphs: [] };
      drafts.push(current);
      atBoundary = false;
      continue;
    }
    // A byline may credit one part of an article: a heading after it that parallels the
    // article's own section headings (「一盘棋统筹推进 汇聚文明“向心力”」) continues that article.
    if (atBoundary && block.kind === 'heading' && isArticle(current) && parallelsSection(current, block)) {
      atBoundary = false;
    }
    if (block.kind === 'heading' && (startsArticle(blocks, i, current, atBoundary) || listed.has(block.text))) {
      const headingLines: Block[] = [block];
      while (
        headingLines.length < MAX_HEADLINE_LINES &&
        blocks[i + 1]?.kind === 'heading' &&
        !isFragment(blocks, i + 1) &&
        !isNumberedSection(blocks[i + 1]!.text) &&
        !isColumnTitle(blocks[i + 1]!.text)
      ) {
        headingLines.push(blocks[++i]!);
      }
      current = open(headingLines);
      atBoundary = false;
      continue;
    }
    if (atBoundary && (!current || isArticle(current))) {
      current = { paragraphs: notes.map((n) => n.text) };
      notes = [];
      drafts.push(current);
    }
    atBoundary = false;
    if (!current) continue;
    if ('paragraphs' in current) current.paragraphs.push(block.text);
    else if (block.kind === 'caption') current.captions.push(block.text);
    else addToBody(current, block);
  }
  // Editor's notes that no headline followed are text of the issue all the same: a paragraph group.
  if (notes.length > 0) drafts.push({ paragraphs: notes.map((n) => n.text) });
  joinContinuations(drafts);

  const fileDate = dateFromFileName(source) ?? mastheadDate;
  // A year the file name states outright is the issue's, before one inferred from the text.
  const year = fileDate?.year ?? yearFromFileName(source) ?? inferIssueYear(text) ?? undefined;
  const articleDrafts = drafts.filter((d): d is Draft => 'byline' in d);
  const photoDrafts = drafts.filter((d): d is PhotoDraft => 'paragraphs' in d);
  const paragraphsOf = articleDrafts.map((d) => joinPageBreaks(d.body));
  // An editor's note comes before the lead but is not it: the article's date is its own lead's.
  const opening = (paras: string[]) =>
    paras
      .filter((p) => !isEditorNote(p))
      .slice(0, 2)
      .join('\n');
  const month = fileDate?.month ?? (year ? dominantMonth(paragraphsOf.map(opening)) : undefined);
  const issueDate: PartialDate = { year, month, day: fileDate?.day };

  const articles: Article[] = [];
  articleDrafts.forEach((d, k) => {
    const paragraphs = paragraphsOf[k]!;
    // A headline over nothing is no article (and costs nothing more): a page's label, recorded.
    if (paragraphs.length === 0 && d.captions.length === 0) {
      furniture.push(...(d.kicker ? [d.kicker] : []), ...d.headingLines.map((l) => l.text));
      return;
    }
    const read = splitHeadline(d.headingLines, d.kicker);
    const headline = asPrinted(read.headline);
    articles.push({
      id: stableId(source, 'a', k, headline),
      headline,
      subtitle: asPrinted(read.subtitle),
      date: formatPartialDate(datedBy(d, opening(paragraphs), issueDate, paragraphs.join('\n'))),
      source,
      byline: d.byline.map(asPrinted),
      paragraphs: paragraphs.map(asPrinted),
      captions: d.captions.map(asPrinted),
    });
  });

  const photos: PhotoGroup[] = photoDrafts
    .filter((d) => d.paragraphs.length > 0)
    .map((d, k) => {
      // A photo page may open with a lead sentence that says what the photos are about.
      const hasLead = d.paragraphs.length > 1 && /。.+/.test(d.paragraphs[0]!);
      const readLead = hasLead ? d.paragraphs[0]! : '';
      const readCaptions = hasLead ? d.paragraphs.slice(1) : d.paragraphs;
      const lead = asPrinted(readLead);
      const captions = readCaptions.map(asPrinted);
      return {
        id: stableId(source, 'p', k, captions[0] ?? ''),
        lead,
        date: formatPartialDate(articleDate(readLead || readCaptions.join('\n'), issueDate)),
        source,
        captions,
      };
    });

  for (let i = furnitureFrom; i < furniture.length; i++) furniture[i] = asPrinted(furniture[i]!);
  return { source, date: formatPartialDate(issueDate), articles, photos };
}

/**
 * The draft that 「（上接第N版）」 opens: the headline just read when it repeats the article's
 * headline, a heading read as the last article's section heading, or else a draft with no headline.
 */
function openContinuation(
  current: Draft | PhotoDraft | null,
  atBoundary: boolean,
  open: (headingLines: Block[], extra?: Partial<Draft>) => Draft,
): Draft {
  if (isArticle(current) && current.body.length === 0 && !current.continuation) {
    current.continuation = true;
    return current;
  }
  const last = isArticle(current) && !atBoundary ? current.body.at(-1) : undefined;
  if (isArticle(current) && last?.kind === 'heading') {
    removeLastFromBody(current);
    return open([last], { continuation: true });
  }
  return open([], { continuation: true });
}

/** Headlines that name the same article: equal, one inside the other, or opening alike. */
function sameStory(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  if (!x || !y) return false;
  return x.includes(y) || y.includes(x) || (x.length >= 4 && x.slice(0, 4) === y.slice(0, 4));
}

// How many broken-off articles a continuation is matched against by headline: an issue has a few.
const MAX_WAITING = 32;

/**
 * Joins each continuation to the article it continues, in order: the broken-off article with the
 * same headline, else the first one still waiting. A continuation that continues nothing stays an
 * article when it has a headline, and its text a paragraph group when not.
 */
function joinContinuations(drafts: (Draft | PhotoDraft)[]): void {
  const kept: (Draft | PhotoDraft)[] = [];
  let waiting: Draft[] = [];
  const recent: Draft[] = [];
  for (const part of drafts) {
    if (!isArticle(part) || !part.continuation) {
      kept.push(part);
      if (isArticle(part) && part.continues) waiting.push(part);
      if (isArticle(part)) recent.push(part);
      if (recent.length > MAX_WAITING) recent.shift();
      continue;
    }
    // A continuation may repeat its headline under the 「上接」 line: a name for the article, not its text.
    const first = part.body[0];
    const repeated = part.headingLines.length === 0 && first?.kind === 'heading' ? first.text : '';
    const title = repeated || splitHeadline(part.headingLines).headline;
    const candidates = waiting.slice(0, MAX_WAITING);
    const headlineOf = (d: Draft) => splitHeadline(d.headingLines).headline;
    // Where the 「下转」 line was lost, the repeated headline still names the article.
    const target =
      candidates.find((d) => sameStory(headlineOf(d), title)) ??
      candidates[0] ??
      [...recent]
        .reverse()
        .find((d) => [...title].length >= 6 && headlineOf(d).replace(/\s+/g, '').includes(title.replace(/\s+/g, '')));
    if (target && repeated && sameStory(headlineOf(target), repeated)) part.body.shift();
    if (!target) {
      kept.push(part.headingLines.length === 0 ? { paragraphs: part.body.map((b) => b.text) } : part);
      if (part.continues) waiting.push(part);
      continue;
    }
    // One element at a time: spreading a long array into push() overflows the stack.
    for (const b of part.body) target.body.push(b);
    for (const c of part.captions) target.captions.push(c);
    for (const n of part.byline) target.byline.push(n);
    target.continues = part.continues;
    if (!target.continues) waiting = waiting.filter((d) => d !== target);
  }
  drafts.length = 0;
  for (const d of kept) drafts.push(d);
}

const MASTHEAD = /(\d{4}年\d{1,2}月\d{1,2}日|第\s*\d+\s*期|星期[一二三四五六日天])/;

// A paper's name alone on the first line (「崇川新闻」, 「南通日报·崇川版」, a newsletter's 「……通讯」):
// its masthead, no headline.
const PAPER_NAME =
  /^[\p{Script=Han}·•\s]{2,8}(新闻|报|日报|晚报|周报|周刊|快报|通讯|简报|导报|专刊)([·•\s]?[\p{Script=Han}]{1,4}版)?$/u;

// A publisher's imprint under the masthead, its role last: 「南通日报社主办」, 「崇川区融媒体中心编印」.
const IMPRINT = /^[\p{Script=Han}·•\s]{2,20}(主办|主管|编印|出版|承办)$/u;

/** A short first line that names the issue's date or number, the paper, or its publisher. */
function isMasthead(line: string): boolean {
  if ([...line].length > 40 || /[。，,]/.test(line)) return false;
  // A masthead set letter-spaced (「崇 川 新 闻」) names the paper as the unspaced one does.
  if (/^\p{Script=Han}(\s+\p{Script=Han})+$/u.test(line)) line = line.replace(/\s+/gu, '');
  return MASTHEAD.test(line) || PAPER_NAME.test(line) || IMPRINT.test(line);
}

/**
 * An article's date: the day its lead names, reckoned from the day its web page says it was published
 * when it has one (a lead's 「昨天」 is the day before that); without a day in the lead, that day.
 */
function datedBy(d: Draft, lead: string, issue: PartialDate, body: string): PartialDate {
  if (!d.published) return articleDate(lead, issue, body);
  const date = articleDate(lead, d.published, body);
  return date.day === undefined ? d.published : date;
}

// An e-paper page's list of its headlines, as its web view prints it above the articles.
const TITLE_LIST = /^(?:本版)?(?:标题导航|标题索引|本版标题)$/u;

/**
 * The headlines an e-paper page lists under its 「本版标题导航」: each opens an article where it stands
 * again over text, whatever the lead under it (the page runs its articles on with no byline between).
 */
function listedTitles(blocks: Block[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.kind !== 'furniture' || !TITLE_LIST.test(blocks[i]!.text.trim())) continue;
    for (let j = i + 1; blocks[j]?.kind === 'heading' && !out.has(blocks[j]!.text); j++) out.add(blocks[j]!.text);
  }
  return out;
}

/** Whether the heading block at `i` opens a new article rather than a section of the current one. */
function startsArticle(blocks: Block[], i: number, current: Draft | PhotoDraft | null, atBoundary: boolean): boolean {
  const block = blocks[i]!;
  if (isFragment(blocks, i)) return false;
  if (atBoundary || !current || 'paragraphs' in current) return true;
  // A copied web page prints its source and date line right under each headline, never under a section's.
  let k = i + 1;
  while (blocks[k]?.kind === 'heading' && k - i < MAX_HEADLINE_LINES) k++;
  if (blocks[k]?.kind === 'furniture' && webPageMark(blocks[k]!.text) === 'meta') return true;
  // A guide's numbered sections (「一、参保对象」) stay in their article.
  if (isNumberedSection(block.text)) return false;
  if (block.level > 0 && block.level <= 2) return true;
  // A level-3 line directly over a level-1/2 line is a kicker over a headline.
  const next = blocks[i + 1];
  if (block.level > 0 && next?.kind === 'heading' && next.level > 0 && next.level < block.level) return true;
  if (block.text.endsWith('——')) return true;
  // Section headings stand one line at a time; two heading lines over a paragraph are a headline block.
  if (blocks[i + 1]?.kind === 'heading' && !isFragment(blocks, i + 1)) return true;
  // No byline closed the last article: a headline is known by the dated lead under it.
  let j = i + 1;
  while (j < blocks.length && blocks[j]!.kind === 'heading' && j - i < MAX_HEADLINE_LINES) j++;
  // A byline printed under it (「文/王五 图/赵六」) marks a headline: section headings have none.
  if (blocks[j]?.kind === 'byline' && blocks[j + 1]?.kind === 'paragraph') return true;
  const lead = blocks[j];
  // A continued article's rest, on its later page, is short: one paragraph before a dated lead is enough.
  const minBody = current.continuation ? 1 : 2;
  // A line over a table's rows or a list is its title (「街道文明指数得分」 over 「名次 街道 得分」), no lead's headline.
  if (current.body.length < minBody || lead?.kind !== 'paragraph' || lead.listItem) return false;
  return DATELINE.test(lead.text) || SALUTATION.test(lead.text) || (j === i + 1 && newStory(current, block, lead));
}

// A letter opens with its salutation (「编辑同志：」): on a readers' letters page each letter's headline
// stands over one, as each report's stands over a dated lead.
const SALUTATION = /^(编辑同志|记者同志|编辑部|尊敬的编辑|编辑老师|亲爱的编辑)[：:，,]/u;

/**
 * A one-line headline between two articles with no byline or dated lead to show it: the line
 * names a new subject that the lead under it takes up at once and the article so far never spoke
 * of, its first word above all, the subject a headline names first (「观音山街道新建5个口袋公园」 over
 * 「今年以来，观音山街道……新建口袋公园5个」 after an article on another street's drill). A section
 * heading goes on with the article's subject (「护城河沿线增设排水泵站」 in a drill on the 护城河). Not inside an
 * article that already has section headings, not after a paragraph cut mid-sentence, and not a
 * labelled section (「城东街道：自查自纠」) or a two-phrase heading: those are sections' shapes.
 */
function newStory(current: Draft, heading: Block, lead: Block): boolean {
  if (heading.level > 0 || /[：:\s]/u.test(heading.text)) return false;
  if (current.body.some((b) => b.kind === 'heading')) return false;
  const last = current.body.at(-1);
  if (last?.kind !== 'paragraph' || !isTerminated(last.text)) return false;
  const before = [...current.headingLines, ...current.body].map((b) => b.text).join('\n');
  const opening = lead.text.split(/[。！？!?]/u)[0]!;
  const words = [...new Set(segment(heading.text).map((t) => t.text))].filter((w) => HAN_WORD.test(w));
  const fresh = words.filter((w) => !before.includes(w) && opening.includes(w));
  const shared = words.filter((w) => before.includes(w));
  // A headline names its subject first (「观音山街道新建……」): a new story's subject is new.
  return words[0] !== undefined && fresh.includes(words[0]) && fresh.length >= 2 && fresh.length > shared.length;
}
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** Heading shape: the lengths of its space-separated phrases (「一竿子落实到底 争做创建“主力军”」 -> 7,9). */
const phraseShape = (text: string) =>
  text
    .split(/\s+/)
    .map((p) => [...p].length)
    .join(',');

function parallelsSection(article: Draft, block: Block): boolean {
  if (!/\s/.test(block.text)) return false;
  const texts = article.sections?.get(phraseShape(block.text));
  return texts !== undefined && (texts.size > 1 || (texts.size === 1 && !texts.has(block.text)));
}

function addToBody(article: Draft, block: Block): void {
  article.body.push(block);
  if (block.kind !== 'heading' || !/\s/.test(block.text)) return;
  article.sections ??= new Map();
  const shape = phraseShape(block.text);
  const texts = article.sections.get(shape) ?? new Map<string, number>();
  texts.set(block.text, (texts.get(block.text) ?? 0) + 1);
  article.sections.set(shape, texts);
}

function removeLastFromBody(article: Draft): void {
  const block = article.body.pop();
  const texts = block && article.sections?.get(phraseShape(block.text));
  const n = texts?.get(block!.text);
  if (!texts || n === undefined) return;
  if (n > 1) texts.set(block!.text, n - 1);
  else texts.delete(block!.text);
}

/** A heading-shaped line that is really the first half of a paragraph cut by a page break. */
function isFragment(blocks: Block[], i: number): boolean {
  const block = blocks[i]!;
  const next = blocks[i + 1];
  if (block.level > 0 || !next || next.kind !== 'paragraph') return false;
  return CONTINUATION.test(next.text) || wordSpansJunction(block.text, next.text);
}

const isRubric = (text: string) => /^\p{Script=Han}{2,6}$/u.test(text);

/** Headline and subtitle from a headline block: kickers (「……——」) and lesser levels go to the subtitle. */
export function splitHeadline(lines: Block[], kicker?: string): { headline: string; subtitle: string } {
  // A kicker's or sub-headline's dash (「——访区医保局负责人」) is typography, not words.
  // Nor is a frame of brackets round the whole line (「〔濠河游船本周六起恢复夜航〕」), a plain-text export's
  // stand-in for a headline's type; a bracketed word inside a headline stays.
  const clean = (t: string) =>
    t
      .replace(/^——|——$/g, '')
      .replace(/^〔([^〔〕]+)〕$|^［([^［］]+)］$/u, '$1$2')
      .trim();
  let main: Block | undefined;
  if (lines.some((l) => l.level > 0)) {
    for (const l of lines) if (l.level > 0 && (!main || l.level < main.level)) main = l;
  } else {
    main = lines.find((l) => !l.text.endsWith('——')) ?? lines[0];
    // A rubric of a few characters over a much longer line (「文化惠民」 over its story's title) is a
    // kicker: a main headline that short would not carry a longer line under it.
    const next = main && lines[lines.indexOf(main) + 1];
    if (main && next && isRubric(main.text) && [...next.text].length >= [...main.text].length + 4) main = next;
  }
  const subtitle = [kicker ?? '', ...lines.filter((l) => l !== main).map((l) => clean(l.text))]
    .filter(Boolean)
    .join(' ');
  return { headline: clean(main?.text ?? ''), subtitle: subtitle.slice(0, graphemeCut(subtitle, MAX_SUBTITLE_CHARS)) };
}

/**
 * Body blocks to paragraphs, joining the halves of paragraphs cut by page breaks. A paragraph
 * that ends mid-sentence joins the next one, unless the next one plainly starts a sentence and a
 * fragment elsewhere in the article starts mid-sentence: then it joins that fragment.
 */
export function joinPageBreaks(body: Block[]): string[] {
  const items = body.map((b, k) => ({
    text: b.text,
    heading: (b.kind === 'heading' && !isFragment(body, k)) || b.listItem === true,
    cut: b.cut === true,
  }));
  const partnerOf = new Map<number, number>();
  const taken = new Set<number>();
  // Orphans in order, consumed from the front: each lookup is amortized constant time.
  const orphans = items.map((_, k) => k).filter((k) => isOrphan(items, k));
  let front = 0;
  const firstOrphan = (i: number): number => {
    while (front < orphans.length && taken.has(orphans[front]!)) front++;
    for (let p = front; p < orphans.length; p++) {
      const k = orphans[p]!;
      if (k !== i && k !== i + 1 && !taken.has(k)) return k;
    }
    return -1;
  };
  // Who took each fragment: a fragment is never given to the chain it heads (「，……」 with no full
  // stop, then a line with none, would otherwise take each other and both be lost).
  const takenBy = new Map<number, number>();
  const chainHead = (k: number): number => {
    while (takenBy.has(k)) k = takenBy.get(k)!;
    return k;
  };
  for (let i = 0; i < items.length; i++) {
    // A fragment taken by another may itself end mid-sentence and take the next one in turn.
    if (items[i]!.heading || items[i]!.cut || isTerminated(items[i]!.text)) continue;
    const partner = findContinuation(items, i, taken, firstOrphan);
    if (partner >= 0 && !taken.has(partner) && chainHead(i) !== partner) {
      partnerOf.set(i, partner);
      taken.add(partner);
      takenBy.set(partner, i);
    }
  }
  // An orphan fragment left over belongs to a clause-like line that was read as a heading.
  const hosts = items
    .map((_, j) => j)
    .filter((j) => items[j]!.heading && /[，,]/.test(items[j]!.text) && [...items[j]!.text].length > 20);
  let nextHost = 0;
  items.forEach((it, k) => {
    if (taken.has(k) || it.heading || !isOrphan(items, k)) return;
    while (nextHost < hosts.length && partnerOf.has(hosts[nextHost]!)) nextHost++;
    const host = hosts[nextHost];
    if (host === undefined) return;
    nextHost++;
    items[host]!.heading = false;
    partnerOf.set(host, k);
    taken.add(k);
  });
  const out: string[] = [];
  const written = new Set<number>();
  const chain = (i: number) => {
    let text = items[i]!.text;
    written.add(i);
    // Follow the chain: a joined fragment may itself end mid-sentence.
    for (let k = partnerOf.get(i); k !== undefined && !written.has(k); k = partnerOf.get(k)) {
      text += items[k]!.text;
      written.add(k);
    }
    return text;
  };
  for (let i = 0; i < items.length; i++) if (!taken.has(i)) out.push(chain(i));
  // Nothing is dropped: a fragment no chain reached (were a loop ever formed) stands on its own.
  for (let i = 0; i < items.length; i++) if (!written.has(i)) out.push(chain(i));
  return out;
}

/** A fragment that starts mid-sentence right after a finished paragraph or a heading. */
function isOrphan(items: { text: string; heading: boolean }[], k: number): boolean {
  const it = items[k]!;
  return (
    !it.heading && CONTINUATION.test(it.text) && (k === 0 || items[k - 1]!.heading || isTerminated(items[k - 1]!.text))
  );
}

function findContinuation(
  items: { text: string; heading: boolean }[],
  i: number,
  taken: Set<number>,
  firstOrphan: (i: number) => number,
): number {
  const text = items[i]!.text;
  const next = items[i + 1];
  if (next && !next.heading && (CONTINUATION.test(next.text) || wordSpansJunction(text, next.text))) return i + 1;
  // An orphan fragment printed out of place: it starts mid-sentence right after a finished paragraph.
  const orphan = firstOrphan(i);
  if (orphan >= 0) return orphan;
  return next && !next.heading && !taken.has(i + 1) ? i + 1 : -1;
}

function stableId(source: string, kind: string, ordinal: number, title: string): string {
  return createHash('sha1').update(`${source}\n${kind}${ordinal}\n${title}`).digest('hex').slice(0, 12);
}
