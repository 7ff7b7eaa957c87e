import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssueFile } from '../../src/corpus/load-corpus.ts';

// Issue files in odd encodings, written to a temporary folder and read as the bot reads them.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odd-files-'));
const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const issue = '新桥通车\n\n6月1日，新桥通车，全长300米。\n\n·李四·\n';

describe('odd issue files', () => {
  it('reads UTF-16 without a BOM in either byte order', () => {
    const le = Buffer.from(issue, 'utf16le');
    for (const bytes of [le, Buffer.from(le).swap16()]) {
      const parsed = loadIssueFile(write('2024-06-03_utf16.txt', bytes));
      expect(parsed.articles.map((a) => [a.headline, a.date, a.paragraphs])).toEqual([
        ['新桥通车', '2024-06-01', ['6月1日，新桥通车，全长300米。']],
      ]);
    }
  });

  it('keeps NUL bytes out of article text, also far past the first 8 KB', () => {
    const filler = '大桥设计为双向四车道，两侧设有人行道。\n\n'.repeat(300);
    const text = `新桥通车\n\n6月1日，新桥通车。\n\n${filler}末段\u0000\u0000文字。\n\n·李四·\n`;
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.indexOf(0)).toBeGreaterThan(8192);
    const parsed = loadIssueFile(write('2024-06-03_nul.txt', bytes));
    const all = parsed.articles.flatMap((a) => [a.headline, ...a.paragraphs]).join('\n');
    expect(all.includes('\u0000')).toBe(false);
    expect(all).toContain('末段文字。');
  });
});
