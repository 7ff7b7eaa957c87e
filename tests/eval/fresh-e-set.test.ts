/**
 * The fresh-e development set (eval/fresh-e) stays consistent with its archive: eval/fresh-e/check.mjs
 * passes on the committed files and fails, naming the question or article, on each kind of damage it
 * guards against. The damaged copies live in a temporary tree (seeds + eval) so the real files are untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, ROOT, setChecker, unlines } from '../support/eval-set-check.ts';

const { runCheck, damagedCopy } = setChecker('fresh-e');

describe('eval/fresh-e/check.mjs', () => {
  it('passes on the committed set, which is as large as the brief asks', () => {
    const { status, out } = runCheck(ROOT);
    expect(out).toContain('issues: 4, articles: 24');
    expect(out).toContain('\nok');
    expect(status).toBe(0);
    const all = lines(fs.readFileSync(path.join(ROOT, 'eval/fresh-e/questions.jsonl'), 'utf8'));
    expect(all.length).toBeGreaterThanOrEqual(75);
    expect(all.filter((i) => i.negative === true).length).toBeGreaterThanOrEqual(12);
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
    expect(out).toMatch(/e\d{3}: answer 「.+零零」 is in none of its articles/);
  });

  it('fails on a repeated id, a key in no headline and a key standing in two', () => {
    const dir = damagedCopy('questions.jsonl', (text) => {
      const items = lines(text);
      const copy = { ...items.find((i) => i.id === 'e001'), relevant: ['这一行不是任何标题'] };
      // 「新闻」 stands in the mastheads and headlines of many issues.
      const shared = { id: 'e999', q: '新闻', relevant: ['新闻'] };
      return unlines([...items, copy, shared]);
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain('id e001 repeats');
    expect(out).toContain('key 「这一行不是任何标题」 stands in 0 headline blocks');
    expect(out).toMatch(/e999: key 「新闻」 stands in \d+ headline blocks/);
  });

  it('fails on an article date of the wrong shape and a key not in its issue', () => {
    const dir = damagedCopy('articles.json', (text) => {
      const gold = JSON.parse(text) as { articles: { keys: string[]; date: string }[] };
      gold.articles[0]!.date = '2023/9/29';
      gold.articles[1]!.keys = ['这一行不是任何标题'];
      return `${JSON.stringify(gold, null, 2)}\n`;
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain('bad date 2023/9/29');
    expect(out).toContain('keys ["这一行不是任何标题"] are not all in one headline block');
  });
});
