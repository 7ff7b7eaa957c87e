import { describe, expect, it } from 'vitest';
import { askedFor, directAnswer } from '../../../src/retrieval/answers/direct-answer.ts';

// A search asks for the question and each passage's form of it in turn: each reading is made once
// and then given back as it was, the same as a fresh reading.
describe('readings kept across calls', () => {
  it('keeps the question and its passage form both, asked alternately', () => {
    const question = '新图书馆的藏书有多少册';
    const form = '藏书有多少册';
    const first = askedFor(question);
    const firstForm = askedFor(form);
    expect(first?.kind).toBe('quantity');
    expect(firstForm?.kind).toBe('quantity');
    // Asked again after the other: the same reading, not a new one.
    expect(askedFor(question)).toBe(first);
    expect(askedFor(form)).toBe(firstForm);
    expect(askedFor(question)).toBe(first);
  });

  it('drops the least recently used reading once many questions were read', () => {
    const question = '谁担任了新一届商会会长';
    const first = askedFor(question);
    for (let k = 1; k <= 40; k++) askedFor(`第${k}届读书节在哪里开幕`);
    const again = askedFor(question);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('answers the same when a sentence is read again for another question', () => {
    const sentence = '新馆藏书30万册，阅览座位800个。';
    const books = directAnswer('新图书馆的藏书有多少册', sentence);
    const seats = directAnswer('新图书馆有多少个阅览座位', sentence);
    expect(books?.text).toBe('30万册');
    expect(seats?.text).toBe('800个');
    expect(directAnswer('新图书馆的藏书有多少册', sentence)).toEqual(books);
  });
});
