/**
 * Of two leading stories alike in score and label, the one whose article holds the question's
 * proper name (a place) leads one that never holds it: a like subject elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { search } from '../../../src/retrieval/ranking/rank.ts';
import { oneArticleArchive } from '../../support/one-article-issues.ts';

const FILLER = '相关负责人表示，将持续做好服务保障，方便群众就近办理。';

const archive = oneArticleArchive('v', FILLER, [
  // Repeats the question's other words (周末, 流感疫苗) but names no town.
  [
    '社区医院周末门诊可打流感疫苗',
    '今冬多家社区卫生服务中心开设周末门诊，周末门诊可接种流感疫苗，周末接种流感疫苗每剂128元，周末也可预约流感疫苗。',
    '2024-12-01',
  ],
  // Names the town asked about, the other words once each.
  ['疫苗集中接种公告', '狼山镇社区卫生服务中心周末开放流感疫苗接种，地址园林路99号。', '2024-11-20'],
  ['狼山镇开展候鸟守护行动', '狼山镇街道组织志愿者巡护江滩湿地，守护越冬候鸟。', '2024-12-02'],
]);

describe('the story that holds the name asked of', () => {
  it('leads a like story that never holds it', () => {
    expect(search(archive, '狼山镇周末能打流感疫苗吗')[0]?.headline).toBe('疫苗集中接种公告');
  });

  it('does not lead when the question names no place', () => {
    expect(search(archive, '周末能打流感疫苗吗')[0]?.headline).toBe('社区医院周末门诊可打流感疫苗');
  });
});

describe('the story that holds the name asked of, below two like stories', () => {
  const likes = oneArticleArchive('w', FILLER, [
    // Two like stories elsewhere, each repeating the question's other words: both outscore the named one.
    [
      '社区医院周末门诊可打流感疫苗',
      '今冬多家社区卫生服务中心开设周末门诊，周末门诊可接种流感疫苗，周末接种流感疫苗每剂128元，周末也可预约流感疫苗。',
      '2024-12-01',
    ],
    [
      '卫生院周末门诊可打流感疫苗',
      '今冬多家乡镇卫生院开设周末门诊，周末门诊可接种流感疫苗，周末接种流感疫苗每剂98元，周末也可预约流感疫苗。',
      '2024-12-05',
    ],
    ['疫苗集中接种公告', '狼山镇社区卫生服务中心周末开放流感疫苗接种，地址园林路99号。', '2024-11-20'],
    // The town in other news too: its name weighs less, so the named story scores below both.
    ['狼山镇新建口袋公园', '狼山镇街道在园林路新建口袋公园一座，面积约1200平方米。', '2024-10-02'],
    ['狼山镇开展候鸟守护行动', '狼山镇街道组织志愿者巡护江滩湿地，守护越冬候鸟。', '2024-12-02'],
  ]);

  it('leads them both, not only the runner-up', () => {
    const results = search(likes, '狼山镇周末能打流感疫苗吗');
    expect(results.map((r) => r.headline)).toContain('卫生院周末门诊可打流感疫苗');
    expect(results[0]?.headline).toBe('疫苗集中接种公告');
  });

  it('leaves them in order when the question names no place', () => {
    expect(search(likes, '周末能打流感疫苗吗')[0]?.headline).not.toBe('疫苗集中接种公告');
  });
});
