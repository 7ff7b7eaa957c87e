import { describe, expect, it } from 'vitest';
import { matchByline, splitLongLine, toBlocks } from '../../src/corpus/blocks.ts';
import {
  MAX_BYLINE_CHARS,
  MAX_HEADLINE_CHARS,
  MAX_PARAGRAPH_CHARS,
  MAX_SUBTITLE_CHARS,
} from '../../src/corpus/limits.ts';
import { parseIssue } from '../../src/corpus/parse-issue.ts';
import { HARD_MAX_PASSAGE, toDocsAndPassages } from '../../src/retrieval/index/passages.ts';

const MB = 1024 * 1024;
/** A lone surrogate: half a character, which Telegram refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Runs `f` and returns its result with the milliseconds it took. */
function timed<T>(f: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = f();
  return { result, ms: performance.now() - start };
}

describe('patterns on hostile lines take linear time', () => {
  // Quadratic matching of a 1 MB run takes minutes to hours; linear takes milliseconds. The bound
  // is generous so that a loaded machine never fails it, yet far below any quadratic run.
  const BOUND_MS = 5000;
  const hostile: [string, string][] = [
    ['spaces before a byline dot', `甲${' '.repeat(MB)}·`],
    ['a byline dot before spaces', `甲·${' '.repeat(MB)}乙。`],
    ['ideographic spaces', `·${'\u3000'.repeat(MB)}x`],
    ['spaces then a name', `${' '.repeat(MB)}·张三`],
    ['closing quotes', `甲${'”'.repeat(MB)}乙`],
    ['digits', `${'1'.repeat(MB)}x`],
    ['middle dots', '·'.repeat(MB)],
  ];
  for (const [what, line] of hostile) {
    it(`parses a 1 MB line of ${what} quickly`, () => {
      const { result, ms } = timed(() => parseIssue(`标题\n\n${line}\n\n·李四·`, { source: 'x.txt' }));
      expect(ms).toBeLessThan(BOUND_MS);
      const texts = [...result.articles.flatMap((a) => a.paragraphs), ...result.photos.flatMap((p) => p.captions)];
      expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    });
  }

  it('still reads bylines alone and closing a paragraph', () => {
    expect(matchByline('·金驰 许应田·')?.names).toEqual(['金驰', '许应田']);
    expect(matchByline('项目顺利推进。·金驰')).toMatchObject({ index: 7, names: ['金驰'] });
    expect(matchByline('项目顺利推进。 ·金驰·')?.text).toBe('·金驰·');
    expect(matchByline('2025江苏银行·南通马拉松赛')).toBeNull();
    expect(matchByline(`·${'张'.repeat(MAX_BYLINE_CHARS + 1)}·`)).toBeNull();
  });
});

describe('over-long lines', () => {
  it('never turn a 5 MB single-line file into a headline', () => {
    const sentence = '老旧小区改造工程稳步推进，居民生活环境持续改善。';
    const line = sentence.repeat(Math.ceil((5 * MB) / sentence.length / 3));
    const issue = parseIssue(line, { source: 'one-line.txt' });
    for (const a of issue.articles) {
      expect([...a.headline].length).toBeLessThanOrEqual(MAX_HEADLINE_CHARS);
      expect([...a.subtitle].length).toBeLessThanOrEqual(MAX_SUBTITLE_CHARS);
    }
    const paragraphs = [
      ...issue.articles.flatMap((a) => a.paragraphs),
      ...issue.photos.flatMap((p) => [p.lead, ...p.captions]),
    ];
    expect(paragraphs.every((p) => p.length <= MAX_PARAGRAPH_CHARS && p.endsWith('。'))).toBe(true);
    // Compared as a boolean: a failing comparison of 5 MB strings would print them whole.
    expect(paragraphs.join('') === line).toBe(true);
    // What search results name stays within the same limits.
    const { docs, passages } = toDocsAndPassages([issue]);
    expect(docs.length).toBeGreaterThan(0);
    expect(Math.max(...docs.map((d) => [...d.headline].length))).toBeLessThanOrEqual(MAX_HEADLINE_CHARS);
    expect(Math.max(...docs.map((d) => [...d.subtitle].length))).toBeLessThanOrEqual(MAX_SUBTITLE_CHARS);
    expect(Math.max(...passages.map((p) => p.text.length))).toBeLessThanOrEqual(HARD_MAX_PASSAGE);
  });

  it('do not overflow the stack when a year is named hundreds of thousands of times', () => {
    const issue = parseIssue(`标题\n\n${'2024年全区共受理投诉10件。'.repeat(200_000)}`, { source: 'years.txt' });
    expect(issue.date).toBe('2025');
  });

  it('split at sentence ends, packing sentences up to the limit', () => {
    const pieces = splitLongLine('一二三。四五六！七八九？十', 8);
    expect(pieces).toEqual(['一二三。四五六！', '七八九？十']);
  });

  it('are cut at grapheme boundaries when no sentence ends', () => {
    const family = '👨‍👩‍👧‍👦';
    const line = `a${family.repeat(1000)}`;
    const pieces = splitLongLine(line, 100);
    expect(pieces.join('') === line).toBe(true);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(100);
      expect(p).not.toMatch(LONE_SURROGATE);
      expect(p.slice(p.startsWith('a') ? 1 : 0).length % family.length).toBe(0);
    }
  });

  it('make a long Markdown heading a paragraph, not a headline', () => {
    const blocks = toBlocks(`# ${'很长的标题'.repeat(100)}`);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('keep a byline that closes the last piece', () => {
    const blocks = toBlocks(`${'这是一句话。'.repeat(1000)}·张三·`);
    expect(blocks.at(-1)).toMatchObject({ kind: 'byline', names: ['张三'] });
    expect(blocks.slice(0, -1).every((b) => b.kind === 'paragraph' && b.text.length <= MAX_PARAGRAPH_CHARS)).toBe(true);
  });
});
