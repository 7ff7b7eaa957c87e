import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Postings } from '../../../src/retrieval/index/postings.ts';
import { WordIndex } from '../../../src/retrieval/index/word-index.ts';
import { segment } from '../../../src/text/segment.ts';

const texts = [
  '崇川区召开老旧小区改造推进会',
  '老旧小区改造受益居民12000户，老旧小区改造回头看',
  '唐闸古镇规划总面积9.8平方公里',
  'gdp增长13.1%',
  '崇川区唐闸古镇老旧小区',
];
const more = ['新一轮老旧小区改造启动', '唐闸古镇游客12000人次'];

/** The MiniSearch the word index stands in for: jieba words of one field, default BM25. */
function miniSearchOf(all: string[]): MiniSearch<{ id: number; text: string }> {
  const mini = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: (text) => segment(text).map((t) => t.text),
    processTerm: (term) => term,
    searchOptions: { tokenize: (q) => q.split(' ').filter(Boolean), processTerm: (t) => t },
  });
  mini.addAll(all.map((text, id) => ({ id, text })));
  return mini;
}

const asMap = (mini: MiniSearch<{ id: number; text: string }>, words: string[]) =>
  new Map(mini.search({ queries: words, fields: ['text'] }).map((r) => [Number(r.id), r.score]));

const queries = [['老旧', '小区'], ['12000户'], ['gdp'], ['唐闸 面积', '古镇'], ['小区', '小区'], ['股市'], []];

/**
 * MiniSearch's way of combining term scores (SearchableMap results folded with its OR combinator:
 * a map per term into a map per query, those into one; scores added, distinct terms kept; the sum
 * times the number of terms; sorted best first, ties in the order met), over single-term scores.
 */
function miniSearchFold(words: WordIndex, queries: string[]): Map<number, number> {
  type Hit = { score: number; terms: string[] };
  const orInto = (a: Map<number, Hit>, b: Map<number, Hit>) => {
    for (const [id, hit] of b) {
      const existing = a.get(id);
      if (!existing) a.set(id, hit);
      else {
        existing.score = existing.score + hit.score;
        for (const t of hit.terms) if (!existing.terms.includes(t)) existing.terms.push(t);
      }
    }
    return a;
  };
  const termMap = (t: string) =>
    new Map([...words.scores([t])].map(([id, score]) => [id, { score, terms: [t] }] as [number, Hit]));
  const perQuery = queries.map((q) => {
    const maps = q.split(' ').filter(Boolean).map(termMap);
    return maps.length === 0 ? new Map<number, Hit>() : maps.reduce(orInto);
  });
  if (perQuery.length === 0) return new Map();
  const hits = [...perQuery.reduce(orInto)].map(([id, h]) => ({ id, score: h.score * (h.terms.length || 1) }));
  hits.sort((a, b) => b.score - a.score);
  return new Map(hits.map((h) => [h.id, h.score]));
}

describe('word index', () => {
  it('scores exactly as MiniSearch does, in the same order', () => {
    const words = WordIndex.fromTexts(texts);
    const mini = miniSearchOf(texts);
    for (const q of queries) expect([...words.scores(q)]).toEqual([...asMap(mini, q)]);
    expect(words.scores(['老旧', '小区']).size).toBe(3);
  });

  it('scores as MiniSearch does over many passages, ties and queries of several terms', () => {
    // Passages of a few words each, picked by a fixed rule: many share words and tie in score.
    const vocabulary = ['老旧小区', '改造', '居民', '唐闸古镇', '游客', '规划', '面积', '崇川区', '街道', '社区'];
    const many = Array.from({ length: 300 }, (_, k) =>
      Array.from(
        { length: 2 + (k % 5) },
        (_, i) => vocabulary[(k * 3 + i * i * 7 + (k >> 2)) % vocabulary.length],
      ).join('，'),
    );
    const words = WordIndex.fromTexts(many);
    const mini = miniSearchOf(many);
    const asked = [
      ['改造'],
      ['改造', '居民 游客'],
      ['居民 游客', '改造'],
      ['规划 面积 街道', '社区', '改造 改造'],
      ['社区 社区', '社区'],
      ['游客', '没有的词', ''],
    ];
    for (const q of asked) {
      const got = [...words.scores(q)];
      expect(got.length, q.join('|')).toBeGreaterThan(10);
      // MiniSearch's folding, to the last bit and in its order, over the index's own term scores.
      expect(got, q.join('|')).toEqual([...miniSearchFold(words, q)]);
      // And MiniSearch itself (its average length is summed in another order: the last bits may differ).
      const theirs = asMap(mini, q);
      expect(new Set(got.map(([id]) => id))).toEqual(new Set(theirs.keys()));
      for (const [id, score] of got) expect(score).toBeCloseTo(theirs.get(id)!, 9);
    }
  });

  it('tells the words segmentation produced', () => {
    const words = WordIndex.fromTexts(texts);
    expect(words.has('小区')).toBe(true);
    expect(words.has('12000户')).toBe(true);
    expect(words.has('股市')).toBe(false);
  });

  it('lists the passages holding a word: those it scores, grown and cut in place too', () => {
    const words = WordIndex.fromTexts([...texts, ...more]);
    const check = () => {
      for (const word of ['老旧', '小区', '12000户', '古镇', '股市', '启动'])
        expect([...words.passagesOf(word)].sort()).toEqual([...words.scores([word]).keys()].sort());
    };
    check();
    expect([...words.passagesOf('小区')].sort()).toEqual([0, 1, 4, 5]);
    words.removeRange(1, 3);
    check();
    words.append(more);
    check();
    expect(words.passagesOf('股市').size).toBe(0);
  });

  it('grows in place as MiniSearch.addAll does', () => {
    const words = WordIndex.fromTexts(texts);
    words.append(more);
    const mini = miniSearchOf([...texts, ...more]);
    for (const q of [...queries, ['人次'], ['启动', '老旧']]) expect([...words.scores(q)]).toEqual([...asMap(mini, q)]);
  });

  it('drops a range of passages and renumbers the rest', () => {
    const words = WordIndex.fromTexts([...texts, ...more]);
    words.removeRange(1, 3);
    const kept = [texts[0]!, ...texts.slice(3), ...more];
    const fresh = WordIndex.fromTexts(kept);
    expect(words.documentCount).toBe(kept.length);
    for (const q of queries) {
      const got = words.scores(q);
      const want = fresh.scores(q);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [id, score] of want) expect(got.get(id)).toBeCloseTo(score, 9);
    }
    expect(words.has('12000户')).toBe(false);
  });

  it('survives a round trip through its columns', () => {
    const words = WordIndex.fromTexts(texts);
    const back = WordIndex.fromColumns(words.toColumns('w'), 'w', texts.length);
    for (const q of queries) expect([...back.scores(q)]).toEqual([...words.scores(q)]);
  });
});

describe('postings', () => {
  it('finds the texts holding every bigram of a term, or its one character', () => {
    const postings = Postings.fromTexts(texts);
    expect([...postings.lookup('老旧小区')]).toEqual([0, 1, 4]);
    expect([...postings.lookup('古镇')]).toEqual([2, 4]);
    expect([...postings.lookup('户')]).toEqual([1]);
    expect([...postings.lookup('股市')]).toEqual([]);
  });

  it('grows in place and drops ranges as a fresh build of the same texts', () => {
    const all = [...texts, ...more];
    const grown = Postings.fromTexts(texts);
    grown.append(more, texts.length);
    const fresh = Postings.fromTexts(all);
    const shrunk = Postings.fromTexts(all);
    shrunk.removeRange(1, 3);
    const kept = Postings.fromTexts([texts[0]!, ...texts.slice(3), ...more]);
    for (const term of ['老旧小区', '古镇', '户', '人次', '启动', '股市', '面积']) {
      expect([...grown.lookup(term)]).toEqual([...fresh.lookup(term)]);
      expect([...shrunk.lookup(term)]).toEqual([...kept.lookup(term)]);
    }
    expect(shrunk.size).toBe(kept.size);
  });

  it('survives a round trip through its columns', () => {
    const postings = Postings.fromTexts(texts);
    const back = Postings.fromColumns(postings.toColumns('g'), 'g');
    expect([...back.lookup('老旧小区')]).toEqual([0, 1, 4]);
  });
});
