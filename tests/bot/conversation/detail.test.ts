import { describe, expect, it } from 'vitest';
import {
  answeringParagraph,
  DETAIL_BUDGET,
  firstExcerpt,
  nextExcerpt,
  type Shown,
  widen,
} from '../../../src/bot/conversation/detail.ts';

describe('具体说说: excerpts around the answering paragraph', () => {
  it('finds the paragraph holding the answering sentence, spaces aside, else the passage’s start, else 0', () => {
    const paragraphs = ['开头一段。', '第二段说了规划面积9.8平方公里。还有别的。', '第三段。'];
    expect(answeringParagraph(paragraphs, '第二段说了…', '第二段说了规划面积 9.8平方公里。')).toBe(1);
    expect(answeringParagraph(paragraphs, '第三段。', '没有这句话')).toBe(2);
    expect(answeringParagraph(paragraphs, '都不在', '也不在')).toBe(0);
  });

  it('takes the answering paragraph, then the next and the one before by turns, within the budget', () => {
    expect(firstExcerpt([100, 100, 100, 100, 100], 2, 300)).toEqual({ from: 1, to: 4 });
    // The paragraph after comes first when only one more fits.
    expect(firstExcerpt([100, 100, 100, 100, 100], 2, 200)).toEqual({ from: 2, to: 4 });
    // At the end, it grows backwards.
    expect(firstExcerpt([100, 100, 100, 100], 3, 300)).toEqual({ from: 1, to: 4 });
    // The answering paragraph is shown however long; a neighbour too long is skipped, and one beyond it not reached.
    expect(firstExcerpt([50, 900, 50], 1, 300)).toEqual({ from: 1, to: 2 });
    expect(firstExcerpt([50, 900, 50], 0, 300)).toEqual({ from: 0, to: 1 });
    expect(firstExcerpt([], 0)).toEqual({ from: 0, to: 0 });
  });

  it('goes on with the paragraphs after, then those before, until all are shown, never showing one twice', () => {
    const lengths = [300, 300, 300, 300, 300, 300, 300, 300];
    let shown: Shown | undefined;
    const seen: number[] = [];
    let excerpt: Shown | undefined = firstExcerpt(lengths, 3);
    for (let asks = 0; excerpt && asks < 20; asks++) {
      for (let k = excerpt.from; k < excerpt.to; k++) seen.push(k);
      expect(excerpt.to - excerpt.from).toBeGreaterThanOrEqual(1);
      shown = widen(shown, excerpt);
      excerpt = nextExcerpt(lengths, shown);
    }
    expect(excerpt).toBeUndefined();
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Forwards from the answer first, then what came before it.
    expect(seen).toEqual([3, 4, 5, 6, 7, 1, 2, 0]);
  });

  it('keeps each excerpt within the budget unless one paragraph alone is longer', () => {
    const lengths = [120, 480, 90, 300, 260, 2000, 40];
    let shown = firstExcerpt(lengths, 1);
    for (let e: Shown | undefined = shown; e; e = nextExcerpt(lengths, shown)) {
      const used = lengths.slice(e.from, e.to).reduce((a, b) => a + b, 0);
      expect(used <= DETAIL_BUDGET || e.to - e.from === 1).toBe(true);
      shown = widen(shown, e);
    }
    expect(shown).toEqual({ from: 0, to: lengths.length });
  });
});
