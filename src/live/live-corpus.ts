/**
 * Keeps the archive in step with the corpus folder while the bot runs. A new issue file becomes
 * searchable within seconds, indexed in place; a rewritten one is indexed again in place (its
 * old version answers until then) and, when its text changed after it was announced, announced
 * as corrected once; a removed one leaves the index in place. A new issue is
 * announced once its file has stayed unchanged for a while, so a copy that stalls is announced
 * once, in full. A half-written, empty or broken file is waited for or skipped with one warning
 * and tried again when it changes (or on /reload); nothing here ever throws into the bot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeIssue } from '../corpus/decode.ts';
import {
  corpusFileLine,
  listIssueFiles,
  parseIssueText,
  readIssueFile,
  UnreadableFileError,
} from '../corpus/load-corpus.ts';
import type { Issue } from '../corpus/types.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { extendDictionary, type NewsLibrary } from '../retrieval/index.ts';
import { type FileState, type Listing, SettleTracker, sameState } from './corpus-changes.ts';
import { IndexSaver } from './index-saver.ts';

export interface LiveCorpusOptions {
  corpusDir: string;
  indexFile: string;
  library: NewsLibrary;
  /** Told about issues that were added (after they are searchable and their files have stayed unchanged). */
  onNewIssues?: (issues: Issue[]) => void | Promise<void>;
  /**
   * Told, likewise, about issues announced before (or there at the start) whose files were
   * rewritten with other text: once per settled rewrite, never for a file touched without a change.
   */
  onCorrectedIssues?: (issues: Issue[]) => void | Promise<void>;
  logger?: Logger;
  pollMs?: number;
  /** How long a file must keep its size and time before it is read. */
  settleMs?: number;
  /** How long a file that ends cut short (mid-line, mid-character) must keep them before it is read anyway. */
  cutShortSettleMs?: number;
  /** How long a new issue's file must keep them before the issue is announced. */
  announceAfterMs?: number;
}

export const LIVE_DEFAULTS = { pollMs: 2000, settleMs: 1000, cutShortSettleMs: 15_000, announceAfterMs: 5000 };

/** Lets the bot answer what came in meanwhile. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Adds a file's state to a listing when it is a regular file. */
function statInto(out: Listing, dir: string, name: string): void {
  try {
    const st = fs.statSync(path.join(dir, name));
    if (st.isFile()) out.set(name, { size: st.size, mtimeMs: st.mtimeMs });
  } catch {
    // vanished between listing and stat, or a broken link: not an issue file now
  }
}

function list(dir: string): Listing {
  const out: Listing = new Map();
  for (const name of listIssueFiles(dir)) statInto(out, dir, name);
  return out;
}

/**
 * Files stat-ed per turn of the event loop while listing the folder: a stat costs some
 * microseconds, so a few thousand issue files would hold the bot for tens of milliseconds in one turn.
 */
const STATS_PER_TURN = 500;

/** list, its stats spread over turns of the event loop (the names are read in one). */
async function listInTurns(dir: string): Promise<Listing> {
  const out: Listing = new Map();
  const names = listIssueFiles(dir);
  for (let k = 0; k < names.length; k++) {
    if (k > 0 && k % STATS_PER_TURN === 0) await yieldToEventLoop();
    statInto(out, dir, names[k]!);
  }
  return out;
}

function safeList(dir: string): Listing {
  try {
    return list(dir);
  } catch {
    return new Map();
  }
}

/** The state of a file known to have changed since it was read: matches no listing, so it is read again. */
const CHANGED_SINCE_READ: FileState = { size: -1, mtimeMs: -1 };

/** Whether the bytes end inside a UTF-8 character: a copy stopped mid-way. */
export function endsMidCharacter(bytes: Uint8Array): boolean {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return false; // ASCII: complete
    if (b >= 0xc0) return back < (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2); // a lead byte: enough bytes after it?
  }
  return false;
}

/** A line that closes a sentence, a quotation, a bracket or a byline (「……。」, ·记者 张三·). */
const CLOSED = /(?:\n|[。！？!?…”’」』）)·.])[ \t]*$/u;

/**
 * A byline standing alone as the last line, its closing dot left off: a middle dot and a few
 * names (「·范云」, 「·记者 张三 李四」), or a role word and names (「记者 张三」, 「责任编辑：王五」).
 * Chinese papers close an article so. A name is two to four Han characters: a line that goes on
 * longer (「记者从区住建局获悉」) is a sentence cut short, not a byline.
 */
const OPEN_BYLINE =
  /(?:^|\n)[ \t]*(?:[·・•‧][ \t]*|(?:本报)?(?:见习记者|记者|通讯员|责任编辑|编辑|责编|校对)[：: \t]*|(?:文[/／]图|文|图|摄影|摄)[：:/／ \t]+)\p{Script=Han}{2,4}(?:[ 、\t]+\p{Script=Han}{2,4}){0,5}[ \t]*$/u;

/**
 * Whether an issue's text looks cut short. A finished text file ends with a line break, with a
 * mark that closes a sentence, a quotation or a byline, or with a byline whose closing dot was
 * left off (as seeds/004 ends: 「·范云」); a copy that stalls almost always stops inside a line of
 * running text.
 */
export function looksCutShort(text: string): boolean {
  return !CLOSED.test(text) && !OPEN_BYLINE.test(text.slice(-64));
}

/** What an announcement says of an issue: its articles and photos, as parsed. */
const issueText = (issue: Issue) => JSON.stringify([issue.articles, issue.photos]);

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class LiveCorpus {
  private readonly settings: typeof LIVE_DEFAULTS;
  private readonly tracker: SettleTracker;
  /** Files in the index, and the state they were read in. */
  private readonly indexed: Listing = new Map();
  /** Files that could not be read as an issue in this state: tried again when they change, or on rescan. */
  private readonly failed: Listing = new Map();
  /** Warned about in this state already (one warning per file state, whatever the retries). */
  private readonly warned = new Map<string, FileState>();
  /** Which version of each file the index holds (read and indexed, or read and skipped), by name. */
  private readonly heldAs = new Map<string, string>();
  /** New issues indexed and not yet announced, with the state they were indexed in. */
  private readonly toAnnounce: Listing = new Map();
  /** Issues re-read with other text after they were announced, not yet announced as corrected. */
  private readonly toCorrect: Listing = new Map();
  private forceReads = false;
  private folderMissing = false;
  private timer?: NodeJS.Timeout;
  private wakeUp?: NodeJS.Timeout;
  private watcher?: fs.FSWatcher;
  private running: Promise<void> | null = null;
  private merging?: Promise<void>;
  private stopped = false;
  /** Writes the index file after changes, a slice at a time. */
  private readonly saver: IndexSaver;

  constructor(private readonly options: LiveCorpusOptions) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'number'));
    this.settings = { ...LIVE_DEFAULTS, ...given };
    this.saver = new IndexSaver(
      () => this.heldFiles(),
      options.indexFile,
      options.library,
      (m) => this.log('warn', m),
    );
    this.tracker = new SettleTracker(this.settings.settleMs);
    const { corpusDir, library } = options;
    const sources = new Set(library.issues.map((i) => i.source));
    const opened = library.openedFrom;
    const listing = safeList(corpusDir);
    // What the archive was opened with is indexed; the other files there were skipped (and
    // warned about) when it was built: they are tried again once they change. A file that
    // changed since it was read, or came after, is read as soon as it settles; an indexed issue
    // whose file is gone is removed at the first look.
    for (const [name, state] of listing) {
      const current = corpusFileLine(corpusDir, name);
      const held = opened ? opened.get(name) : current;
      if (held === undefined) continue;
      this.heldAs.set(name, held);
      (sources.has(name) ? this.indexed : this.failed).set(name, held === current ? state : CHANGED_SINCE_READ);
    }
    for (const name of sources)
      if (!listing.has(name)) {
        this.indexed.set(name, CHANGED_SINCE_READ);
        this.heldAs.set(name, opened?.get(name) ?? `${name}\tgone`);
      }
  }

  /**
   * Which version of each issue file the index holds, in corpusFileLines' form and name order,
   * for the saved index's fingerprint: the version read for the files indexed or skipped, and
   * for a file not read yet a line no folder matches, so that the next start reads it.
   */
  private heldFiles(): string[] {
    const { corpusDir } = this.options;
    let names: string[];
    try {
      names = listIssueFiles(corpusDir);
    } catch {
      names = [];
    }
    const all = [...new Set([...names, ...this.heldAs.keys()])].sort();
    return all.map(
      (name) =>
        this.heldAs.get(name) ??
        (fs.existsSync(path.join(corpusDir, name)) ? `${name}\tnot read yet` : corpusFileLine(corpusDir, name)),
    );
  }

  /** Starts watching: a look every pollMs, and one right after the folder reports a change. */
  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.check(), this.settings.pollMs);
    this.timer.unref();
    try {
      this.watcher = fs.watch(this.options.corpusDir, () => void this.check());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // polling alone still works
    }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.wakeUp);
    this.timer = undefined;
    this.watcher?.close();
    this.saver.stop();
  }

  /** Resolves once the index file has been written after the last change. */
  async saved(): Promise<void> {
    await this.running;
    await this.saver.idle();
  }

  /** One look at the folder; concurrent calls share the look in progress. Never rejects. */
  check(now = Date.now()): Promise<void> {
    this.running ??= this.look(now)
      .catch((err) => this.log('warn', `corpus check failed: ${errorMessage(err)}`))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /**
   * An operator's /reload: looks twice, a settle time apart in the tracker's clock, reading every
   * file that did not change between the looks at once, the ones that failed before and the ones
   * that look cut short included.
   */
  async rescan(): Promise<void> {
    await this.running;
    const now = Date.now();
    this.forceReads = true;
    try {
      await this.check(now);
      await this.check(now + this.settings.settleMs + 1);
    } finally {
      this.forceReads = false;
    }
  }

  private log(level: 'info' | 'warn', message: string): void {
    (this.options.logger ?? silentLogger)[level](message);
  }

  /** Warns once per file state. */
  private warnOnce(name: string, state: FileState, message: string): void {
    if (sameState(this.warned.get(name), state)) return;
    this.warned.set(name, state);
    this.log('warn', message);
  }

  private async look(now: number): Promise<void> {
    const { corpusDir, library } = this.options;
    const force = this.forceReads;
    let listing: Listing;
    try {
      listing = await listInTurns(corpusDir);
    } catch (err) {
      // The folder itself is gone or unreadable (an unmounted disk): keep the archive as it is.
      if (!this.folderMissing) this.log('warn', `cannot look at the corpus folder: ${errorMessage(err)}`);
      this.folderMissing = true;
      return;
    }
    this.folderMissing = false;
    const { ready, removed } = this.tracker.update(listing, this.indexed, now);
    for (const seen of [this.failed, this.warned])
      for (const name of seen.keys()) if (!listing.has(name)) seen.delete(name);
    for (const name of this.heldAs.keys()) if (!listing.has(name) && !this.indexed.has(name)) this.heldAs.delete(name);
    let changed = false;

    if (removed.length > 0) {
      // In a turn of its own: the look at every file has held the bot long enough.
      await yieldToEventLoop();
      try {
        library.removeIssues(removed);
        for (const name of removed) {
          this.indexed.delete(name);
          this.heldAs.delete(name);
          this.toAnnounce.delete(name);
          this.toCorrect.delete(name);
        }
        changed = true;
        this.log('info', `removed from the index: ${removed.join(', ')}`);
      } catch (err) {
        this.log('warn', `could not remove ${removed.join(', ')} from the index: ${errorMessage(err)}`);
      }
    }

    for (const [k, name] of ready.entries()) {
      const state = listing.get(name)!;
      if (!force && sameState(this.failed.get(name), state)) continue;
      // One file at a time: many files copied at once do not hold the bot for all of them.
      if (k > 0) await yieldToEventLoop();
      const outcome = this.read(name, state, now, force);
      if (outcome === 'wait') continue;
      if ('failed' in outcome) {
        // The file no longer holds the issue indexed from it.
        if (this.indexed.has(name)) changed = this.remove(name) || changed;
        // Saved as skipped in this version, so that a start does not read it again for nothing.
        if (this.heldAs.get(name) !== outcome.failed) changed = true;
        this.heldAs.set(name, outcome.failed);
        continue;
      }
      // Reading and indexing in turns of their own: each holds the bot for less.
      await yieldToEventLoop();
      changed = (await this.index(name, state, outcome.issue, outcome.version)) || changed;
    }

    if (changed) {
      this.save();
      this.mergeWhenDue();
      // What the next question would make for the whole archive at once, made a turn at a time.
      for (const _ of library.prepareQuestionsInSteps()) await yieldToEventLoop();
    }
    await this.announce(listing, now);
    this.scheduleWakeUp(listing, now);
  }

  /** Reads one settled file: its issue, 'wait' while it looks cut short, or 'failed' (warned). */
  private read(
    name: string,
    state: FileState,
    now: number,
    force: boolean,
  ): { issue: Issue; version: string } | 'wait' | { failed: string } {
    const young = !force && this.tracker.quietFor(name, now) < this.settings.cutShortSettleMs;
    let version = `${name}\tunreadable`;
    try {
      const read = readIssueFile(path.join(this.options.corpusDir, name));
      const { bytes } = read;
      version = read.version;
      // Checked before decoding: a UTF-8 file cut inside a character would not decode as UTF-8.
      if (young && endsMidCharacter(bytes)) return 'wait';
      const text = decodeIssue(bytes, (message) => this.log('warn', `${name}: ${message}`));
      if (young && looksCutShort(text)) return 'wait';
      const issue = parseIssueText(text, name);
      this.failed.delete(name);
      return { issue, version };
    } catch (err) {
      this.failed.set(name, state);
      this.warnOnce(name, state, `skipped ${name}: ${errorMessage(err)}`);
      return { failed: err instanceof UnreadableFileError ? (err.version ?? version) : version };
    }
  }

  /**
   * Indexes one issue in place (its previous version out first), its passages segmented and
   * indexed a turn at a time before the index takes them in one; false when that failed.
   */
  private async index(name: string, state: FileState, issue: Issue, version: string): Promise<boolean> {
    const { library, indexFile } = this.options;
    const again = this.indexed.has(name);
    const before = again ? library.issues.find((i) => i.source === name) : undefined;
    const { dictionary } = library.searchIndex;
    const words = dictionary.length;
    try {
      extendDictionary(library.searchIndex, [issue], indexFile, (m) => this.log('warn', m));
      // Between the steps the archive answers as it was (its dictionary already holding the new
      // issue's names, which its segmentation needs): it changes in the last step, at once.
      for (const _ of library.addIssuesInSteps([issue], again ? [name] : [])) await yieldToEventLoop();
    } catch (err) {
      // Tried again at the next look, new words and all; the old version, if any, stays.
      dictionary.length = words;
      this.warnOnce(name, state, `could not index ${name}: ${errorMessage(err)}`);
      return false;
    }
    this.indexed.set(name, state);
    this.heldAs.set(name, version);
    this.warned.delete(name);
    if (!again || this.toAnnounce.has(name)) this.toAnnounce.set(name, state);
    else if (this.toCorrect.has(name) || (before && issueText(before) !== issueText(issue)))
      this.toCorrect.set(name, state);
    this.log('info', `${again ? 're-indexed' : 'indexed'} ${name}`);
    return true;
  }

  private remove(name: string): boolean {
    try {
      this.options.library.removeIssues([name]);
      this.indexed.delete(name);
      this.heldAs.delete(name);
      this.toAnnounce.delete(name);
      this.toCorrect.delete(name);
      return true;
    } catch (err) {
      this.log('warn', `could not remove ${name} from the index: ${errorMessage(err)}`);
      return false;
    }
  }

  private save(): void {
    this.saver.request();
  }

  /**
   * Merges the index's first segment with what was added since, once that has grown to half its
   * size, a piece per turn of the event loop: the bot answers meanwhile, from the segments as they
   * were until the merged one takes their place. One merge runs at a time; one overtaken by a
   * change is tried again after the next.
   */
  private mergeWhenDue(): void {
    const index = this.options.library.searchIndex;
    if (this.merging || this.stopped || !index.mergeDue) return;
    this.merging = (async () => {
      for (const _ of index.mergeInSteps()) {
        await yieldToEventLoop();
        if (this.stopped) return;
      }
    })()
      .catch((err) => this.log('warn', `could not merge the index's segments: ${errorMessage(err)}`))
      .finally(() => {
        this.merging = undefined;
      });
  }

  /** Resolves once no merge of the index's segments is running. */
  async merged(): Promise<void> {
    await this.merging;
  }

  /**
   * Announces the new issues, then the corrected ones, whose files have stayed as they were
   * indexed for long enough.
   */
  private async announce(listing: Listing, now: number): Promise<void> {
    await this.announceDue(this.toAnnounce, this.options.onNewIssues, listing, now);
    await this.announceDue(this.toCorrect, this.options.onCorrectedIssues, listing, now);
  }

  private async announceDue(
    waiting: Listing,
    tell: ((issues: Issue[]) => void | Promise<void>) | undefined,
    listing: Listing,
    now: number,
  ): Promise<void> {
    const due = [...waiting]
      .filter(([name, state]) => sameState(listing.get(name), state))
      .filter(([name]) => this.tracker.quietFor(name, now) >= this.settings.announceAfterMs)
      .map(([name]) => name);
    if (due.length === 0) return;
    if (!tell) {
      for (const name of due) waiting.delete(name);
      return;
    }
    const issues = this.options.library.issues.filter((i) => due.includes(i.source));
    try {
      await tell(issues);
      for (const name of due) waiting.delete(name);
    } catch (err) {
      // Still due: tried again at the next look.
      this.log('warn', `could not announce ${due.join(', ')}: ${errorMessage(err)}`);
    }
  }

  /**
   * While running, looks again as soon as a file settles or an announcement falls due, rather than
   * at the next poll.
   */
  private scheduleWakeUp(listing: Listing, now: number): void {
    if (!this.timer || this.wakeUp) return;
    const { settleMs, announceAfterMs } = this.settings;
    const waits: number[] = [];
    for (const [name, state] of listing) {
      const quiet = this.tracker.quietFor(name, now);
      if (this.toAnnounce.has(name) || this.toCorrect.has(name)) waits.push(announceAfterMs - quiet);
      else if (
        quiet < settleMs &&
        !sameState(this.indexed.get(name), state) &&
        !sameState(this.failed.get(name), state)
      )
        waits.push(settleMs - quiet);
    }
    if (waits.length === 0) return;
    this.wakeUp = setTimeout(
      () => {
        this.wakeUp = undefined;
        void this.check();
      },
      Math.max(50, Math.min(...waits) + 10),
    );
    this.wakeUp.unref();
  }
}
