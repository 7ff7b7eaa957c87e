/**
 * A question asked again of the same archive is answered from the kept results: the same results
 * as a search computed afresh, a copy of its own each time, and never the results of an archive
 * that has since changed.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { search as searchAfresh } from '../../../src/retrieval/ranking/rank.ts';
import { isKept, keptCount, SEARCHES_KEPT, search } from '../../../src/retrieval/ranking/kept-results.ts';
import { RANKING } from '../../../src/retrieval/weights.ts';
import { oneIssueArchive, seedLibrary } from '../../support/seed-library.ts';

const QUESTION = '上半年崇川区地区生产总值是多少';

describe('kept results', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a repeated question as a fresh search does, each caller with its own copy', () => {
    const index = seedLibrary().searchIndex;
    const fresh = searchAfresh(index, QUESTION);
    expect(fresh.length).toBeGreaterThan(0);
    const first = search(index, QUESTION);
    expect(first).toEqual(fresh);
    const kept = keptCount(index);
    // A caller that changes what it was given changes nothing kept.
    first[0]!.headline = 'changed by a caller';
    first.length = 0;
    const again = search(index, QUESTION);
    expect(again).toEqual(fresh);
    // Nor does one given a kept answer.
    again[0]!.highlights.length = 0;
    again.reverse();
    expect(search(index, QUESTION)).toEqual(fresh);
    expect(keptCount(index)).toBe(kept);
    // Invisible characters are removed before anything else: the same search, kept once.
    expect(search(index, `\u200b${QUESTION}`)).toEqual(fresh);
    expect(keptCount(index)).toBe(kept);
  });

  it('keeps each set of options apart, and does not keep searches with other weights', () => {
    const index = seedLibrary().searchIndex;
    const topic = '老旧小区改造';
    expect(search(index, topic, { limit: 1 })).toEqual(searchAfresh(index, topic, { limit: 1 }));
    expect(search(index, topic, { limit: 1 })).toHaveLength(1);
    expect(search(index, topic, { limit: 5 }).length).toBeGreaterThan(1);
    const window = { from: '2030-01-01', to: '2030-12-31', narrow: true };
    expect(search(index, QUESTION, { dates: window })).toEqual([]);
    expect(search(index, QUESTION).length).toBeGreaterThan(0);
    const before = keptCount(index);
    const weights = { ...RANKING };
    expect(search(index, QUESTION, { weights })).toEqual(searchAfresh(index, QUESTION, { weights }));
    expect(keptCount(index)).toBe(before);
  });

  it('forgets what it kept when the archive changes', () => {
    const { dir, library } = oneIssueArchive('kept-results-');
    made.push(dir);
    const index = library.searchIndex;
    const before = search(index, QUESTION);
    expect(before.length).toBeGreaterThan(0);
    library.removeIssues(library.issues.map((i) => i.source));
    expect(search(index, QUESTION)).toEqual(searchAfresh(index, QUESTION));
    expect(search(index, QUESTION)).not.toEqual(before);
  });

  it('keeps at most SEARCHES_KEPT searches, the least recently asked dropped first', () => {
    const index = seedLibrary().searchIndex;
    search(index, QUESTION);
    for (let k = 0; k < SEARCHES_KEPT + 10; k++) {
      search(index, `崇川第${k}条新闻`);
      // Asked again now and then: never the least recently asked.
      if (k % 50 === 0) search(index, QUESTION);
    }
    expect(keptCount(index)).toBe(SEARCHES_KEPT);
    expect(isKept(index, QUESTION)).toBe(true);
    expect(isKept(index, '崇川第0条新闻')).toBe(false);
    expect(isKept(index, `崇川第${SEARCHES_KEPT + 9}条新闻`)).toBe(true);
  });
});
