/**
 * The second held-out evaluation set (eval/unseen-2) stays consistent with its issues: its check.mjs
 * passes on the committed files and fails, naming the question, on each kind of damage it guards
 * against. Only the set's form is checked here; the questions are never searched by a test.
 * The damaged copies live in a temporary tree (seeds + eval) so the real files are untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, ROOT, setChecker, unlines } from '../support/eval-set-check.ts';

const { runCheck, damagedCopy } = setChecker('unseen-2');

describe('eval/unseen-2/check.mjs', () => {
  it('passes on the committed set: three issues, about sixty-five questions, about a fifth near misses', () => {
    const { status, out } = runCheck(ROOT);
    expect(out).toContain('\nok');
    expect(status).toBe(0);
    expect(out).toContain('issues: 3,');
    const questions = lines(fs.readFileSync(path.join(ROOT, 'eval/unseen-2/questions.jsonl'), 'utf8'));
    expect(questions.length).toBeGreaterThanOrEqual(60);
    const negatives = questions.filter((q) => q.negative === true).length;
    expect(negatives).toBeGreaterThanOrEqual(10);
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
    expect(out).toMatch(/v\d{3}: answer 「.+零零」 is in none of its articles/);
  });

  it('fails on a question bound to an article of another set', () => {
    // 「三所新校加紧建设」 heads an article of eval/own (2022): this set names its own articles only.
    const dir = damagedCopy('questions.jsonl', (text) =>
      unlines([
        ...lines(text),
        { id: 'v999', q: '新学校有多少学位', relevant: ['三所新校加紧建设'], answer: '3030个' },
      ]),
    );
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain('v999: key 「三所新校加紧建设」 is not an unseen-2 article');
  });

  it('fails on a repeated id, a key in no headline, and an article date outside its issue year', () => {
    const dir = damagedCopy('questions.jsonl', (text) => {
      const items = lines(text);
      return unlines([...items, { ...items[0], relevant: ['这一行不是任何标题'] }]);
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expect(out).toContain('id v001 repeats');
    expect(out).toContain('key 「这一行不是任何标题」 stands in 0 headline blocks');
    const dated = damagedCopy('articles.json', (text) => text.replace('"date": "2024-12-23"', '"date": "2019-12-23"'));
    const second = runCheck(dated);
    expect(second.status).toBe(1);
    expect(second.out).toContain("date 2019-12-23 of 通大附院全面推行床旁结算 is not in its issue's year");
  });
});
