/**
 * The saved index as one binary file of named columns: typed arrays and string tables, laid out
 * so that loading is reading bytes straight into typed arrays and one string per table (nothing
 * parsed, rebuilt or converted). Any in-memory structure made of such columns is saved by naming
 * them. Each column carries a CRC-32, so a damaged file is told from a good one.
 *
 * Layout (little-endian):
 *   8 bytes  magic "CCNIDX\0\x01"
 *   u32      byte length of the header
 *   u32      CRC-32 of the header
 *   header   UTF-8 JSON: { meta, columns: [{ name, type, offset, bytes, crc, offsetsAt?, count? }] }
 *   columns  each starting at a multiple of 8 from the start of the file
 * A string table is two parts: its UTF-16 code units and a u32 offset per string (count + 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const MAGIC = Buffer.from('CCNIDX\0\x01', 'latin1');
const PREFIX = 16;

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
  /** CRC-32 of the column's bytes (both parts of a string table). */
  crc: number;
}

interface Header {
  meta: unknown;
  columns: ColumnEntry[];
}

/** The saved index is not one this program wrote whole: damaged, cut short, or another file. */
export class IndexFileError extends Error {}

const align8 = (n: number) => (n + 7) & ~7;

/** The byte chunks of a column, in file order. */
function chunksOf(column: Column): Buffer[] {
  if (column instanceof StringTable) {
    const text = Buffer.from(column.text, 'utf16le');
    const offsets = Buffer.from(column.offsets.buffer, column.offsets.byteOffset, column.offsets.byteLength);
    return [text, offsets];
  }
  return [Buffer.from(column.buffer, column.byteOffset, column.byteLength)];
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
 * Writes the columns and a small JSON `meta` to `file` (the caller writes a temporary file and
 * renames it, so that a crash never leaves half an index under the real name).
 */
export function writeIndexFile(file: string, meta: unknown, columns: Columns): void {
  const entries: ColumnEntry[] = [];
  const chunks: Buffer[][] = [];
  for (const [name, column] of Object.entries(columns)) {
    const parts = chunksOf(column);
    chunks.push(parts);
    const crc = parts.reduce((c, part) => zlib.crc32(part, c), 0);
    entries.push({ name, type: typeOf(column), offset: 0, bytes: parts[0]!.byteLength, crc });
  }
  // Offsets depend on the header's length, which depends on the offsets' digits: fix them with
  // a header padded to a length that no longer changes.
  let headerBytes = 0;
  for (;;) {
    let at = align8(PREFIX + headerBytes);
    entries.forEach((e, k) => {
      const parts = chunks[k]!;
      e.offset = at;
      at = align8(at + parts[0]!.byteLength);
      if (parts.length > 1) {
        e.offsetsAt = at;
        e.count = (columns[e.name] as StringTable).length;
        at = align8(at + parts[1]!.byteLength);
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
    const write = (b: Buffer, where = at) => {
      if (where > at) fs.writeSync(fd, Buffer.alloc(where - at));
      fs.writeSync(fd, b);
      at = where + b.byteLength;
    };
    write(prefix);
    write(header);
    entries.forEach((e, k) => {
      const parts = chunks[k]!;
      write(parts[0]!, e.offset);
      if (parts.length > 1) write(parts[1]!, e.offsetsAt);
    });
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
 * start, padded) written last. The caller writes a temporary file and renames it. With `signal`
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
    /** Writes pieces end to end from `at`; returns where they went and their CRC-32 (continuing `crc`). */
    const writePieces = async (pieces: Iterable<TypedColumn>, crc = 0) => {
      const offset = at;
      for (const piece of pieces) {
        signal?.throwIfAborted();
        const bytes = bytesOf(piece);
        // zlib.crc32 of no bytes is 0 whatever the CRC it continues: an empty piece must not reset it.
        if (bytes.byteLength === 0) continue;
        crc = zlib.crc32(bytes, crc);
        await writeAt(bytes, at);
        at += bytes.byteLength;
      }
      const bytes = at - offset;
      at = align8(at);
      return { offset, bytes, crc };
    };
    const entries: ColumnEntry[] = [];
    for (const [name, source] of sources) {
      signal?.throwIfAborted();
      const column = typeof source === 'function' ? source() : source;
      if (column instanceof StringTable || 'strings' in column) {
        const strings = column instanceof StringTable ? column : column.strings();
        const count = strings.length;
        const offsets = new Uint32Array(count + 1);
        const text = await writePieces(textOf(strings, offsets));
        const offsetsAt = at;
        const { crc } = await writePieces([offsets], text.crc);
        entries.push({ name, type: 'str', offset: text.offset, bytes: text.bytes, offsetsAt, count, crc });
      } else if ('pieces' in column) {
        entries.push({ name, type: column.type, ...(await writePieces(column.pieces())) });
      } else {
        entries.push({ name, type: typeOf(column), ...(await writePieces(slicesOf(column))) });
      }
    }
    const { header, prefix } = headerAndPrefix(meta, entries, headerBytes);
    await writeAt(header, PREFIX);
    await writeAt(prefix, 0);
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

/** Decoded strings a FileStrings keeps, so that a result shown twice is read once. */
const CACHED_STRINGS = 4096;
/** Bytes read at once when strings are asked for in order (a scan), about fifty passages. */
const READ_AHEAD = 1 << 15;

/**
 * A string table left in the index file: its offsets in memory (4 bytes a string), each string
 * read from the file when asked for, the last few thousand kept. Reading in order reads ahead, so
 * a scan over all of them costs a read per block, not per string. The file's bytes were checked
 * against their CRC-32 when it was opened; a file replaced on disk since (a rebuild renames a new
 * one over it) is still read through the handle opened then.
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
  ) {
    file.retain();
    closeWhenCollected.register(this, file);
  }

  get length(): number {
    return this.offsets.length - 1;
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
      this.file.readInto(this.block, bytes, this.at + offsets[k]! * 2);
      this.blockFrom = k;
      this.blockTo = end;
      this.blockText = undefined;
      return this.fromBlock(k);
    }
    const bytes = Buffer.allocUnsafe(this.lengthOf(k) * 2);
    this.file.readInto(bytes, bytes.length, this.at + this.offsets[k]! * 2);
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
 * bytes of one key), never the whole.
 */
export class FileArray<T extends TypedColumn> {
  constructor(
    private readonly file: SharedFile,
    private readonly at: number,
    /** The element type (Uint32Array …). */
    readonly type: new (length: number) => T,
    readonly length: number,
  ) {
    file.retain();
    closeWhenCollected.register(this, file);
  }

  /** Elements [from, to) as a new array. */
  slice(from: number, to: number): T {
    const out = new this.type(Math.max(0, to - from));
    this.file.readInto(out, out.byteLength, this.at + from * out.BYTES_PER_ELEMENT);
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
   * One column left in the file, its bytes checked a slice at a time (never held whole): a
   * string table's offsets are read, its text read string by string when asked for; a typed
   * array is read by ranges. It keeps the file open after close(). Throws IndexFileError when
   * damaged. With `check` false the bytes are not read to check them (a file this process has
   * just written and renamed into place holds what it wrote).
   */
  leave(name: string, check?: boolean): FileStrings | FileArray<TypedColumn>;
  close(): void;
}

/**
 * Opens an index file written by writeIndexFile. Columns are read straight into their typed
 * arrays, each checked against its CRC-32, and only those asked for: a column nobody reads never
 * takes memory. Throws IndexFileError when the file is cut short, damaged or not an index.
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
    /** CRC-32 of `bytes` bytes at `position`, read a slice at a time, continuing `crc`. */
    const crcOf = (bytes: number, position: number, crc = 0) => {
      const slice = Buffer.allocUnsafe(Math.min(bytes, SLICE_BYTES));
      for (let done = 0; done < bytes; ) {
        const n = Math.min(slice.length, bytes - done);
        opened.readInto(slice, n, position + done);
        crc = zlib.crc32(slice.subarray(0, n), crc);
        done += n;
      }
      return crc;
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
      if (!valid(e.offset) || !valid(e.bytes) || e.offset + e.bytes > size)
        throw new IndexFileError(`column ${name} lies outside the file`);
      return e;
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
      if (e.type === 'str') {
        const offsets = offsetsOf(name, e);
        const bytes = readAt(e.bytes, e.offset) as Buffer;
        const crc = zlib.crc32(new Uint8Array(offsets.buffer), zlib.crc32(bytes));
        if (crc !== e.crc) throw new IndexFileError(`column ${name} is damaged`);
        return new StringTable(bytes.toString('utf16le'), offsets);
      }
      const ctor = ctorOf(name, e);
      const array = readAt(e.bytes, e.offset, new ctor(e.bytes / ctor.BYTES_PER_ELEMENT)) as TypedColumn;
      if (zlib.crc32(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)) !== e.crc)
        throw new IndexFileError(`column ${name} is damaged`);
      return array;
    };
    const leave = (name: string, check = true): FileStrings | FileArray<TypedColumn> => {
      const e = entryOf(name);
      if (e.type === 'str') {
        const offsets = offsetsOf(name, e);
        if (check && crcOf(offsets.byteLength, e.offsetsAt!, crcOf(e.bytes, e.offset)) !== e.crc)
          throw new IndexFileError(`column ${name} is damaged`);
        return new FileStrings(opened, e.offset, offsets);
      }
      const ctor = ctorOf(name, e);
      if (check && crcOf(e.bytes, e.offset) !== e.crc) throw new IndexFileError(`column ${name} is damaged`);
      return new FileArray<TypedColumn>(opened, e.offset, ctor, e.bytes / ctor.BYTES_PER_ELEMENT);
    };
    let open = true;
    return {
      meta: header.meta,
      names: [...entries.keys()],
      read,
      leave,
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
