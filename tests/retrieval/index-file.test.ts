import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IndexFileError,
  openIndexFile,
  readColumns,
  StringTable,
  writeIndexFile,
} from '../../src/retrieval/index-file.ts';

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
