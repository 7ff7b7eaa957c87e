import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeIssue, UnreadableIssueError } from '../../src/corpus/decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeIssue', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeIssue(utf8('\uFEFF崇川新闻'))).toBe('崇川新闻');
    expect(decodeIssue(utf8('崇川新闻'))).toBe('崇川新闻');
  });

  it('turns CRLF and CR line ends into LF', () => {
    expect(decodeIssue(utf8('标题\r\n\r\n正文。\r末行'))).toBe('标题\n\n正文。\n末行');
  });

  it('reads a GBK (GB18030) file', () => {
    const text = decodeIssue(fs.readFileSync('tests/fixtures/gbk-issue.txt'));
    expect(text).toContain('5月6日，崇川区新建三座口袋公园。');
  });

  it('reads UTF-16 with a BOM', () => {
    const body = Buffer.from('崇川新闻', 'utf16le');
    expect(decodeIssue(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))).toBe('崇川新闻');
  });

  it('refuses empty, blank and binary files', () => {
    expect(() => decodeIssue(new Uint8Array())).toThrow(UnreadableIssueError);
    expect(() => decodeIssue(utf8(' \n\n '))).toThrow(/empty/);
    expect(() => decodeIssue(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toThrow(/binary/);
  });
});

describe('decodeIssue on odd encodings', () => {
  const issue = '新桥通车\n\n6月1日，新桥通车。Bridge opened.\n\n·李四·\n';

  it('detects UTF-16 without a BOM, either byte order', () => {
    const le = Buffer.from(issue, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeIssue(le)).toBe(issue);
    expect(decodeIssue(be)).toBe(issue);
  });

  it('detects all-Chinese UTF-16 without a BOM (no NUL bytes at all)', () => {
    const text = '崇川区新建口袋公园方便居民休闲健身';
    const le = Buffer.from(text, 'utf16le');
    expect(le.includes(0)).toBe(false);
    expect(decodeIssue(le)).toBe(text);
  });

  it('drops NUL bytes wherever they stand, also past the first 8 KB', () => {
    const body = `${'城区道路整治工程顺利完工。'.repeat(400)}\n`;
    const bytes = Buffer.concat([utf8(body), Buffer.from([0, 0]), utf8('末段\u0000文字。\n')]);
    expect(bytes.length).toBeGreaterThan(8192);
    const text = decodeIssue(bytes);
    expect(text.includes('\u0000')).toBe(false);
    expect(text.endsWith('末段文字。\n')).toBe(true);
  });

  it('reads GB18030 four-byte characters (• and rare Han characters)', () => {
    // 「崇川新闻 • 2023年」 and 𠁨 (U+20068) in GB18030: • is 0x81 0x36 0xA6 0x31, 𠁨 0x95 0x32 0x8D 0x30.
    const gb = Buffer.concat([
      Buffer.from([0xb3, 0xe7, 0xb4, 0xa8, 0xd0, 0xc2, 0xce, 0xc5, 0x20]),
      Buffer.from([0x81, 0x36, 0xa6, 0x31]),
      Buffer.from(' 2023', 'latin1'),
      Buffer.from([0xc4, 0xea, 0x95, 0x32, 0x8d, 0x30]),
    ]);
    expect(decodeIssue(gb)).toBe('崇川新闻 • 2023年𠁨');
  });

  it('still refuses binary content with NUL bytes', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 0)]);
    expect(() => decodeIssue(png)).toThrow(UnreadableIssueError);
  });
});
