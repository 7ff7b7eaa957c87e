/**
 * Running the evaluation set checker (eval/tools/check-set.mjs SET, or a set's eval/<set>/check.mjs) on
 * the committed files or on a damaged copy of seeds/ and eval/ in a temporary folder, so the real files are
 * untouched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';

export const ROOT = path.resolve('.');

export function setChecker(set: string) {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    /** The shared checker on the set; `wrapper`: through the set's own eval/<set>/check.mjs instead. */
    runCheck(root: string, { wrapper = false } = {}): { status: number | null; out: string } {
      const args = wrapper
        ? [path.join(root, `eval/${set}/check.mjs`)]
        : [path.join(root, 'eval/tools/check-set.mjs'), set];
      const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
      return { status: run.status, out: run.stdout + run.stderr };
    },
    /** A copy of seeds/ and eval/ with one file of the set rewritten (the change must change it). */
    damagedCopy(file: string, change: (text: string) => string): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${set}-set-`));
      temps.push(dir);
      fs.cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
      fs.cpSync(path.join(ROOT, 'eval'), path.join(dir, 'eval'), { recursive: true });
      const target = path.join(dir, `eval/${set}`, file);
      const before = fs.readFileSync(target, 'utf8');
      const after = change(before);
      expect(after).not.toBe(before);
      fs.writeFileSync(target, after);
      return dir;
    },
  };
}

/** The records of a JSON-lines text, and back. */
export function lines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
export const unlines = (items: Record<string, unknown>[]) => `${items.map((i) => JSON.stringify(i)).join('\n')}\n`;
