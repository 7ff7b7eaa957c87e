/**
 * Passage texts kept out of the heap: an index loaded from its file leaves the passages' text
 * and normalized text there (FileStrings) and reads a passage when a question looks at it. The
 * texts dominate an archive's size and a question reads a few hundred passages of them, so the
 * memory a loaded index takes no longer grows with the archive's text. Passages added in place
 * (a new issue) are held in memory beside the file's, as rows after them.
 */
import type { StringRows } from './doc-store.ts';
import type { Passage } from './passages.ts';

/** No saved rows: a store of an index built in this process holds every passage as added. */
const NONE: StringRows = { length: 0, get: () => '', lengthOf: () => 0 };

export class PassageStore {
  private readonly addedTexts: string[] = [];
  private readonly addedNormalized: string[] = [];
  /** This store's passages: the store is their class's, so that each holds just its doc and row. */
  readonly Passage: new (
    doc: number,
    row: number,
  ) => StoredPassage;

  constructor(
    private readonly texts: StringRows = NONE,
    private readonly normalizedTexts: StringRows = NONE,
  ) {
    const store = this;
    this.Passage = class extends StoredPassage {
      protected get store(): PassageStore {
        return store;
      }
    };
  }

  private get saved(): number {
    return this.texts.length;
  }

  text(row: number): string {
    return row < this.saved ? this.texts.get(row) : this.addedTexts[row - this.saved]!;
  }

  normalized(row: number): string {
    return row < this.saved ? this.normalizedTexts.get(row) : this.addedNormalized[row - this.saved]!;
  }

  /** The normalized text's length, without reading it. */
  normalizedLength(row: number): number {
    return row < this.saved ? this.normalizedTexts.lengthOf(row) : this.addedNormalized[row - this.saved]!.length;
  }

  /** A passage held in memory from now on (indexed in place); returns its row. */
  add(text: string, normalized: string): number {
    this.addedTexts.push(text);
    this.addedNormalized.push(normalized);
    return this.saved + this.addedTexts.length - 1;
  }
}

/** A passage whose text lives in a PassageStore: read when asked for, never held. */
export abstract class StoredPassage implements Passage {
  constructor(
    readonly doc: number,
    /** Its row in the store (not its position: rows stay as passages before it go). */
    readonly row: number,
  ) {}

  protected abstract get store(): PassageStore;

  get text(): string {
    return this.store.text(this.row);
  }

  get normalized(): string {
    return this.store.normalized(this.row);
  }

  get normalizedLength(): number {
    return this.store.normalizedLength(this.row);
  }
}

/** Whether a property key names an array index ("0", "17"), and which. */
function indexOf(key: string | symbol): number {
  if (typeof key !== 'string' || key.length === 0) return -1;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const k = Number(key);
  return Number.isInteger(k) && String(k) === key ? k : -1;
}

/**
 * A read-only array whose entries are computed when read: `length` entries, entry k being
 * `at(k)`. Indexing, iterating and the array methods that read (forEach, map, slice, join …)
 * work as on an array; writing throws. It lets code written against a string[] of every
 * passage's text read the texts left in the file without a change.
 */
export function computedArray<T>(length: () => number, at: (k: number) => T): T[] {
  const readOnly = () => {
    throw new TypeError('this list is read-only');
  };
  return new Proxy([] as T[], {
    get(target, key) {
      const k = indexOf(key);
      if (k >= 0) return k < length() ? at(k) : undefined;
      if (key === 'length') return length();
      return Reflect.get(target, key);
    },
    has(target, key) {
      const k = indexOf(key);
      return k >= 0 ? k < length() : Reflect.has(target, key);
    },
    // Listed and described as an array's own entries, so that copying or comparing it sees them.
    ownKeys(target) {
      return [...Array.from({ length: length() }, (_, k) => String(k)), ...Reflect.ownKeys(target)];
    },
    getOwnPropertyDescriptor(target, key) {
      const k = indexOf(key);
      if (k >= 0)
        return k < length() ? { value: at(k), writable: true, enumerable: true, configurable: true } : undefined;
      if (key === 'length') return { value: length(), writable: true, enumerable: false, configurable: false };
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: readOnly,
    deleteProperty: readOnly,
    defineProperty: readOnly,
  });
}
