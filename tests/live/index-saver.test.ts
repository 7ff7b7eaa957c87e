import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssueFile } from '../../src/corpus/load-corpus.ts';
import { IndexSaver } from '../../src/live/index-saver.ts';
import { type Columns, openIndexFile, readColumns, StringTable } from '../../src/retrieval/index/index-file.ts';
import { corpusFingerprint, openIndex, saveIndexInSlices } from '../../src/retrieval/index/index-store.ts';
import { NewsLibrary } from '../../src/retrieval/library.ts';
import { captureLogs } from '../support/logs.ts';
import { oneIssueArchive } from '../support/seed-library.ts';

/** A corpus folder of one issue with its index opened; `add` puts another issue in the folder and in the index. */
function setUp() {
  const { dir, corpusDir, indexFile, library } = oneIssueArchive('saver-');
  const add = (seed: string, name: string) => {
    fs.copyFileSync(`seeds/${seed}`, path.join(corpusDir, name));
    library.addIssues([loadIssueFile(path.join(corpusDir, name))]);
  };
  return { dir, corpusDir, indexFile, library, add };
}

/** Every column of an index file, as plain arrays (string tables as their strings). */
function fileColumns(file: string): Record<string, unknown[]> {
  const reader = openIndexFile(file);
  const columns = readColumns(reader);
  reader.close();
  return plain(columns);
}

function plain(columns: Columns): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(columns).map(([name, c]) => [name, c instanceof StringTable ? c.toArray() : [...c]]),
  );
}

describe('IndexSaver', { timeout: 60_000 }, () => {
  it('rebuilds an index whose file it finds damaged while copying it, then saves it whole', async () => {
    const { corpusDir, indexFile } = setUp();
    // A byte of the passage texts left in the file: the start loads, the saver's copy meets it.
    const bytes = fs.readFileSync(indexFile);
    const at = bytes.indexOf(Buffer.from('9.8平方公里', 'utf16le'));
    expect(at).toBeGreaterThan(0);
    bytes[at]! ^= 0xff;
    fs.writeFileSync(indexFile, bytes);
    const logs = captureLogs();
    const opened = openIndex({ corpusDir, indexFile, logger: logs.logger });
    expect(opened.built).toBe(false);
    const library = NewsLibrary.fromOpened(opened);
    const warnings: string[] = [];
    const saver = new IndexSaver(corpusDir, indexFile, library, (m) => warnings.push(m));
    saver.request();
    await saver.idle();
    expect(warnings).toEqual([]);
    expect(logs.messages('warn')).toHaveLength(1);
    expect(logs.messages('warn')[0]).toMatch(/damaged.*rebuilding/);
    const reader = openIndexFile(indexFile);
    expect(() => reader.verify()).not.toThrow();
    reader.close();
    expect(library.search('唐闸古镇规划面积')[0]?.passage).toContain('9.8平方公里');
    expect(openIndex({ corpusDir, indexFile }).built).toBe(false);
  });

  it("writes the bot's own index as it changed in place: the next start loads it", async () => {
    const { dir, corpusDir, indexFile, library, add } = setUp();
    add('003_460569c0b775decf.txt', '2022-03-14.txt');
    library.removeIssues(['2021-08-09.txt']);
    fs.renameSync(path.join(corpusDir, '2021-08-09.txt'), path.join(dir, '2021-08-09.txt'));
    const warnings: string[] = [];
    const saver = new IndexSaver(corpusDir, indexFile, library, (m) => warnings.push(m));
    saver.request();
    saver.request(); // asked again while running: one more run, not two
    await saver.idle();
    expect(warnings).toEqual([]);
    expect(fs.readdirSync(path.dirname(indexFile)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const saved = fileColumns(indexFile);
    expect(saved).toEqual({
      ...plain(library.searchIndex.toColumns()),
      'issues.json': [...Buffer.from(JSON.stringify(library.issues))],
    });
    const opened = openIndex({ corpusDir, indexFile });
    expect(opened.built).toBe(false);
    expect(opened.issues.map((i) => i.source)).toEqual(['2022-03-14.txt']);
    const reopened = new NewsLibrary(opened.index, opened.issues);
    for (const q of ['博嘉生物', '唐闸古镇规划面积', '老旧小区改造'])
      expect(reopened.search(q)).toEqual(library.search(q));
  });

  it('saves the index as it was when the save began, whatever changes come during it', async () => {
    const { corpusDir, indexFile, library, add } = setUp();
    add('003_460569c0b775decf.txt', '2022-03-14.txt');
    const before = plain(library.searchIndex.toColumns());
    const issues = library.issues;
    const saving = saveIndexInSlices(indexFile, issues, library.searchIndex, corpusFingerprint(corpusDir));
    // Changes while the file is being written: in the same turn, and between its slices.
    add('004_44e125a03f4ab106.txt', '2022-04-11.txt');
    await new Promise((r) => setImmediate(r));
    library.removeIssues(['2021-08-09.txt']);
    await new Promise((r) => setImmediate(r));
    add('000_ee7a1d118fc23364.txt', '2021-06-01.txt');
    expect(await saving).toBe(true);
    expect(fileColumns(indexFile)).toEqual({ ...before, 'issues.json': [...Buffer.from(JSON.stringify(issues))] });
    expect(plain(library.searchIndex.toColumns())).not.toEqual(before);
  });

  it('stopped midway, leaves the file saved before and no temporary file', async () => {
    const { indexFile, library, add, corpusDir } = setUp();
    const saved = fs.readFileSync(indexFile);
    add('003_460569c0b775decf.txt', '2022-03-14.txt');
    const saver = new IndexSaver(corpusDir, indexFile, library);
    saver.request();
    saver.stop();
    await saver.idle();
    saver.request(); // stopped: asks for nothing
    await saver.idle();
    expect(fs.readFileSync(indexFile).equals(saved)).toBe(true);
    expect(fs.readdirSync(path.dirname(indexFile))).toEqual(['index.bin', 'index.bin.userdict.txt']);
  });

  it('aborted while writing, leaves the file saved before and no temporary file', async () => {
    const { indexFile, library, add, corpusDir } = setUp();
    const saved = fs.readFileSync(indexFile);
    add('003_460569c0b775decf.txt', '2022-03-14.txt');
    const abort = new AbortController();
    const warnings: string[] = [];
    const saving = saveIndexInSlices(indexFile, library.issues, library.searchIndex, corpusFingerprint(corpusDir), {
      signal: abort.signal,
      warn: (m) => warnings.push(m),
    });
    // Once the temporary file is there, half written (the save takes many turns of the loop).
    const writing = () => fs.readdirSync(path.dirname(indexFile)).some((f) => f.endsWith('.tmp'));
    for (let k = 0; k < 10_000 && !writing(); k++) await new Promise((r) => setImmediate(r));
    expect(writing()).toBe(true);
    abort.abort();
    expect(await saving).toBe(false);
    expect(warnings).toEqual([]);
    expect(fs.readFileSync(indexFile).equals(saved)).toBe(true);
    expect(fs.readdirSync(path.dirname(indexFile))).toEqual(['index.bin', 'index.bin.userdict.txt']);
  });

  it('reports a save that failed as a warning', async () => {
    const { dir, corpusDir, library } = setUp();
    fs.writeFileSync(path.join(dir, 'blocked'), 'a file where the index folder should be');
    const warnings: string[] = [];
    const saver = new IndexSaver(corpusDir, path.join(dir, 'blocked', 'index.bin'), library, (m) => warnings.push(m));
    saver.request();
    await saver.idle();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cannot write the index beside .*index\.bin/);
  });
});
