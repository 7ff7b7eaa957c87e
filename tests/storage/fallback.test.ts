/** The memory that stands in for the shared database: the fallback's deadline and pause. */
import { describe, expect, it } from 'vitest';
import { DatabaseFallback, DeadlineExceeded, withDeadline } from '../../src/storage/fallback.ts';

const never = <T>() => new Promise<T>(() => {});

describe('DatabaseFallback', () => {
  it('answers from memory past the deadline, leaves the database alone for the pause, and says each switch once', async () => {
    let now = 0;
    const said: string[] = [];
    const fallback = new DatabaseFallback({
      deadlineMs: 30,
      pauseMs: 1000,
      now: () => now,
      onDown: () => said.push('down'),
      onBack: () => said.push('back'),
    });
    let asked = 0;
    const hang = () => {
      asked++;
      return never<string>();
    };
    expect(await fallback.run(hang, () => 'memory')).toBe('memory');
    for (let k = 0; k < 5; k++) expect(await fallback.run(hang, () => 'memory')).toBe('memory');
    // Within the pause the database was not asked again.
    expect(asked).toBe(1);
    now = 1001;
    expect(
      await fallback.run(
        async () => 'database',
        () => 'memory',
      ),
    ).toBe('database');
    expect(said).toEqual(['down', 'back']);
    expect(fallback.degraded).toBe(false);
  });

  it('treats a refusal like a silence', async () => {
    const fallback = new DatabaseFallback({ deadlineMs: 1000 });
    const started = Date.now();
    expect(
      await fallback.run(
        () => Promise.reject(new Error('refused')),
        () => 7,
      ),
    ).toBe(7);
    expect(Date.now() - started).toBeLessThan(500);
    expect(fallback.degraded).toBe(true);
  });

  it('withDeadline rejects with DeadlineExceeded and swallows the late outcome', async () => {
    let fail: (e: Error) => void = () => {};
    const late = new Promise<number>((_, reject) => (fail = reject));
    await expect(withDeadline(late, 20)).rejects.toBeInstanceOf(DeadlineExceeded);
    fail(new Error('too late to matter'));
    await new Promise((r) => setTimeout(r, 20));
  });
});
