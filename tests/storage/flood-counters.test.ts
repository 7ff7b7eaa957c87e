/** Flood counters in one process's memory: what an instance counts while the shared database is away. */
import { describe, expect, it } from 'vitest';
import { HitCounter } from '../../src/storage/flood-counters.ts';

describe('HitCounter', () => {
  it('counts hits per key within a window from the first hit, then starts a new window', () => {
    const counter = new HitCounter();
    expect(counter.hit('u1', 1000, 0)).toBe(1);
    expect(counter.hit('u1', 1000, 10)).toBe(2);
    expect(counter.hit('u2', 1000, 20)).toBe(1);
    expect(counter.hit('u1', 1000, 999)).toBe(3);
    expect(counter.hit('u1', 1000, 1000)).toBe(1);
    expect(counter.hit('u2', 1000, 1000)).toBe(2);
  });

  it('keeps at most its bound of keys, forgetting the one hit least recently', () => {
    const counter = new HitCounter(3);
    for (const key of ['a', 'b', 'c']) counter.hit(key, 60_000, 0);
    counter.hit('a', 60_000, 1);
    counter.hit('d', 60_000, 2);
    // 'b' was hit least recently: it went, and counts from one again; 'a' kept its count.
    expect(counter.hit('a', 60_000, 3)).toBe(3);
    expect(counter.hit('b', 60_000, 3)).toBe(1);
  });
});
