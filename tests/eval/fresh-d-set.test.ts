/**
 * The fresh-d development set stays consistent with its issues: eval/fresh-d/check.mjs passes on the
 * committed files and fails, naming the question, on each kind of damage it guards against. The
 * damaged copies live in a temporary tree (seeds + eval) so the real files are untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, ROOT, setChecker, unlines } from '../support/eval-set-check.ts';

const { runCheck, damagedCopy } = setChecker('fresh-d');

describe('eval/fresh-d/check.mjs', () => {
  it('passes on the committed set: four issues, about eighty questions, about fifteen near misses', () => {
    const { status, out } = runCheck(ROOT);
    expect(out).toContain('\nok');
    expect(status).toBe(0);
    expect(out).toContain('issues: 4,');
    const questions = lines(fs.readFileSync(path.join(ROOT, 'eval/fresh-d/questions.jsonl'), 'utf8'));
    expect(questions.length).toBeGreaterThanOrEqual(75);
    expect(questions.filter((q) => q.negative === true).length).toBeGreaterThanOrEqual(12);
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
    expect(out).toMatch(/d\d{3}: answer 「.+零零」 is in none of its articles/);
  });

  it('fails on a question bound only to an article of another set of its archive', () => {
    // 「三所新校加紧建设」 heads an article of eval/own (2022): a fresh-d question keeps a key of its own.
    const dir = damagedCopy('questions.jsonl', (text) =>
      unlines([
        ...lines(text),
        { id: 'd999', q: '新学校有多少学位', relevant: ['三所新校加紧建设'], answer: '3030个' },
      ]),
    );
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain('d999: no key names a fresh-d article');
  });

  it('fails on a repeated id, a key in no headline, and an article date outside its issue year', () => {
    const dir = damagedCopy('questions.jsonl', (text) => {
      const items = lines(text);
      return unlines([...items, { ...items[0], relevant: ['这一行不是任何标题'] }]);
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain('id d001 repeats');
    expect(out).toContain('key 「这一行不是任何标题」 stands in 0 headline blocks');
    const dated = damagedCopy('articles.json', (text) => text.replace('"date": "2023-11-16"', '"date": "2019-11-16"'));
    const second = runCheck(dated);
    expect(second.status).toBe(1);
    expect(second.out).toContain("date 2019-11-16 of 地铁3号线首台盾构机始发 is not in its issue's year");
  });
});
