import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Issue } from '../../src/corpus/types.ts';
import { loadIssueFile } from '../../src/corpus/load-corpus.ts';
import { LiveCorpus, looksCutShort } from '../../src/live/live-corpus.ts';
import { openIndex } from '../../src/retrieval/index/index-store.ts';
import { NewsLibrary } from '../../src/retrieval/library.ts';
import { captureLogs } from '../support/logs.ts';
import { oneIssueArchive } from '../support/seed-library.ts';

function setUp() {
  const { corpusDir, indexFile, library } = oneIssueArchive('live-');
  const announced: Issue[][] = [];
  const corrected: Issue[][] = [];
  const logs = captureLogs();
  const live = new LiveCorpus({
    corpusDir,
    indexFile,
    library,
    settleMs: 1000,
    onNewIssues: (issues) => void announced.push(issues),
    onCorrectedIssues: (issues) => void corrected.push(issues),
    logger: logs.logger,
  });
  return { corpusDir, indexFile, library, live, announced, corrected, warnings: () => logs.messages('warn') };
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
    expect(announced).toEqual([]); // announced once the file has stayed unchanged for a while
    await live.check(15_500);
    expect(library.search('唐闸古镇规划面积')[0]?.passage).toContain('9.8平方公里');
    expect(library.searchIndex.docs.filter((d) => d.source === '2022-03-14.txt').length).toBe(
      library.issues.at(-1)!.articles.length,
    );
    expect(announced.map((a) => a.map((i) => i.source))).toEqual([['2022-03-14.txt']]);
    await live.saved();
    const reopened = openIndex({ corpusDir, indexFile });
    expect(reopened.built).toBe(false);
    expect(reopened.issues.map((i) => i.source)).toContain('2022-03-14.txt');
    expect(new NewsLibrary(reopened.index, reopened.issues).search('博嘉生物')[0]?.headline).toContain(
      '崇川开发区一季度',
    );
  }, 60_000);

  it('skips an empty or broken file without failing, warning once', async () => {
    const { corpusDir, library, live, warnings, announced } = setUp();
    fs.writeFileSync(path.join(corpusDir, 'empty.txt'), '');
    fs.writeFileSync(path.join(corpusDir, 'broken.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    for (const t of [0, 2000, 4000, 6000]) await live.check(t);
    expect(warnings()).toEqual(['skipped broken.txt: binary content']);
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
  }, 20_000);
});

describe('LiveCorpus with broken files and failures', { timeout: 60_000 }, () => {
  it('a dangling link and a link loop do not stop a new issue from being indexed and announced', async () => {
    const { corpusDir, library, live, announced } = setUp();
    fs.symlinkSync(path.join(corpusDir, 'nothing.txt'), path.join(corpusDir, 'dangling.txt'));
    fs.symlinkSync('loop-b.txt', path.join(corpusDir, 'loop-a.txt'));
    fs.symlinkSync('loop-a.txt', path.join(corpusDir, 'loop-b.txt'));
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    for (const t of [0, 1500, 7000]) await live.check(t);
    expect(library.search('博嘉生物')[0]?.headline).toContain('崇川开发区一季度');
    expect(announced.map((a) => a.map((i) => i.source))).toEqual([['2022-03-14.txt']]);
  });

  it('skips a file over the size limit while running, with one warning naming its size', async () => {
    const { corpusDir, library, live, warnings, announced } = setUp();
    const fd = fs.openSync(path.join(corpusDir, 'dump.txt'), 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    for (const t of [0, 1500, 3000, 7000, 9000]) await live.check(t);
    expect(warnings()).toEqual(['skipped dump.txt: 50.0 MB, over the 2.0 MB limit for an issue']);
    expect(library.search('博嘉生物')[0]?.headline).toContain('崇川开发区一季度');
    expect(announced.map((a) => a.map((i) => i.source))).toEqual([['2022-03-14.txt']]);
  });

  it('tries a file that failed again once it changes, and announces it then', async () => {
    const { corpusDir, library, live, warnings, announced } = setUp();
    const file = path.join(corpusDir, '2022-03-14.txt');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    for (const t of [0, 1500, 3000, 7000]) await live.check(t);
    expect(warnings()).toEqual(['skipped 2022-03-14.txt: binary content']);
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', file);
    for (const t of [8000, 9500, 14_000]) await live.check(t);
    expect(library.search('博嘉生物')[0]?.headline).toContain('崇川开发区一季度');
    expect(announced.map((a) => a.map((i) => i.source))).toEqual([['2022-03-14.txt']]);
    expect(warnings()).toHaveLength(1);
  });

  it('indexes and announces a new issue when the index folder cannot be written, warning once', async () => {
    const { corpusDir, indexFile, library, live, warnings, announced } = setUp();
    // A file stands where the index folder should be: neither the dictionary nor the index saves.
    const cacheDir = path.dirname(indexFile);
    fs.rmSync(cacheDir, { recursive: true });
    fs.writeFileSync(cacheDir, 'not a folder');
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    for (const t of [0, 1500, 3000, 7000]) await live.check(t);
    expect(library.search('博嘉生物')[0]?.headline).toContain('崇川开发区一季度');
    expect(announced.map((a) => a.map((i) => i.source))).toEqual([['2022-03-14.txt']]);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/^cannot write the index beside/);
  });

  it('retries an issue whose indexing failed at the next look, warning once', async () => {
    const { corpusDir, library, live, warnings, announced } = setUp();
    // One fault, as a full disk or a bug would raise it, on the first try only.
    const add = vi.spyOn(library, 'addIssuesInSteps').mockImplementationOnce(() => {
      throw new Error('no space left on device');
    });
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    await live.check(0);
    await live.check(1500);
    expect(library.search('博嘉生物')).toEqual([]);
    expect(warnings()).toEqual(['could not index 2022-03-14.txt: no space left on device']);
    for (const t of [3000, 7000]) await live.check(t);
    expect(add).toHaveBeenCalledTimes(2);
    expect(library.search('博嘉生物')[0]?.headline).toContain('崇川开发区一季度');
    expect(announced.map((a) => a.map((i) => i.source))).toEqual([['2022-03-14.txt']]);
    expect(warnings()).toHaveLength(1);
  });
});

describe('LiveCorpus with a slow copy', { timeout: 60_000 }, () => {
  const full = fs.readFileSync('seeds/003_460569c0b775decf.txt', 'utf8');
  const name = '2022-03-14.txt';
  const fullIssue = loadIssueFile('seeds/003_460569c0b775decf.txt');
  const articlesOf = (library: NewsLibrary) => library.issues.find((i) => i.source === name)?.articles.length ?? 0;
  const docsOf = (library: NewsLibrary) => library.searchIndex.docs.filter((d) => d.source === name).length;

  /** Writes the first part, lets the clock run past a 4 s stall, then writes the rest. */
  async function copySlowly(cut: number, expectHalf: (library: NewsLibrary) => void) {
    const ctx = setUp();
    const file = path.join(ctx.corpusDir, name);
    fs.writeFileSync(file, full.slice(0, cut));
    for (const t of [0, 1500, 3000]) await ctx.live.check(t);
    expectHalf(ctx.library);
    expect(ctx.announced).toEqual([]);
    fs.appendFileSync(file, full.slice(cut));
    for (const t of [4000, 5500]) await ctx.live.check(t);
    expect(articlesOf(ctx.library)).toBe(fullIssue.articles.length);
    expect(ctx.announced).toEqual([]); // not yet: the file has just stopped changing
    for (const t of [9500, 12_000, 30_000]) await ctx.live.check(t);
    expect(ctx.announced.map((a) => a.map((i) => [i.source, i.articles.length]))).toEqual([
      [[name, fullIssue.articles.length]],
    ]);
    expect(docsOf(ctx.library)).toBe(docsOf(NewsLibrary.fromOpened(openIndex(ctxIndex(ctx.corpusDir)))));
    expect(ctx.library.search('博嘉生物')[0]?.headline).toContain('崇川开发区一季度');
    return ctx;
  }

  const ctxIndex = (corpusDir: string) => ({
    corpusDir,
    indexFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'live-ref-')), 'index.json'),
  });

  it('waits for a file cut mid-line, and indexes and announces it once, in full', async () => {
    // Cut inside a paragraph line, between two characters.
    const cut = full.indexOf('\n', full.length / 2) - 5;
    await copySlowly(cut, (library) => expect(articlesOf(library)).toBe(0));
  });

  it('waits for a file cut inside a character', async () => {
    const bytes = Buffer.from(full);
    const ctx = setUp();
    const file = path.join(ctx.corpusDir, name);
    let cut = Math.floor(bytes.length / 2);
    while ((bytes[cut]! & 0xc0) !== 0x80) cut++; // a continuation byte: inside a character
    fs.writeFileSync(file, bytes.subarray(0, cut));
    for (const t of [0, 1500, 3000]) await ctx.live.check(t);
    expect(articlesOf(ctx.library)).toBe(0);
    expect(ctx.warnings()).toEqual([]);
  });

  it('indexes a copy cut at a line end, then indexes it again in place once complete and announces it once', async () => {
    const cut = full.indexOf('\n', full.length / 2) + 1;
    const ctx = await copySlowly(cut, (library) => {
      expect(articlesOf(library)).toBeGreaterThan(0);
      expect(articlesOf(library)).toBeLessThan(fullIssue.articles.length);
    });
    // Edited again later: indexed in place again, never announced twice.
    fs.writeFileSync(path.join(ctx.corpusDir, name), full.replace(/博嘉生物/g, '博嘉医药'));
    for (const t of [31_000, 32_500, 40_000]) await ctx.live.check(t);
    expect(ctx.library.search('博嘉医药')[0]?.headline).toContain('崇川开发区一季度');
    expect(ctx.library.search('博嘉生物').some((r) => r.passage.includes('博嘉生物'))).toBe(false);
    expect(docsOf(ctx.library)).toBeGreaterThan(0);
    expect(ctx.announced).toHaveLength(1);
  });
});

describe('the saved index holds what was read', { timeout: 60_000 }, () => {
  /** A start after the process died without another save: the index as saved, or rebuilt when it does not match. */
  const restart = (corpusDir: string, indexFile: string) => {
    const opened = openIndex({ corpusDir, indexFile });
    return { built: opened.built, library: NewsLibrary.fromOpened(opened) };
  };

  it('an issue still waiting to be read when the index was saved is indexed after a restart', async () => {
    const { corpusDir, indexFile, live } = setUp();
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    await live.check(0);
    fs.copyFileSync('seeds/000_ee7a1d118fc23364.txt', path.join(corpusDir, '2022-09-08.txt'));
    await live.check(1500); // 2022-03-14 settled and indexed, the index saved; 2022-09-08 not settled yet
    await live.saved();
    live.stop(); // killed before it read 2022-09-08
    const after = restart(corpusDir, indexFile);
    expect(after.library.issues.map((i) => i.source).sort()).toEqual([
      '2021-08-09.txt',
      '2022-03-14.txt',
      '2022-09-08.txt',
    ]);
    const expected = loadIssueFile('seeds/000_ee7a1d118fc23364.txt').articles[0]!.headline;
    expect(after.library.latest(100).map((a) => a.headline)).toContain(expected);
    // Once read, the next start loads the saved index as it is.
    expect(restart(corpusDir, indexFile).built).toBe(false);
  });

  it('an issue edited after it was read has its new text after a restart, not the old', async () => {
    const { corpusDir, indexFile, live, library } = setUp();
    const file = path.join(corpusDir, '2021-08-09.txt');
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    await live.check(0);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('任港路新村', '任港路新苑'));
    await live.check(1500); // the new issue indexed and saved; the edit not settled yet
    await live.saved();
    live.stop();
    expect(library.search('任港路新村')[0]?.passage).toContain('任港路新村'); // the old text, in memory
    const after = restart(corpusDir, indexFile).library;
    expect(after.search('任港路新苑')[0]?.passage).toContain('任港路新苑');
    expect(after.search('任港路新村').some((r) => r.passage.includes('任港路新村'))).toBe(false);
  });

  it('a file changed between the read at a start and the live corpus taking over is read again', async () => {
    const { corpusDir, indexFile } = oneIssueArchive('live-start-');
    fs.rmSync(indexFile);
    const opened = NewsLibrary.fromOpened(openIndex({ corpusDir, indexFile }));
    // Edited after the start read it, before the live corpus looked: same size, so only the version tells.
    const file = path.join(corpusDir, '2021-08-09.txt');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('任港路新村', '任港路新苑'));
    const live = new LiveCorpus({ corpusDir, indexFile, library: opened, settleMs: 1000 });
    await live.check(0);
    await live.check(1500);
    expect(opened.search('任港路新苑')[0]?.passage).toContain('任港路新苑');
  });
});

describe('a copy stalled inside a UTF-8 character', { timeout: 60_000 }, () => {
  const name = '2022-03-14.txt';
  const full = fs.readFileSync('seeds/003_460569c0b775decf.txt');
  const fullIssue = loadIssueFile('seeds/003_460569c0b775decf.txt');
  const headlines = (issues: Issue[][]) => issues.map((a) => a.map((i) => i.articles.map((x) => x.headline)));

  it('is read as UTF-8 once the wait is over, then announced as corrected once when the copy completes', async () => {
    const { corpusDir, library, live, announced, corrected, warnings } = setUp();
    const file = path.join(corpusDir, name);
    let cut = Math.floor(full.length / 2);
    while ((full[cut]! & 0xc0) !== 0x80) cut++; // a continuation byte: inside a character
    fs.writeFileSync(file, full.subarray(0, cut));
    for (const t of [0, 1500, 3000, 10_000]) await live.check(t);
    expect(library.issues.some((i) => i.source === name)).toBe(false); // waits: it may be a copy in progress
    await live.check(16_000); // stalled for longer than a copy pauses: read as it is
    const half = library.issues.find((i) => i.source === name)!;
    expect(half.articles[0]!.headline).toBe(fullIssue.articles[0]!.headline); // UTF-8, not GB18030 mojibake
    expect(warnings()).toEqual([
      expect.stringMatching(/^2022-03-14\.txt: read as UTF-8: ends inside a UTF-8 character/),
    ]);
    expect(headlines(announced)).toEqual([[half.articles.map((a) => a.headline)]]);

    fs.appendFileSync(file, full.subarray(cut));
    for (const t of [17_000, 18_500]) await live.check(t);
    expect(library.issues.find((i) => i.source === name)!.articles.length).toBe(fullIssue.articles.length);
    expect(corrected).toEqual([]); // not before the file has stayed unchanged for a while
    for (const t of [24_000, 30_000, 40_000]) await live.check(t);
    expect(headlines(corrected)).toEqual([[fullIssue.articles.map((a) => a.headline)]]);
    expect(announced).toHaveLength(1);

    // Touched without a change of text: read again, announced neither as new nor as corrected.
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    for (const t of [41_000, 42_500, 50_000]) await live.check(t);
    expect(announced).toHaveLength(1);
    expect(corrected).toHaveLength(1);
  });
});

describe('what counts as cut short', { timeout: 60_000 }, () => {
  it('takes a last byline without its closing dot as complete, and a line stopped mid-sentence as cut', () => {
    for (const end of [
      '·范云',
      '·记者 张三 李四',
      '记者 张三',
      '责任编辑：王五',
      '……通车。',
      '·范云·',
      '（完）',
      '末行\n',
    ])
      expect(looksCutShort(`标题\n\n正文。\n\n${end}`)).toBe(false);
    for (const end of [
      '今年以来，崇川区',
      '区委书记胡拥军出席会议并',
      '·范云 出席会议并讲话，要求各',
      '记者从区住建局获悉',
      '图书馆新馆',
    ])
      expect(looksCutShort(`标题\n\n正文。\n\n${end}`)).toBe(true);
  });

  it('reads an issue that ends with an open byline (as seeds/004 does) as soon as it settles', async () => {
    const { corpusDir, library, live, announced } = setUp();
    const seed = fs.readFileSync('seeds/004_44e125a03f4ab106.txt', 'utf8');
    expect(seed.endsWith('·范云')).toBe(true);
    fs.writeFileSync(path.join(corpusDir, '2023-05-01.txt'), seed);
    await live.check(0);
    await live.check(1500); // settled: read now, not after the 15 s a cut-short file waits
    expect(library.issues.map((i) => i.source)).toContain('2023-05-01.txt');
    await live.check(6600);
    expect(announced.map((a) => a.map((i) => i.source))).toEqual([['2023-05-01.txt']]);
  });
});

describe('LiveCorpus when the folder goes away', { timeout: 60_000 }, () => {
  it('keeps the archive while the corpus folder is missing, warning once, and carries on when it is back', async () => {
    const { corpusDir, library, live, warnings } = setUp();
    const away = `${corpusDir}.away`;
    fs.renameSync(corpusDir, away);
    for (const t of [0, 2000, 4000]) await live.check(t);
    expect(library.stats().issues).toBe(1);
    expect(library.search('唐闸古镇规划面积').length).toBeGreaterThan(0);
    expect(warnings()).toEqual([expect.stringMatching(/^cannot look at the corpus folder: corpus folder not found/)]);
    fs.renameSync(away, corpusDir);
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    for (const t of [6000, 7500]) await live.check(t);
    expect(library.stats().issues).toBe(2);
  });

  it('indexes many files copied at once, answering questions between them', async () => {
    const { corpusDir, library, live } = setUp();
    for (const [k, seed] of ['000_ee7a1d118fc23364', '002_771dcfc53f42e5d3', '003_460569c0b775decf'].entries())
      fs.copyFileSync(`seeds/${seed}.txt`, path.join(corpusDir, `2022-0${k + 1}-01.txt`));
    await live.check(0);
    const between: number[] = [];
    const probe = setInterval(() => between.push(library.stats().issues), 0);
    await live.check(1500);
    clearInterval(probe);
    expect(library.stats().issues).toBe(4);
    // The event loop turned while the files were being indexed, one at a time.
    expect(between.some((n) => n > 1 && n < 4)).toBe(true);
  });

  it('merges the first segment with what was added, between questions, answering the same', async () => {
    const { corpusDir, library, live } = setUp();
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    await live.check(0);
    const checked = live.check(1500);
    // The added issue outgrows half the one there: merging its segments is due once it is in.
    const answers = () => ['博嘉生物', '唐闸古镇规划面积', '老旧小区改造'].map((q) => library.search(q));
    const during: number[] = [];
    const probe = setInterval(() => during.push(library.searchIndex.segmentCount), 0);
    await checked;
    const before = answers();
    expect(library.searchIndex.segmentCount).toBeGreaterThan(3);
    await live.merged();
    clearInterval(probe);
    expect(library.searchIndex.segmentCount).toBe(3);
    expect(during.some((n) => n > 3)).toBe(true);
    expect(answers()).toEqual(before);
    expect(before[0]![0]?.headline).toContain('崇川开发区一季度');
  });

  it('looks at a large folder a slice at a time, answering between slices, and takes a removed issue out', async () => {
    const { corpusDir, library, live } = setUp();
    // Empty files are never read (still being written): only looked at.
    for (let k = 0; k < 1200; k++) fs.writeFileSync(path.join(corpusDir, `2030-${String(k).padStart(4, '0')}.txt`), '');
    const order: string[] = [];
    setImmediate(() => order.push('a turn of the event loop'));
    await live.check(0).then(() => order.push('the look done'));
    expect(order).toEqual(['a turn of the event loop', 'the look done']);
    fs.rmSync(path.join(corpusDir, '2021-08-09.txt'));
    await live.check(1000);
    expect(library.stats()).toMatchObject({ issues: 0, articles: 0 });
    expect(library.latest(5)).toEqual([]);
  });
});
