import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerParagraph, issueSlug, passagePlaces, resultLink, resultLinks } from '../../src/bot/article-links.ts';
import type { NewsLibrary } from '../../src/retrieval/index.ts';
import { seedLibrary } from '../support/seed-library.ts';

let library: NewsLibrary;
beforeAll(() => {
  library = seedLibrary();
}, 30_000);

const questions = fs
  .readFileSync('eval/dev.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);

describe('passagePlaces', () => {
  it('finds each line of a passage in the paragraphs, in order, even a line that recurs', () => {
    const paragraphs = ['甲乙丙。', '丁戊。己庚。', '丁戊。'];
    expect(passagePlaces(paragraphs, '己庚。\n丁戊。')).toEqual([
      { paragraph: 1, start: 3, end: 6, at: 0 },
      { paragraph: 2, start: 0, end: 3, at: 4 },
    ]);
    expect(passagePlaces(paragraphs, '不在文中')).toEqual([]);
  });

  it('places every line of every result of the dev questions where the article holds it', () => {
    let lines = 0;
    for (const q of questions)
      for (const r of library.search(q, 15)) {
        if (r.kind !== 'article') continue;
        const article = library.article(r.articleId)!;
        const places = passagePlaces(article.paragraphs, r.passage);
        expect(places.map((p) => article.paragraphs[p.paragraph]!.slice(p.start, p.end))).toEqual(
          r.passage.split('\n'),
        );
        const k = answerParagraph(article.paragraphs, r);
        expect(article.paragraphs[k], q).toContain(r.answer.trim().split('\n')[0]);
        lines += places.length;
      }
    expect(lines).toBeGreaterThan(100);
  });
});

describe('resultLink', () => {
  it('opens an article at the paragraph of the answer, a caption at its figure, a photo page at its photo', () => {
    const q = '唐闸古镇规划面积多大';
    const r = library.search(q, 1)[0]!;
    expect(resultLink('https://x.example', q, r, (id) => library.article(id))).toBe(
      `https://x.example/a/${r.articleId}?q=${encodeURIComponent(q)}#p3`,
    );
    // A caption of an article (its id and the caption's number) and a photo of a picture page.
    const owner = { ...library.article(r.articleId)!, id: 'abc123', captions: ['甲', '乙'] };
    const lookup = (id: string) => (id === owner.id ? owner : undefined);
    const caption = { ...r, kind: 'photo' as const, articleId: 'abc123-1' };
    expect(resultLink('', 'x y', caption, lookup)).toBe('/a/abc123?q=x%20y#c2');
    const photo = { ...r, kind: 'photo' as const, articleId: 'def456-0', source: '2021-08-09.txt' };
    expect(resultLink('', 'x', photo, lookup)).toBe('/i/2021-08-09#def456-0');
  });

  it('names an issue in addresses by its file name without the extension', () => {
    expect(issueSlug('2021-08-09.txt')).toBe('2021-08-09');
    expect(issueSlug('000_ee7a1d118fc23364.txt')).toBe('000_ee7a1d118fc23364');
    expect(issueSlug('崇川报 第3期')).toBe('崇川报 第3期');
  });

  it('gives no links without a public origin', () => {
    expect(resultLinks(undefined, 'q', library)).toBeUndefined();
    expect(resultLinks('', 'q', library)).toBeUndefined();
  });
});
