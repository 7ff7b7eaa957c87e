import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHECK_BLOCK,
  type ColumnSources,
  FileArray,
  FileStrings,
  IndexFileError,
  openIndexFile,
  readColumns,
  StringTable,
  writeIndexFile,
  writeIndexFileInSlices,
} from '../../../src/retrieval/index/index-file.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'index-file-'));

const columns = () => ({
  bytes: Uint8Array.of(1, 2, 255),
  shorts: Uint16Array.of(0, 65535),
  ids: Uint32Array.of(7, 4_000_000_000),
  signed: Int32Array.of(-5),
  floats: Float64Array.of(Math.PI, 1 / 3),
  strings: StringTable.from(['唐闸古镇', '', 'gdp 13.1%', '😀 emoji', '\ud800 lone']),
  empty: StringTable.from([]),
});

describe('index file', () => {
  it('reads back every column and the meta as written', () => {
    const file = path.join(tmp, 'round.bin');
    writeIndexFile(file, { version: 3, note: '崇川' }, columns());
    const reader = openIndexFile(file);
    const back = readColumns(reader);
    reader.close();
    expect(reader.meta).toEqual({ version: 3, note: '崇川' });
    const want = columns();
    for (const name of ['bytes', 'shorts', 'ids', 'signed', 'floats'] as const) {
      expect(back[name]).toBeInstanceOf(want[name].constructor);
      expect([...(back[name] as Uint8Array)]).toEqual([...want[name]]);
    }
    expect((back.strings as StringTable).toArray()).toEqual(want.strings.toArray());
    expect((back.empty as StringTable).length).toBe(0);
  });

  it('reads only the columns asked for', () => {
    const file = path.join(tmp, 'skip.bin');
    writeIndexFile(file, {}, columns());
    const reader = openIndexFile(file);
    const back = readColumns(reader, ['strings']);
    expect(Object.keys(back)).not.toContain('strings');
    expect((reader.read('strings') as StringTable).get(0)).toBe('唐闸古镇');
    reader.close();
  });

  it('tells a damaged, cut short or foreign file', () => {
    const file = path.join(tmp, 'good.bin');
    writeIndexFile(file, {}, columns());
    const good = fs.readFileSync(file);

    const flipped = Buffer.from(good);
    flipped[flipped.length - 20]! ^= 0xff;
    fs.writeFileSync(file, flipped);
    expect(() => readColumns(openIndexFile(file))).toThrow(IndexFileError);

    fs.writeFileSync(file, good.subarray(0, good.length - 30));
    expect(() => readColumns(openIndexFile(file))).toThrow(IndexFileError);

    const header = Buffer.from(good);
    header[20]! ^= 0x01;
    fs.writeFileSync(file, header);
    expect(() => openIndexFile(file)).toThrow(IndexFileError);

    fs.writeFileSync(file, '{"index": {"version": 9}}');
    expect(() => openIndexFile(file)).toThrow(IndexFileError);
    fs.writeFileSync(file, '');
    expect(() => openIndexFile(file)).toThrow(IndexFileError);
  });
});

describe('columns left in the index file', () => {
  const many = Array.from({ length: 5000 }, (_, k) => `第${k}段${'崇川报道'.repeat(k % 13)}😀`);
  const file = path.join(tmp, 'left.bin');
  const big = Uint32Array.from({ length: 100_000 }, (_, k) => (k * 2654435761) >>> 0);
  writeIndexFile(file, {}, { ...columns(), many: StringTable.from(many), big });

  it('reads each string and range as read() would, in order, out of order and after close', () => {
    const reader = openIndexFile(file);
    const strings = reader.leave('many');
    const array = reader.leave('big');
    const odd = reader.leave('strings') as FileStrings;
    reader.close();
    expect(strings).toBeInstanceOf(FileStrings);
    expect(array).toBeInstanceOf(FileArray);
    const left = strings as FileStrings;
    expect(left.length).toBe(many.length);
    // A scan (read ahead by blocks), then jumps back and forth (each string read alone).
    expect(Array.from({ length: many.length }, (_, k) => left.get(k))).toEqual(many);
    for (const k of [4999, 0, 2500, 2499, 2501, 17, 17]) expect(left.get(k)).toBe(many[k]);
    for (const k of [0, 1234]) expect(left.lengthOf(k)).toBe(many[k]!.length);
    expect(Array.from({ length: odd.length }, (_, k) => odd.get(k))).toEqual(columns().strings.toArray());
    expect([...(array as FileArray<Uint32Array>).slice(99_990, 100_000)]).toEqual([...big.subarray(99_990)]);
    expect((array as FileArray<Uint32Array>).slice(5, 5).length).toBe(0);
  });

  /** Where each column's parts lie in a file, from its header. */
  const layout = (bytes: Buffer) => {
    const header = JSON.parse(bytes.subarray(16, 16 + bytes.readUInt32LE(8)).toString()) as {
      columns: { name: string; offset: number; bytes: number; sumsAt: number; offsetsAt?: number }[];
    };
    return new Map(header.columns.map((e) => [e.name, e]));
  };
  /** A copy of the file with one byte flipped. */
  const flippedAt = (at: number) => {
    const bytes = fs.readFileSync(file);
    bytes[at]! ^= 0xff;
    const damaged = path.join(tmp, `flipped-${at}.bin`);
    fs.writeFileSync(damaged, bytes);
    return damaged;
  };

  it('tells a damaged block of a column left in the file when that block is first read', () => {
    const entry = layout(fs.readFileSync(file)).get('many')!;
    expect(entry.bytes).toBeGreaterThan(3 * CHECK_BLOCK); // several blocks
    // A byte in the third block of the strings' text.
    const at = 2 * CHECK_BLOCK + 100;
    const opened = openIndexFile(flippedAt(entry.offset + at));
    const left = opened.leave('many') as FileStrings; // nothing of the text read yet
    opened.close();
    const inDamaged = many.findIndex((_, k) => left.offsets[k + 1]! * 2 > at);
    // Strings in other blocks read as written, before and after the damaged block is met.
    expect(left.get(0)).toBe(many[0]);
    expect(() => left.get(inDamaged)).toThrow(IndexFileError);
    expect(() => left.get(inDamaged)).toThrow(/column many is damaged/); // told again, never trusted
    expect(left.get(many.length - 1)).toBe(many.at(-1));
    // A scan meets it too.
    expect(() => Array.from({ length: many.length }, (_, k) => left.get(k))).toThrow(IndexFileError);

    const bigEntry = layout(fs.readFileSync(file)).get('big')!;
    const array = openIndexFile(flippedAt(bigEntry.offset + CHECK_BLOCK + 7)).leave('big') as FileArray<Uint32Array>;
    expect([...array.slice(0, 10)]).toEqual([...big.subarray(0, 10)]);
    expect(() => array.slice(CHECK_BLOCK / 4 - 1, CHECK_BLOCK / 4 + 1)).toThrow(IndexFileError);
  });

  it('tells damaged block sums or offsets when the column is opened', () => {
    const { sumsAt, offsetsAt } = layout(fs.readFileSync(file)).get('many')!;
    for (const at of [sumsAt + 5, offsetsAt! + 4001]) {
      const opened = openIndexFile(flippedAt(at));
      expect(() => opened.leave('many')).toThrow(IndexFileError);
      expect(() => opened.read('many')).toThrow(IndexFileError);
      opened.close();
    }
  });

  it('reads a column unchecked only when told to, and never one that lies past the end', () => {
    const { offset } = layout(fs.readFileSync(file)).get('big')!;
    const opened = openIndexFile(flippedAt(offset + 4 * 99_000));
    expect(() => (opened.leave('big') as FileArray<Uint32Array>).slice(98_990, 99_010)).toThrow(IndexFileError);
    const unchecked = opened.leave('big', false) as FileArray<Uint32Array>;
    expect(unchecked.slice(99_000, 99_001)[0]).not.toBe(big[99_000]);
    opened.close();
    const bytes = fs.readFileSync(file);
    const cut = path.join(tmp, 'left-cut.bin');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 2000));
    const short = openIndexFile(cut);
    expect(() => short.leave('big', false)).toThrow(IndexFileError);
    short.close();
  });

  it('checks every block of every column when verified, and finds a byte flipped anywhere', () => {
    const whole = openIndexFile(file);
    expect(() => whole.verify()).not.toThrow();
    whole.close();
    const columns = layout(fs.readFileSync(file));
    for (const name of ['many', 'big', 'floats']) {
      const { offset, bytes } = columns.get(name)!;
      for (const at of [offset, offset + Math.floor(bytes / 2), offset + bytes - 1]) {
        const opened = openIndexFile(flippedAt(at));
        expect(() => opened.verify(), `${name} at ${at}`).toThrow(IndexFileError);
        opened.close();
      }
    }
  });
});

describe('index file written a slice at a time', () => {
  const read = (file: string) => {
    const reader = openIndexFile(file);
    const back = readColumns(reader);
    reader.close();
    return { meta: reader.meta, columns: back };
  };
  const plain = (columns: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(columns).map(([name, c]) => [
        name,
        c instanceof StringTable ? c.toArray() : [...(c as Uint8Array)],
      ]),
    );

  it('holds what writeIndexFile writes, from every kind of source, across slices', async () => {
    // Larger than a slice (1 MB): a typed array, a string table whose text is cut between the two
    // halves of an emoji, and strings listed one by one.
    const big = Uint32Array.from({ length: 700_000 }, (_, k) => (k * 2654435761) >>> 0);
    const long = StringTable.from([`${'崇'.repeat((1 << 19) - 1)}😀`, '唐闸', '']);
    const many = Array.from({ length: 60_000 }, (_, k) => `第${k}段 ${'报道'.repeat(k % 7)}😀`);
    const want = { ...columns(), big, long, many: StringTable.from(many), piecewise: Uint16Array.of(1, 2, 3, 4, 5) };
    const sync = path.join(tmp, 'sync.bin');
    writeIndexFile(sync, { version: 1 }, want);
    let later = 0;
    const sources: ColumnSources = [
      ...Object.entries(columns()),
      ['big', () => big],
      ['long', long],
      ['many', { strings: () => many }],
      [
        'piecewise',
        { type: 'u16', pieces: () => [Uint16Array.of(1, 2), Uint16Array.of(), Uint16Array.of(3, 4, later)] },
      ],
    ];
    const sliced = path.join(tmp, 'sliced.bin');
    const writing = writeIndexFileInSlices(sliced, { version: 1 }, sources);
    later = 5; // made when its turn comes
    await writing;
    const a = read(sync);
    const b = read(sliced);
    expect(b.meta).toEqual(a.meta);
    expect(Object.keys(b.columns).sort()).toEqual(Object.keys(a.columns).sort());
    expect(plain(b.columns)).toEqual(plain(a.columns));
    expect(plain(b.columns)).toEqual(plain(want));
  });

  it('stops at the next slice when aborted, the file unreadable as an index', async () => {
    const file = path.join(tmp, 'aborted.bin');
    const abort = new AbortController();
    const big = new Uint8Array(5 << 20);
    const writing = writeIndexFileInSlices(file, {}, [['big', big]], abort.signal);
    await new Promise((r) => setImmediate(r));
    abort.abort();
    await expect(writing).rejects.toThrow();
    expect(fs.statSync(file).size).toBeLessThan(big.length);
    expect(() => readColumns(openIndexFile(file))).toThrow(IndexFileError);
  });
});
