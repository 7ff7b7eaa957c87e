/**
 * The passages holding each of some characters, found by the characters' postings, are the ones a
 * scan of every passage finds, in the same order: so the abbreviations found over them are too.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.ts';
import { SearchIndex } from '../../../src/retrieval/index/search-index.ts';
import { abbreviationExpansions } from '../../../src/retrieval/question/abbreviations.ts';
import { seedLibrary } from '../../support/seed-library.ts';

const scan = (index: SearchIndex, chars: string) =>
  index.passageTexts.filter((t) => [...chars].every((c) => t.includes(c)));

// Common and rare characters, one repeated, and abbreviations of phrases the seeds hold.
const CHARS = ['区', '崇川区', '老小改', '改老旧', '区区', '城建', '文明城', '长护险', '鼋'];

describe('textsHoldingEach', () => {
  it('finds what a scan of every passage finds, in passage order', () => {
    const index = seedLibrary().searchIndex;
    for (const chars of CHARS) expect([...index.textsHoldingEach(chars)], chars).toEqual(scan(index, chars));
    expect(scan(index, '崇川区').length).toBeGreaterThan(10);
    expect(scan(index, '崇川区').length).toBeLessThan(index.passageTexts.length);
  });

  it('looks at every passage when a character has no postings of its own', () => {
    const index = seedLibrary().searchIndex;
    for (const chars of ['崇a', '𠀀崇', ''])
      expect([...index.textsHoldingEach(chars)]).toEqual([...index.passageTexts]);
  });

  it('keeps to the passages left after issues are removed', () => {
    const seeds = loadCorpus('seeds');
    const { index } = SearchIndex.build(seeds, [], 'f');
    index.removeIssues(new Set([seeds[1]!.source, seeds[3]!.source]));
    for (const chars of CHARS) expect([...index.textsHoldingEach(chars)], chars).toEqual(scan(index, chars));
  });

  it('gives the abbreviations a scan of every passage gives', () => {
    const index = seedLibrary().searchIndex;
    const found = ['老小改', '文明城', '高发展', '区委书', '民实事'].map((w) => [
      abbreviationExpansions(w, index.textsHoldingEach(w)),
      abbreviationExpansions(w, index.passageTexts),
    ]);
    for (const [byPostings, byScan] of found) expect(byPostings).toEqual(byScan);
    expect(found.some(([e]) => e!.length > 0)).toBe(true);
  });
});
