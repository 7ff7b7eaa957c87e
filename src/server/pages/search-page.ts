/**
 * `/search?q=&page=`: the bot's answer on the web — the same search, the same decision (answers
 * first, then those that may be related under their own header, or nothing), the same wording and
 * pages of the same size; each headline links to the article page at the answering passage.
 */
import { resultLink } from '../../bot/article-links.ts';
import { MAX_QUESTION, RESULTS_KEPT } from '../../bot/features/search.ts';
import { formatDirectAnswer, formatSnippet, PAGE_SIZE, relatedHeaderFor } from '../../bot/format.ts';
import { messages } from '../../bot/messages.ts';
import type { Article } from '../../corpus/types.ts';
import type { SearchResult } from '../../retrieval/index.ts';
import { formatDate } from '../../telegram/html.ts';
import { type Html, html, raw } from './html.ts';
import { shown } from './layout.ts';

/** What the search page needs of the library. */
export interface Searcher {
  search(question: string, limit: number): SearchResult[];
  article(id: string): Article | undefined;
}

/** The bot's replies are Telegram HTML, escaped where they take text in: a page shows them as they are. */
const reply = (telegramHtml: string) => raw(telegramHtml.trim().replace(/\n/g, '<br>'));

function resultBlock(r: SearchResult, n: number, link: string): Html {
  const icon = r.kind === 'photo' ? messages.photo : '';
  const direct = formatDirectAnswer(r);
  return html`<section class="result">
${direct ? html`<p class="answer">${reply(direct)}</p>` : ''}
<h2><a href="${link}">${n}. ${icon}${r.headline}</a></h2>
<p class="meta">${formatDate(r.date)}${r.subtitle ? ` · ${r.subtitle}` : ''}</p>
<p>${raw(formatSnippet(r))}</p>
</section>`;
}

const pageLink = (q: string, page: number) => `/search?q=${encodeURIComponent(q)}&page=${page + 1}`;

/** The page's title and content for the question `q` (already trimmed, possibly empty) and page (from 0). */
export function searchPage(library: Searcher, q: string, page: number): { title: string; main: Html } {
  const echoed = shown(q);
  if (q.length > MAX_QUESTION)
    return {
      title: messages.searchLabel,
      main: html`<p class="notice">${reply(messages.questionTooLong(q.length, MAX_QUESTION))}</p>`,
    };
  const results = library.search(q, RESULTS_KEPT);
  if (results.length === 0)
    return { title: echoed, main: html`<p class="notice">${reply(messages.noMatch(echoed))}</p>` };
  const pages = Math.ceil(results.length / PAGE_SIZE);
  const p = Math.min(Math.max(0, page), pages - 1);
  const onPage = results.slice(p * PAGE_SIZE, p * PAGE_SIZE + PAGE_SIZE);
  const blocks: Html[] = onPage.map((r, k) =>
    resultBlock(
      r,
      p * PAGE_SIZE + k + 1,
      resultLink('', q, r, (id) => library.article(id)),
    ),
  );
  const firstRelated = onPage.findIndex((r) => r.confidence === 'related');
  if (firstRelated >= 0) {
    const header = relatedHeaderFor(results, onPage);
    blocks.splice(firstRelated, 0, html`<p class="notice"><i>${header}</i></p>`);
  }
  return {
    title: echoed,
    main: html`<h1>${reply(messages.resultsHeader(echoed, p, pages))}</h1>
${blocks}
${
  pages > 1
    ? html`<nav class="pager">${p > 0 ? html`<a href="${pageLink(q, p - 1)}" rel="prev">${messages.previousPage}</a>` : html`<span></span>`}${p < pages - 1 ? html`<a href="${pageLink(q, p + 1)}" rel="next">${messages.nextPage}</a>` : html`<span></span>`}</nav>`
    : ''
}`,
  };
}
