import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import type { Issue } from '../../src/corpus/types.ts';
import { SearchIndex } from '../../src/retrieval/index/search-index.ts';
import { NewsLibrary } from '../../src/retrieval/library.ts';
import { search } from '../../src/retrieval/ranking/rank.ts';

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

  it('adds issues a step at a time: unchanged until the last step, then as if built with them', () => {
    const [a, b, c, d, e] = seeds as [Issue, Issue, Issue, Issue, Issue];
    const library = new NewsLibrary(SearchIndex.build([a, b, c], [], 'f').index, [a, b, c]);
    const questions = ['博嘉生物', '唐闸古镇规划面积', '老旧小区改造', '地区生产总值是多少'];
    const answers = (index: SearchIndex) => questions.map((q) => search(index, q, { limit: 5 }));
    let before = answers(library.searchIndex);
    const steps = library.addIssuesInSteps([d, e], [b.source]);
    let taken = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      taken++;
      expect(library.stats().issues).toBe(3);
      expect(answers(library.searchIndex)).toEqual(before);
      // Changes between the steps (an issue taken out and put back: it takes the next ids) leave
      // what was made ahead stale.
      if (taken === 2) {
        library.removeIssues([c.source]);
        library.addIssues([c]);
        before = answers(library.searchIndex);
      }
    }
    expect(taken).toBeGreaterThan(2);
    expect(library.issues.map((i) => i.source)).toEqual([a, c, d, e].map((i) => i.source));
    expect(answers(library.searchIndex)).toEqual(answers(SearchIndex.build([a, c, d, e], [], 'f').index));
    expect(view(library)).toEqual(rebuilt(library));
  });

  it("makes the ranking's whole-archive tables ahead of questions; a change between the steps leaves none stale", () => {
    const [a, b, c, d] = seeds as [Issue, Issue, Issue, Issue];
    const library = new NewsLibrary(SearchIndex.build([a, b], [], 'f').index, [a, b]);
    const questions = ['博嘉生物', '唐闸古镇规划面积', '老旧小区改造', '地区生产总值是多少', '2021年8月7日开了什么会'];
    const answers = () => questions.map((q) => library.search(q));
    const overtaken = library.prepareQuestionsInSteps();
    expect(overtaken.next().done).toBe(false);
    library.addIssues([c, d]);
    // The rest of the steps see the change and stop: nothing made from the index before it is kept.
    for (const _ of overtaken);
    const fresh = new NewsLibrary(SearchIndex.build([a, b, c, d], [], 'f').index, [a, b, c, d]);
    expect(answers()).toEqual(questions.map((q) => fresh.search(q)));
    // Made ahead in full, they answer as they would made by the first question.
    library.removeIssues([b.source]);
    let steps = 0;
    for (const _ of library.prepareQuestionsInSteps()) steps++;
    expect(steps).toBeGreaterThan(0);
    const rebuilt = new NewsLibrary(SearchIndex.build([a, c, d], [], 'f').index, [a, c, d]);
    expect(answers()).toEqual(questions.map((q) => rebuilt.search(q)));
    expect(answers().some((r) => r.length > 0)).toBe(true);
  });
});
