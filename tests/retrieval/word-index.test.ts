import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildWordIndexData, loadWordIndex, wordIndexOptions } from '../../src/retrieval/word-index.ts';
import { Postings } from '../../src/retrieval/postings.ts';

const texts = [
  '崇川区召开老旧小区改造推进会',
  '老旧小区改造受益居民12000户',
  '唐闸古镇规划总面积9.8平方公里',
  'gdp增长13.1%',
];

describe('word index', () => {
  it('scores exactly as MiniSearch addAll would', () => {
    const viaAddAll = new MiniSearch(wordIndexOptions);
    viaAddAll.addAll(texts.map((text, id) => ({ id, text })));
    const viaCounts = loadWordIndex(buildWordIndexData(texts));
    for (const q of ['老旧 小区', '12000户', 'gdp', '唐闸 面积']) {
      expect(viaCounts.search(q)).toEqual(viaAddAll.search(q));
      expect(viaCounts.search(q).length).toBeGreaterThan(0);
    }
  });
});

describe('postings', () => {
  it('finds the texts holding every bigram of a term, or its one character', () => {
    const postings = Postings.fromTexts(texts);
    expect([...postings.lookup('老旧小区')]).toEqual([0, 1]);
    expect([...postings.lookup('古镇')]).toEqual([2]);
    expect([...postings.lookup('户')]).toEqual([1]);
    expect([...postings.lookup('股市')]).toEqual([]);
  });

  it('survives a round trip through JSON', () => {
    const postings = Postings.fromTexts(texts);
    const back = Postings.fromJSON(JSON.parse(JSON.stringify(postings.toJSON())) as Record<string, string>);
    expect([...back.lookup('老旧小区')]).toEqual([0, 1]);
  });
});
