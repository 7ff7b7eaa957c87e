/**
 * Keeps the archive in step with the corpus folder while the bot runs: a new issue file becomes
 * searchable within seconds (indexed in place, index saved), a removed one leaves the index
 * (rebuilt without it). A half-written, empty or broken file is waited for or skipped with one
 * warning; nothing here ever throws into the bot.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Issue } from '../corpus/types.ts';
import { listIssueFiles, loadIssueFile } from '../corpus/load-corpus.ts';
import { buildIndex, corpusFingerprint, extendDictionary, saveIndex } from '../retrieval/index-store.ts';
import type { NewsLibrary } from '../retrieval/news-library.ts';
import { SettleTracker, type FileState, type Listing } from './corpus-changes.ts';

export interface LiveCorpusOptions {
  corpusDir: string;
  indexFile: string;
  library: NewsLibrary;
  /** Told about issues that were added (after they are searchable). */
  onNewIssues?: (issues: Issue[]) => void | Promise<void>;
  log?: (level: 'info' | 'warn', message: string) => void;
  pollMs?: number;
  settleMs?: number;
}

function list(dir: string): Listing {
  const out: Listing = new Map();
  for (const name of listIssueFiles(dir)) {
    try {
      const st = fs.statSync(path.join(dir, name));
      if (st.isFile()) out.set(name, { size: st.size, mtimeMs: st.mtimeMs });
    } catch {
      // vanished between listing and stat: the next look sees it gone
    }
  }
  return out;
}

export class LiveCorpus {
  private readonly tracker: SettleTracker;
  /** Files indexed (or found unreadable) and the state they were read in. */
  private readonly known: Listing = new Map();
  private readonly unreadable = new Set<string>();
  private timer?: NodeJS.Timeout;
  private watcher?: fs.FSWatcher;
  private running: Promise<void> | null = null;

  constructor(private readonly options: LiveCorpusOptions) {
    this.tracker = new SettleTracker(options.settleMs ?? 1000);
    const listing = safeList(options.corpusDir);
    const sources = new Set(options.library.issues.map((i) => i.source));
    for (const [name, state] of listing) if (sources.has(name)) this.known.set(name, state);
  }

  /** Starts watching: a look every pollMs, and one right after the folder reports a change. */
  start(): void {
    const pollMs = this.options.pollMs ?? 2000;
    this.timer = setInterval(() => void this.check(), pollMs);
    this.timer.unref();
    try {
      this.watcher = fs.watch(this.options.corpusDir, () => void this.check());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // polling alone still works
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.watcher?.close();
  }

  /** One look at the folder; concurrent calls share the look in progress. */
  check(now = Date.now()): Promise<void> {
    this.running ??= this.look(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Looks twice, a settle time apart in the tracker's clock (an operator's /reload): files that
   * did not change between the looks are read at once.
   */
  async rescan(): Promise<void> {
    const now = Date.now();
    await this.check(now);
    await this.check(now + (this.options.settleMs ?? 1000) + 1);
  }

  private async look(now: number): Promise<void> {
    const { corpusDir, indexFile, library, log = () => {} } = this.options;
    const listing = safeList(corpusDir);
    const indexed: Listing = new Map([...this.known].filter(([name]) => !this.unreadable.has(name)));
    const { ready, removed } = this.tracker.update(listing, indexed, now);
    const fresh = ready.filter((name) => !same(this.known.get(name), listing.get(name)));
    if (removed.length === 0 && fresh.length === 0) return;

    const added: Issue[] = [];
    for (const name of fresh) {
      const state = listing.get(name)!;
      this.known.set(name, state);
      try {
        added.push(loadIssueFile(path.join(corpusDir, name)));
        this.unreadable.delete(name);
      } catch (err) {
        this.unreadable.add(name);
        log('warn', `skipped ${name}: ${(err as Error).message}`);
      }
    }
    // A rewritten file leaves the index now and comes back as new once it has settled.
    for (const name of removed) this.known.delete(name);

    try {
      const fingerprint = corpusFingerprint(corpusDir);
      const gone = new Set(removed);
      const replaced = added.filter((i) => library.issues.some((old) => old.source === i.source));
      if (gone.size > 0 || replaced.length > 0) {
        // Removing means rebuilding: the index only ever grows in place.
        const keep = library.issues.filter((i) => !gone.has(i.source) && !added.some((a) => a.source === i.source));
        const issues = [...keep, ...added];
        const { index } = buildIndex(issues, fingerprint, indexFile, undefined, (m) => log('warn', m));
        library.replace(index, issues);
        log('info', `corpus changed: ${removed.length} removed, ${added.length} read; index rebuilt`);
      } else if (added.length > 0) {
        extendDictionary(library.searchIndex, added, indexFile, (m) => log('warn', m));
        library.addIssues(added);
        log('info', `indexed ${added.map((i) => i.source).join(', ')}`);
      }
      saveIndex(indexFile, library.issues, library.searchIndex, fingerprint, (m) => log('warn', m));
    } catch (err) {
      log('warn', `could not update the index: ${(err as Error).message}`);
      return;
    }
    const brandNew = added.filter((i) => !removed.includes(i.source));
    if (brandNew.length > 0) await this.options.onNewIssues?.(brandNew);
  }
}

function safeList(dir: string): Listing {
  try {
    return list(dir);
  } catch {
    return new Map();
  }
}

const same = (a: FileState | undefined, b: FileState | undefined) =>
  !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;
