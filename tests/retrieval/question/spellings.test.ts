import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/retrieval/index/search-index.ts';
import { shortFormsOf, withShortForms } from '../../../src/retrieval/question/abbreviations.ts';
import { chineseNumeralValue, otherSpellings, withOtherSpellings } from '../../../src/retrieval/question/numerals.ts';
import { search } from '../../../src/retrieval/ranking/rank.ts';
import { seedsWithIssue } from '../../support/seed-library.ts';

const FIXTURE = 'tests/fixtures/spellings/2025-06-02_short-forms-numerals.txt';

describe('a count in Chinese numerals and in Arabic digits', () => {
  it('reads Chinese numerals below ten thousand', () => {
    expect(chineseNumeralValue('五')).toBe(5);
    expect(chineseNumeralValue('十二')).toBe(12);
    expect(chineseNumeralValue('二十')).toBe(20);
    expect(chineseNumeralValue('两百')).toBe(200);
    expect(chineseNumeralValue('三千零五')).toBe(3005);
    // Two digits side by side are a name or a date (五一, 三八), not a count.
    expect(chineseNumeralValue('五一')).toBeUndefined();
    expect(chineseNumeralValue('百十')).toBeUndefined();
  });

  it('spells a count word the other way, with its unit', () => {
    expect(otherSpellings('五分钟')).toEqual(['5分钟']);
    expect(otherSpellings('十二个')).toEqual(['12个']);
    expect(otherSpellings('两百')).toEqual(['200']);
    expect(otherSpellings('5小时')).toEqual(['五小时']);
    expect(otherSpellings('2天')).toEqual(['两天', '二天']);
  });

  it('leaves words that hold a numeral character but count nothing, and one alone', () => {
    for (const word of ['一起', '统一', '三农', '五一', '一个', '1次', '五', '2024年', '3号线'])
      expect(otherSpellings(word)).toEqual([]);
  });

  it('joins a numeral jieba cut off its unit, and adds an Arabic count the question spells in digits', () => {
    const cut = withOtherSpellings(
      [
        { terms: ['图书馆'], weight: 1 },
        { terms: ['三'], weight: 0.35 },
        { terms: ['小时'], weight: 1 },
      ],
      '图书馆延长三小时',
    );
    expect(cut.map((c) => c.terms)).toEqual([['图书馆'], ['三小时', '3小时']]);
    const digits = withOtherSpellings([{ terms: ['小时'], weight: 1 }], '延长5小时');
    expect(digits.map((c) => c.terms)).toEqual([['小时'], ['5小时', '五小时']]);
    // Two digits are a concept already: left as the question reads them.
    const two = withOtherSpellings([{ terms: ['24'], weight: 1 }], '24小时开放');
    expect(two.map((c) => c.terms)).toEqual([['24']]);
  });
});

describe('a long form asked where the report prints the short form', () => {
  const archive = (words: string[]) => ({
    isWord: (t: string) => words.includes(t),
    passageCount: () => 1,
  });

  it('finds the archive word made of one character of each question word, the first opening it', () => {
    expect(shortFormsOf(['暑假', '托管', '班'], '暑假托管班收多少钱', archive(['暑托班']))).toEqual([
      { start: 0, length: 3, shortForm: '暑托班' },
    ]);
    const out = withShortForms(
      [
        { terms: ['暑假'], weight: 1 },
        { terms: ['托管'], weight: 0.5 },
        { terms: ['班'], weight: 0.35 },
        { terms: ['每期'], weight: 0.5 },
      ],
      '暑假托管班每期收多少钱',
      archive(['暑托班']),
    );
    expect(out.map((c) => c.terms)).toEqual([['暑假', '暑托班'], ['托管', '暑托班'], ['班', '暑托班'], ['每期']]);
  });

  it('refuses words apart in the question, a short form not opening with the first word, or none the archive holds', () => {
    // 暑假 and 托管 not side by side.
    expect(shortFormsOf(['暑假', '托管', '班'], '暑假的托管班', archive(['暑托班']))).toEqual([]);
    // 假托班 does not open with the name's first character.
    expect(shortFormsOf(['暑假', '托管', '班'], '暑假托管班', archive(['假托班']))).toEqual([]);
    expect(shortFormsOf(['暑假', '托管', '班'], '暑假托管班', archive([]))).toEqual([]);
    // Two lone characters make no name.
    expect(shortFormsOf(['暑假', '托', '班'], '暑假托班', archive(['暑托班']))).toEqual([]);
  });
});

describe('search across the two spellings (a constructed issue)', () => {
  let index: SearchIndex;
  beforeAll(() => {
    index = seedsWithIssue(FIXTURE);
  });
  const top = (q: string) => search(index, q, { limit: 3 })[0];

  it('tells two articles apart by a count asked in the other numerals', () => {
    expect(top('哪个图书馆延长开放三小时')?.headline).toBe('城南图书馆周末延长开放3小时');
    expect(top('哪个图书馆延长开放五小时')?.headline).toBe('城北图书馆暑期延长开放5小时');
    expect(top('哪个图书馆延长开放5小时')?.headline).toBe('城北图书馆暑期延长开放5小时');
  });

  it('finds 暑托班 asked as 暑假托管班, over an article of another 暑假 class', () => {
    expect(top('暑假托管班每期收多少钱')?.headline).toBe('全区暑托班7月8日开班');
    const r = top('暑假托管班几号开班');
    expect(r?.headline).toBe('全区暑托班7月8日开班');
    expect(r?.confidence).toBe('answer');
  });
});
