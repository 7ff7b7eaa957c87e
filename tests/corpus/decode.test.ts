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
