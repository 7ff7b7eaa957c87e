import { describe, expect, it } from 'vitest';
import { collectOnHeapGrowth } from '../../src/cli/heap-growth.ts';

const MB = 2 ** 20;

describe('collectOnHeapGrowth', () => {
  it('collects once the heap has grown by a third of what it held after the last collection', () => {
    let heap = 60 * MB;
    let collections = 0;
    const collect = () => {
      heap = 66 * MB;
      collections++;
    };
    const afterQuestion = collectOnHeapGrowth({ used: () => heap, collect });
    heap = 79 * MB; // 19 MB over 60: less than a third (20 MB)
    expect(afterQuestion()).toBe(false);
    heap = 81 * MB;
    expect(afterQuestion()).toBe(true);
    expect(collections).toBe(1);
    // Measured from what the collection left (66 MB): a third of it is 22 MB.
    heap = 87 * MB;
    expect(afterQuestion()).toBe(false);
    heap = 89 * MB;
    expect(afterQuestion()).toBe(true);
    expect(collections).toBe(2);
  });

  it('waits for the least growth on a small heap', () => {
    let heap = 3 * MB;
    let collections = 0;
    const afterQuestion = collectOnHeapGrowth({ least: 16 * MB, used: () => heap, collect: () => collections++ });
    heap = 18 * MB;
    expect(afterQuestion()).toBe(false);
    heap = 20 * MB;
    expect(afterQuestion()).toBe(true);
    expect(collections).toBe(1);
  });
});
