import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus } from '../../src/corpus/load-corpus.ts';
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
