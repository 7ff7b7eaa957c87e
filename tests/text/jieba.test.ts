import fs from 'node:fs';
import nodejieba from 'nodejieba';
import { describe, expect, it } from 'vitest';
import { JIEBA_FILES, jieba } from '../../src/text/jieba.ts';
import { cutHan } from '../../src/text/segment.ts';

describe('jieba loaded once', () => {
  it('runs on the binding built at install, not the fallback', () => {
    expect(jieba.binding()).toEqual({ name: 'once' });
  });

  it("cuts and tags the seeds exactly as nodejieba's own binding does", () => {
    cutHan('崇川'); // loads the project's dictionary through segment.ts
    const runs = fs
      .readdirSync('seeds')
      .flatMap((f) => fs.readFileSync(`seeds/${f}`, 'utf8').match(/\p{Script=Han}+/gu) ?? [])
      .slice(0, 1500);
    expect(runs.length).toBe(1500);
    // nodejieba with the full dictionary and its own user dictionary, and the binding loaded alike.
    nodejieba.load({ dict: JIEBA_FILES.DEFAULT_DICT });
    jieba.load(JIEBA_FILES.DEFAULT_DICT);
    const differing = runs.filter(
      (run) =>
        JSON.stringify([jieba.cut(run, true), jieba.cut(run, false), jieba.tag(run)]) !==
        JSON.stringify([nodejieba.cut(run, true), nodejieba.cut(run, false), nodejieba.tag(run)]),
    );
    expect(differing).toEqual([]);
    // An unknown name: the HMM guesses it as one word only when asked.
    expect(jieba.cut('寺西快闪小店', true)).not.toEqual(jieba.cut('寺西快闪小店', false));
  });

  it('returns the same words and tags as one joined string as nodejieba does as arrays, for any text', () => {
    nodejieba.load({ dict: JIEBA_FILES.DEFAULT_DICT });
    jieba.load(JIEBA_FILES.DEFAULT_DICT);
    // Whole sentences: punctuation, figures, Latin letters, spaces; and texts holding the joined form's
    // separator, an empty text, a lone space, which jieba must still cut as nodejieba does.
    const lines = fs
      .readdirSync('seeds')
      .flatMap((f) => fs.readFileSync(`seeds/${f}`, 'utf8').split(/(?<=。)/u))
      .filter((l) => /\p{Script=Han}/u.test(l))
      .slice(0, 400);
    expect(lines.length).toBe(400);
    expect(lines.filter((l) => /\d/.test(l) && /[,，、:：]/.test(l)).length).toBeGreaterThan(30);
    const texts = [...lines, '崇川\u0001区', '\u0001', '', ' ', 'GDP增长13.1% ， 2021年 8月'];
    const differing = texts.filter(
      (text) =>
        JSON.stringify([jieba.cut(text, true), jieba.cut(text, false), jieba.tag(text)]) !==
        JSON.stringify([nodejieba.cut(text, true), nodejieba.cut(text, false), nodejieba.tag(text)]),
    );
    expect(differing).toEqual([]);
    expect(
      jieba
        .tag('崇川\u0001区')
        .map((t) => t.word)
        .join(''),
    ).toBe('崇川\u0001区');
  });

  it('refuses a dictionary it cannot read with an error, not an abort, and keeps the one loaded', () => {
    jieba.load(JIEBA_FILES.DEFAULT_DICT);
    expect(() => jieba.load('/nonexistent/dict.utf8')).toThrow(/cannot read jieba dictionary/);
    expect(() => jieba.load(JIEBA_FILES.DEFAULT_DICT, ['/nonexistent/user.dict'])).toThrow(/cannot read/);
    expect(jieba.cut('崇川区老旧小区改造', true)).toEqual(['崇川区', '老旧', '小区', '改造']);
    expect(() => jieba.cut(5 as unknown as string, true)).toThrow(/must be a string/);
  });
});
