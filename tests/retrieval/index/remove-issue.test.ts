import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.ts';
import { search } from '../../../src/retrieval/ranking/rank.ts';
import { SearchIndex } from '../../../src/retrieval/index/search-index.ts';

const issues = loadCorpus('seeds');
const questions = [
  ...new Set(issues.flatMap((i) => i.articles.map((a) => a.headline.split(/[\s,，]/)[0]!.slice(0, 10)))),
  '老旧小区改造',
  '唐闸古镇规划面积多大',
  '地区生产总值是多少',
  '博嘉生物',
];
const answers = (index: SearchIndex) =>
  questions.map((q) => search(index, q, { limit: 5 }).map((r) => `${r.articleId} ${r.passage.slice(0, 30)}`));

// A passage as its doc and text (its row in the store depends on the changes that led to it).
const passageOf = (p: { doc: number; text: string }) => [p.doc, p.text];

describe('SearchIndex.removeIssues', { timeout: 60_000 }, () => {
  it.each([0, 2, 4])('answers as an index built without issue %i', (k) => {
    const removed = issues[k]!.source;
    const rest = issues.filter((i) => i.source !== removed);
    const built = SearchIndex.build(rest, [], 'f').index;
    const inPlace = SearchIndex.build(issues, [], 'f').index;
    expect(inPlace.removeIssues(new Set([removed]))).toBeGreaterThan(0);
    expect(inPlace.docs).toEqual(built.docs);
    expect(inPlace.passages.map(passageOf)).toEqual(built.passages.map(passageOf));
    expect(inPlace.docPassages).toEqual(built.docPassages);
    expect(inPlace.passageOrdinal).toEqual(built.passageOrdinal);
    expect(answers(inPlace)).toEqual(answers(built));
    // Saved and loaded back, it is aligned with the remaining issues.
    const reloaded = SearchIndex.fromColumns(inPlace.toColumns(), 'f');
    expect(answers(reloaded)).toEqual(answers(built));
  });

  it('takes an issue out and puts a new version back in place', () => {
    const index = SearchIndex.build(issues, [], 'f').index;
    const before = answers(index);
    const [first] = issues;
    index.removeIssues(new Set([first!.source]));
    expect(index.docs.some((d) => d.source === first!.source)).toBe(false);
    index.addIssues([first!]);
    const rebuilt = SearchIndex.build([...issues.slice(1), first!], [], 'f').index;
    expect(answers(index)).toEqual(answers(rebuilt));
    expect(answers(index).filter((a) => a.length > 0).length).toBe(before.filter((a) => a.length > 0).length);
    const reloaded = SearchIndex.fromColumns(index.toColumns(), 'f');
    expect(answers(reloaded)).toEqual(answers(rebuilt));
  });

  it('takes two issues apart from each other out at once', () => {
    const gone = new Set([issues[1]!.source, issues[3]!.source]);
    const rest = issues.filter((i) => !gone.has(i.source));
    const index = SearchIndex.build(issues, [], 'f').index;
    index.removeIssues(gone);
    const built = SearchIndex.build(rest, [], 'f').index;
    expect(index.docs).toEqual(built.docs);
    expect(index.docPassages).toEqual(built.docPassages);
    expect(index.passageOrdinal).toEqual(built.passageOrdinal);
    expect(answers(index)).toEqual(answers(built));
  });

  it("keeps each doc's passages in step through removals after additions", () => {
    const index = SearchIndex.build(issues.slice(0, 3), [], 'f').index;
    index.addIssues(issues.slice(3));
    index.removeIssues(new Set([issues[1]!.source]));
    index.addIssues([issues[1]!]);
    index.removeIssues(new Set([issues[3]!.source, issues[0]!.source]));
    const built = SearchIndex.build([issues[2]!, issues[4]!, issues[1]!], [], 'f').index;
    expect(index.docs).toEqual(built.docs);
    expect(index.passages.map(passageOf)).toEqual(built.passages.map(passageOf));
    expect(index.docPassages).toEqual(built.docPassages);
    expect(index.passageOrdinal).toEqual(built.passageOrdinal);
  });

  it('leaves the index alone for a source it does not hold', () => {
    const index = SearchIndex.build(issues, [], 'f').index;
    expect(index.removeIssues(new Set(['missing.txt']))).toBe(0);
    expect(index.docs.length).toBeGreaterThan(0);
  });
});
