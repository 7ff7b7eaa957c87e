/**
 * The docs' fields kept as the index file's string tables (one string and an offset array per
 * field) instead of an object and six strings per doc: a doc is made when it is asked for, and
 * the whole-archive tables read a field by row. Docs added in place (a new issue) are held as
 * objects after the saved ones. Rows never move: a removed doc's row is simply no longer named.
 */
import type { SearchDoc } from './passages.ts';

/** Strings by row, as a StringTable or FileStrings gives them. */
export interface StringRows {
  readonly length: number;
  get(k: number): string;
  lengthOf(k: number): number;
}

export type DocText = 'id' | 'headline' | 'subtitle' | 'date' | 'source';

/** The saved docs: one table per field, and each doc's kind. */
export interface SavedDocs {
  readonly fields: Readonly<Record<DocText | 'title' | 'copyKey', StringRows>>;
  readonly kind: Uint8Array;
}

export const KINDS: readonly SearchDoc['kind'][] = ['article', 'photo'];

export class DocStore {
  private readonly added: SearchDoc[] = [];
  private readonly addedTitles: string[] = [];
  private readonly addedCopyKeys: string[] = [];
  private readonly saved: number;

  constructor(private readonly docs?: SavedDocs) {
    this.saved = docs?.kind.length ?? 0;
  }

  doc(row: number): SearchDoc {
    if (row >= this.saved) return { ...this.added[row - this.saved]! };
    const f = this.docs!.fields;
    return {
      id: f.id.get(row),
      kind: this.kind(row),
      headline: f.headline.get(row),
      subtitle: f.subtitle.get(row),
      date: f.date.get(row),
      source: f.source.get(row),
    };
  }

  text(row: number, field: DocText): string {
    return row < this.saved ? this.docs!.fields[field].get(row) : this.added[row - this.saved]![field];
  }

  /** A field's length, without reading it. */
  textLength(row: number, field: DocText): number {
    return row < this.saved ? this.docs!.fields[field].lengthOf(row) : this.added[row - this.saved]![field].length;
  }

  kind(row: number): SearchDoc['kind'] {
    return row < this.saved ? (KINDS[this.docs!.kind[row]!] ?? 'article') : this.added[row - this.saved]!.kind;
  }

  title(row: number): string {
    return row < this.saved ? this.docs!.fields.title.get(row) : this.addedTitles[row - this.saved]!;
  }

  copyKey(row: number): string {
    return row < this.saved ? this.docs!.fields.copyKey.get(row) : this.addedCopyKeys[row - this.saved]!;
  }

  /** A doc held from now on; returns its row. */
  add(doc: SearchDoc, title: string, copyKey: string): number {
    this.added.push(doc);
    this.addedTitles.push(title);
    this.addedCopyKeys.push(copyKey);
    return this.saved + this.added.length - 1;
  }
}
