/** `/`: the newest issues, each with its first headlines, under the search box of every page. */
import { articlePath, issuePath } from '../../bot/article-links.ts';
import { messages } from '../../bot/messages.ts';
import type { Issue } from '../../corpus/types.ts';
import type { LibraryStats } from '../../retrieval/index.ts';
import { type Html, html } from './html.ts';

/** Issues the home page lists, and headlines under each. */
const ISSUES = 12;
const HEADLINES = 3;

export function homePage(newest: readonly Issue[], stats: LibraryStats): Html {
  const issues = newest.slice(0, ISSUES).map(
    (issue) => html`<li>
<a href="${issuePath(issue.source)}">${messages.issueTitle(issue.date)}</a> <span class="muted">${messages.articleCount(issue.articles.length)}</span>
<ul class="list">${issue.articles.slice(0, HEADLINES).map((a) => html`<li><a href="${articlePath(a.id)}">${a.headline}</a></li>`)}</ul>
</li>`,
  );
  return html`<h1>${messages.siteName}</h1>
<p class="meta">${messages.libraryCounts(stats)}</p>
${issues.length ? html`<h2>${messages.newestIssues}</h2><ol class="list">${issues}</ol>` : html`<p>${messages.libraryEmpty}</p>`}`;
}
