/**
 * Inline keyboards and the callback_data they carry (short keys only, each under 64 bytes):
 *   p:<queryKey>:<page>   a page of stored results
 *   a:<articleId>:<part>  an article in full, part by part
 *   q:<n>                 the nth example question
 */
import { InlineKeyboard } from 'grammy';
import type { Article } from '../corpus/types.ts';
import type { SearchResult } from '../retrieval/rank.ts';
import { PAGE_SIZE } from './format.ts';

export const pageData = (key: string, page: number) => `p:${key}:${page}`;
export const articleData = (id: string, part: number) => `a:${id}:${part}`;
export const exampleData = (n: number) => `q:${n}`;

/** 全文 buttons for the articles on the page, then 上一页/下一页. */
export function resultsKeyboard(key: string, results: SearchResult[], page: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  const shown = results.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  shown.forEach((r, k) => {
    if (r.kind === 'article') kb.text(`📄 全文 ${page * PAGE_SIZE + k + 1}`, articleData(r.articleId, 0));
  });
  const pages = Math.ceil(results.length / PAGE_SIZE);
  if (pages > 1) {
    kb.row();
    if (page > 0) kb.text('◀ 上一页', pageData(key, page - 1));
    if (page < pages - 1) kb.text('下一页 ▶', pageData(key, page + 1));
  }
  return kb;
}

/** Buttons to move between the parts of a long article. */
export function articleKeyboard(id: string, part: number, parts: number): InlineKeyboard | undefined {
  if (parts <= 1) return undefined;
  const kb = new InlineKeyboard();
  if (part > 0) kb.text('◀ 上一部分', articleData(id, part - 1));
  if (part < parts - 1) kb.text('下一部分 ▶', articleData(id, part + 1));
  return kb;
}

/** One button per listed article, five to a row. */
export function latestKeyboard(articles: Article[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  articles.forEach((a, k) => {
    if (k > 0 && k % 5 === 0) kb.row();
    kb.text(`📄 ${k + 1}`, articleData(a.id, 0));
  });
  return kb;
}

/** The example questions, one per row. */
export function examplesKeyboard(examples: string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const [k, q] of examples.entries()) kb.text(`💬 ${q}`, exampleData(k)).row();
  return kb;
}
