import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.ts';

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
