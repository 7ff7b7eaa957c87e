import { describe, expect, it } from 'vitest';
import { boundAnswer } from '../../../src/retrieval/answers/direct-answer.ts';

// News says in its own words what a question asks in the reader's: the figure of the unit asked in
// the answer sentence is the answer when nothing else competes, though the question's words tie it
// only in part; never when another candidate competes.
describe('the clear leader of the answer sentence, tied in part to the question', () => {
  it('answers with the one figure of the unit asked where the question is paraphrased', () => {
    const sentence = '绿道全长8.4公里，沿线新建驿站6座。';
    const passage = `紫琅湖环湖绿道昨日全线贯通。\n${sentence}\n绿道沿线还设置了健身器材。`;
    const bound = boundAnswer('湖边那条绕一圈的绿道现在有多长', sentence, passage);
    expect(bound?.answer.text).toBe('8.4公里');
    // Marked as such: no evidence for the decision, no dispute of another passage's answer.
    expect(bound?.evidence.clear).toBe(true);
  });

  it('answers with the figure the list item gives right after the noun counted', () => {
    const sentence = '目前，景区沿湖已配备灭火器36个、消防栓12根。';
    expect(boundAnswer('景区湖边上放了多少个灭火器', sentence)?.answer.text).toBe('36个');
  });

  it('answers in the sentence after one that names only the event', () => {
    const lead = '11月2日，第三届社区邻里节在中心广场闭幕。';
    const bound = boundAnswer('社区邻里节有多少人参加', lead, `${lead}本届活动为期一周，共吸引居民2.3万人次。`);
    expect(bound?.answer.text).toBe('2.3万人次');
    expect(bound?.evidence.clear).toBe(true);
  });

  it('gives none when two figures of the unit asked compete', () => {
    const lead = '11月2日，第三届社区邻里节在中心广场闭幕。';
    const passage = `${lead}本届活动为期一周，共吸引居民2.3万人次，志愿者300名。`;
    expect(boundAnswer('社区邻里节有多少人参加', lead, passage)).toBeUndefined();
  });

  it('gives none when a figure elsewhere in the passage is tied more fully to the question', () => {
    const passage = '年卡售价80元，适合周边居民。\n景区门票每人50元，老年人门票每人半价。';
    expect(boundAnswer('狼山景区门票多少钱一张', '年卡售价80元，适合周边居民。', passage)?.answer.text).not.toBe(
      '80元',
    );
  });

  it('gives none for a figure without the unit asked', () => {
    const sentence = '绿道沿线新建驿站8座，设置直饮水点15处。';
    expect(boundAnswer('沿着湖边绕一圈的那条绿道现在有多长', sentence)).toBeUndefined();
  });
});
