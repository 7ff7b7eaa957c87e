/**
 * Pure reply formatting: search results, articles and lists as Telegram HTML that never exceeds
 * a message's 4096 characters. Everything taken from articles or users is escaped here.
 */
import type { Article } from '../corpus/types.ts';
import type { LibraryStats } from '../retrieval/news-library.ts';
import type { SearchResult } from '../retrieval/rank.ts';
import { escapeHtml } from './html.ts';

/** Telegram's limit on a message's text. */
export const MESSAGE_LIMIT = 4096;
/** Results shown per message. */
export const PAGE_SIZE = 3;
const SNIPPET = 260;

/** A date as far as it is known (2022-09-08, 2022-09 or 2022); 日期不详 when it is not. */
export function formatDate(date: string): string {
  return date || '日期不详';
}

/**
 * The passage trimmed to a window around the answer sentence, with the highlighted spans in bold;
 * every piece escaped.
 */
export function formatSnippet(result: SearchResult, max = SNIPPET): string {
  const { passage } = result;
  const at = Math.max(0, passage.indexOf(result.answer));
  let start = 0;
  let end = passage.length;
  if (passage.length > max) {
    // Open on the answer sentence and keep what follows it.
    start = at;
    end = Math.min(passage.length, start + max);
  }
  let out = start > 0 ? '…' : '';
  let pos = start;
  for (const [s0, e0] of result.highlights) {
    const s = Math.max(s0, start);
    const e = Math.min(e0, end);
    if (e <= s || s < pos) continue;
    out += `${escapeHtml(passage.slice(pos, s))}<b>${escapeHtml(passage.slice(s, e))}</b>`;
    pos = e;
  }
  out += escapeHtml(passage.slice(pos, end)).replace(/\n/g, ' ');
  if (end < passage.length) out += '…';
  return out.replace(/\n/g, ' ');
}

/** The short answer first, in bold (「答：<b>814亿元</b>」), for a result offered as the answer; '' otherwise. */
export function formatDirectAnswer(result: SearchResult): string {
  if (!result.direct || result.confidence === 'related') return '';
  return `答：<b>${escapeHtml(result.direct.text)}</b>\n`;
}

/** One result: the short answer, bold headline (numbered when n is given), date (and subtitle), the snippet. */
export function formatResult(result: SearchResult, n?: number, snippet = SNIPPET): string {
  const icon = result.kind === 'photo' ? '📷 ' : '';
  const number = n === undefined ? '' : `${n}. `;
  const sub = result.subtitle ? ` · ${escapeHtml(result.subtitle)}` : '';
  return `${formatDirectAnswer(result)}<b>${number}${icon}${escapeHtml(result.headline)}</b>\n<i>${formatDate(result.date)}${sub}</i>\n${formatSnippet(result, snippet)}`;
}

/** An article in brief: bold headline, date, the opening of its first paragraph. */
export function formatArticleCard(article: Article, max = SNIPPET): string {
  const lead = article.paragraphs[0] ?? '';
  const opening = lead.length > max ? `${lead.slice(0, max)}…` : lead;
  return `<b>${escapeHtml(article.headline)}</b>\n<i>${formatDate(article.date)}</i>\n${escapeHtml(opening)}`;
}

/** A short echo of the user's question for a reply header. */
export function quoteQuestion(question: string): string {
  const q = question.replace(/\s+/g, ' ').trim();
  return escapeHtml(q.length > 40 ? `${q.slice(0, 40)}…` : q);
}

/** Above results that may not hold the answer: they are never presented as the answer. */
export const RELATED_HEADER = '没有找到确切答案，以下报道提到了……';
/** The same, after results that do answer. */
export const MORE_RELATED_HEADER = '以下报道可能相关：';
/** A short mark of one such result where there is no room for a header (an inline result's title). */
export const RELATED_LABEL = '〔可能相关〕';

/** One page of results; shrinks the snippets if the page would pass Telegram's limit. */
export function formatResultsPage(question: string, results: SearchResult[], page: number): string {
  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const shown = results.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const header = `🔎 「${quoteQuestion(question)}」${pages > 1 ? ` 第${page + 1}/${pages}页` : ''}`;
  // "related" results come after the answers (the ranking orders them so), under their own header.
  const firstRelated = shown.findIndex((r) => r.confidence === 'related');
  const relatedHeader = results.some((r) => r.confidence !== 'related') ? MORE_RELATED_HEADER : RELATED_HEADER;
  for (let snippet = SNIPPET; ; snippet = Math.floor(snippet / 2)) {
    const blocks = shown.map((r, k) => formatResult(r, page * PAGE_SIZE + k + 1, snippet));
    if (firstRelated >= 0) blocks.splice(firstRelated, 0, `<i>${relatedHeader}</i>`);
    const text = [header, ...blocks].join('\n\n');
    if (text.length <= MESSAGE_LIMIT || snippet < 20) return text.slice(0, MESSAGE_LIMIT);
  }
}

/** The reply when nothing in the archive answers. */
export function formatNoMatch(question: string): string {
  return `没有在报道中找到与「${quoteQuestion(question)}」相关的内容。\n可以换个说法或关键词再试，或用 /latest 看看最新报道。`;
}

/**
 * An article in full, split at paragraph boundaries into messages within Telegram's limit
 * (a paragraph longer than a message is cut at sentence ends).
 */
export function formatArticle(article: Article): string[] {
  const head = [
    `<b>${escapeHtml(article.headline)}</b>`,
    article.subtitle ? `<i>${escapeHtml(article.subtitle)}</i>` : '',
    `${formatDate(article.date)}${article.byline.length ? ` · 记者 ${escapeHtml(article.byline.join(' '))}` : ''}`,
  ]
    .filter(Boolean)
    .join('\n');
  const blocks = [...article.paragraphs, ...article.captions.map((c) => `📷 ${c}`)].flatMap((p) =>
    splitToFit(escapeHtml(p), MESSAGE_LIMIT - 200),
  );
  const parts: string[] = [];
  let current = head;
  for (const block of blocks) {
    if (current.length + block.length + 2 > MESSAGE_LIMIT - 40) {
      parts.push(current);
      current = block;
    } else current += `\n\n${block}`;
  }
  parts.push(current);
  return parts.length === 1 ? parts : parts.map((p, k) => `${p}\n\n<i>（${k + 1}/${parts.length}）</i>`);
}

/** Cuts escaped text at sentence ends (or hard) so each piece fits; never inside an entity. */
function splitToFit(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = Math.max(rest.lastIndexOf('。', max), rest.lastIndexOf('！', max), rest.lastIndexOf('？', max)) + 1;
    if (cut <= 0) cut = max;
    const amp = rest.lastIndexOf('&', cut);
    if (amp >= 0 && rest.indexOf(';', amp) >= cut) cut = amp;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

/** The newest articles, numbered, each with its date. */
export function formatLatest(articles: Article[]): string {
  if (articles.length === 0) return '报道库中还没有文章。';
  const lines = articles.map((a, k) => `${k + 1}. <b>${escapeHtml(a.headline)}</b>\n    <i>${formatDate(a.date)}</i>`);
  return `🗞 最新报道\n\n${lines.join('\n')}`;
}

/** The greeting: what the bot knows and how to ask. */
export function formatWelcome(stats: LibraryStats): string {
  const period = stats.from && stats.to ? `，时间从 ${formatDate(stats.from)} 到 ${formatDate(stats.to)}` : '';
  return [
    '你好！我是<b>崇川新闻助手</b>，帮你在崇川区的新闻报道里找答案。',
    `报道库现有 ${stats.articles} 篇文章、${stats.issues} 期报纸${period}。`,
    '直接发问题给我就行，比如下面这些（点一下试试）：',
  ].join('\n');
}

/** /help: every command with one line each. */
export function formatHelp(): string {
  return [
    '<b>使用方法</b>',
    '直接发送问题，例如「唐闸古镇规划面积多大」。',
    '',
    '/search 关键词 — 搜索报道',
    '/latest [数量] — 最新报道',
    '/subscribe — 订阅每期新报纸的标题摘要',
    '/subscribe 关键词 — 有相关新报道时提醒',
    '/unsubscribe [关键词] — 退订（不带关键词则全部退订）',
    '/subscriptions — 我的订阅',
    '/privacy — 隐私说明；/forget 删除我的数据',
    '/help — 显示本帮助',
    '/start — 重新开始',
    '',
    '在任何聊天中输入 @本机器人 加关键词，也能搜索并分享报道。',
  ].join('\n');
}

/** /search without words. */
export function formatSearchUsage(example: string): string {
  return `用法：/search 关键词\n例如：/search ${escapeHtml(example)}`;
}
