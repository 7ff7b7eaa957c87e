/**
 * `/i/<issue>`: an issue's contents in page order (the order the issue file prints them): each
 * article's kicker, headline and opening, then the photos that stand on their own, each with an
 * anchor of its id (the link of a photo result).
 */
import { articlePath } from '../../bot/article-links.ts';
import { messages } from '../../bot/messages.ts';
import type { Issue } from '../../corpus/types.ts';
import { clip } from '../../text/graphemes.ts';
import { type Html, html } from './html.ts';

/** Units of an article's opening an issue's contents show. */
const OPENING = 80;

export function issuePage(issue: Issue): Html {
  const articles = issue.articles.map(
    (a) => html`<li>
${a.subtitle ? html`<span class="kicker">${a.subtitle}</span><br>` : ''}<a href="${articlePath(a.id)}">${a.headline}</a>
<br><span class="muted">${clip(a.paragraphs[0] ?? '', OPENING)}</span>
</li>`,
  );
  const photos = issue.photos.flatMap((group) =>
    group.captions.map(
      (c, k) =>
        html`<figure id="${group.id}-${k}">${k === 0 && group.lead ? html`<p>${group.lead}</p>` : ''}<figcaption>${messages.photo}${c}</figcaption></figure>`,
    ),
  );
  return html`<h1>${messages.issueTitle(issue.date)}</h1>
<p class="meta">${messages.articleCount(issue.articles.length)}</p>
<ol class="list">
${articles}
</ol>
${photos.length ? html`<h2>${messages.photoNews}</h2>${photos}` : ''}`;
}
