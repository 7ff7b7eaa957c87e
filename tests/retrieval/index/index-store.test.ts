import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexFileError, openIndexFile, writeIndexFile } from '../../../src/retrieval/index/index-file.ts';
import { NewsLibrary } from '../../../src/retrieval/library.ts';
import { corpusFingerprint, openIndex } from '../../../src/retrieval/index/index-store.ts';
import { search } from '../../../src/retrieval/ranking/rank.ts';
import { INDEX_VERSION } from '../../../src/retrieval/index/search-index.ts';
import { captureLogs } from '../../support/logs.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'index-store-'));
const corpus = path.join(tmp, 'corpus');
fs.mkdirSync(corpus);
fs.copyFileSync('seeds/001_ee31270023d67050.txt', path.join(corpus, '001.txt'));
const QUESTION = '唐闸古镇规划面积';

/** Opens the index, collecting warnings; checks that it answers. */
function open(indexFile: string) {
  const logs = captureLogs();
  const opened = openIndex({ corpusDir: corpus, indexFile, logger: logs.logger });
  expect(search(opened.index, QUESTION)[0]?.passage).toContain('9.8平方公里');
  return { opened, warnings: logs.messages('warn') };
}

/** A folder for one case, with a good index saved in it. */
function withSavedIndex(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const indexFile = path.join(dir, 'index.bin');
  expect(open(indexFile).warnings).toEqual([]);
  return indexFile;
}

/** Where each column's parts lie in an index file, from its header. */
function columnLayout(indexFile: string) {
  const bytes = fs.readFileSync(indexFile);
  const header = JSON.parse(bytes.subarray(16, 16 + bytes.readUInt32LE(8)).toString()) as {
    columns: { name: string; offset: number; bytes: number; sumsAt: number }[];
  };
  return new Map(header.columns.map((e) => [e.name, e]));
}

function flipByte(file: string, at: number): void {
  const bytes = fs.readFileSync(file);
  bytes[at]! ^= 0xff;
  fs.writeFileSync(file, bytes);
}

/** Checks every block of the file (throws when one is damaged). */
function verifyFile(file: string): void {
  const reader = openIndexFile(file);
  reader.verify();
  reader.close();
}

/** A pid that surely names no process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('a saved index that cannot be used', { timeout: 60_000 }, () => {
  it('is rebuilt with one warning when damaged in what a start reads', () => {
    // A column read whole at every start (the headlines), and the block sums of one left in the file.
    for (const [name, part] of [
      ['doc.headline', 'offset'],
      ['passage.text', 'sumsAt'],
    ] as const) {
      const indexFile = withSavedIndex(`damaged-${name}-${part}`);
      flipByte(indexFile, columnLayout(indexFile).get(name)![part] + 1);
      const { opened, warnings } = open(indexFile);
      expect(opened.built).toBe(true);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/damaged.*rebuilding/);
      expect(open(indexFile).opened.built).toBe(false);
    }
  });

  it('is rebuilt, the question then answered, when a question first reads a damaged block', () => {
    // The answer's own characters damaged in the passage texts left in the file: a start reads
    // nothing of them, so it loads the index; the first question that reads them meets the damage.
    const damage = (name: string) => {
      const indexFile = withSavedIndex(name);
      const { offset, bytes } = columnLayout(indexFile).get('passage.text')!;
      const at = fs.readFileSync(indexFile).indexOf(Buffer.from('9.8平方公里', 'utf16le'), offset);
      expect(at).toBeGreaterThanOrEqual(offset);
      expect(at).toBeLessThan(offset + bytes);
      flipByte(indexFile, at);
      const logs = captureLogs();
      const opened = openIndex({ corpusDir: corpus, indexFile, logger: logs.logger });
      expect(opened.built).toBe(false);
      return { indexFile, opened, logs };
    };

    // The bot's way: its library rebuilds from the issues it holds, and answers.
    const bot = damage('damaged-block-bot');
    const library = NewsLibrary.fromOpened(bot.opened);
    expect(bot.logs.messages('warn')).toEqual([]);
    expect(library.search(QUESTION)[0]?.passage).toContain('9.8平方公里');
    expect(bot.logs.messages('warn')).toHaveLength(1);
    expect(bot.logs.messages('warn')[0]).toMatch(/damaged \(column passage\.text is damaged.*rebuilding/);
    expect(library.search(QUESTION)[0]?.passage).toContain('9.8平方公里');
    expect(bot.logs.messages('warn')).toHaveLength(1);
    verifyFile(bot.indexFile);

    // The search command's way: the question fails with an IndexFileError, the index is rebuilt
    // from the corpus, stamped with it, and the next start loads it.
    const cli = damage('damaged-block-cli');
    let err: unknown;
    try {
      search(cli.opened.index, QUESTION);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IndexFileError);
    const rebuilt = cli.opened.rebuild(err as IndexFileError);
    expect(search(rebuilt, QUESTION)[0]?.passage).toContain('9.8平方公里');
    expect(cli.logs.messages('warn')).toHaveLength(1);
    verifyFile(cli.indexFile);
    expect(open(cli.indexFile).opened.built).toBe(false);
  });

  it('is rebuilt with one warning when cut short', () => {
    const indexFile = withSavedIndex('cut');
    fs.truncateSync(indexFile, Math.floor(fs.statSync(indexFile).size * 0.7));
    const { opened, warnings } = open(indexFile);
    expect(opened.built).toBe(true);
    expect(warnings).toHaveLength(1);
  });

  it('is rebuilt with one warning when its columns are of the wrong shape', () => {
    const dir = path.join(tmp, 'shape');
    fs.mkdirSync(dir);
    const indexFile = path.join(dir, 'index.bin');
    const meta = { version: INDEX_VERSION, fingerprint: corpusFingerprint(corpus) };
    writeIndexFile(indexFile, meta, { 'doc.id': Uint32Array.of(1, 2, 3), 'passage.doc': Uint8Array.of(9) });
    const { opened, warnings } = open(indexFile);
    expect(opened.built).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('doc.id');
  });

  it('is replaced quietly when it is the JSON index of an earlier version, of any shape', () => {
    const dir = path.join(tmp, 'json');
    fs.mkdirSync(dir);
    const indexFile = path.join(dir, 'index.json');
    fs.writeFileSync(indexFile, JSON.stringify({ index: { version: 8, grams: 5 }, issues: 'none' }));
    const { opened, warnings } = open(indexFile);
    expect(opened.built).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('gives the issues it saved, read only when asked for', () => {
    const indexFile = withSavedIndex('issues');
    const { opened } = open(indexFile);
    expect(opened.built).toBe(false);
    expect(opened.issues.map((i) => i.source)).toEqual(['001.txt']);
    expect(opened.issues[0]!.articles.length).toBeGreaterThan(3);
  });
});

describe('an index folder that cannot be written', { timeout: 60_000 }, () => {
  it('warns once and runs without saving', () => {
    // A regular file where the folder should be: no user, root included, can write there.
    const blocker = path.join(tmp, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const indexFile = path.join(blocker, 'index.bin');
    const { opened, warnings } = open(indexFile);
    expect(opened.built).toBe(true);
    expect(warnings, warnings.join('\n')).toHaveLength(1);
    expect(warnings[0]).toMatch(/cannot write the index .*running without saving/);
    expect(fs.statSync(blocker).isFile()).toBe(true);
  });

  it('warns once when only the dictionary file cannot be written, and still saves the index', () => {
    const dir = path.join(tmp, 'dict');
    fs.mkdirSync(dir);
    const indexFile = path.join(dir, 'index.bin');
    fs.mkdirSync(`${indexFile}.userdict.txt`); // a folder in the dictionary file's place
    const { opened, warnings } = open(indexFile);
    expect(opened.built).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(fs.existsSync(indexFile)).toBe(true);
  });
});

describe('a save killed midway', { timeout: 60_000 }, () => {
  it('leaves no temporary file after the next start', () => {
    const indexFile = withSavedIndex('killed');
    const stale = [`${indexFile}.${deadPid()}.tmp`, `${indexFile}.userdict.txt.${deadPid()}.tmp`];
    for (const file of stale) fs.writeFileSync(file, 'half an index');
    const mine = `${indexFile}.${process.pid}.tmp`; // a live process's save in progress
    fs.writeFileSync(mine, 'being written');
    open(indexFile);
    for (const file of stale) expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(mine)).toBe(true);
    fs.rmSync(mine);
  });

  it('by kill -9 of a real process leaves nothing behind once the bot starts again', async () => {
    const dir = path.join(tmp, 'kill9');
    fs.mkdirSync(dir);
    const indexFile = path.join(dir, 'index.bin');
    // A process that saves the index over and over until it is killed.
    const script = [
      `import { openIndex } from ${JSON.stringify(path.resolve('src/retrieval/index/index-store.ts'))};`,
      `for (;;) openIndex({ corpusDir: ${JSON.stringify(corpus)}, indexFile: ${JSON.stringify(indexFile)}, rebuild: true });`,
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 60_000;
    // Seen once is enough: a second look could come just after the rename.
    let sawTemporary = false;
    while (!sawTemporary && Date.now() < deadline) {
      sawTemporary = fs.readdirSync(dir).some((n) => n.endsWith('.tmp'));
      if (!sawTemporary) await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(sawTemporary).toBe(true);
    open(indexFile);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 90_000);
});
