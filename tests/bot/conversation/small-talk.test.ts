import { describe, expect, it } from 'vitest';
import { type SmallTalk, smallTalkOf, withoutGreeting } from '../../../src/bot/conversation/small-talk.ts';

const KINDS: [SmallTalk, string[]][] = [
  ['greeting', ['你好', '您好！', '在吗？', '你好呀', '小助手你好', '早上好', '你好 bot']],
  ['thanks', ['谢谢', '谢谢你！', '多谢', '好的谢谢', '辛苦了']],
  ['acknowledge', ['好的', '嗯嗯', '知道了', '好吧']],
  ['identity', ['你是谁', '你是谁？', '你叫什么名字', '你是机器人吗']],
  ['abilities', ['你能做什么', '你会什么呀', '怎么用', '帮助']],
  ['farewell', ['再见', '拜拜']],
  ['emoji', ['👍', '😀😀', '？？', '🎉!']],
  // Another language, greetings and thanks included: one line in English.
  ['foreign', ['What is the GDP of Chongchuan?', 'AI', 'Привет', 'Hello!', 'hi', 'thanks', 'OK', 'bye']],
];

describe('small talk', () => {
  it.each(KINDS)('%s', (kind, texts) => {
    for (const t of texts) expect([t, smallTalkOf(t)]).toEqual([t, kind]);
  });

  it('is never a question about the news, even a short one', () => {
    for (const q of [
      '唐闸古镇',
      'GDP是多少',
      '你好，唐闸古镇规划面积多大',
      '谁当选为区政协副主席',
      '什么时候开学',
      '在哪里',
    ])
      expect([q, smallTalkOf(q)]).toEqual([q, undefined]);
  });

  it('takes a greeting or a polite opening off a question', () => {
    expect(withoutGreeting('你好，唐闸古镇规划面积多大')).toBe('唐闸古镇规划面积多大');
    expect(withoutGreeting('请问 唐闸古镇规划面积多大？')).toBe('唐闸古镇规划面积多大？');
    expect(withoutGreeting('唐闸古镇规划面积多大')).toBe('唐闸古镇规划面积多大');
  });
});
