import { describe, expect, it } from 'vitest';
import { Postings } from '../../../src/retrieval/index/postings.ts';

// Characters from each Han block the postings index (the main block, extension A, compatibility
// ideographs) at both ends of each, and text that is not Han between them.
const HAN = ['一', '丁', '鿿', '㐀', '㐁', '䶿', '豈', '更', '﫿', '崇', '川'];
const texts = Array.from({ length: 400 }, (_, k) => {
  let s = '';
  for (let i = 0; i < 12; i++) {
    s += HAN[(k * 7 + i * i * 3 + (k % 5) * i) % HAN.length];
    if ((k + i) % 4 === 0) s += ' a1';
  }
  return s;
});

/** Positions of the texts holding every Han bigram of the term (its one character when it has one). */
function naive(term: string, all: string[]): number[] {
  const han = (c: string) => HAN.includes(c);
  const chars = [...term];
  const grams = chars.slice(1).flatMap((c, i) => (han(c) && han(chars[i]!) ? [chars[i]! + c] : []));
  const needles = grams.length > 0 ? grams : chars.filter(han).slice(-1);
  if (needles.length === 0) return [];
  return all.flatMap((t, k) => (needles.every((n) => t.includes(n)) ? [k] : []));
}

describe('Postings', () => {
  it('finds the texts holding each character and bigram of every Han block, as a scan does', () => {
    const postings = Postings.fromTexts(texts);
    const terms = [...HAN, ...HAN.flatMap((a) => HAN.map((b) => a + b)), '崇川一', '㐀豈更', 'a1', '一 丁'];
    let found = 0;
    for (const term of terms) {
      const want = naive(term, texts);
      expect([...postings.lookup(term)], term).toEqual(want);
      found += want.length;
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('decodes gaps of every width, one to five bytes (ids up to 2^32)', () => {
    // The first id of a list is its first gap: 1, 2, 3, 4 and 5 varint bytes.
    for (const firstId of [5, 300, 40_000, 5_000_000, 300_000_000, 4_000_000_000]) {
      const postings = Postings.fromTexts(texts, firstId);
      const back = Postings.fromColumns(postings.toColumns('g'), 'g');
      for (const term of ['崇川', '㐀', '更﫿', '鿿一']) {
        const want = naive(term, texts).map((k) => k + firstId);
        expect(want.length, term).toBeGreaterThan(0);
        expect([...back.lookup(term)], `${term} from ${firstId}`).toEqual(want);
      }
    }
  });

  it('numbers ids from the first id given, and saves and loads back the same lists', () => {
    const postings = Postings.fromTexts(texts, 0);
    const back = Postings.fromColumns(postings.toColumns('g'), 'g');
    for (const term of ['崇川', '㐀', '更﫿', '鿿一'])
      expect([...back.lookup(term)]).toEqual([...postings.lookup(term)]);
    const later = Postings.fromTexts(texts.slice(0, 10));
    later.append(texts.slice(10), 10);
    for (const term of ['崇川', '㐀', '更﫿', '鿿一']) expect([...later.lookup(term)]).toEqual(naive(term, texts));
  });
});
