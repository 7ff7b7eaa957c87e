/**
 * New issues to queued notifications. Each issue not announced before is claimed in the database
 * (one instance announces it; another takes over if that one dies before its lease ends), its
 * notifications computed — one message per subscribed chat it concerns — and queued with the
 * issue's "announced" mark in one transaction. An issue the database could not take now (locked,
 * unreachable) stays queued here and is tried again later; nothing is lost and nothing throws.
 */
import { createHash } from 'node:crypto';
import type { Article, Issue } from '../corpus/types.ts';
import type { NewsLibrary } from '../retrieval/index.ts';
import { notificationFor } from './notification-text.ts';
import { StorageError, type SubscriptionStore } from './subscription-store.ts';

export interface AnnouncerOptions {
  store: SubscriptionStore;
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
    const { store, owner, leaseMs = 30_000, log = () => {} } = this.options;
    let queued = 0;
    const announced: string[] = [];
    for (const [source, { issue, kind }] of [...this.queue]) {
      try {
        const claim = await store.claimIssue(source, owner, leaseMs);
        if (claim === 'taken') continue;
        if (claim === 'claimed') {
          const notifications = await this.notifications(issue, kind === 'corrected');
          // False when another instance took the claim over meanwhile: looked at again next pass.
          if (!(await store.announce(source, notifications, owner))) continue;
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

  private async notifications(issue: Issue, corrected: boolean): Promise<{ chatId: number; text: string }[]> {
    const { library, store } = this.options;
    const cache = new Map<string, Article[]>();
    const matches = (keyword: string) => {
      let found = cache.get(keyword);
      if (!found) {
        found = library
          .search(keyword, 50)
          .filter((r) => r.kind === 'article' && r.source === issue.source)
          .map((r) => library.article(r.articleId))
          .filter((a): a is Article => a !== undefined);
        cache.set(keyword, found);
      }
      return found;
    };
    const out: { chatId: number; text: string }[] = [];
    for (const [chatId, keywords] of await store.allByChat()) {
      const text = notificationFor(issue, keywords, matches, { link: this.options.articleLink, corrected });
      if (text) out.push({ chatId, text });
    }
    return out;
  }
}
