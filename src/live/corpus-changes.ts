/**
 * What changed in the corpus folder between looks, and which new files have settled. Pure: the
 * watcher feeds it listings of (name, size, modification time).
 */

export interface FileState {
  size: number;
  mtimeMs: number;
}

export type Listing = Map<string, FileState>;

export interface Changes {
  /** New or rewritten files that have not changed for the settle time: ready to read. */
  ready: string[];
  /** Files that were indexed and are gone (or were rewritten: they are read again once settled). */
  removed: string[];
}

const same = (a: FileState | undefined, b: FileState | undefined) =>
  !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * Tracks files until they stop changing. A file is ready once its size and modification time
 * have stayed the same for `settleMs` (a copy in progress keeps growing; an empty file is still
 * being written).
 */
export class SettleTracker {
  private readonly since = new Map<string, { state: FileState; at: number }>();

  constructor(private readonly settleMs: number) {}

  /**
   * Compares a new listing against the files indexed so far (`indexed`, with the state they were
   * read in) and returns what to do.
   */
  update(listing: Listing, indexed: Listing, now: number): Changes {
    const ready: string[] = [];
    const removed: string[] = [];
    for (const [name, state] of indexed) {
      const current = listing.get(name);
      if (!current || !same(current, state)) removed.push(name);
    }
    for (const [name, state] of listing) {
      if (same(indexed.get(name), state)) {
        this.since.delete(name);
        continue;
      }
      const seen = this.since.get(name);
      if (!seen || !same(seen.state, state)) {
        this.since.set(name, { state, at: now });
        continue;
      }
      if (state.size > 0 && now - seen.at >= this.settleMs) {
        ready.push(name);
        this.since.delete(name);
      }
    }
    for (const name of this.since.keys()) if (!listing.has(name)) this.since.delete(name);
    return { ready: ready.sort(), removed: removed.sort() };
  }
}
