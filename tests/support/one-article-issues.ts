/**
 * Archives of one-article issues built in memory, for ranking tests that compare reports of the same
 * subject on different dates: each article's paragraph ends with a filler sentence of the test's own
 * (long enough that passages are not all question words).
 */
import type { Article, Issue } from '../../src/corpus/types.ts';
import { SearchIndex } from '../../src/retrieval/index/search-index.ts';

/** Makes articles with ids `${prefix}1`, `${prefix}2`…, each alone in an issue named for its date. */
export function oneArticleIssues(prefix: string, filler: string) {
  let n = 0;
  const article = (headline: string, paragraph: string, date: string): Article => ({
    id: `${prefix}${++n}`,
    headline,
    subtitle: '',
    date,
    source: `${date}.txt`,
    byline: [],
    paragraphs: [`${paragraph}${filler}`],
    captions: [],
  });
  const issue = (a: Article): Issue => ({ source: a.source, date: a.date, articles: [a], photos: [] });
  return { article, issue };
}

/** One news item of such an archive: its headline, its paragraph (before the filler) and its date. */
export type OneArticle = readonly [headline: string, paragraph: string, date: string];

/** The index of an archive of one-article issues, one an item, in the order given. */
export function oneArticleArchive(prefix: string, filler: string, items: readonly OneArticle[]): SearchIndex {
  const { article, issue } = oneArticleIssues(prefix, filler);
  return SearchIndex.build(
    items.map(([headline, paragraph, date]) => issue(article(headline, paragraph, date))),
    [],
    'test',
  ).index;
}
