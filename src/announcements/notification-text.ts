/**
 * What subscribers are told when a new issue arrives: a digest of its headlines for those who
 * follow every issue, and an alert naming each matching article for each keyword they follow —
 * one message per chat per issue. Pure formatting; matching is passed in.
 */
import type { Article, Issue } from '../corpus/types.ts';
import { escapeHtml, formatDate, truncateHtml } from '../telegram/html.ts';
import { MESSAGE_LIMIT } from '../telegram/limits.ts';
import { ALL_ISSUES } from '../storage/subscriptions.ts';

const DIGEST_HEADLINES = 15;

/** A headline in bold, linked to its article's page when `link` is given (PUBLIC_URL set). */
function headline(a: Article, link?: (a: Article) => string): string {
  const bold = `<b>${escapeHtml(a.headline)}</b>`;
  return link ? `<a href="${escapeHtml(link(a))}">${bold}</a>` : bold;
}

/**
 * The notification for one chat, or null when nothing in the issue concerns it; with `link`,
 * each headline links to its article's page. A `corrected` issue (announced before, its file
 * since rewritten with other text) is said to be corrected.
 */
export function notificationFor(
  issue: Issue,
  keywords: string[],
  matches: (keyword: string) => Article[],
  { link, corrected = false }: { link?: (article: Article) => string; corrected?: boolean } = {},
): string | null {
  const parts: string[] = [];
  if (keywords.includes(ALL_ISSUES) && issue.articles.length > 0) {
    const lines = issue.articles
      .slice(0, DIGEST_HEADLINES)
      .map((a, k) => `${k + 1}. ${headline(a, link)}（${formatDate(a.date)}）`);
    const more = issue.articles.length > DIGEST_HEADLINES ? `\n……共 ${issue.articles.length} 篇` : '';
    const opening = corrected ? '🗞 已收录的一期报纸有更正' : '🗞 新一期报纸已收录';
    parts.push(`${opening}（${formatDate(issue.date)}）：\n${lines.join('\n')}${more}`);
  }
  for (const keyword of keywords) {
    if (keyword === ALL_ISSUES) continue;
    const found = matches(keyword);
    if (found.length === 0) continue;
    const lines = found.map((a) => `• ${headline(a, link)}（${formatDate(a.date)}）`);
    const news = corrected ? '的报道有更正' : '有新报道';
    parts.push(`🔔 关注的「${escapeHtml(keyword)}」${news}：\n${lines.join('\n')}`);
  }
  if (parts.length === 0) return null;
  return truncateHtml(`${parts.join('\n\n')}\n\n发送问题或 /latest 查看详情，/unsubscribe 退订。`, MESSAGE_LIMIT);
}
