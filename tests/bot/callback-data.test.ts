import { describe, expect, it } from 'vitest';
import { articleData, exampleData, pageData } from '../../src/bot/callback-data.ts';

describe('button codecs', () => {
  it('pack and unpack each kind, and match only their own kind', () => {
    const page = pageData.pack({ key: 'Ab_-12xy', page: 3 });
    const article = articleData.pack({ id: '1fa147445a1c', part: 2 });
    const example = exampleData.pack({ n: 1 });
    expect([page, article, example]).toEqual(['p:Ab_-12xy:3', 'a:1fa147445a1c:2', 'q:1']);
    expect(pageData.unpack(page)).toEqual({ key: 'Ab_-12xy', page: 3 });
    expect(articleData.unpack(article)).toEqual({ id: '1fa147445a1c', part: 2 });
    expect(exampleData.unpack(example)).toEqual({ n: 1 });
    expect([pageData.match.test(article), articleData.match.test(example), exampleData.match.test(page)]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('read forged or stale data as nothing', () => {
    for (const data of ['p:key:1:extra', 'p::1', 'p:key:-1', 'p:key:1000', 'a:XYZ:0', 'a:1fa147445a1c:x', 'q:', '']) {
      expect([pageData, articleData, exampleData].map((c) => c.unpack(data))).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    }
    expect(pageData.unpack(undefined)).toBeUndefined();
  });

  it('refuse to pack what they could not read back', () => {
    expect(() => pageData.pack({ key: 'has:colon', page: 1 })).toThrow(/not a valid "p" button/);
    expect(() => articleData.pack({ id: 'ffff-0', part: 0 })).toThrow();
    expect(() => exampleData.pack({ n: 1.5 })).toThrow();
    expect(Buffer.byteLength(articleData.pack({ id: 'f'.repeat(32), part: 999 }))).toBeLessThanOrEqual(64);
  });
});
