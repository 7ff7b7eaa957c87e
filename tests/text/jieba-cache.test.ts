/**
 * jieba's files checked by content: the compact dictionary cache in a private folder, refused and
 * made again when it is malformed, cut short or oversized; the native binding refused (not
 * loaded, so no SIGBUS) when cut short, and rebuilt by `npm install`; a full or unwritable
 * temporary folder stops nothing. Real processes where a wrong file would kill one.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedFile, cacheFolder, resetCacheFolder, takeCacheNotices } from '../../src/text/jieba.ts';
import { bindingFault, elfFault, JIEBA_FILES } from '../../src/text/jieba.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'jieba-cache-'));
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const BINDING = 'native/jieba/build/Release/jieba.node';

/** The search CLI on the seeds, with the environment given; the index in `indexDir` (a fresh folder by default). */
function search(env: Record<string, string>, indexDir = tmp()) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/search.ts', '--json', '--limit', '1', '老旧小区改造'],
    {
      env: { ...process.env, CORPUS_DIR: path.resolve('seeds'), INDEX_FILE: path.join(indexDir, 'index.bin'), ...env },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
}

/** The compact dictionary's name in the cache, as segment.ts makes it. */
function compactName(): string {
  const st = fs.statSync(JIEBA_FILES.DEFAULT_DICT);
  return `dict-${st.size}-${Math.round(st.mtimeMs)}-10.utf8`;
}

afterEach(() => {
  delete process.env.JIEBA_CACHE_DIR;
  resetCacheFolder();
  takeCacheNotices();
});

describe('the private cache', () => {
  it("is the project's .cache/jieba, open to no one else", () => {
    const dir = cacheFolder();
    expect(dir).toBe(path.resolve('.cache', 'jieba'));
    expect(fs.statSync(dir!).mode & 0o777).toBe(0o700);
  });

  it('closes a folder others could enter, and gives a file back only while it matches its record', () => {
    const dir = path.join(tmp(), 'cache');
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chmodSync(dir, 0o777);
    process.env.JIEBA_CACHE_DIR = dir;
    expect(cacheFolder()).toBe(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);

    let made = 0;
    const make = () => {
      made++;
      return '崇川 10 ns\n老旧小区 20 n\n';
    };
    const file = cachedFile('words.utf8', 100, make)!;
    expect(fs.readFileSync(file, 'utf8')).toBe(make());
    made = 0;
    expect(cachedFile('words.utf8', 100, make)).toBe(file);
    expect(made).toBe(0);
    expect(takeCacheNotices()).toEqual([]);

    for (const [spoil, why] of [
      [() => fs.truncateSync(file, 5), /SHA-256 differs/],
      [() => fs.writeFileSync(file, '坏行没有词频\n'), /SHA-256 differs/],
      [() => fs.writeFileSync(file, 'x'.repeat(1000)), /1000 bytes, more than the 100/],
      [() => fs.rmSync(`${file}.sha256`), /unreadable/],
    ] as const) {
      spoil();
      made = 0;
      expect(cachedFile('words.utf8', 100, make)).toBe(file);
      expect(made).toBe(1);
      expect(fs.readFileSync(file, 'utf8')).toBe(make());
      expect(takeCacheNotices()).toEqual([expect.stringMatching(why)]);
    }
  });

  it('is none when its folder cannot be made: the caller goes without, told once', () => {
    process.env.JIEBA_CACHE_DIR = '/dev/full/jieba';
    expect(cachedFile('words.utf8', 100, () => 'x')).toBeNull();
    expect(cachedFile('other.utf8', 100, () => 'x')).toBeNull();
    expect(takeCacheNotices()).toHaveLength(1);
  });
});

describe('a damaged compact dictionary', { timeout: 180_000 }, () => {
  it('is refused and made again, never loaded: no abort, no 44 s load', () => {
    const dir = tmp();
    const file = path.join(dir, compactName());
    const cases: [string, () => void][] = [
      ['malformed', () => fs.writeFileSync(file, '崇川 10 ns\n坏行没有词频\n')],
      ['cut short', () => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))],
      ['oversized', () => fs.writeFileSync(file, Buffer.alloc(fs.statSync(JIEBA_FILES.DEFAULT_DICT).size + 1, 0x20))],
    ];
    const indexDir = tmp(); // built once: later starts load it, and jieba's dictionary with it
    const first = search({ JIEBA_CACHE_DIR: dir }, indexDir);
    expect(first.status).toBe(0);
    const sound = fs.readFileSync(file);
    expect(sha256(sound)).toBe(fs.readFileSync(`${file}.sha256`, 'utf8').trim());
    for (const [what, spoil] of cases) {
      spoil();
      const run = search({ JIEBA_CACHE_DIR: dir }, indexDir);
      expect({ what, status: run.status, signal: run.signal }).toEqual({ what, status: 0, signal: null });
      expect(JSON.parse(run.stdout)[0].headline).toContain('老旧小区');
      expect(fs.readFileSync(file)).toEqual(sound);
    }
  });
});

describe('the native binding', { timeout: 180_000 }, () => {
  it('carries a build record that matches it', () => {
    expect(bindingFault(BINDING)).toBe('');
    expect(elfFault(fs.readFileSync(BINDING))).toBe('');
  });

  it('cut short is refused with one line, not loaded, and `npm install` builds it again', () => {
    const whole = fs.readFileSync(BINDING);
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    expect(elfFault(cut)).toMatch(/^cut short/);

    // A copy of the project whose binding was cut short (a copy or a build killed half-way).
    const project = tmp();
    for (const entry of ['src', 'scripts', 'native', 'package.json', 'tsconfig.json'])
      fs.cpSync(entry, path.join(project, entry), { recursive: true });
    fs.symlinkSync(path.resolve('node_modules'), path.join(project, 'node_modules'));
    const copy = path.join(project, BINDING);
    fs.rmSync(copy);
    fs.writeFileSync(copy, cut);
    expect(bindingFault(copy)).toMatch(/not the file that was built/);
    fs.rmSync(`${copy}.json`);
    expect(bindingFault(copy)).toMatch(/^cut short/);

    const chat = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: project,
      input: '老旧小区改造\n',
      env: {
        ...process.env,
        BOT_TOKEN: '',
        CORPUS_DIR: path.resolve('seeds'),
        INDEX_FILE: path.join(project, 'index.bin'),
        LOG_LEVEL: 'warn',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(chat.signal).toBeNull();
    expect(chat.status).toBe(0);
    expect(chat.stdout).toContain('老旧小区');
    const refusals = `${chat.stdout}${chat.stderr}`.split('\n').filter((l) => l.includes('jieba.node refused'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/cut short/);

    // npm install decides by content: the cut binding (its modification time newer than every source) is rebuilt.
    const install = spawnSync('npm', ['run', '-s', 'install'], { cwd: project, encoding: 'utf8', timeout: 170_000 });
    expect(install.status).toBe(0);
    expect(install.stdout).toContain('building the jieba binding');
    expect(bindingFault(copy)).toBe('');
    expect(fs.statSync(copy).size).toBe(whole.length);
  });
});

describe('a full or unwritable temporary folder', { timeout: 180_000 }, () => {
  // tsx, which runs the sources here (not the built program), keeps its own cache there: not this.
  const TMPDIR = { TMPDIR: '/dev/full', TSX_DISABLE_CACHE: '1' };

  it('stops no start and blames no issue file', () => {
    const run = search(TMPDIR);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0].headline).toContain('老旧小区');
    expect(run.stderr).not.toMatch(/skipped|no readable issue/);
  });

  it('nor does a cache that cannot be written at all: jieba loads its full dictionary', () => {
    const run = search({ ...TMPDIR, JIEBA_CACHE_DIR: '/dev/full/jieba' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0].headline).toContain('老旧小区');
    expect(run.stderr).not.toMatch(/skipped|no readable issue/);
  });
});
