/**
 * No paragraph of an issue is ever dropped: a property over generated issues. Each issue is built
 * from articles of random text — full paragraphs, paragraphs cut by a page break into a first half
 * with no full stop and a rest opening with 「，」 (printed next to each other or a paragraph
 * apart), lines without any full stop, photo captions, headlines and bylines — and every piece of
 * body text must end up in exactly one place of what the parser returns: an article (its
 * paragraphs, captions, headline or subtitle), a photo group, or the page furniture it records.
 */
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../../src/corpus/parse-issue.ts';

/** A small seeded generator (mulberry32): a failing issue is found again from its number. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Everyday characters of news text, leaving out those that carry layout meaning on their own
// (dates, roles and credits, page and issue words), so that a piece is what it was made to be.
const POOL = [
  ...('区街道社会发展建设项目服务居民工作推进城市管理企业经济文化活动群众安全环境教育卫生交通公园道路改造提升群众家庭志愿' +
    '创新产业科技人才组织党员干部基层治理民生实事重点任务完成开展加强落实要求会议精神全面高质量工程运行稳定增长'),
];

function generator(seed: number) {
  const next = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
  const han = (lo: number, hi: number) => Array.from({ length: int(lo, hi) }, () => pick(POOL)).join('');
  const clause = () => han(6, 16);
  const sentence = () => `${Array.from({ length: int(1, 3) }, clause).join('，')}。`;
  return { next, int, pick, han, clause, sentence };
}

interface Generated {
  text: string;
  /** The pieces of body text, each of which must be found once. */
  pieces: string[];
}

function generateIssue(seed: number): Generated {
  const g = generator(seed);
  const lines: string[] = [];
  const pieces: string[] = [];
  const body = (line: string) => {
    lines.push(line, '');
    pieces.push(line);
  };
  const articles = g.int(1, 4);
  for (let a = 0; a < articles; a++) {
    // A headline of one or two short lines.
    lines.push(g.han(6, 14), '');
    if (g.next() < 0.3) lines.push(g.han(8, 16), '');
    const units = g.int(1, 6);
    let pendingRest: string | null = null;
    for (let u = 0; u < units; u++) {
      const kind = g.next();
      if (kind < 0.4) body(Array.from({ length: g.int(1, 4) }, g.sentence).join(''));
      else if (kind < 0.6) {
        // A paragraph cut by a page break: the first half stops mid-sentence, the rest opens with 「，」.
        const first = `${g.sentence()}${g.clause()}`;
        const rest = `，${g.clause()}${g.next() < 0.5 ? '。' : ''}`;
        body(first);
        if (g.next() < 0.5) body(rest);
        else pendingRest = rest;
      } else if (kind < 0.8) body(Array.from({ length: g.int(1, 3) }, g.clause).join('，'));
      else if (kind < 0.9) body(`▲ ${g.han(8, 20)}`);
      else body(`${g.sentence()}${g.clause()}，${g.clause()}`);
      if (pendingRest && g.next() < 0.6) {
        body(pendingRest);
        pendingRest = null;
      }
    }
    if (pendingRest) body(pendingRest);
    if (g.next() < 0.6) lines.push(`·${g.pick(['张明', '李华', '王芳 陈刚'])}·`, '');
  }
  return { text: lines.join('\n'), pieces };
}

/** Where each piece ended up: how many times it is found in the parser's output. */
function placesOf(text: string, furniture: string[]): (piece: string) => number {
  const issue = parseIssue(text, { source: '2024-01-01.txt', furniture });
  const fields = [
    ...issue.articles.flatMap((a) => [a.headline, a.subtitle, ...a.paragraphs, ...a.captions]),
    ...issue.photos.flatMap((p) => [p.lead, ...p.captions]),
    ...furniture,
  ];
  const all = fields.join('\u0000');
  return (piece) => {
    const needle = piece.replace(/^▲ /, '');
    let count = 0;
    for (let at = all.indexOf(needle); at >= 0; at = all.indexOf(needle, at + 1)) count++;
    return count;
  };
}

describe('no paragraph is ever dropped', () => {
  it('keeps the three paragraphs of the reported case: a full one, 「，」 with no stop, then one with none', () => {
    const text = [
      '新桥通车',
      '',
      '今年以来，崇川区推进道路建设，新桥正式通车。',
      '',
      '，市民出行更加便捷',
      '',
      '新桥全长八百米，双向六车道。桥下同步建成滨河步道',
      '',
      '·李华·',
    ].join('\n');
    const found = placesOf(text, []);
    for (const piece of [
      '今年以来，崇川区推进道路建设，新桥正式通车。',
      '，市民出行更加便捷',
      '新桥全长八百米，双向六车道。桥下同步建成滨河步道',
    ])
      expect({ piece, places: found(piece) }).toEqual({ piece, places: 1 });
  });

  it('over 1,000 generated issues, every piece of body text is found exactly once', () => {
    const lost: string[] = [];
    for (let seed = 1; seed <= 1000; seed++) {
      const { text, pieces } = generateIssue(seed);
      const found = placesOf(text, []);
      for (const piece of pieces) {
        const places = found(piece);
        if (places !== 1) lost.push(`issue ${seed}: ${places} × 「${piece}」`);
      }
    }
    expect(lost).toEqual([]);
  });
});
