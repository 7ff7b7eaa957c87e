/**
 * Which parts of an article answered a question: the passages of the question's results that
 * belong to the article, as marked paragraphs (with the question's terms inside them) and marked
 * photo captions. Pure; the results come from the same search the bot runs.
 */
import { passagePlaces } from '../../bot/article-links.ts';
import type { Article } from '../../corpus/types.ts';
import type { SearchResult } from '../../retrieval/index.ts';
import { type Html, html } from './html.ts';

export interface Marks {
  /** Marked paragraphs (from 0) with the spans of the question's terms in each. */
  paragraphs: Map<number, [number, number][]>;
  /** Marked captions (from 0). */
  captions: Set<number>;
}

export function marksFor(article: Article, results: readonly SearchResult[]): Marks {
  const marks: Marks = { paragraphs: new Map(), captions: new Set() };
  for (const r of results) {
    if (r.kind === 'photo' && r.articleId.startsWith(`${article.id}-`)) {
      const k = Number(r.articleId.slice(article.id.length + 1));
      if (Number.isInteger(k) && k >= 0 && k < article.captions.length) marks.captions.add(k);
      continue;
    }
    if (r.kind !== 'article' || r.articleId !== article.id) continue;
    for (const place of passagePlaces(article.paragraphs, r.passage)) {
      const spans = marks.paragraphs.get(place.paragraph) ?? [];
      const length = place.end - place.start;
      for (const [s, e] of r.highlights) {
        const from = Math.max(s, place.at);
        const to = Math.min(e, place.at + length);
        if (to > from) spans.push([from - place.at + place.start, to - place.at + place.start]);
      }
      marks.paragraphs.set(place.paragraph, spans);
    }
  }
  return marks;
}

/** Text with the given spans wrapped in <mark> (overlapping spans merged), all escaped. */
export function withMarks(text: string, spans: readonly [number, number][]): Html {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const parts: (string | Html)[] = [];
  let pos = 0;
  for (const [s, e] of sorted) {
    const start = Math.max(s, pos);
    if (e <= start) continue;
    parts.push(text.slice(pos, start), html`<mark>${text.slice(start, e)}</mark>`);
    pos = e;
  }
  parts.push(text.slice(pos));
  return html`${parts}`;
}
