/**
 * Inline keyboards; their callback_data comes from the codecs in callback-data.ts.
 */
import { InlineKeyboard } from 'grammy';
import type { Article } from '../corpus/types.ts';
import type { SearchResult } from '../retrieval/index.ts';
import { articleData, exampleData, pageData } from './callback-data.ts';
import { PAGE_SIZE } from './format.ts';
import { messages } from './messages.ts';

/**
 * 全文 buttons for the articles on the page, 「🔗 原文」 links to their pages when `link` is given
 * (PUBLIC_URL set), then 上一页/下一页.
 */
export function resultsKeyboard(
  key: string,
  results: SearchResult[],
  page: number,
  link?: (result: SearchResult) => string,
): InlineKeyboard {
  const kb = new InlineKeyboard();
  const shown = results.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  shown.forEach((r, k) => {
    if (r.kind === 'article')
      kb.text(messages.fullTextButton(page * PAGE_SIZE + k + 1), articleData.pack({ id: r.articleId, part: 0 }));
  });
  if (link) sourceLinks(kb, shown.map(link), page * PAGE_SIZE + 1);
  const pages = Math.ceil(results.length / PAGE_SIZE);
  if (pages > 1) {
    kb.row();
    if (page > 0) kb.text(messages.previousPage, pageData.pack({ key, page: page - 1 }));
    if (page < pages - 1) kb.text(messages.nextPage, pageData.pack({ key, page: page + 1 }));
  }
  return kb;
}

/** A row of 「🔗 原文 N」 URL buttons, one per result shown, numbered from `first`. */
export function sourceLinks(kb: InlineKeyboard, urls: string[], first: number): InlineKeyboard {
  if (urls.length === 0) return kb;
  if (kb.inline_keyboard.at(-1)?.length) kb.row();
  for (const [k, url] of urls.entries()) kb.url(messages.sourceButton(urls.length > 1 ? first + k : undefined), url);
  return kb;
}

/** Buttons to move between the parts of a long article. */
export function articleKeyboard(id: string, part: number, parts: number): InlineKeyboard | undefined {
  if (parts <= 1) return undefined;
  const kb = new InlineKeyboard();
  if (part > 0) kb.text(messages.previousPart, articleData.pack({ id, part: part - 1 }));
  if (part < parts - 1) kb.text(messages.nextPart, articleData.pack({ id, part: part + 1 }));
  return kb;
}

/** One button per listed article, five to a row. */
export function latestKeyboard(articles: Article[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  articles.forEach((a, k) => {
    if (k > 0 && k % 5 === 0) kb.row();
    kb.text(messages.latestButton(k + 1), articleData.pack({ id: a.id, part: 0 }));
  });
  return kb;
}

/** The example questions, one per row. */
export function examplesKeyboard(examples: string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const [n, q] of examples.entries()) kb.text(messages.exampleButton(q), exampleData.pack({ n })).row();
  return kb;
}
