import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import type { Issue } from '../../src/corpus/types.ts';
import { SearchIndex } from '../../src/retrieval/index/search-index.ts';
import { NewsLibrary } from '../../src/retrieval/library.ts';

const seeds = loadCorpus('seeds');

/** A copy of an issue under another file name: the same dates, so its articles tie with the original's. */
function copyOf(issue: Issue, source: string): Issue {
  return {
    ...issue,
    source,
    articles: issue.articles.map((a) => ({ ...a, id: `${a.id}-${source}`, source })),
    photos: issue.photos.map((p) => ({ ...p, id: `${p.id}-${source}`, source })),
  };
}

/** What a library built from scratch over the same issues answers about articles. */
function view(library: NewsLibrary) {
  const all = library.latest(Number.MAX_SAFE_INTEGER);
  return {
    newest: all.map((a) => `${a.date} ${a.source} ${a.id}`),
    byId: all.every((a) => library.article(a.id) === a),
    stats: library.stats(),
  };
}

const rebuilt = (library: NewsLibrary) => view(new NewsLibrary(library.searchIndex, [...library.issues]));

describe('NewsLibrary kept in step as issues come and go', { timeout: 60_000 }, () => {
  it('lists the newest articles and finds each by id as a library built from scratch does', () => {
    const library = new NewsLibrary(SearchIndex.build(seeds.slice(0, 3), [], 'f').index, seeds.slice(0, 3));
    const steps: [string, () => void][] = [
      ['add two', () => library.addIssues(seeds.slice(3))],
      // Same dates, other file names: merged among the originals' articles, not after them.
      ['add copies', () => library.addIssues([copyOf(seeds[1]!, '000_a.txt'), copyOf(seeds[4]!, 'zzz.txt')])],
      // Other ids under a file name already there: ties on date and file name keep issue order.
      ['add a second version', () => library.addIssues([copyOf(seeds[3]!, seeds[3]!.source)])],
      ['remove one', () => library.removeIssues([seeds[2]!.source])],
      ['remove two', () => library.removeIssues(['000_a.txt', seeds[0]!.source])],
      ['put one back', () => library.addIssues([seeds[2]!])],
      ['remove none', () => library.removeIssues(['absent.txt'])],
    ];
    for (const [name, step] of steps) {
      step();
      expect(view(library), name).toEqual(rebuilt(library));
    }
    expect(view(library).stats.issues).toBe(6);
    expect(library.article(seeds[0]!.articles[0]!.id)).toBeUndefined();
    expect(library.article(`${seeds[1]!.articles[0]!.id}-000_a.txt`)).toBeUndefined();
    expect(library.article(`${seeds[4]!.articles[0]!.id}-zzz.txt`)?.source).toBe('zzz.txt');
  });
});
