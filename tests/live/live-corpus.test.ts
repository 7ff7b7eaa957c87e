import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/corpus/types.ts';
import { LiveCorpus } from '../../src/live/live-corpus.ts';
import { openIndex } from '../../src/retrieval/index-store.ts';
import { NewsLibrary } from '../../src/retrieval/news-library.ts';

function setUp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-'));
  const corpusDir = path.join(dir, 'corpus');
  fs.mkdirSync(corpusDir);
  fs.copyFileSync('seeds/001_ee31270023d67050.txt', path.join(corpusDir, '2021-08-09.txt'));
  const indexFile = path.join(dir, 'index.json');
  const library = NewsLibrary.fromOpened(openIndex({ corpusDir, indexFile }));
  const announced: Issue[][] = [];
  const warnings: string[] = [];
  const live = new LiveCorpus({
    corpusDir,
    indexFile,
    library,
    settleMs: 1000,
    onNewIssues: (issues) => void announced.push(issues),
    log: (level, m) => level === 'warn' && warnings.push(m),
  });
  return { corpusDir, indexFile, library, live, announced, warnings };
}

describe('LiveCorpus', { timeout: 60_000 }, () => {
  it('makes a new issue searchable once it settles, saves the index and announces it', async () => {
    const { corpusDir, indexFile, library, live, announced } = setUp();
    expect(library.search('博嘉生物')).toEqual([]);
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    await live.check(10_000);
    expect(library.search('博嘉生物')).toEqual([]); // not settled yet
    await live.check(11_500);
    expect(library.search('博嘉生物')[0]?.headline).toContain('崇川开发区一季度');
    expect(library.search('唐闸古镇规划面积')[0]?.passage).toContain('9.8平方公里');
    expect(library.searchIndex.docs.filter((d) => d.source === '2022-03-14.txt').length).toBe(
      library.issues.at(-1)!.articles.length,
    );
    expect(announced.map((a) => a.map((i) => i.source))).toEqual([['2022-03-14.txt']]);
    const reopened = openIndex({ corpusDir, indexFile });
    expect(reopened.built).toBe(false);
    expect(reopened.issues.map((i) => i.source)).toContain('2022-03-14.txt');
    expect(new NewsLibrary(reopened.index, reopened.issues).search('博嘉生物')[0]?.headline).toContain(
      '崇川开发区一季度',
    );
  });

  it('skips an empty or broken file without failing, warning once', async () => {
    const { corpusDir, library, live, warnings, announced } = setUp();
    fs.writeFileSync(path.join(corpusDir, 'empty.txt'), '');
    fs.writeFileSync(path.join(corpusDir, 'broken.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    for (const t of [0, 2000, 4000, 6000]) await live.check(t);
    expect(warnings).toEqual(['skipped broken.txt: binary content']);
    expect(announced).toEqual([]);
    expect(library.stats().issues).toBe(1);
  });

  it('reads a new file at once on a rescan', async () => {
    const { corpusDir, library, live } = setUp();
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    await live.rescan();
    expect(library.search('博嘉生物').length).toBeGreaterThan(0);
  });

  it('drops a removed issue from the index', async () => {
    const { corpusDir, library, live } = setUp();
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    await live.check(0);
    await live.check(2000);
    expect(library.search('博嘉生物').length).toBeGreaterThan(0);
    fs.rmSync(path.join(corpusDir, '2022-03-14.txt'));
    await live.check(4000);
    expect(library.search('博嘉生物')).toEqual([]);
    expect(library.search('唐闸古镇规划面积').length).toBeGreaterThan(0);
  });
});
