import { describe, expect, it } from 'vitest';
import { directAnswer } from '../../../src/retrieval/answers/direct-answer.ts';
import { measureForCount, namesAskedPlace } from '../../../src/retrieval/answers/direct-binding.ts';

describe('a count of things is not answered by a measure or a head count', () => {
  it('refuses a length or a head count for a thing counted with no family named', () => {
    expect(measureForCount('停车场一天能停多少车', [], '公里')).toBe(true);
    expect(measureForCount('夜门诊开了几个科', ['个'], '人次')).toBe(true);
    expect(measureForCount('夜门诊开了几个科', ['个'], '个')).toBe(false);
  });

  it('keeps a head count of people and a measure of goods, land or ways', () => {
    expect(measureForCount('新开的公园来了多少观众', [], '人次')).toBe(false);
    expect(measureForCount('冷链中心一年吞吐多少货物', [], '万吨')).toBe(false);
    expect(measureForCount('今年修了多少路', [], '公里')).toBe(false);
    // 多少钱 names its own measure: not a thing counted.
    expect(measureForCount('门票多少钱', [], '元')).toBe(false);
  });

  it('answers with the count, not the length, in a sentence giving both', () => {
    const s = '新建生态停车场一处，旁边修了长1.2公里的步道。';
    expect(directAnswer('停车场一天能停多少车', s)).toBeUndefined();
    const t = '停车场日均停放车辆2100辆次，旁边修了长1.2公里的步道。';
    expect(directAnswer('停车场一天能停多少车', t)?.text).toBe('2100辆次');
  });
});

describe('where a place is, not the longer name of the place asked', () => {
  it('refuses a name ending in the place the question names', () => {
    expect(namesAskedPlace('地铁2号线学田站', ['学田站', '出入口'])).toBe(true);
    expect(namesAskedPlace('学田路与青年路交叉口', ['学田站', '出入口'])).toBe(false);
    // Two-character words name kinds (公园), not the place asked.
    expect(namesAskedPlace('文峰公园', ['公园'])).toBe(false);
  });
});
