import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus, MAX_ISSUE_BYTES } from '../../src/corpus/load-corpus.ts';
import { corpusFingerprint } from '../../src/retrieval/index/index-store.ts';
import { captureLogs } from '../support/logs.ts';

function tempCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('loadCorpus', () => {
  it('skips an empty and a binary file with one warning each and loads the rest', () => {
    const dir = tempCorpus({
      '2024-01-08.txt': '新年第一场会议\n\n1月5日，会议召开。\n\n·张三·\n',
      'empty.txt': '',
      'photo.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
      'notes.json': '{}',
    });
    const logs = captureLogs();
    const issues = loadCorpus(dir, { logger: logs.logger });
    expect(issues.map((i) => i.source)).toEqual(['2024-01-08.txt']);
    expect(issues[0]!.articles[0]!.date).toBe('2024-01-05');
    expect(logs.messages('warn')).toEqual(['skipped empty.txt: empty', 'skipped photo.txt: binary content']);
  });

  it('reads a CRLF GBK issue beside UTF-8 ones', () => {
    const gbk = fs.readFileSync('tests/fixtures/gbk-issue.txt');
    const crlf = Buffer.from(gbk.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    const dir = tempCorpus({ '2023-05-08.txt': crlf });
    const [issue] = loadCorpus(dir);
    expect(issue!.articles[0]!.headline).toBe('崇川新建口袋公园');
    expect(issue!.articles[0]!.date).toBe('2023-05-06');
  });

  it('says clearly when the folder is missing or holds no issue', () => {
    expect(() => loadCorpus('/nonexistent/corpus')).toThrow(CorpusError);
    expect(() => loadCorpus('/nonexistent/corpus')).toThrow(/corpus folder not found/);
    expect(() => loadCorpus(tempCorpus({ 'a.json': '{}' }))).toThrow(/no issue files/);
    expect(() => loadCorpus(tempCorpus({ 'a.txt': '' }))).toThrow(/no readable issue/);
  });
});

describe('files that are not issues, or not there', { timeout: 30_000 }, () => {
  const seed = fs.readFileSync('seeds/001_ee31270023d67050.txt');

  function badCorpus(): string {
    const dir = tempCorpus({ '2021-08-09.txt': seed });
    fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
    fs.symlinkSync('loop-b.txt', path.join(dir, 'loop-a.txt'));
    fs.symlinkSync('loop-a.txt', path.join(dir, 'loop-b.txt'));
    fs.mkdirSync(path.join(dir, 'folder.txt'));
    fs.symlinkSync(path.join(dir, '2021-08-09.txt'), path.join(dir, 'link.txt'));
    return dir;
  }

  it('skips dangling and looping symbolic links and folders, one warning each, and loads the rest', () => {
    const logs = captureLogs();
    const issues = loadCorpus(badCorpus(), { logger: logs.logger });
    expect(issues.map((i) => i.source)).toEqual(['2021-08-09.txt', 'link.txt']);
    expect(logs.messages('warn')).toEqual([
      'skipped dangling.txt: not found (removed, or a symbolic link to nothing)',
      'skipped folder.txt: not a regular file',
      'skipped loop-a.txt: symbolic link loop',
      'skipped loop-b.txt: symbolic link loop',
    ]);
  });

  it('skips a file removed between listing and reading', () => {
    const dir = tempCorpus({ '2021-08-09.txt': seed, '2021-08-16.txt': seed, '2021-08-23.txt': seed });
    const logs = captureLogs();
    const issues = loadCorpus(dir, {
      logger: logs.logger,
      // After the first file is read, the second one goes.
      onProgress: (done) => done === 1 && fs.rmSync(path.join(dir, '2021-08-16.txt')),
    });
    expect(issues.map((i) => i.source)).toEqual(['2021-08-09.txt', '2021-08-23.txt']);
    expect(logs.messages('warn')).toEqual([
      'skipped 2021-08-16.txt: not found (removed, or a symbolic link to nothing)',
    ]);
  });

  it('fingerprints a folder with broken links without throwing, and sees a link mended', () => {
    const dir = badCorpus();
    const before = corpusFingerprint(dir);
    expect(corpusFingerprint(dir)).toBe(before);
    fs.writeFileSync(path.join(dir, 'gone.txt'), seed);
    expect(corpusFingerprint(dir)).not.toBe(before);
  });

  it('skips a file over the size limit with its size, without reading it', () => {
    const dir = tempCorpus({ '2021-08-09.txt': seed, 'one-line.txt': '崇'.repeat((5 * 1024 * 1024) / 3) });
    // 50 MB without writing 50 MB: a sparse file; reading it whole would show in the heap.
    const fd = fs.openSync(path.join(dir, 'huge.txt'), 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    const logs = captureLogs();
    const heapBefore = process.memoryUsage().arrayBuffers;
    const issues = loadCorpus(dir, { logger: logs.logger });
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(20 * 1024 * 1024);
    expect(issues.map((i) => i.source)).toEqual(['2021-08-09.txt']);
    expect(logs.messages('warn')).toEqual([
      'skipped huge.txt: 50.0 MB, over the 2.0 MB limit for an issue',
      'skipped one-line.txt: 5.0 MB, over the 2.0 MB limit for an issue',
    ]);
  });

  it('reads a file just under the limit', () => {
    const pad = Buffer.alloc(MAX_ISSUE_BYTES - seed.length - 1, '\n');
    const dir = tempCorpus({ '2021-08-09.txt': Buffer.concat([seed, pad]) });
    expect(loadCorpus(dir)[0]!.articles.length).toBeGreaterThan(0);
  });
});

describe('corpusFingerprint', () => {
  it('changes when an edit keeps the size and the modification time', () => {
    const dir = tempCorpus({ '2021-08-09.txt': '新年第一场会议\n\n1月5日，会议召开。\n' });
    const file = path.join(dir, '2021-08-09.txt');
    const mtime = fs.statSync(file).mtimeMs;
    const before = corpusFingerprint(dir);
    fs.writeFileSync(file, '新年第二场会议\n\n1月5日，会议召开。\n');
    fs.utimesSync(file, mtime / 1000, mtime / 1000);
    expect(Math.round(fs.statSync(file).mtimeMs)).toBe(Math.round(mtime));
    expect(corpusFingerprint(dir)).not.toBe(before);
  });
});
