/**
 * New issues to queued notifications. Each issue not announced before is claimed in the database
 * (one instance announces it; another takes over if that one dies before its lease ends), its
 * notifications computed — one message per subscribed chat it concerns — and queued with the
 * issue's "announced" mark in one transaction. An issue the database could not take now (locked,
 * unreachable) stays queued here and is tried again later; nothing is lost and nothing throws.
 *
 * Matching runs one search per distinct keyword, thousands for a popular bot: it runs in slices of
 * a few milliseconds with the event loop free in between, so users' questions are answered while
 * an issue is announced (and the claim is renewed if matching outlasts half its lease).
 */
import { createHash } from 'node:crypto';
import type { Article, Issue } from '../corpus/types.ts';
import type { NewsLibrary } from '../retrieval/index.ts';
import { notificationFor } from './notification-text.ts';
import { ALL_ISSUES } from '../storage/subscriptions.ts';
import type { AnnouncedIssues } from '../storage/announced-issues.ts';
import { StorageError } from '../storage/store.ts';
import type { Subscriptions } from '../storage/subscriptions.ts';

/** Longest stretch of matching without letting other work run, in ms. */
export const ANNOUNCE_SLICE_MS = 10;

/** Lets timers, sockets and other updates run. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface AnnouncerOptions {
  /** Who follows what, and which issues were announced (their notifications are queued with the mark). */
  store: Pick<Subscriptions, 'allByChat'> & AnnouncedIssues;
  library: NewsLibrary;
  /** This instance's name in claims. */
  owner: string;
  leaseMs?: number;
  /** Pause before an issue that could not be announced is tried again. */
  retryMs?: number;
  /** Told after notifications were queued (to start delivering). */
  onQueued?: (sources: string[], queued: number) => void;
  log?: (level: 'info' | 'warn', message: string) => void;
  /** An article's page on the web (PUBLIC_URL set): the notices link each headline there. */
  articleLink?: (article: Article) => string;
  /** The clock that slices the matching and times the claims (default Date.now; tests drive their own). */
  now?: () => number;
}

/**
 * What an announcement is claimed under: a new issue under its file name; a correction (an
 * announced issue whose file was rewritten with other text) under the name and a digest of the
 * new text, so each corrected text is announced once, by one instance, and a file touched without
 * a change of text is not announced again.
 */
export function announcementKey(issue: Issue, kind: 'new' | 'corrected'): string {
  if (kind === 'new') return issue.source;
  const digest = createHash('sha1')
    .update(JSON.stringify([issue.articles, issue.photos]))
    .digest('hex');
  return `${issue.source}#corrected:${digest.slice(0, 16)}`;
}

export class Announcer {
  private readonly queue = new Map<string, { issue: Issue; kind: 'new' | 'corrected' }>();
  private readonly warned = new Set<string>();
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;
  private again = false;

  constructor(private readonly options: AnnouncerOptions) {}

  /**
   * Queues issues to announce, as new or as corrected, and tries them now; resolves to how many
   * notifications were queued.
   */
  add(issues: readonly Issue[], kind: 'new' | 'corrected' = 'new'): Promise<number> {
    for (const issue of issues) this.queue.set(announcementKey(issue, kind), { issue, kind });
    return this.run();
  }

  /** Retries what is still queued every retryMs. */
  start(): void {
    this.timer = setInterval(() => {
      if (this.queue.size > 0) void this.run();
    }, this.options.retryMs ?? 2000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Issues still waiting to be announced (by this instance or another). */
  get waiting(): number {
    return this.queue.size;
  }

  /** One pass over the queue; concurrent calls share it (and ask for one more pass). */
  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let queued = 0;
      do {
        this.again = false;
        queued += await this.pass();
      } while (this.again);
      return queued;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    const { store, owner, leaseMs = 30_000, log = () => {}, now = Date.now } = this.options;
    let queued = 0;
    const announced: string[] = [];
    for (const [source, { issue, kind }] of [...this.queue]) {
      try {
        const claim = await store.claimIssue(source, owner, leaseMs, now());
        if (claim === 'taken') continue;
        if (claim === 'claimed') {
          const notifications = await this.notifications(issue, kind === 'corrected', source);
          // Null or false when another instance took the claim over meanwhile: looked at again next pass.
          if (!notifications || !(await store.announce(source, notifications, owner))) continue;
          queued += notifications.length;
          announced.push(source);
        }
        this.queue.delete(source);
        this.warned.delete(source);
      } catch (err) {
        // Said once per issue: the database may stay locked for a while.
        if (!this.warned.has(source)) {
          this.warned.add(source);
          const why = err instanceof StorageError ? err.message : (err as Error).stack;
          log('warn', `could not announce ${source} yet, will try again: ${why}`);
        }
      }
    }
    if (announced.length > 0) this.options.onQueued?.(announced, queued);
    return queued;
  }

  /** The issue's notifications, computed in slices; null when the claim was lost meanwhile. */
  /** `key`: the announcement's claim (announcementKey), renewed while the matching takes long. */
  private async notifications(
    issue: Issue,
    corrected: boolean,
    key: string,
  ): Promise<{ chatId: number; text: string }[] | null> {
    const { library, store, owner, leaseMs = 30_000, now = Date.now } = this.options;
    const byChat = await store.allByChat();
    let sliceStart = now();
    let claimedAt = sliceStart;
    /** Yields when the slice is used up; false when the claim could not be renewed. */
    const pause = async (): Promise<boolean> => {
      if (now() - sliceStart < ANNOUNCE_SLICE_MS) return true;
      await yieldToOthers();
      sliceStart = now();
      if (sliceStart - claimedAt > leaseMs / 2) {
        if ((await store.claimIssue(key, owner, leaseMs, sliceStart)) !== 'claimed') return false;
        claimedAt = sliceStart;
      }
      return true;
    };
    const found = new Map<string, Article[]>();
    for (const keywords of byChat.values())
      for (const keyword of keywords) {
        if (keyword === ALL_ISSUES || found.has(keyword)) continue;
        if (!(await pause())) return null;
        found.set(
          keyword,
          library
            .search(keyword, 50)
            .filter((r) => r.kind === 'article' && r.source === issue.source)
            .map((r) => library.article(r.articleId))
            .filter((a): a is Article => a !== undefined),
        );
      }
    const out: { chatId: number; text: string }[] = [];
    for (const [chatId, keywords] of byChat) {
      if (!(await pause())) return null;
      const text = notificationFor(issue, keywords, (keyword) => found.get(keyword) ?? [], {
        link: this.options.articleLink,
        corrected,
      });
      if (text) out.push({ chatId, text });
    }
    return out;
  }
}
