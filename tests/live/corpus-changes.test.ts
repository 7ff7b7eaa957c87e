import { describe, expect, it } from 'vitest';
import { SettleTracker, type Listing } from '../../src/live/corpus-changes.ts';

const listing = (entries: [string, number, number][]): Listing =>
  new Map(entries.map(([n, size, mtimeMs]) => [n, { size, mtimeMs }]));

describe('SettleTracker', () => {
  it('reports a new file once it has stopped changing for the settle time', () => {
    const t = new SettleTracker(1000);
    const indexed = listing([['a.txt', 10, 1]]);
    expect(
      t.update(
        listing([
          ['a.txt', 10, 1],
          ['b.txt', 5, 2],
        ]),
        indexed,
        0,
      ).ready,
    ).toEqual([]);
    expect(
      t.update(
        listing([
          ['a.txt', 10, 1],
          ['b.txt', 9, 3],
        ]),
        indexed,
        600,
      ).ready,
    ).toEqual([]); // still growing
    expect(
      t.update(
        listing([
          ['a.txt', 10, 1],
          ['b.txt', 9, 3],
        ]),
        indexed,
        1200,
      ).ready,
    ).toEqual([]);
    expect(
      t.update(
        listing([
          ['a.txt', 10, 1],
          ['b.txt', 9, 3],
        ]),
        indexed,
        1700,
      ).ready,
    ).toEqual(['b.txt']);
  });

  it('waits on an empty file', () => {
    const t = new SettleTracker(100);
    t.update(listing([['e.txt', 0, 1]]), new Map(), 0);
    expect(t.update(listing([['e.txt', 0, 1]]), new Map(), 500).ready).toEqual([]);
  });

  it('reports indexed files that disappeared; a rewritten one is ready again once it settles', () => {
    const t = new SettleTracker(100);
    const indexed = listing([
      ['a.txt', 10, 1],
      ['b.txt', 10, 1],
    ]);
    expect(t.update(listing([['b.txt', 12, 5]]), indexed, 0)).toEqual({ removed: ['a.txt'], ready: [] });
    expect(t.update(listing([['b.txt', 12, 5]]), indexed, 150)).toEqual({ removed: ['a.txt'], ready: ['b.txt'] });
    expect(t.quietFor('b.txt', 150)).toBe(150);
  });

  it('keeps reporting a settled file until it is indexed in that state', () => {
    const t = new SettleTracker(100);
    const files = listing([['c.txt', 10, 1]]);
    t.update(files, new Map(), 0);
    expect(t.update(files, new Map(), 200).ready).toEqual(['c.txt']);
    expect(t.update(files, new Map(), 400).ready).toEqual(['c.txt']);
    expect(t.update(files, files, 600).ready).toEqual([]);
  });
});
