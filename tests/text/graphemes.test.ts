import { describe, expect, it } from 'vitest';
import { clip, graphemeBoundaryBefore, graphemePrefix } from '../../src/text/graphemes.ts';

const family = '👨‍👩‍👧'; // five code points, eight UTF-16 units, one character to a reader
const flag = '🇨🇳';

describe('cutting at grapheme boundaries', () => {
  it('never keeps half a surrogate pair or half a cluster', () => {
    expect(graphemePrefix(`ab😀`, 3)).toBe('ab');
    expect(graphemePrefix(`a${family}b`, 8)).toBe('a');
    expect(graphemePrefix(`a${family}b`, 9)).toBe(`a${family}`);
    expect(graphemePrefix(`${flag}${flag}`, 6)).toBe(flag);
    expect(graphemePrefix('e\u0301e\u0301', 3)).toBe('e\u0301');
  });

  it('clips with an ellipsis inside the same length, and leaves short text alone', () => {
    expect(clip('老旧小区改造', 6)).toBe('老旧小区改造');
    expect(clip(`${'股'.repeat(39)}😀行情`, 41)).toBe(`${'股'.repeat(39)}…`);
    expect(clip(`${'股'.repeat(39)}😀行情`, 42)).toBe(`${'股'.repeat(39)}😀…`);
    expect(clip('abcdef', 4, '')).toBe('abcd');
  });

  it('finds the cluster start a position falls in', () => {
    const s = `ab${family}cd`;
    expect(graphemeBoundaryBefore(s, 5)).toBe(2);
    expect(graphemeBoundaryBefore(s, 10)).toBe(10);
    expect(graphemeBoundaryBefore(s, 0)).toBe(0);
    expect(graphemeBoundaryBefore(s, 99)).toBe(s.length);
  });

  it('cuts a text of millions of characters the same way', () => {
    const huge = '头条😀'.repeat(1_000_000);
    expect(graphemePrefix(huge, 201)).toBe(`${'头条😀'.repeat(50)}头`);
    expect(graphemePrefix(huge, 203)).toBe(`${'头条😀'.repeat(50)}头条`);
    expect(graphemeBoundaryBefore(huge, 3_000_003)).toBe(3_000_002);
  });
});
