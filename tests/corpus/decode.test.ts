import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeIssue, UnreadableIssueError, utf8Evidence } from '../../src/corpus/decode.ts';

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

describe('decodeIssue decides on evidence', () => {
  const seed = fs.readFileSync('seeds/001_ee31270023d67050.txt');
  const gbk = fs.readFileSync('tests/fixtures/gbk-issue.txt');
  const warnings = () => {
    const heard: string[] = [];
    return { heard, warn: (m: string) => heard.push(m) };
  };

  it('reads UTF-8 with one stray 0xFF byte as UTF-8, the byte replaced, with a warning', () => {
    const at = seed.indexOf(Buffer.from('任港路新村'));
    const bytes = Buffer.concat([seed.subarray(0, at), Buffer.from([0xff]), seed.subarray(at)]);
    const { heard, warn } = warnings();
    const text = decodeIssue(bytes, warn);
    expect(text).toContain('\uFFFD任港路新村破旧片区');
    expect(text).toContain('崇川区召开2021年二季度高质量发展大比武查评会');
    expect(heard).toEqual(['read as UTF-8: 1 byte not UTF-8, replaced by U+FFFD']);
  });

  it('reads UTF-8 with a few bad bytes scattered through it as UTF-8', () => {
    const bytes = Buffer.from(seed);
    // Three lead bytes of Han characters broken: each leaves a lone byte and two stray continuations.
    for (const frac of [0.2, 0.5, 0.8]) {
      let k = Math.floor(bytes.length * frac);
      while ((bytes[k]! & 0xf0) !== 0xe0) k++;
      bytes[k] = 0xff;
    }
    const { heard, warn } = warnings();
    const text = decodeIssue(bytes, warn);
    expect(text).toContain('崇川区召开2021年二季度高质量发展大比武查评会');
    expect((text.match(/\uFFFD/g) ?? []).length).toBe(9);
    expect(heard).toHaveLength(1);
  });

  it('reads a UTF-8 copy stopped inside a character as UTF-8, without the broken piece', () => {
    let cut = Math.floor(seed.length / 2);
    while ((seed[cut]! & 0xc0) !== 0x80) cut++;
    const { heard, warn } = warnings();
    const text = decodeIssue(seed.subarray(0, cut), warn);
    expect(seed.subarray(0, cut).toString('utf8').startsWith(text)).toBe(true);
    expect(text).not.toContain('\uFFFD');
    expect(heard).toEqual([expect.stringContaining('ends inside a UTF-8 character')]);
  });

  it('still reads GBK as GB18030, also with a stray byte or cut short, and warns of nothing', () => {
    const { heard, warn } = warnings();
    expect(decodeIssue(gbk, warn)).toContain('5月6日，崇川区新建三座口袋公园。');
    expect(decodeIssue(gbk.subarray(0, gbk.length - 1), warn)).toContain('崇川区新建三座口袋公园');
    expect(heard).toEqual([]);
  });

  it('counts well-formed sequences and stray bytes', () => {
    expect(utf8Evidence(utf8('崇川a'))).toEqual({ sequences: 2, stray: 0, cutAtEnd: false });
    expect(utf8Evidence(Buffer.from([0xe5, 0xb4, 0x87, 0xff, 0xe5, 0xb4]))).toEqual({
      sequences: 1,
      stray: 1,
      cutAtEnd: true,
    });
    // Overlong and surrogate forms are not UTF-8.
    expect(utf8Evidence(Buffer.from([0xe0, 0x80, 0x80, 0xed, 0xa0, 0x80])).sequences).toBe(0);
  });
});
