import { describe, expect, it } from 'vitest';
import { normalize, readingForm } from '../../src/text/normalize.ts';

describe('numbers written two ways', () => {
  it('normalizes Chinese digits of a year and of a numbered line to Arabic ones, keeping the length', () => {
    const pairs: [string, string][] = [
      ['二〇二四年三月', '2024年三月'],
      ['地铁一号线', '地铁1号线'],
      ['二号线沿线', '2号线沿线'],
    ];
    for (const [from, to] of pairs) {
      expect(normalize(from)).toBe(to);
      expect(normalize(from)).toHaveLength(from.length);
    }
  });

  it('leaves words that merely hold a digit character, and numerals it cannot write as long', () => {
    expect(normalize('统一号召')).toBe('统一号召');
    expect(normalize('一年一度')).toBe('一年一度');
    expect(normalize('十二号线')).toBe('十二号线');
  });
});

describe("readingForm: the form an issue's layout is read in", () => {
  it('reads Traditional characters, full-width digits and a year in Chinese digits as Simplified and Arabic, the length kept', () => {
    const pairs: [string, string][] = [
      ['本報訊（記者 邱振華）', '本报讯（记者 邱振华）'],
      ['５月１日上午', '5月1日上午'],
      ['二〇二三年十一月二十日', '2023年十一月二十日'],
    ];
    for (const [from, to] of pairs) {
      expect(readingForm(from)).toBe(to);
      expect(readingForm(from)).toHaveLength(from.length);
    }
  });

  it('keeps punctuation, letter case and Simplified text as printed', () => {
    expect(readingForm('（记者 张三）ＡＰＰ：')).toBe('（记者 张三）APP：');
    const plain = '本报讯 4月10日，崇川区召开动员会。';
    expect(readingForm(plain)).toBe(plain);
  });
});
