/**
 * The committed decision is what `npm run calibrate` fits: the real script, every set indexed with its
 * issues as `npm run eval` does (a process per set, so it runs in the end-to-end project).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('calibration', { timeout: 180_000 }, () => {
  it('reproduces the committed coefficients and thresholds of both models (npm run calibrate -- --check)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'eval/calibrate.ts', '--check', '--skip-holdout'], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(run.stdout).toContain('out-of-fold');
    expect(run.stdout).toContain('the fit reproduces the committed decision and short-answer model');
    expect(run.status, run.stdout.slice(-2000) + run.stderr.slice(-2000)).toBe(0);
  });
});
