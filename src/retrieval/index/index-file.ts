/**
 * The saved index as one binary file of named columns: typed arrays and string tables, laid out
 * so that loading is reading bytes straight into typed arrays and one string per table (nothing
 * parsed, rebuilt or converted). Any in-memory structure made of such columns is saved by naming
 * them. A damaged file is told from a good one by CRC-32s: one per block of CHECK_BLOCK bytes of
 * each column's data, kept in a small table after it, that table (and a string table's offsets)
 * checked by the column's own CRC-32 when the column is opened, and each block checked when it is
 * first read (FileStrings, FileArray) or when the column is read whole. So a start never reads the
 * columns left in the file to check them: what it reads, it checks. The file is written whole
 * before it is renamed into place (fsync, then rename), so a crash leaves the old file or the new.
 *
 * Layout (little-endian):
 *   8 bytes  magic "CCNIDX\0\x01"
 *   u32      byte length of the header
 *   u32      CRC-32 of the header
 *   header   UTF-8 JSON: { meta, columns: [{ name, type, offset, bytes, crc, sumsAt, offsetsAt?, count? }] }
 *   columns  each part starting at a multiple of 8 from the start of the file
 * A column is its data (`bytes` at `offset`), a u32 CRC-32 per CHECK_BLOCK bytes of the data
 * (at `sumsAt`) and, for a string table, a u32 offset per string (count + 1, at `offsetsAt`); the
 * data of a string table is its UTF-16 code units. `crc` is the CRC-32 of the block sums followed
 * by the offsets.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const MAGIC = Buffer.from('CCNIDX\0\x01', 'latin1');
const PREFIX = 16;

/**
 * Bytes of a column's data checked by one CRC-32. The first read of a short posting list or one
 * passage's text checks the block holding it (64 KB: tens of microseconds); 206 MB of columns
 * need 3,300 sums (13 KB), read at open.
 */
export const CHECK_BLOCK = 1 << 16;

/** The CRC-32 of each CHECK_BLOCK bytes of a column's data, made as its pieces are written. */
class BlockSums {
  private readonly sums: number[] = [];
  private crc = 0;
  private filled = 0;

  add(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.byteLength; ) {
      const n = Math.min(CHECK_BLOCK - this.filled, bytes.byteLength - at);
      this.crc = zlib.crc32(bytes.subarray(at, at + n), this.crc);
      this.filled += n;
      at += n;
      if (this.filled === CHECK_BLOCK) this.next();
    }
  }

  private next(): void {
    this.sums.push(this.crc);
    this.crc = 0;
    this.filled = 0;
  }

  /** The sums of every block, the last one short. */
  finish(): Uint32Array {
    if (this.filled > 0) this.next();
    return Uint32Array.from(this.sums);
  }
}

const bufferOf = (a: NodeJS.ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
/** A column's `crc`: its block sums, then a string table's offsets. */
const columnCrc = (sums: Uint32Array, offsets?: Uint32Array) => {
  const crc = zlib.crc32(bufferOf(sums));
  return offsets ? zlib.crc32(bufferOf(offsets), crc) : crc;
};

/**
 * Strings stored end to end in one string, with their offsets: one allocation for a whole
 * column, and each string a slice of it when asked for.
 */
export class StringTable {
  constructor(
    readonly text: string,
    /** Start of each string in `text`, and its end as the last entry. */
    readonly offsets: Uint32Array,
  ) {}

  static from(strings: readonly string[]): StringTable {
    const offsets = new Uint32Array(strings.length + 1);
    let at = 0;
    strings.forEach((s, k) => {
      offsets[k] = at;
      at += s.length;
    });
    offsets[strings.length] = at;
    return new StringTable(strings.join(''), offsets);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  get(k: number): string {
    return this.text.slice(this.offsets[k], this.offsets[k + 1]);
  }

  /** String k's length, without slicing it. */
  lengthOf(k: number): number {
    return this.offsets[k + 1]! - this.offsets[k]!;
  }

  toArray(): string[] {
    return Array.from({ length: this.length }, (_, k) => this.get(k));
  }
}

export type TypedColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
export type Column = TypedColumn | StringTable;
export type Columns = Record<string, Column>;

/**
 * A column made while it is written, a piece at a time (so that saving a large index never holds
 * a second copy of it, nor the thread for long): its element type and its pieces, in order.
 */
export interface PiecewiseColumn {
  type: Exclude<TypeName, 'str'>;
  pieces: () => Iterable<TypedColumn>;
}

/** A string table written from its strings (listed when its turn comes), a slice at a time. */
export interface StringsColumn {
  strings: () => readonly string[];
}

/**
 * What a column is saved from: the column itself, a function making it when its turn comes (it
 * may use what the columns before it computed), its pieces, or its strings.
 */
export type ColumnSource = Column | (() => Column) | PiecewiseColumn | StringsColumn;
export type ColumnSources = [name: string, source: ColumnSource][];

/** Sources named `prefix.name`, so that several structures can share one file. */
export function prefixedSources(prefix: string, sources: ColumnSources): ColumnSources {
  return sources.map(([name, c]) => [`${prefix}.${name}`, c]);
}

/** The column a source stands for, all in memory. */
function materialize(source: ColumnSource): Column {
  if (typeof source === 'function') return source();
  if ('strings' in source) return StringTable.from(source.strings());
  if (!('pieces' in source)) return source;
  const pieces = [...source.pieces()];
  const out = new TYPES[source.type](pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every source's column, in memory. */
export function materializeAll(sources: ColumnSources): Columns {
  const columns: Columns = {};
  for (const [name, source] of sources) columns[name] = materialize(source);
  return columns;
}

const TYPES = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;
type TypeName = keyof typeof TYPES | 'str';

function typeOf(column: Column): TypeName {
  if (column instanceof StringTable) return 'str';
  for (const [name, ctor] of Object.entries(TYPES)) if (column instanceof ctor) return name as TypeName;
  throw new Error('unsupported column type');
}

interface ColumnEntry {
  name: string;
  type: TypeName;
  /** Byte offset from the start of the file (text part for a string table). */
  offset: number;
  bytes: number;
  /** String tables: where the offsets part starts, and the number of strings. */
  offsetsAt?: number;
  count?: number;
  /** Where the CRC-32 of each CHECK_BLOCK bytes of the data is (u32 each). */
  sumsAt: number;
  /** CRC-32 of the block sums, then of a string table's offsets. */
  crc: number;
}

interface Header {
  meta: unknown;
  columns: ColumnEntry[];
}

/** The saved index is not one this program wrote whole: damaged, cut short, or another file. */
export class IndexFileError extends Error {}

const align8 = (n: number) => (n + 7) & ~7;

/** A column's data, and a string table's offsets. */
function partsOf(column: Column): { data: Buffer; offsets?: Uint32Array } {
  if (column instanceof StringTable) return { data: Buffer.from(column.text, 'utf16le'), offsets: column.offsets };
  return { data: bufferOf(column) };
}

/** The header (JSON padded with spaces to `headerBytes`) and the fixed prefix naming its size and CRC. */
function headerAndPrefix(
  meta: unknown,
  entries: ColumnEntry[],
  headerBytes: number,
): { header: Buffer; prefix: Buffer } {
  const header = Buffer.alloc(headerBytes, 0x20);
  header.write(JSON.stringify({ meta, columns: entries } satisfies Header));
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(headerBytes, 8);
  prefix.writeUInt32LE(zlib.crc32(header), 12);
  return { header, prefix };
}

/**
 * The directory entry of a file just renamed into it, made durable (where the system allows
 * opening a folder to fsync it; elsewhere the rename is as durable as the system makes it).
 */
export function syncFolderOf(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (a folder cannot be opened or synced): nothing more can be done.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes the columns and a small JSON `meta` to `file`, and syncs it to disk before returning:
 * the caller writes a temporary file and renames it, so that a crash never leaves half an index
 * under the real name, and no block a later start trusts is lost to a power cut.
 */
export function writeIndexFile(file: string, meta: unknown, columns: Columns): void {
  const entries: ColumnEntry[] = [];
  const parts: { data: Buffer; sums: Uint32Array; offsets?: Uint32Array }[] = [];
  for (const [name, column] of Object.entries(columns)) {
    const { data, offsets } = partsOf(column);
    const sums = new BlockSums();
    sums.add(data);
    const part = { data, sums: sums.finish(), offsets };
    parts.push(part);
    entries.push({
      name,
      type: typeOf(column),
      offset: 0,
      bytes: data.byteLength,
      sumsAt: 0,
      crc: columnCrc(part.sums, offsets),
    });
  }
  // Offsets depend on the header's length, which depends on the offsets' digits: fix them with
  // a header padded to a length that no longer changes.
  let headerBytes = 0;
  for (;;) {
    let at = align8(PREFIX + headerBytes);
    entries.forEach((e, k) => {
      const { data, sums, offsets } = parts[k]!;
      e.offset = at;
      at = align8(at + data.byteLength);
      e.sumsAt = at;
      at = align8(at + sums.byteLength);
      if (offsets) {
        e.offsetsAt = at;
        e.count = offsets.length - 1;
        at = align8(at + offsets.byteLength);
      }
    });
    const length = Buffer.byteLength(JSON.stringify({ meta, columns: entries } satisfies Header));
    if (length <= headerBytes) break;
    headerBytes = length + 64;
  }
  const { header, prefix } = headerAndPrefix(meta, entries, headerBytes);

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    let at = 0;
    const write = (b: NodeJS.ArrayBufferView, where = at) => {
      if (where > at) fs.writeSync(fd, Buffer.alloc(where - at));
      fs.writeSync(fd, b);
      at = where + b.byteLength;
    };
    write(prefix);
    write(header);
    entries.forEach((e, k) => {
      const { data, sums, offsets } = parts[k]!;
      write(data, e.offset);
      write(sums, e.sumsAt);
      if (offsets) write(offsets, e.offsetsAt);
    });
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Pieces of at most this many bytes: each a few milliseconds of work between turns of the event loop. */
const SLICE_BYTES = 1 << 20;

/**
 * How long a piece's making may hold the thread: generators of pieces (PiecewiseColumn) end a
 * piece early when it has taken this long, so that a question waits no longer than that.
 */
export const SLICE_MS = 8;

const bytesOf = (a: TypedColumn) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** A typed array cut into views of about SLICE_BYTES. */
function* slicesOf(array: TypedColumn): Iterable<TypedColumn> {
  const step = Math.max(1, Math.floor(SLICE_BYTES / array.BYTES_PER_ELEMENT));
  for (let at = 0; at < array.length; at += step) yield array.subarray(at, at + step);
}

/** A string table's text in pieces of about SLICE_BYTES, its offsets filled in as they go. */
function* textOf(source: StringTable | readonly string[], offsets: Uint32Array): Iterable<Uint8Array> {
  if (source instanceof StringTable) {
    offsets.set(source.offsets);
    for (let at = 0; at < source.text.length; at += SLICE_BYTES / 2)
      yield Buffer.from(source.text.slice(at, at + SLICE_BYTES / 2), 'utf16le');
    return;
  }
  let batch: string[] = [];
  let chars = 0;
  let total = 0;
  for (const [k, s] of source.entries()) {
    offsets[k] = total;
    total += s.length;
    batch.push(s);
    chars += s.length;
    if (chars >= SLICE_BYTES / 2) {
      yield Buffer.from(batch.join(''), 'utf16le');
      batch = [];
      chars = 0;
    }
  }
  offsets[source.length] = total;
  if (chars > 0) yield Buffer.from(batch.join(''), 'utf16le');
}

/**
 * Writes the same file as writeIndexFile, a slice at a time, awaiting the disk between slices so
 * that the thread stays free for other work: columns are made (see ColumnSource) and written one
 * piece at a time, each piece checksummed as it goes, and the header (its space kept at the
 * start, padded) written last; the file is synced to disk before the promise resolves. The caller
 * writes a temporary file and renames it. With `signal`
 * aborted, the writing stops at the next slice and the promise rejects.
 */
export async function writeIndexFileInSlices(
  file: string,
  meta: unknown,
  sources: ColumnSources,
  signal?: AbortSignal,
): Promise<void> {
  // Room for the longest header these columns can have: every number at its widest.
  const widest = Number.MAX_SAFE_INTEGER;
  const placeholder = sources.map(([name]) => ({
    name,
    type: 'str',
    offset: widest,
    bytes: widest,
    sumsAt: widest,
    crc: widest,
    offsetsAt: widest,
    count: widest,
  }));
  const headerBytes = Buffer.byteLength(JSON.stringify({ meta, columns: placeholder }));
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.promises.open(file, 'w');
  try {
    let at = align8(PREFIX + headerBytes);
    const writeAt = async (bytes: Uint8Array, position: number) => {
      for (let done = 0; done < bytes.byteLength; ) {
        const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, position + done);
        done += bytesWritten;
      }
    };
    /** Writes pieces end to end from `at`; returns where they went and the CRC-32 of each block of them. */
    const writePieces = async (pieces: Iterable<TypedColumn>) => {
      const offset = at;
      const sums = new BlockSums();
      for (const piece of pieces) {
        signal?.throwIfAborted();
        const bytes = bytesOf(piece);
        sums.add(bytes);
        await writeAt(bytes, at);
        at += bytes.byteLength;
      }
      const bytes = at - offset;
      at = align8(at);
      return { offset, bytes, sums: sums.finish() };
    };
    /** Writes a small array whole at `at`; returns where it went. */
    const writeWhole = async (array: Uint32Array) => {
      const where = at;
      await writeAt(bytesOf(array), at);
      at = align8(at + array.byteLength);
      return where;
    };
    /** Writes a column's data from its pieces, then its block sums (and a string table's offsets). */
    const writeColumn = async (name: string, type: TypeName, pieces: Iterable<TypedColumn>, offsets?: Uint32Array) => {
      const { offset, bytes, sums } = await writePieces(pieces);
      const sumsAt = await writeWhole(sums);
      const entry: ColumnEntry = { name, type, offset, bytes, sumsAt, crc: columnCrc(sums, offsets) };
      // The offsets are filled in while the text's pieces are made: written after them.
      if (offsets) Object.assign(entry, { offsetsAt: await writeWhole(offsets), count: offsets.length - 1 });
      return entry;
    };
    const entries: ColumnEntry[] = [];
    for (const [name, source] of sources) {
      signal?.throwIfAborted();
      const column = typeof source === 'function' ? source() : source;
      if (column instanceof StringTable || 'strings' in column) {
        const strings = column instanceof StringTable ? column : column.strings();
        const offsets = new Uint32Array(strings.length + 1);
        entries.push(await writeColumn(name, 'str', textOf(strings, offsets), offsets));
      } else if ('pieces' in column) {
        entries.push(await writeColumn(name, column.type, column.pieces()));
      } else {
        entries.push(await writeColumn(name, typeOf(column), slicesOf(column)));
      }
    }
    const { header, prefix } = headerAndPrefix(meta, entries, headerBytes);
    await writeAt(header, PREFIX);
    await writeAt(prefix, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Whether the bytes start like an index file of this format. */
export function isIndexFile(bytes: Buffer): boolean {
  return bytes.length >= MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

/**
 * An open index file shared by the columns left in it (FileStrings, FileArray): closed when the
 * reader and every such column have let go of it (a column that is collected lets go by itself).
 */
class SharedFile {
  private refs = 1;
  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  retain(): void {
    this.refs++;
  }

  release(): void {
    if (--this.refs === 0) fs.closeSync(this.fd);
  }

  /** Reads `bytes` bytes at `position` into `into` (from its start); throws IndexFileError past the end. */
  readInto(into: NodeJS.ArrayBufferView, bytes: number, position: number): void {
    if (position + bytes > this.size) throw new IndexFileError('cut short');
    let done = 0;
    while (done < bytes) {
      const n = fs.readSync(this.fd, into, { offset: done, length: bytes - done, position: position + done });
      if (n === 0) throw new IndexFileError('cut short');
      done += n;
    }
  }
}

const closeWhenCollected = new FinalizationRegistry<SharedFile>((file) => file.release());

/**
 * The block sums of a column left in the file: each block of its data is read and checked the
 * first time any of its bytes is read, then trusted (the file is never written in place: a new
 * one is renamed over it, and the handle still reads the old).
 */
export class BlockCheck {
  private readonly checked: Uint8Array;
  private scratch: Buffer | undefined;

  constructor(
    private readonly file: SharedFile,
    private readonly name: string,
    /** Where the column's data starts in the file, and its length in bytes. */
    private readonly at: number,
    private readonly bytes: number,
    private readonly sums: Uint32Array,
  ) {
    this.checked = new Uint8Array(sums.length);
  }

  /** Checks the blocks holding bytes [from, from + length) of the data; IndexFileError when one is damaged. */
  range(from: number, length: number): void {
    if (length <= 0) return;
    const last = Math.floor((from + length - 1) / CHECK_BLOCK);
    for (let b = Math.floor(from / CHECK_BLOCK); b <= last; b++) if (this.checked[b] === 0) this.block(b);
  }

  /** Checks every block not yet checked. */
  all(): void {
    this.range(0, this.bytes);
  }

  private block(b: number): void {
    const start = b * CHECK_BLOCK;
    const length = Math.min(CHECK_BLOCK, this.bytes - start);
    this.scratch ??= Buffer.allocUnsafe(CHECK_BLOCK);
    this.file.readInto(this.scratch, length, this.at + start);
    if (zlib.crc32(this.scratch.subarray(0, length)) !== this.sums[b])
      throw new IndexFileError(`column ${this.name} is damaged (bytes ${start}–${start + length})`);
    this.checked[b] = 1;
  }
}

/** Decoded strings a FileStrings keeps, so that a result shown twice is read once. */
const CACHED_STRINGS = 4096;
/** Bytes read at once when strings are asked for in order (a scan), about fifty passages. */
const READ_AHEAD = 1 << 15;

/**
 * A string table left in the index file: its offsets in memory (4 bytes a string), each string
 * read from the file when asked for, the last few thousand kept. Reading in order reads ahead, so
 * a scan over all of them costs a read per block, not per string. The bytes read are checked
 * (BlockCheck) the first time their block is read, unless `check` is absent (a file this process
 * has just written); a file replaced on disk since (a rebuild renames a new one over it) is still
 * read through the handle opened then.
 */
export class FileStrings {
  private readonly cache = new Map<number, string>();
  /** The strings [blockFrom, blockTo) whose bytes `block` holds: the block a scan is reading. */
  private block = Buffer.alloc(0);
  private blockFrom = 0;
  private blockTo = 0;
  private blockText: string | undefined;
  private last = -2;

  constructor(
    private readonly file: SharedFile,
    /** Byte offset of the strings' UTF-16 code units in the file. */
    private readonly at: number,
    /** Start of each string in code units, and its end as the last entry. */
    readonly offsets: Uint32Array,
    private readonly check?: BlockCheck,
  ) {
    file.retain();
    closeWhenCollected.register(this, file);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  /** Reads `bytes` bytes from `from` bytes into the text, their blocks checked. */
  private read(into: Buffer, bytes: number, from: number): void {
    this.check?.range(from, bytes);
    this.file.readInto(into, bytes, this.at + from);
  }

  /** String k's length in UTF-16 code units, without reading it. */
  lengthOf(k: number): number {
    return this.offsets[k + 1]! - this.offsets[k]!;
  }

  get(k: number): string {
    const scan = k === this.last + 1;
    this.last = k;
    if (k >= this.blockFrom && k < this.blockTo) return this.fromBlock(k);
    const held = this.cache.get(k);
    if (held !== undefined) return held;
    if (scan) {
      // The string after the last one: a scan, so read the next block of them at once. What a
      // scan reads is not kept: it would only push out what questions read.
      const offsets = this.offsets;
      let end = k + 1;
      while (end < this.length && (offsets[end + 1]! - offsets[k]!) * 2 <= READ_AHEAD) end++;
      const bytes = (offsets[end]! - offsets[k]!) * 2;
      if (this.block.length < bytes) this.block = Buffer.allocUnsafe(Math.max(bytes, READ_AHEAD));
      this.read(this.block, bytes, offsets[k]! * 2);
      this.blockFrom = k;
      this.blockTo = end;
      this.blockText = undefined;
      return this.fromBlock(k);
    }
    const bytes = Buffer.allocUnsafe(this.lengthOf(k) * 2);
    this.read(bytes, bytes.length, this.offsets[k]! * 2);
    const s = bytes.toString('utf16le');
    if (this.cache.size >= CACHED_STRINGS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(k, s);
    return s;
  }

  private fromBlock(k: number): string {
    const base = this.offsets[this.blockFrom]!;
    // The block decoded once, each string a slice of it (V8 shares the characters).
    if (this.blockText === undefined)
      this.blockText = this.block.toString('utf16le', 0, (this.offsets[this.blockTo]! - base) * 2);
    return this.blockText.slice(this.offsets[k]! - base, this.offsets[k + 1]! - base);
  }
}

/**
 * A typed array left in the index file: ranges of it read when asked for (a posting list, the
 * bytes of one key), never the whole; their blocks checked as FileStrings' are.
 */
export class FileArray<T extends TypedColumn> {
  constructor(
    private readonly file: SharedFile,
    private readonly at: number,
    /** The element type (Uint32Array …). */
    readonly type: new (length: number) => T,
    readonly length: number,
    private readonly check?: BlockCheck,
  ) {
    file.retain();
    closeWhenCollected.register(this, file);
  }

  /** Elements [from, to) as a new array. */
  slice(from: number, to: number): T {
    const out = new this.type(Math.max(0, to - from));
    const start = from * out.BYTES_PER_ELEMENT;
    this.check?.range(start, out.byteLength);
    this.file.readInto(out, out.byteLength, this.at + start);
    return out;
  }

  /** The whole array as a PiecewiseColumn: read a slice at a time when saved again. */
  toPieces(): PiecewiseColumn {
    const name = (Object.keys(TYPES) as (keyof typeof TYPES)[]).find((k) => TYPES[k] === (this.type as unknown));
    if (!name) throw new Error('unsupported column type');
    const step = Math.max(1, Math.floor(SLICE_BYTES / this.type.prototype.BYTES_PER_ELEMENT));
    const pieces = function* (array: FileArray<T>) {
      for (let at = 0; at < array.length; at += step) yield array.slice(at, Math.min(array.length, at + step));
    };
    return { type: name, pieces: () => pieces(this) };
  }
}

/** A typed array column of the given type, in memory or left in the file; an IndexFileError when not. */
export function arrayColumn<T extends TypedColumn>(
  columns: LoadedColumns,
  name: string,
  type: new (length: number) => T,
  length?: number,
): T | FileArray<T> {
  const c = columns[name];
  const fits = c instanceof type || (c instanceof FileArray && c.type === (type as unknown));
  if (!fits) throw new IndexFileError(`column ${name} is missing`);
  if (length !== undefined && c.length !== length) throw new IndexFileError(`column ${name} has the wrong length`);
  return c as T | FileArray<T>;
}

/** What a column may be once read: in memory, or left in the file (see IndexFileReader.leave). */
export type LoadedColumn = Column | FileStrings | FileArray<TypedColumn>;
export type LoadedColumns = Record<string, LoadedColumn>;

/** An index file opened for reading: its meta, and its columns read one by one. */
export interface IndexFileReader {
  meta: unknown;
  names: string[];
  /** Reads one column (each typed array its own allocation); throws IndexFileError when damaged. */
  read(name: string): Column;
  /**
   * One column left in the file (never held whole): a string table's offsets are read, its text
   * read string by string when asked for; a typed array is read by ranges. Its block sums (and
   * offsets) are checked now; each block of its data when it is first read, an IndexFileError
   * then if it is damaged. It keeps the file open after close(). Throws IndexFileError when
   * damaged. With `check` false nothing is checked (a file this process has just written and
   * renamed into place holds what it wrote).
   */
  leave(name: string, check?: boolean): FileStrings | FileArray<TypedColumn>;
  /** Checks every block of every column (an operator's full check); IndexFileError at the first damaged one. */
  verify(): void;
  close(): void;
}

/**
 * Opens an index file written by writeIndexFile. Columns are read straight into their typed
 * arrays, each checked against its block sums, and only those asked for: a column nobody reads
 * never takes memory. Throws IndexFileError when the file is cut short, damaged or not an index.
 */
export function openIndexFile(file: string): IndexFileReader {
  const fd = fs.openSync(file, 'r');
  let shared: SharedFile | undefined;
  try {
    const size = fs.fstatSync(fd).size;
    shared = new SharedFile(fd, size);
    const opened = shared;
    const readAt = (bytes: number, position: number, into?: NodeJS.ArrayBufferView) => {
      const target = into ?? Buffer.allocUnsafe(bytes);
      opened.readInto(target, bytes, position);
      return target;
    };
    const prefix = readAt(PREFIX, 0) as Buffer;
    if (!isIndexFile(prefix)) throw new IndexFileError('not an index file of this version');
    const headerBuffer = readAt(prefix.readUInt32LE(8), PREFIX) as Buffer;
    if (zlib.crc32(headerBuffer) !== prefix.readUInt32LE(12)) throw new IndexFileError('damaged header');
    let header: Header;
    try {
      header = JSON.parse(headerBuffer.toString('utf8')) as Header;
    } catch {
      throw new IndexFileError('unreadable header');
    }
    if (!header || !Array.isArray(header.columns)) throw new IndexFileError('no column list');
    const entries = new Map(header.columns.map((e) => [e.name, e]));
    const valid = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= size;

    const entryOf = (name: string) => {
      const e = entries.get(name);
      if (!e) throw new IndexFileError(`column ${name} is missing`);
      if (!valid(e.offset) || !valid(e.bytes) || e.offset + e.bytes > size || !valid(e.sumsAt))
        throw new IndexFileError(`column ${name} lies outside the file`);
      return e;
    };
    /** A column's block sums, and its offsets when a string table, checked against its CRC-32. */
    const checkedParts = (name: string, e: ColumnEntry) => {
      const blocks = Math.ceil(e.bytes / CHECK_BLOCK);
      const sums = readAt(blocks * 4, e.sumsAt, new Uint32Array(blocks)) as Uint32Array;
      const offsets = e.type === 'str' ? offsetsOf(name, e) : undefined;
      if (columnCrc(sums, offsets) !== e.crc) throw new IndexFileError(`column ${name} is damaged`);
      return { sums, offsets };
    };
    /** Checks data held whole in memory against its block sums. */
    const checkWhole = (name: string, data: Uint8Array, sums: Uint32Array) => {
      for (let b = 0; b < sums.length; b++)
        if (zlib.crc32(data.subarray(b * CHECK_BLOCK, (b + 1) * CHECK_BLOCK)) !== sums[b])
          throw new IndexFileError(`column ${name} is damaged`);
    };
    /** A string table's offsets, checked to fit text of `bytes` bytes, and its count. */
    const offsetsOf = (name: string, e: ColumnEntry) => {
      const count = e.count;
      if (!valid(count) || !valid(e.offsetsAt) || e.bytes % 2 !== 0)
        throw new IndexFileError(`column ${name} lies outside the file`);
      const offsets = readAt((count + 1) * 4, e.offsetsAt, new Uint32Array(count + 1)) as Uint32Array;
      if (offsets[0] !== 0 || offsets[count] !== e.bytes / 2) throw new IndexFileError(`column ${name} misfits`);
      for (let k = 0; k < count; k++)
        if (offsets[k]! > offsets[k + 1]!) throw new IndexFileError(`column ${name} misfits`);
      return offsets;
    };
    const ctorOf = (name: string, e: ColumnEntry) => {
      const ctor = Object.hasOwn(TYPES, e.type) ? TYPES[e.type as keyof typeof TYPES] : undefined;
      if (!ctor || e.bytes % ctor.BYTES_PER_ELEMENT !== 0) throw new IndexFileError(`column ${name} has a bad type`);
      return ctor;
    };
    const read = (name: string): Column => {
      const e = entryOf(name);
      const { sums, offsets } = checkedParts(name, e);
      if (offsets) {
        const bytes = readAt(e.bytes, e.offset) as Buffer;
        checkWhole(name, bytes, sums);
        return new StringTable(bytes.toString('utf16le'), offsets);
      }
      const ctor = ctorOf(name, e);
      const array = readAt(e.bytes, e.offset, new ctor(e.bytes / ctor.BYTES_PER_ELEMENT)) as TypedColumn;
      checkWhole(name, bytesOf(array), sums);
      return array;
    };
    /** The lazy check of a column's data (after its sums are checked), or none when told not to check. */
    const blockCheck = (name: string, e: ColumnEntry, sums: Uint32Array, check: boolean) =>
      check ? new BlockCheck(opened, name, e.offset, e.bytes, sums) : undefined;
    const leave = (name: string, check = true): FileStrings | FileArray<TypedColumn> => {
      const e = entryOf(name);
      if (e.type === 'str') {
        const { sums, offsets } = check
          ? checkedParts(name, e)
          : { sums: new Uint32Array(0), offsets: offsetsOf(name, e) };
        return new FileStrings(opened, e.offset, offsets!, blockCheck(name, e, sums, check));
      }
      const ctor = ctorOf(name, e);
      const sums = check ? checkedParts(name, e).sums : new Uint32Array(0);
      return new FileArray<TypedColumn>(
        opened,
        e.offset,
        ctor,
        e.bytes / ctor.BYTES_PER_ELEMENT,
        blockCheck(name, e, sums, check),
      );
    };
    const verify = () => {
      for (const name of entries.keys()) {
        const e = entryOf(name);
        if (e.type !== 'str') ctorOf(name, e);
        const { sums } = checkedParts(name, e);
        new BlockCheck(opened, name, e.offset, e.bytes, sums).all();
      }
    };
    let open = true;
    return {
      meta: header.meta,
      names: [...entries.keys()],
      read,
      leave,
      verify,
      close: () => {
        if (open) opened.release();
        open = false;
      },
    };
  } catch (err) {
    if (shared) shared.release();
    else fs.closeSync(fd);
    throw err;
  }
}

/** Reads every column of an index file but those named in `skip`. */
export function readColumns(reader: IndexFileReader, skip?: readonly string[]): Columns;
/**
 * The same, those named in `leave` left in the file (IndexFileReader.leave, whose `check` is
 * passed on).
 */
export function readColumns(
  reader: IndexFileReader,
  skip: readonly string[],
  leave: readonly string[],
  check?: boolean,
): LoadedColumns;
export function readColumns(
  reader: IndexFileReader,
  skip: readonly string[] = [],
  leave: readonly string[] = [],
  check = true,
): LoadedColumns {
  const columns: LoadedColumns = {};
  for (const name of reader.names) {
    if (skip.includes(name)) continue;
    columns[name] = leave.includes(name) ? reader.leave(name, check) : reader.read(name);
  }
  return columns;
}

/** A column of the expected kind, or an IndexFileError naming what is missing. */
export function column<T extends LoadedColumn>(
  columns: LoadedColumns,
  name: string,
  kind: abstract new (...args: never[]) => T,
  length?: number,
): T {
  const c = columns[name];
  if (!(c instanceof kind)) throw new IndexFileError(`column ${name} is missing`);
  if (length !== undefined && c.length !== length) throw new IndexFileError(`column ${name} has the wrong length`);
  return c;
}
