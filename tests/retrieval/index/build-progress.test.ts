import { describe, expect, it } from 'vitest';
import { createCliLogger } from '../../../src/logger.ts';
import { progressLine, progressReporter } from '../../../src/retrieval/index/build-progress.ts';

describe('progressLine', () => {
  it('says how far a step is, and what is left at its pace once it has run a while', () => {
    expect(progressLine('reading issues', 10, 5200, 500)).toBe('reading issues 10/5200');
    expect(progressLine('segmenting passages', 30000, 168480, 20_000)).toBe(
      'segmenting passages 30000/168480, about 1 min 32 s left',
    );
    expect(progressLine('reading issues', 2600, 5200, 30_000)).toBe('reading issues 2600/5200, about 30 s left');
    expect(progressLine('reading issues', 5200, 5200, 60_000)).toBe('reading issues 5200/5200');
    expect(progressLine('reading issues', 0, 5200, 60_000)).toBe('reading issues 0/5200');
  });
});

describe('progressReporter', () => {
  it('redraws a terminal line at most every 200 ms, and always the last of a step', () => {
    let t = 0;
    const lines: string[] = [];
    const report = progressReporter({ onProgress: (l) => lines.push(l) }, () => t)!;
    for (let done = 1; done <= 100; done++) {
      t += 10;
      report('reading issues', done, 100);
    }
    // 1 s in steps of 10 ms: the first, one per 200 ms after it, and the last.
    expect(lines.length).toBe(6);
    expect(lines.at(-1)).toBe('reading issues 100/100');
    report('segmenting passages', 0, 50);
    expect(lines.at(-1)).toBe('segmenting passages 0/50');
  });

  it('logs a line every 5 s when there is no terminal, and says nothing with neither', () => {
    let t = 0;
    const out: string[] = [];
    const logger = createCliLogger('info', { write: (s: string) => out.push(s) });
    const report = progressReporter({ logger }, () => t)!;
    for (let done = 1; done <= 60; done++) {
      t += 1000;
      report('segmenting passages', done, 1000);
    }
    expect(out.length).toBe(12);
    expect(out[1]).toMatch(/segmenting passages 6\/1000, about 13 min 48 s left/);
    expect(progressReporter({})).toBeUndefined();
  });
});
