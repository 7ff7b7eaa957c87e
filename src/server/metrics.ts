/**
 * The bot's Prometheus metrics (prom-client), on one registry per process: Node's default
 * metrics plus what an operator watches — updates, reply and search latency, answers by
 * confidence, unanswered questions, errors, notifications, subscribers, the archive's size.
 */
import type { Context, MiddlewareFn } from 'grammy';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { NewsLibrary, SearchResult } from '../retrieval/index.ts';
import { withDeadline } from '../storage/fallback.ts';
import type { Subscriptions } from '../storage/subscriptions.ts';

export interface BotMetrics {
  registry: Registry;
  /** Middleware counting updates by kind and timing their handling. */
  observe: MiddlewareFn<Context>;
  /** The library with its searches timed and their answers counted. */
  observeLibrary(library: NewsLibrary): NewsLibrary;
  error(kind: string): void;
  notification(outcome: string): void;
}

export function createMetrics(sources: {
  library: NewsLibrary;
  store?: Pick<Subscriptions, 'subscriberCount'>;
}): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const updates = new Counter({
    name: 'bot_updates_total',
    help: 'Telegram updates handled, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const reply = new Histogram({
    name: 'bot_update_duration_seconds',
    help: 'Time from receiving an update to finishing its handling (the reply sent)',
    labelNames: ['kind'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const search = new Histogram({
    name: 'bot_search_duration_seconds',
    help: 'Time to search the archive for one question',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [registry],
  });
  const answers = new Counter({
    name: 'bot_answers_total',
    help: "Questions answered, by the best result's confidence (answer, related)",
    labelNames: ['confidence'],
    registers: [registry],
  });
  const noMatch = new Counter({
    name: 'bot_no_match_total',
    help: 'Questions the archive could not answer',
    registers: [registry],
  });
  const errors = new Counter({
    name: 'bot_errors_total',
    help: 'Errors, by kind (telegram, network, handler, storage)',
    labelNames: ['kind'],
    registers: [registry],
  });
  const notifications = new Counter({
    name: 'bot_notifications_total',
    help: 'Notification delivery outcomes (sent, failed, blocked, moved, retry, flood)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'bot_subscribers',
    help: 'Chats with at least one subscription',
    registers: [registry],
    async collect() {
      // A scrape must not hang on a database that stopped answering: NaN after 3 s (Prometheus waits 10 s).
      if (sources.store) this.set(await withDeadline(sources.store.subscriberCount(), 3000).catch(() => Number.NaN));
    },
  });
  new Gauge({
    name: 'bot_articles_indexed',
    help: 'Articles in the search index',
    registers: [registry],
    collect() {
      this.set(sources.library.stats().articles);
    },
  });
  new Gauge({
    name: 'bot_issues_indexed',
    help: 'Newspaper issues in the search index',
    registers: [registry],
    collect() {
      this.set(sources.library.stats().issues);
    },
  });

  const kindOf = (ctx: Context) => Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';
  const counted = (results: SearchResult[]) => {
    const top = results[0];
    if (top === undefined) noMatch.inc();
    else answers.inc({ confidence: top.confidence });
  };

  return {
    registry,
    observe: async (ctx, next) => {
      const kind = kindOf(ctx);
      updates.inc({ kind });
      const end = reply.startTimer({ kind });
      try {
        await next();
      } finally {
        end();
      }
    },
    observeLibrary(library) {
      const timed: NewsLibrary['search'] = (question, limit, options) => {
        const end = search.startTimer();
        const results = library.search(question, limit, options);
        end();
        counted(results);
        return results;
      };
      return new Proxy(library, {
        get(target, prop) {
          if (prop === 'search') return timed;
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
    error: (kind) => errors.inc({ kind }),
    notification: (outcome) => notifications.inc({ outcome }),
  };
}
