import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/subscriptions/database.ts';
import { ALL_ISSUES, MAX_KEYWORDS, SubscriptionStore } from '../../src/subscriptions/subscription-store.ts';

const fresh = () => new SubscriptionStore(openDatabase(':memory:'));

describe('SubscriptionStore', () => {
  it('adds, lists and removes subscriptions', () => {
    const s = fresh();
    expect(s.subscribe(1, ALL_ISSUES)).toBe('added');
    expect(s.subscribe(1, '老旧小区')).toBe('added');
    expect(s.subscribe(1, '老旧小区')).toBe('exists');
    expect(s.list(1)).toEqual(['', '老旧小区']);
    expect(s.unsubscribe(1, '老旧小区')).toBe(1);
    expect(s.unsubscribe(1, '没有的')).toBe(0);
    expect(s.list(1)).toEqual(['']);
    expect(s.unsubscribe(1)).toBe(1);
    expect(s.list(1)).toEqual([]);
  });

  it('caps the keywords one chat may follow', () => {
    const s = fresh();
    for (let k = 0; k < MAX_KEYWORDS; k++) expect(s.subscribe(1, `词${k}`)).toBe('added');
    expect(s.subscribe(1, '再一个')).toBe('too-many');
    expect(s.subscribe(1, ALL_ISSUES)).toBe('added');
  });

  it('announces an issue once, one notification per chat', () => {
    const s = fresh();
    expect(
      s.announce('2024-01-01.txt', [
        { chatId: 1, text: 'a' },
        { chatId: 2, text: 'b' },
      ]),
    ).toBe(true);
    expect(s.announce('2024-01-01.txt', [{ chatId: 1, text: 'again' }])).toBe(false);
    expect(s.pending(10).map((n) => [n.chatId, n.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('hands each notification to one sender only', () => {
    const s = fresh();
    s.announce('x.txt', [{ chatId: 1, text: 'a' }]);
    const [n] = s.pending(10);
    expect(s.claim(n!.id)).toBe(true);
    expect(s.claim(n!.id)).toBe(false);
    expect(s.pending(10)).toEqual([]);
  });

  it('keeps the starting corpus as a baseline and reports what is new since', () => {
    const s = fresh();
    expect(s.hasBaseline()).toBe(false);
    s.markSeen(['a.txt', 'b.txt']);
    expect(s.hasBaseline()).toBe(true);
    expect(s.unseen(['a.txt', 'c.txt'])).toEqual(['c.txt']);
  });

  it('forgets a chat entirely, pending notifications too', () => {
    const s = fresh();
    s.subscribe(7, '消防');
    s.announce('x.txt', [{ chatId: 7, text: 'a' }]);
    s.forget(7);
    expect(s.list(7)).toEqual([]);
    expect(s.pending(10)).toEqual([]);
    expect(s.subscriberCount()).toBe(0);
  });
});
