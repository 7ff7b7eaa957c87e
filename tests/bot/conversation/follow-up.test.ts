import { describe, expect, it } from 'vitest';
import { type ChatContext, contextOf, readFollowUp } from '../../../src/bot/conversation/follow-up.ts';
import { asksWhatsNew } from '../../../src/bot/conversation/whats-new.ts';
import { wordsOf } from '../../../src/bot/features/conversation.ts';
import { timeWindow } from '../../../src/retrieval/index.ts';

const contextAfter = (question: string): ChatContext => ({
  question,
  ...contextOf(question, wordsOf(question)),
  shown: 0,
});

describe('follow-ups', () => {
  it('keeps what the last question was about and how it asked', () => {
    expect(contextOf('崇川区户籍人口多少', wordsOf('崇川区户籍人口多少'))).toMatchObject({
      topic: '崇川区户籍人口',
      ask: '多少',
    });
  });

  it('reads 那它…, …呢 and a bare question word with the last topic', () => {
    const area = contextAfter('唐闸古镇规划面积多大');
    expect(readFollowUp('那它什么时候竣工的', area, wordsOf)).toMatchObject({
      kind: 'refer',
      question: '唐闸古镇规划面积什么时候竣工的',
      weak: false,
    });
    // The new words take the place of the focus they share, and the question words carry over.
    expect(readFollowUp('那常住人口呢', contextAfter('崇川区户籍人口多少'), wordsOf)).toMatchObject({
      kind: 'refer',
      question: '崇川区户籍常住人口多少',
    });
    // …呢 asks the same of its new words: they replace the focus, and a unit-bound 多大 becomes 多少.
    expect(readFollowUp('那常住人口呢', contextAfter('唐闸古镇规划面积多大'), wordsOf)).toMatchObject({
      question: '唐闸古镇规划常住人口多少',
    });
    // A bare question (one thing named, a question word) lacks its subject: it is the last one's.
    expect(readFollowUp('有多少个摊位', contextAfter('城东街道年货集市热闹吗'), wordsOf)).toMatchObject({
      kind: 'refer',
      weak: false,
    });
    expect(readFollowUp('在哪里', area, wordsOf)).toMatchObject({ kind: 'refer', question: '唐闸古镇规划面积在哪里' });
  });

  it('knows 还有别的吗 / 下一个 and 具体说说 / 详细点, with or without a question before', () => {
    for (const t of ['还有别的吗', '还有吗？', '下一个', '换一个', '其他的呢'])
      expect([t, readFollowUp(t, contextAfter('老旧小区改造'), wordsOf).kind]).toEqual([t, 'next']);
    for (const t of ['具体说说', '详细点', '再具体点', '能详细讲讲吗', '展开说说'])
      expect([t, readFollowUp(t, undefined, wordsOf).kind]).toEqual([t, 'detail']);
    for (const t of ['全文', '看原文'])
      expect([t, readFollowUp(t, contextAfter('老旧小区改造'), wordsOf).kind]).toEqual([t, 'full']);
  });

  it('takes a question naming things of its own as self-contained, and anything without a context as new', () => {
    expect(readFollowUp('全民国家安全教育周在哪里启动', contextAfter('唐闸古镇规划面积多大'), wordsOf)).toMatchObject({
      kind: 'refer',
      selfContained: true,
    });
    expect(readFollowUp('那它什么时候竣工的', undefined, wordsOf)).toEqual({
      kind: 'new',
      question: '那它什么时候竣工的',
    });
  });
});

describe("what's new", () => {
  it('asks for the latest articles, whatever the period named', () => {
    for (const q of [
      '最近有什么新闻',
      '上个月有什么新闻',
      '今天有啥消息',
      '崇川最近有什么新闻',
      '这周有什么新闻吗',
      '最新消息',
    ])
      expect([q, asksWhatsNew(timeWindow(q, '2025-06-18').rest)]).toEqual([q, true]);
    for (const q of ['去年老旧小区改造的情况', '最近有什么新闻发布会', '唐闸古镇有什么新闻'])
      expect([q, asksWhatsNew(timeWindow(q, '2025-06-18').rest)]).toEqual([q, false]);
  });
});
