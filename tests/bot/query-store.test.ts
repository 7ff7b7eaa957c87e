import { describe, expect, it } from 'vitest';
import { QueryStore, SharedQueryStore } from '../../src/bot/query-store.ts';
import type { SearchResult } from '../../src/retrieval/ranking/rank.ts';

const result = (passage: string): SearchResult => ({
  articleId: 'a',
  kind: 'article',
  headline: '标题',
  subtitle: '',
  date: '2024-01-01',
  source: 'a.txt',
  passage,
  score: 1,
  answer: passage.slice(0, 10),
  highlights: [],
  confidence: 'answer',
});

describe('QueryStore', () => {
  it('bounds stored searches by bytes: big result lists push the oldest out, the newest stay', async () => {
    const budget = 1024 * 1024;
    const store = new QueryStore(100_000, 60_000, Date.now, budget);
    const keys: string[] = [];
    // 40 000 distinct searches of ~6 KB each would be ~480 MB of strings unbounded.
    for (let k = 0; k < 2000; k++) keys.push(await store.put(`问题${k}`, [result('长'.repeat(1500) + k)]));
    expect(store.bytes).toBeLessThanOrEqual(budget);
    expect(store.size).toBeLessThan(2000);
    expect(store.size).toBeGreaterThan(50);
    expect(await store.get(keys[0]!)).toBeUndefined();
    const newest = await store.get(keys.at(-1)!);
    expect(newest?.question).toBe('问题1999');
    expect(newest?.results[0]?.passage.endsWith('1999')).toBe(true);
  });

  it('forgets a search after its time', async () => {
    let now = 1000;
    const store = new QueryStore(10, 500, () => now);
    const key = await store.put('问', [result('答')]);
    now += 500;
    expect((await store.get(key))?.question).toBe('问');
    now += 1;
    expect(await store.get(key)).toBeUndefined();
  });

  it('forgets the searches of a chat it forgets, and only those', async () => {
    const store = new QueryStore();
    const mine = await store.put('我的提问', [result('一')], 7);
    const theirs = await store.put('别人的提问', [result('二')], 8);
    const nobodys = await store.put('无主的提问', [result('三')]);
    await store.forget(7);
    expect(await store.get(mine)).toBeUndefined();
    expect((await store.get(theirs))?.question).toBe('别人的提问');
    expect((await store.get(nobodys))?.question).toBe('无主的提问');
    expect(store.size).toBe(2);
  });

  it('lets the oldest go first past its bound, even a search read again', async () => {
    const store = new QueryStore(3);
    const keys = [await store.put('一', [result('一')]), await store.put('二', [result('二')])];
    keys.push(await store.put('三', [result('三')]));
    expect((await store.get(keys[0]!))?.question).toBe('一');
    await store.put('四', [result('四')]);
    expect(await store.get(keys[0]!)).toBeUndefined();
    expect((await store.get(keys[1]!))?.question).toBe('二');
  });
});

describe('SharedQueryStore', () => {
  it('keeps a search in this process while the database cannot be reached', async () => {
    const table = new Map<string, string>();
    let down = false;
    const store = new SharedQueryStore({
      saveQuery: async (key, text) => {
        if (down) throw new Error('connection refused');
        table.set(key, text);
      },
      loadQuery: async (key) => {
        if (down) throw new Error('connection refused');
        return table.get(key);
      },
      pruneQueries: async () => {},
    });
    const shared = await store.put('共享', [result('一')]);
    expect(table.has(shared)).toBe(true);
    down = true;
    const local = await store.put('本地', [result('二')]);
    expect(table.has(local)).toBe(false);
    expect((await store.get(local))?.question).toBe('本地');
    down = false;
    expect((await store.get(shared))?.question).toBe('共享');
    expect((await store.get(local))?.question).toBe('本地');
  });
});
