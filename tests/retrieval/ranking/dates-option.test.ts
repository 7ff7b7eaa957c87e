/**
 * The search's date window (from a question's relative time words): articles within it gain,
 * and with `narrow` only they are returned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../../src/retrieval/index/index-store.ts';
import type { SearchIndex } from '../../../src/retrieval/index/search-index.ts';
import { search } from '../../../src/retrieval/ranking/rank.ts';

let index: SearchIndex;

beforeAll(() => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dates-'));
  index = openIndex({ corpusDir: 'seeds', indexFile: path.join(tmp, 'index.json') }).index;
});

const dateOf = (r: { articleId: string; date: string }) => r.date;

describe('the dates option', () => {
  it('narrows to the articles of the window', () => {
    const all = search(index, '老旧小区改造', { limit: 10 });
    expect(new Set(all.map(dateOf).map((d) => d.slice(0, 4))).size).toBeGreaterThan(1);
    const in2022 = search(index, '老旧小区改造', {
      limit: 10,
      dates: { from: '2022-01-01', to: '2022-12-31', narrow: true },
    });
    expect(in2022.length).toBeGreaterThan(0);
    expect(in2022.every((r) => r.date.startsWith('2022'))).toBe(true);
  });

  it('boosts the window without dropping the rest', () => {
    const all = search(index, '老旧小区改造', { limit: 10 });
    const year = all
      .map(dateOf)
      .find((d, k) => k > 0 && d.slice(0, 4) !== all[0]!.date.slice(0, 4))!
      .slice(0, 4);
    const boosted = search(index, '老旧小区改造', { limit: 10, dates: { from: `${year}-01-01`, to: `${year}-12-31` } });
    expect(boosted.length).toBe(all.length);
    expect(boosted[0]!.date.startsWith(year)).toBe(true);
  });
});
