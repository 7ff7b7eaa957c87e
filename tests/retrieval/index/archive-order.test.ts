import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.ts';
import type { ArchiveOrder } from '../../../src/retrieval/index/archive-order.ts';
import { SearchIndex } from '../../../src/retrieval/index/search-index.ts';
import { search } from '../../../src/retrieval/ranking/rank.ts';

const issues = loadCorpus('seeds');
const questions = ['老旧小区改造', '唐闸古镇规划面积多大', '地区生产总值是多少', '2024年11月'];
const answers = (index: SearchIndex) => questions.map((q) => JSON.stringify(search(index, q, { limit: 5 })));

function orderOf(index: SearchIndex): ArchiveOrder {
  const steps = index.orderInSteps();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** What the tables mean, from the docs themselves: slots shared exactly by (copy key, place in doc), ranks by (date, file). */
function expectMeaning(index: SearchIndex, order: ArchiveOrder): void {
  const docs = [...index.docs];
  const slotOf = new Map<string, number>();
  index.passages.forEach((p, k) => {
    const key = `${index.copyKey(p.doc)}#${index.passageOrdinal[k]}`;
    if (!slotOf.has(key)) slotOf.set(key, slotOf.size);
    expect(order.copySlot[k]).toBe(slotOf.get(key));
  });
  expect(order.slots).toBe(slotOf.size);
  const compare = (a: number, b: number) =>
    docs[a]!.date !== docs[b]!.date
      ? docs[a]!.date < docs[b]!.date
        ? -1
        : 1
      : docs[a]!.source < docs[b]!.source
        ? -1
        : docs[a]!.source > docs[b]!.source
          ? 1
          : 0;
  for (let a = 0; a < docs.length; a += 7)
    for (let b = 0; b < docs.length; b += 5)
      expect(Math.sign(order.docRank[a]! - order.docRank[b]!)).toBe(compare(a, b));
}

describe('the archive order tables (copy slots, date ranks)', { timeout: 120_000 }, () => {
  const built = SearchIndex.build(issues, [], 'f').index;

  it('mean what the ranking takes them for', () => {
    expect(issues.length).toBeGreaterThan(1);
    expectMeaning(built, orderOf(built));
  });

  it('are read from the saved columns while the loaded index is unchanged, and computed after a change', () => {
    const columns = built.toColumns();
    const loaded = SearchIndex.fromColumns(columns, 'f');
    expect(orderOf(loaded).copySlot).toBe(columns['passage.copySlot']);
    expect(orderOf(loaded).docRank).toBe(columns['doc.dateRank']);
    expect(orderOf(loaded)).toEqual(orderOf(built));
    loaded.removeIssues(new Set([issues[0]!.source]));
    expect(orderOf(loaded).copySlot).not.toBe(columns['passage.copySlot']);
    expectMeaning(loaded, orderOf(loaded));
    const rest = SearchIndex.build(issues.slice(1), [], 'f').index;
    expect(orderOf(loaded)).toEqual(orderOf(rest));
    expect(answers(loaded)).toEqual(answers(rest));
  });

  it('are computed for a file saved without them, with the same answers', () => {
    const { 'passage.copySlot': _slots, 'doc.dateRank': _ranks, ...older } = built.toColumns();
    const loaded = SearchIndex.fromColumns(older, 'f');
    expect(orderOf(loaded)).toEqual(orderOf(built));
    expect(answers(loaded)).toEqual(answers(built));
  });
});
