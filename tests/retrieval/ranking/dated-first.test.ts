/**
 * A question that names a year: of two stories alike in score and label, the one of that year leads
 * a later one that only names the year in passing, unless the later one's headline names the year
 * (a year-end report of the next January is of that year).
 */
import { describe, expect, it } from 'vitest';
import { search } from '../../../src/retrieval/ranking/rank.ts';
import { oneArticleArchive } from '../../support/one-article-issues.ts';

const FILLER = '学校表示，将继续深化教学改革，办好人民满意的教育。';

const archive = oneArticleArchive('d', FILLER, [
  [
    '城南中学迎来新一届领导班子',
    '3月18日，城南中学召开教师大会，宣布新一届领导班子：钱立新任校长，周雅任副校长。',
    '2024-03-18',
  ],
  // Names 2024 in passing, and its headline matches 校长 better: it outscores the 2024 report.
  ['周雅出任城南中学校长', '5月6日，城南中学宣布周雅任校长。2024年起任校长的钱立新已调任区教育局。', '2026-05-06'],
  ['城南中学招生计划公布', '城南中学2025年计划招收新生600名，比上年增加50名。', '2025-04-10'],
  ['二〇二五年城南中学招收新生600名', '1月5日，城南中学公布，去年共招收新生600名，招生人数创新高。', '2026-01-05'],
]);

describe('the story of the year the question names', () => {
  it('leads a later one that names the year in passing', () => {
    expect(search(archive, '2024年城南中学的校长是谁')[0]?.date).toBe('2024-03-18');
  });

  it('leaves the newer first when no year is named', () => {
    expect(search(archive, '城南中学的校长是谁')[0]?.date).toBe('2026-05-06');
  });

  it('does not lead a report whose headline names the year', () => {
    expect(search(archive, '2025年城南中学招了多少新生')[0]?.date).toBe('2026-01-05');
  });
});
