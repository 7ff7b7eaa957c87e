/**
 * The archive as the bot and the terminal chat use it: questions, the newest articles, one
 * article in full, and what the archive holds. The one object the transport layers depend on.
 */
import type { Article, Issue } from '../corpus/types.ts';
import type { OpenedIndex } from './index/index-store.ts';
import { search, type SearchOptions, type SearchResult } from './ranking/rank.ts';
import { withinWindow } from './question/time-words.ts';
import type { SearchIndex } from './index/search-index.ts';

export interface LibraryStats {
  articles: number;
  issues: number;
  /** Earliest and latest article dates ('' when undated). */
  from: string;
  to: string;
}

/** Newest first: by date (a longer date of the same day first), then by issue file name. */
function newestFirst(a: Article, b: Article): number {
  const da = a.date || '0';
  const db = b.date || '0';
  if (da !== db) return da < db ? 1 : -1;
  return a.source < b.source ? 1 : a.source > b.source ? -1 : 0;
}

export class NewsLibrary {
  private byId = new Map<string, Article>();
  private newest: Article[] = [];

  constructor(
    private index: SearchIndex,
    private issueList: Issue[],
    /**
     * Which version of each issue file the archive was opened from (fileVersion by name), when
     * known: the live corpus starts from it, so a file changed since it was read is read again.
     */
    readonly openedFrom?: ReadonlyMap<string, string>,
  ) {
    this.reindexArticles();
  }

  static fromOpened({ index, issues, files }: OpenedIndex): NewsLibrary {
    return new NewsLibrary(index, issues, files);
  }

  get issues(): readonly Issue[] {
    return this.issueList;
  }

  /** The search index, for saving it. */
  get searchIndex(): SearchIndex {
    return this.index;
  }

  /** Adds newly arrived issues (indexed in place). */
  addIssues(issues: Issue[]): void {
    this.index.addIssues(issues);
    this.issueList = [...this.issueList, ...issues];
    this.reindexArticles();
  }

  /** Takes issues (by source file name) out of the archive, in place. */
  removeIssues(sources: Iterable<string>): void {
    const gone = new Set(sources);
    if (!this.issueList.some((i) => gone.has(i.source))) return;
    this.index.removeIssues(gone);
    this.issueList = this.issueList.filter((i) => !gone.has(i.source));
    this.reindexArticles();
  }

  /** Swaps in a rebuilt index and its issues (after a removal or a reload). */
  replace(index: SearchIndex, issues: Issue[]): void {
    this.index = index;
    this.issueList = issues;
    this.reindexArticles();
  }

  private reindexArticles(): void {
    this.byId = new Map();
    for (const i of this.issueList) for (const a of i.articles) this.byId.set(a.id, a);
    this.newest = [...this.byId.values()].sort(newestFirst);
  }

  /** Answers a question; [] when the archive does not answer it. */
  search(question: string, limit = 5, options: Omit<SearchOptions, 'limit'> = {}): SearchResult[] {
    return search(this.index, question, { ...options, limit });
  }

  /** The newest `n` articles; with `window`, the newest of those dated within it. */
  latest(n: number, window?: { from: string; to: string }): Article[] {
    const pool = window ? this.newest.filter((a) => withinWindow(a.date, window)) : this.newest;
    return pool.slice(0, Math.max(0, n));
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  stats(): LibraryStats {
    const dated = this.newest.map((a) => a.date).filter(Boolean);
    return {
      articles: this.byId.size,
      issues: this.issues.length,
      from: dated[dated.length - 1] ?? '',
      to: dated[0] ?? '',
    };
  }
}
