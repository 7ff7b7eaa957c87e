/** The update ids one process remembers for a day, within a bounded map. */
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../src/storage/update-ids.ts';

describe('SeenIds', () => {
  it('remembers an id for the window, then takes it as new', () => {
    const seen = new SeenIds(1000);
    expect(seen.first(1, 0)).toBe(true);
    expect(seen.first(1, 999)).toBe(false);
    expect(seen.first(2, 999)).toBe(true);
    expect(seen.first(1, 1001)).toBe(true);
  });

  it('keeps at most its bound, forgetting the oldest first', () => {
    const seen = new SeenIds(60_000, 100);
    for (let id = 0; id < 150; id++) expect(seen.first(id, id)).toBe(true);
    expect(seen.first(149, 200)).toBe(false);
    expect(seen.first(50, 200)).toBe(false);
    expect(seen.first(49, 200)).toBe(true);
  });
});
