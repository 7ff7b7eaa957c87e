/**
 * Two reports of one subject in different years (an exhibition held again, a yearly figure
 * updated): a question that asks for something and names no date means the present, so the newer
 * report leads when it covers the question as fully and scores nearly as well.
 */
import { describe, expect, it } from 'vitest';
import { search } from '../../../src/retrieval/ranking/rank.ts';
import { oneArticleArchive } from '../../support/one-article-issues.ts';

const FILLER = '主办方表示，将持续优化服务，欢迎市民前来参观。';

const archive = oneArticleArchive('n', FILLER, [
  // The older report repeats the exhibition's name: it scores a little better.
  [
    '江海遗珍特展在城南博物馆开幕',
    '4月18日，江海遗珍特展在城南博物馆开幕，江海遗珍特展展出文物180余件，展期至7月31日。',
    '2023-04-18',
  ],
  [
    '城南博物馆江海遗珍特展再度开幕',
    '4月30日，江海遗珍特展在城南博物馆开幕，展出文物263件，展期至8月31日。',
    '2024-04-30',
  ],
  // A newer article on another subject that shares words with the question, its title none of them.
  ['市民文化节闭幕', '市民文化节闭幕，博物馆、图书馆等场馆全年接待观众超过百万人次。', '2025-01-10'],
]);

describe('the newer of two reports of one subject', () => {
  it('leads for a question that names no date', () => {
    expect(search(archive, '江海遗珍特展展出了多少件文物')[0]?.date).toBe('2024-04-30');
  });

  it('gives way to the date the question names', () => {
    expect(search(archive, '2023年江海遗珍特展展出了多少件文物')[0]?.date).toBe('2023-04-18');
  });

  it('does not lift a newer article whose headline names nothing of the question', () => {
    const top = search(archive, '城南博物馆全年接待观众多少人次')[0];
    expect(top?.date).toBe('2025-01-10');
    // The question's subject in both headlines: the older stays when it covers more of the question.
    expect(search(archive, '江海遗珍特展展期到7月31日吗')[0]?.date).toBe('2023-04-18');
  });
});

describe('the newer of two reports of one subject, of one place', () => {
  // Two streets' canteens: alike reports, two subjects. The newer matches the question's other
  // words as well as the older (better: 老年 too), but never names the street the question asks of.
  const streets = oneArticleArchive('s', FILLER, [
    ['学田街道社区食堂开业', '3月11日，学田街道社区食堂开业，老人每餐10元。', '2024-03-11'],
    ['城东街道老年食堂扩面', '6月5日，城东街道又一家老年食堂开业，老人每餐12元。', '2025-06-05'],
  ]);

  it('does not lead when its article never holds the place the older headline names', () => {
    expect(search(streets, '学田街道老年食堂每餐多少钱')[0]?.date).toBe('2024-03-11');
  });

  it('still leads when the question names no such place', () => {
    expect(search(streets, '社区老年食堂每餐多少钱')[0]?.date).toBe('2025-06-05');
  });
});
