/**
 * Where a result stands on the web pages (src/server/pages): an article page opened at the
 * paragraph holding the answer (`/a/<id>?q=<question>#p<N>`), a photo caption of an article
 * (`#c<N>`), or a photo of an issue's picture page (`/i/<issue>#<photo id>`). The bot's 「🔗 原文」
 * buttons, inline results and digests link with these; the pages find the same places with them.
 * Pure functions over the archive's text.
 */
import type { Article } from '../corpus/types.ts';
import type { SearchResult } from '../retrieval/index.ts';

/** An issue's name in URLs: its file name without the extension (「2021-08-09.txt」 → 「2021-08-09」). */
export function issueSlug(source: string): string {
  return source.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

export const articlePath = (id: string) => `/a/${encodeURIComponent(id)}`;
export const issuePath = (source: string) => `/i/${encodeURIComponent(issueSlug(source))}`;
/** A paragraph's anchor, counted from 1 as readers count (`p1` is the first paragraph). */
export const paragraphAnchor = (k: number) => `p${k + 1}`;
export const captionAnchor = (k: number) => `c${k + 1}`;

/** Where one line of a passage stands in the article: paragraph `paragraph`, units [start, end). */
export interface PassagePlace {
  paragraph: number;
  start: number;
  end: number;
  /** Where the line starts in the passage. */
  at: number;
}

/**
 * The places of a passage's lines in the paragraphs it was cut from. A passage is made of whole
 * paragraphs and pieces of paragraphs, in order, joined by line breaks; a line found nowhere
 * (the archive changed since) is left out.
 */
export function passagePlaces(paragraphs: readonly string[], passage: string): PassagePlace[] {
  const places: PassagePlace[] = [];
  let paragraph = 0;
  let from = 0;
  let at = 0;
  for (const line of passage.split('\n')) {
    for (let k = paragraph; k < paragraphs.length; k++) {
      const start = paragraphs[k]!.indexOf(line, k === paragraph ? from : 0);
      if (line && start >= 0) {
        places.push({ paragraph: k, start, end: start + line.length, at });
        paragraph = k;
        from = start + line.length;
        break;
      }
    }
    at += line.length + 1;
  }
  return places;
}

/** The paragraph (from 0) that holds a result's answer sentence, else its passage's first; -1 when neither is found. */
export function answerParagraph(
  paragraphs: readonly string[],
  result: Pick<SearchResult, 'passage' | 'answer'>,
): number {
  const places = passagePlaces(paragraphs, result.passage);
  const answerAt = result.passage.indexOf(result.answer);
  const holding = places.find((p) => answerAt >= p.at && answerAt < p.at + (p.end - p.start) + 1);
  return (holding ?? places[0])?.paragraph ?? -1;
}

/**
 * The page a result links to, below `base` (a public origin, or '' for a link within the pages):
 * the article at the answering paragraph with the question (the page marks the passage), a photo
 * caption on its article's page, or a photo on its issue's page.
 */
export function resultLink(
  base: string,
  question: string,
  result: SearchResult,
  article: (id: string) => Article | undefined,
): string {
  const q = question ? `?q=${encodeURIComponent(question)}` : '';
  if (result.kind === 'article') {
    const found = article(result.articleId);
    const k = found ? answerParagraph(found.paragraphs, result) : -1;
    return `${base}${articlePath(result.articleId)}${q}${k >= 0 ? `#${paragraphAnchor(k)}` : ''}`;
  }
  // A photo's id is its article's (or its picture page's) id, a dash and the caption's number.
  const dash = result.articleId.lastIndexOf('-');
  const owner = result.articleId.slice(0, dash);
  const caption = Number(result.articleId.slice(dash + 1));
  if (dash > 0 && article(owner)) return `${base}${articlePath(owner)}${q}#${captionAnchor(caption)}`;
  return `${base}${issuePath(result.source)}#${encodeURIComponent(result.articleId)}`;
}

/** Links from the bot's replies to their results' pages, or undefined without a public origin (no links then). */
export function resultLinks(
  publicUrl: string | undefined,
  question: string,
  library: { article(id: string): Article | undefined },
): ((result: SearchResult) => string) | undefined {
  if (!publicUrl) return undefined;
  return (result) => resultLink(publicUrl, question, result, (id) => library.article(id));
}
