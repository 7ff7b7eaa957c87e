/**
 * The archive as the bot and the terminal chat use it: questions, the newest articles, one
 * article in full, and what the archive holds. The one object the transport layers depend on.
 */
import type { Article, Issue } from '../corpus/types.ts';
import { IndexFileError } from './index/index-file.ts';
import type { OpenedIndex } from './index/index-store.ts';
import { prepareRankingInSteps, search, type SearchOptions, type SearchResult } from './ranking/rank.ts';
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

/** Where `article` would go in a list sorted newest first: the first one not before it. */
function firstNotBefore(list: readonly Article[], article: Article): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst(list[mid]!, article) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two lists sorted newest first merged into one; on a tie, `known`'s article first. */
function mergeNewest(known: readonly Article[], added: readonly Article[]): Article[] {
  const out: Article[] = new Array(known.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < known.length && j < added.length)
    out[k++] = newestFirst(added[j]!, known[i]!) < 0 ? added[j++]! : known[i++]!;
  while (i < known.length) out[k++] = known[i++]!;
  while (j < added.length) out[k++] = added[j++]!;
  return out;
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
    /** Rebuilds the index when its file turns out damaged (see recover). */
    private readonly rebuild?: OpenedIndex['rebuild'],
  ) {
    this.reindexArticles();
  }

  static fromOpened({ index, issues, files, rebuild }: OpenedIndex): NewsLibrary {
    return new NewsLibrary(index, issues, files, rebuild);
  }

  /**
   * After `err` was thrown while the index was used: when it says the index file is damaged (a
   * block checked when first read), the index is rebuilt from the issues held here, and true is
   * returned (ask again); false for any other error, which the caller rethrows.
   */
  recover(err: unknown): boolean {
    if (!(err instanceof IndexFileError) || !this.rebuild) return false;
    this.index = this.rebuild(err, [...this.issueList]);
    return true;
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
    this.addArticles(issues);
  }

  /**
   * addIssues, its costly part (segmenting and indexing the new issues' passages) a step (yield)
   * at a time, for the caller to let other work run between: the archive is as it was until the
   * last step, which takes out the issues `replacing` names (a new version's old one) and adds
   * these, at once.
   */
  *addIssuesInSteps(issues: Issue[], replacing: Iterable<string> = []): Generator<void> {
    const prepared = yield* this.index.prepareInSteps(issues);
    this.removeIssues(replacing);
    this.index.addPrepared(prepared);
    this.issueList = [...this.issueList, ...issues];
    this.addArticles(issues);
  }

  /**
   * Makes what the first question after a change would make for the whole archive, a step (yield)
   * at a time: see prepareRankingInSteps.
   */
  *prepareQuestionsInSteps(): Generator<void> {
    yield* prepareRankingInSteps(this.index);
  }

  /** Takes issues (by source file name) out of the archive, in place. */
  removeIssues(sources: Iterable<string>): void {
    const gone = new Set(sources);
    if (!this.issueList.some((i) => gone.has(i.source))) return;
    this.index.removeIssues(gone);
    const removed = this.issueList.filter((i) => gone.has(i.source));
    this.issueList = this.issueList.filter((i) => !gone.has(i.source));
    this.removeArticles(removed);
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

  /**
   * The articles of issues just appended, added to what is known without going over the whole
   * archive: the new ones sorted, then merged in after the known ones they tie with, which is
   * where a stable sort of all of them (in issue order) puts them. An id already known (ids hash
   * the issue file's name, so only a hash collision) goes through the whole rebuild, whose last
   * article of an id wins.
   */
  private addArticles(issues: readonly Issue[]): void {
    if (!this.mergeArticles(issues)) this.reindexArticles();
  }

  /** addArticles' merge; false (nothing changed) when an id is known already. */
  private mergeArticles(issues: readonly Issue[]): boolean {
    const added: Article[] = [];
    const ids = new Set<string>();
    for (const i of issues)
      for (const a of i.articles) {
        if (this.byId.has(a.id) || ids.has(a.id)) return false;
        ids.add(a.id);
        added.push(a);
      }
    for (const a of added) this.byId.set(a.id, a);
    this.newest = mergeNewest(this.newest, added.sort(newestFirst));
    return true;
  }

  /**
   * The articles of issues just taken out, dropped without going over the whole archive: each
   * found among the known ones it ties with (same day, same file), by binary search. An article
   * not found as known (its id taken by another's: a hash collision) sends it through the rebuild.
   */
  private removeArticles(issues: readonly Issue[]): void {
    if (!this.dropArticles(issues)) this.reindexArticles();
  }

  /** removeArticles' search; false when an article is not where it should be. */
  private dropArticles(issues: readonly Issue[]): boolean {
    const { byId, newest } = this;
    for (const i of issues) for (const a of i.articles) if (byId.get(a.id) !== a) return false;
    for (const i of issues)
      for (const a of i.articles) {
        let at = firstNotBefore(newest, a);
        while (at < newest.length && newest[at] !== a && newestFirst(newest[at]!, a) === 0) at++;
        if (newest[at] !== a) return false;
        newest.splice(at, 1);
        byId.delete(a.id);
      }
    return true;
  }

  /** Answers a question; [] when the archive does not answer it. */
  search(question: string, limit = 5, options: Omit<SearchOptions, 'limit'> = {}): SearchResult[] {
    try {
      return search(this.index, question, { ...options, limit });
    } catch (err) {
      // A damaged index file is rebuilt, then the question answered from the new index.
      if (!this.recover(err)) throw err;
      return search(this.index, question, { ...options, limit });
    }
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
