/**
 * What changed in the corpus folder between looks, and which files have settled. Pure: the
 * watcher feeds it listings of (name, size, modification time).
 */

export interface FileState {
  size: number;
  mtimeMs: number;
}

export type Listing = Map<string, FileState>;

export interface Changes {
  /**
   * New or rewritten files that have not changed for the settle time and are not indexed in
   * this state: ready to read (again at every look until they are).
   */
  ready: string[];
  /** Files that were indexed and are gone. */
  removed: string[];
}

export const sameState = (a: FileState | undefined, b: FileState | undefined) =>
  !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * Tracks how long each file has kept its size and modification time. A file is ready once it has
 * kept them for `settleMs` (a copy in progress keeps growing; an empty file is still being
 * written).
 */
export class SettleTracker {
  private readonly since = new Map<string, { state: FileState; at: number }>();

  constructor(private readonly settleMs: number) {}

  /**
   * Compares a new listing against the files indexed so far (`indexed`, with the state they were
   * read in) and returns what to do.
   */
  update(listing: Listing, indexed: Listing, now: number): Changes {
    for (const [name, state] of listing) {
      const seen = this.since.get(name);
      if (!seen || !sameState(seen.state, state)) this.since.set(name, { state, at: now });
    }
    for (const name of this.since.keys()) if (!listing.has(name)) this.since.delete(name);
    // Plain loops: the bot runs this over every file at every look.
    const removed: string[] = [];
    for (const name of indexed.keys()) if (!listing.has(name)) removed.push(name);
    const ready: string[] = [];
    for (const [name, state] of listing)
      if (state.size > 0 && !sameState(indexed.get(name), state) && this.quietFor(name, now) >= this.settleMs)
        ready.push(name);
    return { ready: ready.sort(), removed: removed.sort() };
  }

  /** How long the file has kept its current state, as of the last listing (0 if unknown). */
  quietFor(name: string, now: number): number {
    const seen = this.since.get(name);
    return seen ? now - seen.at : 0;
  }
}
