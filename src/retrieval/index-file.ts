/**
 * The saved index as one binary file of named columns: typed arrays and string tables, laid out
 * so that loading is reading one buffer and taking views into it (nothing parsed, rebuilt or
 * converted). Any in-memory structure that is made of such columns is saved by naming them.
 *
 * Layout (little-endian):
 *   8 bytes  magic "CCNIDX\0\x01"
 *   u32      byte length of the header
 *   u32      CRC-32 of everything after these 16 bytes
 *   header   UTF-8 JSON: { meta, columns: [{ name, type, offset, bytes, count? }] }
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

  toArray(): string[] {
    return Array.from({ length: this.length }, (_, k) => this.get(k));
  }
}

export type TypedColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
export type Column = TypedColumn | StringTable;
export type Columns = Record<string, Column>;

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
    entries.push({ name, type: typeOf(column), offset: 0, bytes: parts[0]!.byteLength });
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
  const header = Buffer.alloc(headerBytes, 0x20);
  header.write(JSON.stringify({ meta, columns: entries } satisfies Header));

  const pieces: Buffer[] = [header];
  let at = PREFIX + headerBytes;
  const padTo = (target: number) => {
    if (target > at) pieces.push(Buffer.alloc(target - at));
    at = target;
  };
  entries.forEach((e, k) => {
    const parts = chunks[k]!;
    padTo(e.offset);
    pieces.push(parts[0]!);
    at += parts[0]!.byteLength;
    if (parts.length > 1) {
      padTo(e.offsetsAt!);
      pieces.push(parts[1]!);
      at += parts[1]!.byteLength;
    }
  });
  let crc = 0;
  for (const p of pieces) crc = zlib.crc32(p, crc);
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(headerBytes, 8);
  prefix.writeUInt32LE(crc, 12);

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, prefix);
    for (const p of pieces) fs.writeSync(fd, p);
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether the bytes start like an index file of this format. */
export function isIndexFile(bytes: Buffer): boolean {
  return bytes.length >= PREFIX && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

/**
 * Reads an index file written by writeIndexFile: its meta and its columns as views into the one
 * buffer read. Throws IndexFileError when the file is cut short, damaged or not an index.
 */
export function readIndexFile(bytes: Buffer): { meta: unknown; columns: Columns } {
  if (!isIndexFile(bytes)) throw new IndexFileError('not an index file of this version');
  // Typed-array views need the buffer aligned; a fresh read is, a pooled small buffer may not be.
  const buf = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(new Uint8Array(bytes));
  const headerBytes = buf.readUInt32LE(8);
  if (PREFIX + headerBytes > buf.length) throw new IndexFileError('cut short');
  if (zlib.crc32(buf.subarray(PREFIX)) !== buf.readUInt32LE(12)) throw new IndexFileError('checksum mismatch');
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', PREFIX, PREFIX + headerBytes)) as Header;
  } catch {
    throw new IndexFileError('unreadable header');
  }
  if (!header || !Array.isArray(header.columns)) throw new IndexFileError('no column list');
  const columns: Columns = {};
  const base = buf.byteOffset;
  const inFile = (offset: unknown, bytes: unknown) =>
    Number.isInteger(offset) &&
    Number.isInteger(bytes) &&
    (offset as number) % 8 === 0 &&
    (offset as number) >= 0 &&
    (offset as number) + (bytes as number) <= buf.length;
  for (const e of header.columns) {
    if (!inFile(e.offset, e.bytes)) throw new IndexFileError(`column ${e.name} lies outside the file`);
    if (e.type === 'str') {
      const count = e.count ?? -1;
      if (!Number.isInteger(count) || count < 0 || !inFile(e.offsetsAt, (count + 1) * 4))
        throw new IndexFileError(`column ${e.name} lies outside the file`);
      const offsets = new Uint32Array(buf.buffer as ArrayBuffer, base + e.offsetsAt!, count + 1);
      const text = buf.toString('utf16le', e.offset, e.offset + e.bytes);
      for (let k = 0; k < count; k++)
        if (offsets[k]! > offsets[k + 1]!) throw new IndexFileError(`column ${e.name} is out of order`);
      if (offsets[0] !== 0 || offsets[count] !== text.length)
        throw new IndexFileError(`column ${e.name} does not match its text`);
      columns[e.name] = new StringTable(text, offsets);
    } else {
      const ctor = Object.hasOwn(TYPES, e.type) ? TYPES[e.type as keyof typeof TYPES] : undefined;
      if (!ctor || e.bytes % ctor.BYTES_PER_ELEMENT !== 0) throw new IndexFileError(`column ${e.name} has a bad type`);
      columns[e.name] = new ctor(buf.buffer as ArrayBuffer, base + e.offset, e.bytes / ctor.BYTES_PER_ELEMENT);
    }
  }
  return { meta: header.meta, columns };
}

/** A column of the expected kind, or an IndexFileError naming what is missing. */
export function column<T extends Column>(
  columns: Columns,
  name: string,
  kind: abstract new (...args: never[]) => T,
  length?: number,
): T {
  const c = columns[name];
  if (!(c instanceof kind)) throw new IndexFileError(`column ${name} is missing`);
  if (length !== undefined && c.length !== length) throw new IndexFileError(`column ${name} has the wrong length`);
  return c;
}
