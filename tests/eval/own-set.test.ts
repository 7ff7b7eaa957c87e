/**
 * The project's own evaluation set (eval/own) stays consistent with its issues: eval/own/check.mjs
 * passes on the committed files and fails, naming the question, on each kind of damage it guards
 * against. The damaged copies live in a temporary tree (seeds + eval) so the real files are untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, ROOT, setChecker, unlines } from '../support/eval-set-check.ts';

const { runCheck, damagedCopy } = setChecker('own');

describe('eval/own/check.mjs', () => {
  it('passes on the committed set, which is as large as the brief asks', () => {
    const { status, out } = runCheck(ROOT);
    expect(out).toContain('\nok');
    expect(status).toBe(0);
    const all = lines(fs.readFileSync(path.join(ROOT, 'eval/own/questions.jsonl'), 'utf8'));
    expect(all.length).toBeGreaterThanOrEqual(200);
    // The part first held out (h-ids) stays in the set after its release.
    expect(all.filter((i) => String(i.id).startsWith('h')).length).toBeGreaterThanOrEqual(60);
  });

  it('fails on an answer its article does not hold', () => {
    const dir = damagedCopy('questions.jsonl', (text) => {
      const items = lines(text);
      const first = items.find((i) => typeof i.answer === 'string' && Array.isArray(i.relevant) && i.relevant.length);
      if (first) first.answer = `${String(first.answer)}零零`;
      return unlines(items);
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toMatch(/o\d{3}: answer 「.+零零」 is in none of its articles/);
  });

  it('fails on a repeated id and on a key that stands in no headline', () => {
    const dir = damagedCopy('questions.jsonl', (text) => {
      const items = lines(text);
      const copy = { ...items.find((i) => i.id === 'h001'), relevant: ['这一行不是任何标题'] };
      return unlines([...items, copy]);
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain('id h001 repeats');
    expect(out).toContain('key 「这一行不是任何标题」 stands in 0 headline blocks');
  });
});
