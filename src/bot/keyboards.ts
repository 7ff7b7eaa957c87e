/**
 * Inline keyboards; their callback_data comes from the codecs in callback-data.ts. Built from
 * rows, and a row with no button is never sent (Telegram shows it as an empty strip).
 */
import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { Article } from '../corpus/types.ts';
import type { SearchResult } from '../retrieval/index.ts';
import { escapeHtml } from '../telegram/html.ts';
import { articleData, backData, exampleData, fullData, moreData, pageData } from './callback-data.ts';
import { PAGE_SIZE } from './format.ts';
import { messages } from './messages.ts';

const button = (text: string, data: string): InlineKeyboardButton => ({ text, callback_data: data });

/** A keyboard of the rows that hold a button. */
function keyboard(rows: InlineKeyboardButton[][]): InlineKeyboard {
  return InlineKeyboard.from(rows.filter((r) => r.length > 0));
}

/**
 * Under the answer: its article in full, the other results (更多结果) when there are any, and its
 * 「🔗 原文」 page when `link` is given (PUBLIC_URL set).
 */
export function answerKeyboard(
  key: string,
  results: SearchResult[],
  shown = 0,
  link?: (result: SearchResult) => string,
): InlineKeyboard {
  const answer = results[shown];
  const row: InlineKeyboardButton[] = [];
  if (answer?.kind === 'article')
    row.push(button(messages.answerFullText, fullData.pack({ id: answer.articleId, part: 0, key })));
  if (results.length > 1) row.push(button(messages.moreResults(results.length - 1), moreData.pack({ key })));
  const kb = keyboard([row]);
  return link && answer ? sourceLinks(kb, [link(answer)], 1) : kb;
}

/**
 * Under a page of 更多结果: 全文 for each article on it, 「🔗 原文」 links to their pages when `link` is
 * given (PUBLIC_URL set), then 上一页/下一页.
 */
export function resultsKeyboard(
  key: string,
  results: SearchResult[],
  page: number,
  link?: (result: SearchResult) => string,
): InlineKeyboard {
  const rest = results.slice(1);
  const shown = rest.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const articles = shown.flatMap((r, k) =>
    r.kind === 'article'
      ? [button(messages.fullTextButton(page * PAGE_SIZE + k + 2), fullData.pack({ id: r.articleId, part: 0, key }))]
      : [],
  );
  const pages = Math.ceil(rest.length / PAGE_SIZE);
  const paging: InlineKeyboardButton[] = [];
  if (page > 0) paging.push(button(messages.previousPage, pageData.pack({ key, page: page - 1 })));
  if (page < pages - 1) paging.push(button(messages.nextPage, pageData.pack({ key, page: page + 1 })));
  const links: InlineKeyboardButton[] = link
    ? shown.map((r, k) => ({ text: messages.sourceButton(page * PAGE_SIZE + k + 2), url: link(r) }))
    : [];
  return keyboard([articles, links, paging]);
}

/** A row of 「🔗 原文 N」 URL buttons, one per result shown, numbered from `first`. */
export function sourceLinks(kb: InlineKeyboard, urls: string[], first: number): InlineKeyboard {
  if (urls.length === 0) return kb;
  if (kb.inline_keyboard.at(-1)?.length) kb.row();
  for (const [k, url] of urls.entries()) kb.url(messages.sourceButton(urls.length > 1 ? first + k : undefined), url);
  return kb;
}

/**
 * Under an article in full: between its parts, and back to the results it was opened from
 * (`key`; none for an article opened from a list or a link).
 */
export function articleKeyboard(id: string, part: number, parts: number, key?: string): InlineKeyboard | undefined {
  const pack = (p: number) => (key ? fullData.pack({ id, part: p, key }) : articleData.pack({ id, part: p }));
  const moves: InlineKeyboardButton[] = [];
  if (part > 0) moves.push(button(messages.previousPart, pack(part - 1)));
  if (part < parts - 1) moves.push(button(messages.nextPart, pack(part + 1)));
  const back = key ? [button(messages.backToResults, backData.pack({ key }))] : [];
  if (moves.length === 0 && back.length === 0) return undefined;
  return keyboard([moves, back]);
}

/**
 * Under an excerpt (具体说说): the article in full, and back to the results it came from (`key`).
 */
export function excerptKeyboard(id: string, key?: string): InlineKeyboard {
  const full = button(
    messages.answerFullText,
    key ? fullData.pack({ id, part: 0, key }) : articleData.pack({ id, part: 0 }),
  );
  return keyboard([[full, ...(key ? [button(messages.backToResults, backData.pack({ key }))] : [])]]);
}

/** One button per listed article, labelled with its number and short headline, one to a row. */
export function latestKeyboard(articles: Article[]): InlineKeyboard {
  return keyboard(
    articles.map((a, k) => [button(messages.latestButton(k + 1, a.headline), articleData.pack({ id: a.id, part: 0 }))]),
  );
}

/** The example questions, one per row. */
export function examplesKeyboard(examples: string[]): InlineKeyboard {
  return keyboard(examples.map((q, n) => [button(messages.exampleButton(q), exampleData.pack({ n }))]));
}

/**
 * Under a new-issue notification: a button per article it names (the digest's headlines, a
 * keyword's matches), in the order named, each opening the article in full.
 */
export function notificationKeyboard(articles: Article[], html: string): InlineKeyboard | undefined {
  const named = articles
    .map((a) => ({ a, at: html.indexOf(`<b>${escapeHtml(a.headline)}</b>`) }))
    .filter(({ at }) => at >= 0)
    .sort((x, y) => x.at - y.at)
    .map(({ a }) => a);
  const seen = new Set<string>();
  const unique = named.filter((a) => !seen.has(a.id) && seen.add(a.id));
  return unique.length > 0 ? latestKeyboard(unique) : undefined;
}
