import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
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

  it('tells a damaged column when it is left in the file, as when it is read', () => {
    const good = fs.readFileSync(file);
    const reader = openIndexFile(file);
    const damaged = path.join(tmp, 'left-damaged.bin');
    // A byte in the middle of the strings' text, of the array's bytes.
    for (const at of [Math.floor(good.length * 0.3), good.length - 1000]) {
      const bytes = Buffer.from(good);
      bytes[at]! ^= 0xff;
      fs.writeFileSync(damaged, bytes);
      const opened = openIndexFile(damaged);
      expect(() => {
        opened.leave('many');
        opened.leave('big');
      }).toThrow(IndexFileError);
      opened.close();
    }
    reader.close();
  });

  it('reads a column unchecked only when told to, and never one that lies past the end', () => {
    const damaged = path.join(tmp, 'left-unchecked.bin');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1000]! ^= 0xff;
    fs.writeFileSync(damaged, bytes);
    const opened = openIndexFile(damaged);
    expect(() => opened.leave('big')).toThrow(IndexFileError);
    expect((opened.leave('big', false) as FileArray<Uint32Array>).length).toBe(big.length);
    opened.close();
    const cut = path.join(tmp, 'left-cut.bin');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 2000));
    const short = openIndexFile(cut);
    expect(() => short.leave('big', false)).toThrow(IndexFileError);
    short.close();
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
