/**
 * The first pass over an issue: lines to typed blocks. A block is one non-empty line with its
 * Markdown markers removed, classified by shape alone as a heading candidate, a paragraph,
 * a byline or a photo caption.
 */

export type BlockKind = 'heading' | 'paragraph' | 'byline' | 'caption';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Markdown heading level (1 for `#`), 0 for plain text. */
  level: number;
  /** Reporters' names, for bylines. */
  names?: string[];
}

// A byline: ·金驰· or ·金驰 许应田· (the closing dot may be missing), alone or closing a paragraph.
const BYLINE =
  /(?:^|(?<=[。！？!?”’」』）)\s]))\s*·\s*([\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z ]{0,28}?)\s*·?\s*$/u;
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

/** Shape of a headline or section heading: short, no sentence punctuation, not cut mid-clause. */
export function isHeadingShaped(text: string): boolean {
  const length = [...text].length;
  if (length < 2 || length > 60) return false;
  // A headline may end in one question or exclamation mark (「垃圾分类，你做对了吗？」), no more.
  const body = length <= 30 ? text.replace(/[？！?!]$/, '') : text;
  if (SENTENCE_END.test(body)) return false;
  if (/[，,、：:（(《“‘]$/.test(text) || /^[，,、。：:）)”’]/.test(text)) return false;
  if (TIME_LEAD.test(text)) return false;
  // A line that stops on a date (「……2018年1月」) was cut by a page break, not composed as a title.
  if (/\d+[年月日]$/.test(text)) return false;
  return true;
}

const ROLE = /^(本报)?(特约|见习|实习)?(记者|通讯员|摄影|摄|编辑|实习生)[：:]?/;

/** Names in a byline's text (金驰 许应田 -> ['金驰', '许应田']; 记者 张三 -> ['张三']). */
function bylineNames(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(ROLE, ''))
    .filter(Boolean);
}

/** Splits an issue's text into classified blocks, a trailing byline becoming a block of its own. */
export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split('\n')) {
    const { text: line, level } = stripMarkdown(raw.trim());
    if (!line) continue;
    const byline = line.match(BYLINE);
    if (byline?.[1] && !/摄$/.test(line)) {
      const before = line.slice(0, byline.index).trim();
      if (before) blocks.push(classify(before, level));
      blocks.push({ kind: 'byline', text: byline[0].trim(), level: 0, names: bylineNames(byline[1]) });
      continue;
    }
    blocks.push(classify(line, level));
  }
  return blocks;
}

function classify(text: string, level: number): Block {
  if (level > 0) return { kind: 'heading', text, level };
  if (CAPTION.test(text)) return { kind: 'caption', text: text.replace(/^[▼▲►◆]\s*/u, ''), level };
  return { kind: isHeadingShaped(text) ? 'heading' : 'paragraph', text, level };
}
