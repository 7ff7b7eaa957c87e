/**
 * `/a/<article>`: one article in full — kicker (subtitle), headline, date, issue, byline,
 * paragraphs with #p<N> anchors, photo captions with #c<N> — and the previous and next article
 * of its issue. With a question (`?q=`), the passages that answered it are marked.
 */
import { articlePath, captionAnchor, issuePath, paragraphAnchor } from '../../bot/article-links.ts';
import { messages } from '../../bot/messages.ts';
import type { Article } from '../../corpus/types.ts';
import type { SearchResult } from '../../retrieval/index.ts';
import { formatDate } from '../../telegram/html.ts';
import type { ArchiveView } from './archive-view.ts';
// messages' replies are Telegram HTML, escaped where they take text in: safe to put in a page.
import { type Html, html, raw } from './html.ts';
import { marksFor, withMarks } from './marks.ts';

export function articlePage(article: Article, view: ArchiveView, results: readonly SearchResult[]): Html {
  const marks = marksFor(article, results);
  const place = view.placeOf(article);
  const issue = place?.issue;
  const before = place && place.k > 0 ? issue!.articles[place.k - 1] : undefined;
  const after = place ? issue!.articles[place.k + 1] : undefined;
  const byline = article.byline.length ? html` · ${raw(messages.reporters(article.byline))}` : '';
  const paragraphs = article.paragraphs.map((p, k) => {
    const spans = marks.paragraphs.get(k);
    return spans
      ? html`<p id="${paragraphAnchor(k)}" class="hit">${withMarks(p, spans)}</p>`
      : html`<p id="${paragraphAnchor(k)}">${p}</p>`;
  });
  const captions = article.captions.map(
    (c, k) =>
      html`<figure id="${captionAnchor(k)}"${marks.captions.has(k) ? html` class="hit"` : ''}><figcaption>${messages.photo}${c}</figcaption></figure>`,
  );
  return html`<article>
${article.subtitle ? html`<p class="kicker">${article.subtitle}</p>` : ''}
<h1>${article.headline}</h1>
<p class="meta">${formatDate(article.date)}${issue ? html` · <a href="${issuePath(issue.source)}">${messages.issueTitle(issue.date)}</a>` : ''}${byline}</p>
${paragraphs}
${captions}
</article>
<nav class="pager" aria-label="${messages.issueContents}">
${before ? html`<a href="${articlePath(before.id)}" rel="prev">${messages.previousArticle} ${before.headline}</a>` : html`<span></span>`}
${issue ? html`<a href="${issuePath(issue.source)}">${messages.issueContents}</a>` : ''}
${after ? html`<a href="${articlePath(after.id)}" rel="next">${after.headline} ${messages.nextArticle}</a>` : html`<span></span>`}
</nav>`;
}
