import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/server/pages/rate-limit.ts';

describe('RateLimiter', () => {
  it('allows max requests per address in a window, says how long to wait, then allows again', () => {
    let now = 0;
    const limiter = new RateLimiter({ max: 2, windowMs: 10_000 }, () => now);
    expect([limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0]);
    now = 4000;
    expect(limiter.hit('a')).toBe(6);
    expect(limiter.hit('b')).toBe(0);
    now = 10_000;
    expect(limiter.hit('a')).toBe(0);
  });

  it('forgets idle addresses once many have come, so the table stays bounded', () => {
    let now = 0;
    const limiter = new RateLimiter({ max: 1, windowMs: 1000 }, () => now);
    for (let k = 0; k < 10_000; k++) limiter.hit(`10.0.${k >> 8}.${k & 255}`);
    expect(limiter.size).toBe(10_000);
    now = 5000;
    limiter.hit('new');
    expect(limiter.size).toBe(1);
  });
});
