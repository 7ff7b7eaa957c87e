/**
 * The archive as the pages walk it: an issue by its URL name, an article's issue and place in it
 * (for the previous and next links), the issues newest first. Built once per state of the archive:
 * the library swaps its issue list whenever issues arrive or leave, so the list itself is the key.
 */
import { issueSlug } from '../../bot/article-links.ts';
import type { Article, Issue } from '../../corpus/types.ts';

export interface ArchiveView {
  issue(slug: string): Issue | undefined;
  /** The article's issue and its place in the issue's articles. */
  placeOf(article: Article): { issue: Issue; k: number } | undefined;
  /** Issues newest first (by date, then by file name). */
  newest: readonly Issue[];
}

const views = new WeakMap<readonly Issue[], ArchiveView>();

export function archiveView(issues: readonly Issue[]): ArchiveView {
  let view = views.get(issues);
  if (view) return view;
  const bySlug = new Map<string, Issue>();
  const places = new Map<string, { issue: Issue; k: number }>();
  for (const issue of issues) {
    bySlug.set(issueSlug(issue.source), issue);
    for (const [k, a] of issue.articles.entries()) places.set(a.id, { issue, k });
  }
  const newest = [...issues].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.source < b.source ? 1 : a.source > b.source ? -1 : 0,
  );
  view = { issue: (slug) => bySlug.get(slug), placeOf: (a) => places.get(a.id), newest };
  views.set(issues, view);
  return view;
}
