import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/retrieval/index/search-index.ts';
import {
  abbreviationExpansions,
  expansionAt,
  withAbbreviations,
} from '../../../src/retrieval/question/abbreviations.ts';
import { search } from '../../../src/retrieval/ranking/rank.ts';
import { seedsWithIssue } from '../../support/seed-library.ts';

const FIXTURE = 'tests/fixtures/unseen/2024-10-14_numbers-abbreviations.txt';

describe('abbreviation expansions', () => {
  const texts = ['全区参加长期护理保险的居民已有3.2万人。', '长期护理保险重点保障重度失能人员。', '长江护岸工程'];

  it('finds the phrase whose words hold the abbreviation’s characters in order, the first opening it', () => {
    expect(abbreviationExpansions('长护险', texts)).toEqual(['长期护理保险']);
    expect(expansionAt('长期护理保险的居民', 0, '长护险')).toBe('长期护理保险');
  });

  it('refuses phrases whose characters are not whole words in turn, or too long', () => {
    // 长江护岸 holds 长 and 护 but no word with 险 after them.
    expect(expansionAt('长江护岸工程', 0, '长护险')).toBeUndefined();
    // The first character must open the phrase.
    expect(abbreviationExpansions('期护险', texts)).toEqual([]);
    // Two characters are no abbreviation sought here.
    expect(abbreviationExpansions('长护', texts)).toEqual([]);
  });

  it('leaves words the archive holds, and synonym groups, as they are', () => {
    const concepts = [
      { terms: ['长护险'], weight: 1 },
      { terms: ['居民'], weight: 1 },
      { terms: ['全马', '全程马拉松'], weight: 1 },
    ];
    const out = withAbbreviations(concepts, {
      isWord: (t) => t === '居民',
      occurs: () => false,
      abbreviates: (t) => abbreviationExpansions(t, texts),
    });
    expect(out.map((c) => c.terms)).toEqual([['长护险', '长期护理保险'], ['居民'], ['全马', '全程马拉松']]);
  });
});

describe('search across the two spellings and abbreviations (a constructed issue)', () => {
  let index: SearchIndex;
  beforeAll(() => {
    index = seedsWithIssue(FIXTURE);
  });
  const top = (q: string) => search(index, q, { limit: 3 })[0];

  it('finds 一号线 for 1号线, and a year written in Chinese digits for 2024年', () => {
    expect(top('1号线')?.headline).toBe('地铁一号线沿线站点完成适老化改造');
    expect(top('2号线')?.passage).toContain('二号线沿线推广');
    expect(top('适老化改造2024年几月启动')?.passage).toContain('二〇二四年三月');
  });

  it('finds 长期护理保险 asked as 长护险', () => {
    const r = top('参加长护险的有多少人');
    expect(r?.headline).toBe('长期护理保险惠及更多失能老人');
    expect(r?.confidence).toBe('answer');
  });

  it('does not let a random three-character string match everything', () => {
    // Characters of the archive itself, in an order it does not hold.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const chars = [...new Set([...index.passageTexts.join('')].filter((c) => /\p{Script=Han}/u.test(c)))];
    let expanded = 0;
    for (let k = 0; k < 30; k++) {
      const word = Array.from({ length: 3 }, () => chars[Math.floor(random() * chars.length)]).join('');
      const found = abbreviationExpansions(word, index.passageTexts);
      if (found.length > 0) expanded++;
      // Never more than a handful of phrases, however common its characters.
      expect(found.length).toBeLessThanOrEqual(3);
    }
    expect(expanded).toBeLessThanOrEqual(2);
    // The most common characters of news text in order make no abbreviation either.
    expect(abbreviationExpansions('的是在', index.passageTexts)).toEqual([]);
  });
});
