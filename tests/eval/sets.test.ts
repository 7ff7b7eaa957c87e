/**
 * Every written evaluation set stays consistent with its archive: eval/tools/check-set.mjs passes on the
 * committed files of each and fails, naming the question or article, on each kind of damage it guards
 * against, by the set's rules (eval/tools/sets.mjs), restated here so a wrong rule there fails. The damaged
 * copies live in a temporary tree (seeds + eval) so the real files are untouched. For the held-out sets
 * only the form is checked; no test searches their questions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, ROOT, setChecker, unlines } from '../support/eval-set-check.ts';

interface SetRules {
  set: string;
  /** The first letter of its ids (own also has h…, its released part). */
  letter: string;
  issues: number;
  questions: number;
  negatives: number;
  /**
   * Whether a key of an older set's article is accepted beside one of the set's own, and then where the
   * answer may stand: in one of the set's own articles, or in the article of any of its keys.
   */
  widened: false | 'answerInSet' | 'answerAnywhere';
  datesInYear: boolean;
  perIssue: string;
}

// biome-ignore format: one set a line reads as a table
const SETS: SetRules[] = [
  { set: 'own', letter: 'o', issues: 7, questions: 200, negatives: 40, widened: false, datesInYear: false, perIssue: '6–9' },
  { set: 'fresh-d', letter: 'd', issues: 4, questions: 75, negatives: 12, widened: 'answerInSet', datesInYear: true, perIssue: '5–7' },
  { set: 'fresh-e', letter: 'e', issues: 4, questions: 75, negatives: 12, widened: 'answerAnywhere', datesInYear: false, perIssue: '5–7' },
  { set: 'fresh-f', letter: 'f', issues: 4, questions: 75, negatives: 12, widened: 'answerAnywhere', datesInYear: false, perIssue: '5–7' },
  { set: 'unseen', letter: 'u', issues: 3, questions: 55, negatives: 10, widened: false, datesInYear: true, perIssue: '6–8' },
  { set: 'unseen-2', letter: 'v', issues: 3, questions: 60, negatives: 10, widened: false, datesInYear: true, perIssue: '6–8' },
  { set: 'unseen-3', letter: 'x', issues: 3, questions: 60, negatives: 10, widened: false, datesInYear: true, perIssue: '6–8' },
];

// 「守牢安全发展底线」 heads an article of fresh-a (2025), an older set of every archive here.
const OLDER_KEY = '守牢安全发展底线';

interface Gold {
  years: Record<string, number>;
  articles: { seed: string; keys: string[]; date: string }[];
}
const regold = (change: (gold: Gold) => void) => (text: string) => {
  const gold = JSON.parse(text) as Gold;
  change(gold);
  return `${JSON.stringify(gold, null, 2)}\n`;
};
const answered = (items: Record<string, unknown>[]) =>
  items.find((i) => typeof i.answer === 'string' && Array.isArray(i.relevant) && i.relevant.length > 0)!;

describe.each(SETS)('eval/tools/check-set.mjs $set', (rules) => {
  const { set, letter } = rules;
  const { runCheck, damagedCopy } = setChecker(set);
  // A held-out set's output is never shown, not even by a failing test: only whether it holds a line.
  const held = set.startsWith('unseen');
  const expectOut = (out: string, want: string | RegExp, present = true) => {
    const found = typeof want === 'string' ? out.includes(want) : want.test(out);
    const shown = held ? 'a line of the held-out output' : `${String(want)} in\n${out}`;
    expect(found, `${present ? 'wanted' : 'not wanted'}: ${shown}`).toBe(present);
  };

  it('passes on the committed set, which is as large as its brief asks, also through eval/<set>/check.mjs', () => {
    const { status, out } = runCheck(ROOT);
    expectOut(out, '\nok');
    expect(status).toBe(0);
    expectOut(out, `issues: ${rules.issues},`);
    const wrapped = runCheck(ROOT, { wrapper: true });
    expect(wrapped.status).toBe(0);
    expect(wrapped.out === out, 'eval/<set>/check.mjs prints what check-set.mjs prints').toBe(true);
    const questions = lines(fs.readFileSync(path.join(ROOT, `eval/${set}/questions.jsonl`), 'utf8'));
    expect(questions.length).toBeGreaterThanOrEqual(rules.questions);
    expect(questions.filter((q) => q.negative === true).length).toBeGreaterThanOrEqual(rules.negatives);
    // The own set's part first held out (h-ids) stays in it after its release.
    if (set === 'own') expect(questions.filter((q) => String(q.id).startsWith('h')).length).toBeGreaterThanOrEqual(60);
  });

  it('fails on an answer its article does not hold', () => {
    const dir = damagedCopy('questions.jsonl', (text) => {
      const items = lines(text);
      const first = answered(items);
      first.answer = `${String(first.answer)}零零`;
      return unlines(items);
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expectOut(out, new RegExp(`${letter}\\d{3}: answer 「.+零零」 is in none of its articles`));
  });

  it('fails on a repeated id, a key in no headline and a key standing in two', () => {
    let repeated = '';
    const dir = damagedCopy('questions.jsonl', (text) => {
      const items = lines(text);
      repeated = String(items[0]!.id);
      // 「新闻」 stands in the mastheads and headlines of many issues.
      const shared = { id: `${letter}999`, q: '新闻', relevant: ['新闻'] };
      return unlines([...items, { ...items[0], relevant: ['这一行不是任何标题'] }, shared]);
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expectOut(out, `id ${repeated} repeats`);
    expectOut(out, 'key 「这一行不是任何标题」 stands in 0 headline blocks');
    expectOut(out, new RegExp(`${letter}999: key 「新闻」 stands in \\d+ headline blocks`));
  });

  it('fails on a question bound only to an article of an older set of its archive', () => {
    const dir = damagedCopy('questions.jsonl', (text) =>
      unlines([...lines(text), { id: `${letter}999`, q: '安全生产怎么抓', relevant: [OLDER_KEY], answer: '安全' }]),
    );
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expectOut(
      out,
      rules.widened
        ? `${letter}999: no key names a ${set} article`
        : `${letter}999: key 「${OLDER_KEY}」 is not an ${set} article`,
    );
  });

  it(`${rules.widened ? 'accepts' : 'refuses'} an older set's key beside one of the set's own`, () => {
    const dir = damagedCopy('questions.jsonl', (text) => {
      const items = lines(text);
      const first = answered(items);
      const widened = { ...first, id: `${letter}999`, relevant: [...(first.relevant as string[]), OLDER_KEY] };
      return unlines([...items, widened]);
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(rules.widened ? 0 : 1);
    if (!rules.widened) expectOut(out, `${letter}999: key 「${OLDER_KEY}」 is not an ${set} article`);
  });

  it(`${rules.widened === 'answerAnywhere' ? 'accepts' : 'refuses'} an answer standing only in the older set's article`, () => {
    const dir = damagedCopy('questions.jsonl', (text) => {
      const items = lines(text);
      const first = answered(items);
      // The older article's headline is in its text, and in no article of the set.
      const widened = {
        ...first,
        id: `${letter}999`,
        relevant: [...(first.relevant as string[]), OLDER_KEY],
        answer: OLDER_KEY,
      };
      return unlines([...items, widened]);
    });
    const { status, out } = runCheck(dir);
    expect(status).toBe(rules.widened === 'answerAnywhere' ? 0 : 1);
    if (rules.widened === 'answerInSet')
      expectOut(out, `${letter}999: answer 「${OLDER_KEY}」 is in none of its articles`);
    if (!rules.widened) expectOut(out, `${letter}999: key 「${OLDER_KEY}」 is not an ${set} article`);
  });

  it(`fails on an article date of the wrong shape${rules.datesInYear ? ' or outside its issue year' : ''} and a key not in its issue`, () => {
    let moved = { date: '', key: '' };
    const dir = damagedCopy(
      'articles.json',
      regold((gold) => {
        gold.articles[0]!.date = '2023/9/29';
        gold.articles[1]!.keys = ['这一行不是任何标题'];
        const a = gold.articles[2]!;
        a.date = `1999${a.date.slice(4)}`;
        moved = { date: a.date, key: a.keys[0]! };
      }),
    );
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expectOut(out, 'bad date 2023/9/29');
    expectOut(out, 'keys ["这一行不是任何标题"] are not all in one headline block');
    const outsideYear = `date ${moved.date} of ${moved.key} is not in its issue's year`;
    expectOut(out, outsideYear, rules.datesInYear);
  });

  it('fails on an issue with too few articles, even none', () => {
    let emptied = '';
    const dir = damagedCopy(
      'articles.json',
      regold((gold) => {
        emptied = gold.articles[0]!.seed;
        gold.articles = gold.articles.filter((a) => a.seed !== emptied);
      }),
    );
    const { status, out } = runCheck(dir);
    expect(status).toBe(1);
    expectOut(out, `${emptied}: 0 articles, want ${rules.perIssue}`);
  });
});
