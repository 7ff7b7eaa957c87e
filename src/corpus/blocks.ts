/**
 * The first pass over an issue: lines to typed blocks. A block is one non-empty line with its
 * Markdown markers removed, classified by shape alone as a heading candidate, a paragraph,
 * a byline, a photo caption, page furniture or a continued article's jump line. A line longer
 * than MAX_PARAGRAPH_CHARS becomes several paragraphs.
 */

import {
  dropTrailingCredit,
  isAfterword,
  joinSpacedNames,
  isEditorNote,
  isFurniture,
  type JumpKind,
  QA_LABEL,
  takeJumps,
  takeLeadIn,
  webPageMark,
} from './layout.ts';
import { MAX_BYLINE_CHARS, MAX_HEADLINE_CHARS, MAX_PARAGRAPH_CHARS } from './limits.ts';
import { isRule, tableRows } from './tables.ts';

/** `furniture`: page headers, page numbers, credits; `jump`: a continued article's jump line. */
export type BlockKind = 'heading' | 'paragraph' | 'byline' | 'caption' | 'furniture' | 'jump';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Markdown heading level (1 for `#`), 0 for plain text. */
  level: number;
  /** Reporters' names, for bylines. */
  names?: string[];
  /** A piece of an over-long line that goes on in the next block: not cut by a page break. */
  cut?: boolean;
  /** For jumps: whether the article goes on elsewhere (「下转」) or comes from elsewhere (「上接」). */
  jump?: JumpKind;
  /** A bold or bracketed lead-in title (「**……**」, 「【……】」), as news-in-brief items open. */
  leadIn?: boolean;
  /** A lead-in marked by a bullet or 【】 rather than bold type: only brief items are so marked. */
  marked?: boolean;
  /** A line of a bulleted list inside an article's text: a paragraph of its own, never joined to the next. */
  listItem?: boolean;
  /** A Markdown picture or rule: layout that neither opens nor closes anything. */
  picture?: boolean;
}

const CAPTION = /^[▼▲►◆]|[\s（(]\p{Script=Han}{2,4}\s*摄[）)]?$/u;
const SENTENCE_END = /[。！？!?；;]/;
const TIME_LEAD = /^(今年|去年|前年|明年|近日|日前|近期|目前|当前|\d{1,4}年|\d{1,2}月)[^，,]{0,8}[，,]/;

function stripMarkdown(line: string): { text: string; level: number } {
  const heading = line.match(/^(#{1,6})\s+(.*)$/);
  const level = heading ? heading[1]!.length : 0;
  const body = heading ? heading[2]! : line;
  const text = body
    .replace(/\*\*|__/g, '')
    .replace(/^>\s*/, '')
    .trim();
  return { text, level };
}

// A Markdown export's rule (---, ***) and picture (![](images/p4-1.jpg)): layout, never text.
const MARKDOWN_LAYOUT = /^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|!\[[^\]]*\]\([^)]*\))$/u;

// Two column rules or tabs between cells: a row of a table set in text.
const TABLE_ROW = /[^｜|\t]+[｜|\t][^｜|\t]+[｜|\t][^｜|\t]+/u;

/** Shape of a headline or section heading: short, no sentence punctuation, not cut mid-clause. */
export function isHeadingShaped(text: string): boolean {
  if (text.length > 2 * MAX_HEADLINE_CHARS) return false;
  const length = [...text].length;
  if (length < 2 || length > MAX_HEADLINE_CHARS) return false;
  // A headline may end in one question or exclamation mark (「垃圾分类，你做对了吗？」), or ask and
  // answer across one (「流感疫苗怎么打？医生来解答」), no more.
  let body = length <= 30 ? text.replace(/[？！?!]$/, '') : text;
  // Quoted speech (「“怎么了？”老王问」) is a sentence, never such a headline.
  if (length <= 30 && body === text && !/[“”"「」‘’]/.test(text)) body = text.replace(/[？！?!](?!.*[？！?!])/, '');
  if (SENTENCE_END.test(body)) return false;
  if (/[，,、：:（(《“‘]$/.test(text) || /^[，,、。：:）)”’]/.test(text)) return false;
  if (TIME_LEAD.test(text)) return false;
  // A table's row (「接种点｜接种时间｜地址」): cells between column rules, never a title.
  if (TABLE_ROW.test(text)) return false;
  // A line that stops on a date (「……2018年1月」) was cut by a page break, not composed as a title.
  if (/[年月日]$/.test(text) && /\d$/.test(text.slice(0, -1))) return false;
  return true;
}

const ROLE = /^(本报)?(特约|见习|实习)?(记者|通讯员|摄影|摄|编辑|实习生)[：:]?/;

/** Names in a byline's text (金驰 许应田 -> ['金驰', '许应田']; 记者 张三 -> ['张三']). */
function bylineNames(text: string): string[] {
  return joinSpacedNames(
    text
      .split(/\s+/)
      .map((w) => w.replace(ROLE, ''))
      .filter(Boolean),
  );
}

// Sentence-ending marks, and the closing quotes or brackets that may follow them.
const ENDERS = new Set('。！？!?；;…');
const CLOSERS = new Set('”’」』）)');
const BYLINE_NAME = new RegExp(`^[\\p{Script=Han}A-Za-z][\\p{Script=Han}A-Za-z ]{0,${MAX_BYLINE_CHARS - 1}}$`, 'u');
// What may stand right before a byline that closes a paragraph: a sentence's end or a space.
const BEFORE_BYLINE = /[。！？!?”’」』）)\s]$/u;

/**
 * A byline at the end of a line: ·金驰· or ·金驰 许应田· (the closing dot may be missing), alone or
 * closing a paragraph. Scanned by hand rather than with one pattern, so that a long run of spaces
 * costs linear time. `index` is where the byline starts in the line.
 */
export function matchByline(line: string): { index: number; text: string; names: string[] } | null {
  let end = line.length;
  while (end > 0 && /\s/u.test(line[end - 1]!)) end--;
  if (line[end - 1] === '·') end--;
  const open = line.lastIndexOf('·', end - 1);
  if (open < 0) return null;
  const name = line.slice(open + 1, end).trim();
  if (!BYLINE_NAME.test(name)) return null;
  let index = open;
  while (index > 0 && /\s/u.test(line[index - 1]!)) index--;
  if (index > 0 && !BEFORE_BYLINE.test(line.slice(0, open))) return null;
  return { index, text: line.slice(index).trim(), names: bylineNames(name) };
}

/** A text cut after each sentence end (with its closing quotes); the pieces join back to the text. */
export function cutSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!ENDERS.has(text[i]!)) continue;
    let j = i + 1;
    while (j < text.length && ENDERS.has(text[j]!)) j++;
    while (j < text.length && CLOSERS.has(text[j]!)) j++;
    out.push(text.slice(start, j));
    start = j;
    i = j - 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

// Grapheme clusters in text are a few code units long; one longer than this is cut like a code point.
const GRAPHEME_WINDOW = 64;

/** The last grapheme boundary at or before `max` code units into `text` (0 < result ≤ max when max > 1). */
export function graphemeCut(text: string, max: number): number {
  if (text.length <= max) return text.length;
  // Only a window around the limit is segmented, so cutting a long run costs linear time in all.
  const from = Math.max(0, max - GRAPHEME_WINDOW);
  let cut = 0;
  for (const { index } of graphemes.segment(text.slice(from, max + 1))) {
    if (index > 0 && index <= max - from) cut = from + index;
  }
  if (cut > 0) return cut;
  // No boundary in the window: at least never cut a surrogate pair.
  const high = text.charCodeAt(max - 1);
  return high >= 0xd800 && high <= 0xdbff && max > 1 ? max - 1 : max;
}

/**
 * A line longer than MAX_PARAGRAPH_CHARS as paragraphs: sentences packed up to the limit, a
 * sentence longer than that cut at grapheme boundaries. Shorter lines come back whole.
 */
export function splitLongLine(line: string, max = MAX_PARAGRAPH_CHARS): string[] {
  if (line.length <= max) return [line];
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer.trim()) out.push(buffer.trim());
    buffer = '';
  };
  for (let sentence of cutSentences(line)) {
    if (buffer.length + sentence.length > max) flush();
    while (sentence.length > max) {
      const cut = graphemeCut(sentence, max);
      buffer = sentence.slice(0, cut);
      flush();
      sentence = sentence.slice(cut);
    }
    buffer += sentence;
  }
  flush();
  return out;
}

/** Splits an issue's text into classified blocks, a trailing byline becoming a block of its own. */
export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n').map((l) => l.trim());
  // Page furniture is never a table's row, however it lines up (two page headers in a row).
  const rows = tableRows(lines.map((l) => (isFurniture(l) ? '' : l)));
  for (const [n, trimmed] of lines.entries()) {
    if (!trimmed) continue;
    // A table's row is its article's text, each row a paragraph of its own.
    if (rows.has(n)) {
      // Its rules are layout, as a Markdown rule is.
      if (isRule(trimmed)) blocks.push({ kind: 'furniture', text: trimmed, level: 0, picture: true });
      else blocks.push({ kind: 'paragraph', text: trimmed, level: 0, listItem: true });
      continue;
    }
    // A jump line may stand alone or be glued to the paragraph it cuts off or resumes.
    const { jumps, rest } = takeJumps(dropTrailingCredit(trimmed));
    if (jumps.length === 0) {
      pushLeadIn(blocks, rest);
      continue;
    }
    for (const jump of jumps) if (jump === 'from') blocks.push({ kind: 'jump', text: '', level: 0, jump });
    const from = blocks.length;
    if (rest) pushLeadIn(blocks, rest);
    // Text glued to a jump line is body text, and so is a short line cut off by 「（下转……）」.
    for (let k = rest || !jumps.includes('to') ? from : from - 1; k < blocks.length; k++) {
      const b = blocks[k];
      if (b?.kind === 'heading' && b.level === 0 && !b.leadIn) blocks[k] = { ...b, kind: 'paragraph' };
    }
    for (const jump of jumps) if (jump === 'to') blocks.push({ kind: 'jump', text: '', level: 0, jump });
  }
  return unboxLists(blocks);
}

// Bulleted lines in a row that no text follows between them are one list, of figures or points boxed
// inside an article (「■ 数说」 over 「■ 新生9860人」, 「■ 校车线路14条」…): a brief's item has text under its
// title. Three or more such lines are the article's text, not item titles.
const MIN_LIST_LINES = 3;

function unboxLists(blocks: Block[]): Block[] {
  let i = 0;
  while (i < blocks.length) {
    let end = i;
    while (blocks[end]?.kind === 'heading' && blocks[end]!.marked === true) end++;
    if (end - i >= MIN_LIST_LINES) {
      for (let k = i; k < end; k++) blocks[k] = { kind: 'paragraph', text: blocks[k]!.text, level: 0, listItem: true };
    }
    i = Math.max(end, i + 1);
  }
  return blocks;
}

// A bullet before a brief item's title (「■城东街道开展反诈宣传」, 「▶ ……」); ▲◆► are photo marks instead.
const BULLET = /^[■●★☆◇□◎▶▷]\s{0,2}/u;

const BRIEF_LEAD = /^(\d{1,2}月\d{1,2}日|近日|日前|本报讯|昨天|昨日|今天|今日)/;

/** A bulleted item's title and text set on one line with a space between: title 4–30 characters, text a sentence. */
function splitTitledItem(line: string): { title: string; rest: string } | null {
  const space = line.search(/\s/u);
  if (space < 4 || space > 30) return null;
  const title = line.slice(0, space);
  const rest = line.slice(space).trim();
  // The item's text opens with its date, as a brief's lead does; else the space is inside a sentence.
  if (!isHeadingShaped(title) || /[，,]/.test(title) || !BRIEF_LEAD.test(rest) || !SENTENCE_END.test(rest)) return null;
  return { title, rest };
}

/** A line opening with a lead-in title becomes a heading block for it and the line's rest. */
function pushLeadIn(blocks: Block[], line: string): void {
  // A web page's bracketed links (「【打印本页】【关闭窗口】」) are its frame, never a brief's title.
  if (webPageMark(line)) {
    blocks.push({ kind: 'furniture', text: line, level: 0 });
    return;
  }
  // ◆ and ► mark photos, and in many papers briefs too: a brief's title, a space and its dated text
  // (「◆陈桥街道组织消防演练　11月9日，……」) is an item, never a caption.
  const photoMark = line.match(/^[◆►]\s{0,2}/u);
  const item = photoMark ? splitTitledItem(line.slice(photoMark[0].length)) : null;
  if (item) {
    blocks.push({ kind: 'heading', text: item.title, level: 0, leadIn: true, marked: true });
    pushText(blocks, item.rest);
    return;
  }
  const bullet = line.match(BULLET);
  if (bullet) {
    const rest = line.slice(bullet[0].length);
    // A bulleted title alone on its line opens an item as a bold one does.
    if (isHeadingShaped(rest) && !takeLeadIn(rest)) {
      blocks.push({ kind: 'heading', text: rest, level: 0, leadIn: true, marked: true });
      return;
    }
    // A bulleted item may set its title and its text on one line, a space between them
    // (「● 陈桥社区开展消防演练 9月18日，……」): the title is the heading-shaped part before the space.
    const split = takeLeadIn(rest) ? null : splitTitledItem(rest);
    if (split) {
      blocks.push({ kind: 'heading', text: split.title, level: 0, leadIn: true, marked: true });
      pushText(blocks, split.rest);
      return;
    }
    line = rest;
  }
  const lead = takeLeadIn(line);
  if (lead && isHeadingShaped(lead.title) && !matchByline(lead.title) && !QA_LABEL.test(lead.title)) {
    const marked = bullet !== null || line.startsWith('【');
    blocks.push({ kind: 'heading', text: lead.title, level: 0, leadIn: true, ...(marked ? { marked } : {}) });
    if (lead.rest) pushText(blocks, lead.rest);
  } else {
    pushText(blocks, line);
  }
}

function pushText(blocks: Block[], raw: string): void {
  if (MARKDOWN_LAYOUT.test(raw)) {
    blocks.push({ kind: 'furniture', text: raw, level: 0, picture: true });
    return;
  }
  const { text: line, level } = stripMarkdown(raw);
  if (!line) return;
  if (line.length > MAX_PARAGRAPH_CHARS) {
    // An over-long line is running text, never a headline: its pieces are paragraphs.
    const pieces = splitLongLine(line);
    const last = pieces.pop() ?? '';
    for (const piece of pieces) blocks.push({ kind: 'paragraph', text: piece, level: 0, cut: true });
    pushLine(blocks, last, 0);
  } else {
    pushLine(blocks, line, level);
  }
}

/**
 * A byline line without the dots, as many papers print it: role words each with a few names
 * (「本报记者 张三 通讯员 李四」, 「（记者 张三）」). Names only, never a sentence.
 */
export function roleByline(line: string): string[] | null {
  if (line.length > 40 || SENTENCE_END.test(line)) return null;
  const tokens = joinSpacedNames(
    line
      .replace(/^[（(]|[）)]$/gu, '')
      .split(/[\s：:、，,/／]+/u)
      .filter(Boolean),
  );
  // The role may follow the name instead (「沈佳/文 陆洋/摄」, 「（王磊 文/摄）」): so printed only with a
  // slash or in brackets, which a headline's words never carry.
  const roleAfter = /[/／]/u.test(line) || /^[（(].*[）)]$/u.test(line);
  if (tokens.length < 2 || !(ROLE_WORD.test(tokens[0]!) || (roleAfter && ROLE_WORD.test(tokens.at(-1)!)))) return null;
  const names: string[] = [];
  for (const token of tokens) {
    if (ROLE_WORD.test(token)) continue;
    if (!/^[\p{Script=Han}·]{2,4}$/u.test(token)) return null;
    names.push(token);
  }
  return names.length > 0 ? names : null;
}

// A web page's author field runs to the next field or bracket (「作者：朱敏　发布时间：……」).
const AUTHOR_FIELD = /作者[：:]\s*([^【】[\]：:]{2,40}?)\s*(?=$|[【】[\]]|\S{2,4}[：:])/u;

// What a site writes as the author when no person is named (「作者：本站」, 「作者：佚名」).
const SITE_AUTHOR = /^(?:本站|本网|佚名|管理员|小编|编辑部|网站|网管|未知)$/u;

/** The names in a web page's author field (「作者：记者 王海 通讯员 李青」, 「作者：朱敏」), else none. */
export function authorNames(line: string): string[] {
  const field = line.match(AUTHOR_FIELD)?.[1]?.trim();
  if (!field) return [];
  const names = roleByline(field);
  if (names) return names;
  const tokens = joinSpacedNames(field.split(/[\s、，,/]+/u).filter(Boolean));
  const person = (t: string) => /^\p{Script=Han}{2,4}$/u.test(t) && !SITE_AUTHOR.test(t);
  return tokens.every(person) && tokens.length <= 3 ? tokens : [];
}

/**
 * A byline printed as the reporters' names alone in brackets on a line of their own, closing an
 * article (「（钱磊）」, 「(林涛 周敏)」): names only, two or three characters each (a Chinese name's
 * length), none opening with a word that brackets a note instead (第…, 上接, 续, 完, 图, 注, 据, 摘自).
 */
export function bracketedNames(line: string): string[] | null {
  const m = line.match(/^[（(]\s*(\p{Script=Han}{2,3}(?:\s+\p{Script=Han}{2,3}){0,2})\s*[）)]$/u);
  if (!m) return null;
  const names = m[1]!.split(/\s+/u);
  if (
    names.some((n) =>
      /^(?:第|上接|下转|转|接|续|待续|未完|完|图|摄|注|编|附|见|详见|据|摘自|来源|本报|记者|通讯员)/u.test(n),
    )
  )
    return null;
  return names;
}

// Role words of a byline; 文 and 图 as in 「文/张三 图/李四」; 整理 and 报道 after the names (「记者 张强 整理」).
// 摄 as in 「沈佳/文 陆洋/摄」; 文/摄 as in 「王磊 文/摄」, split at the slash.
const ROLE_WORD = /^((本报)?(特约|见习|实习)?(记者|通讯员|实习生|摄影|摄影记者)|文|图|摄|文图|整理|报道)$/u;

// After a sentence's end: a bracketed signature, or a role word after a space, to the line's end.
const TRAILING_SIGNATURE =
  /[。！？!?”」』]\s{0,3}([（(][^（()）]{2,40}[）)])$|[。！？!?”」』]\s{1,3}((?:本报)?(?:特约|见习|实习)?(?:记者|通讯员)\s[^。！？!?]{2,36})$/u;

/** A role byline closing a paragraph, with the text before it. */
function trailingSignature(line: string): { before: string; text: string; names: string[] } | null {
  if (line.length > MAX_PARAGRAPH_CHARS) return null;
  const m = line.match(TRAILING_SIGNATURE);
  const text = m?.[1] ?? m?.[2];
  if (!m || !text) return null;
  const names = roleByline(text);
  if (!names) return null;
  return { before: line.slice(0, m.index! + 1), text, names };
}

function pushLine(blocks: Block[], line: string, level: number): void {
  // Page furniture first: 「第2版 · 民生」 ends like a dotted byline but is a page header.
  if (level === 0 && isFurniture(line)) {
    blocks.push({ kind: 'furniture', text: line, level: 0 });
    return;
  }
  const names = level === 0 ? (roleByline(line) ?? bracketedNames(line)) : null;
  if (names) {
    blocks.push({ kind: 'byline', text: line, level: 0, names });
    return;
  }
  // A signature glued to the article's last sentence (「……送检。（记者 韩雪 通讯员 邵文）」, 「……人次。 本报记者 周立新」).
  // A photo's caption keeps its credit (「……赏樱。 记者 张强 摄」).
  const signed = level === 0 && !CAPTION.test(line) ? trailingSignature(line) : null;
  if (signed) {
    blocks.push(classify(signed.before, level));
    blocks.push({ kind: 'byline', text: signed.text, level: 0, names: signed.names });
    return;
  }
  const byline = matchByline(line);
  if (byline && !/摄$/.test(line)) {
    const before = line.slice(0, byline.index).trim();
    if (before) blocks.push(classify(before, level));
    blocks.push({ kind: 'byline', text: byline.text, level: 0, names: byline.names });
    return;
  }
  if (line) blocks.push(classify(line, level));
}

function classify(text: string, level: number): Block {
  if (isFurniture(text)) return { kind: 'furniture', text, level: 0 };
  // An interview's question or answer, or an editor's note, is running text however short.
  // An afterword's label alone on its line (「【编后】」, 「记者手记」) heads the closing paragraph, and stays apart from it.
  if (isAfterword(text) && [...text].length <= 8) return { kind: 'heading', text, level: 0 };
  if (QA_LABEL.test(text) || isEditorNote(text) || isAfterword(text)) return { kind: 'paragraph', text, level: 0 };
  // A Markdown heading longer than any headline is a paragraph marked up by mistake.
  if (level > 0 && [...text].length <= MAX_HEADLINE_CHARS) return { kind: 'heading', text, level };
  if (CAPTION.test(text)) return { kind: 'caption', text: text.replace(/^[▼▲►◆]\s*/u, ''), level: 0 };
  return { kind: isHeadingShaped(text) ? 'heading' : 'paragraph', text, level: 0 };
}
