/**
 * The Telegram bot as a service: storage (SQLite, or PostgreSQL shared by several instances),
 * the live corpus, announcements and paced notifications, and updates by long polling
 * (@grammyjs/runner) or by webhook (WEBHOOK_URL), with /healthz, /readyz and /metrics on PORT.
 * SIGTERM or SIGINT: stop taking updates, finish those in flight, give unsent claims back, close
 * the database, exit 0 — within 10 s. What it does when things go wrong is in
 * docs/running-unattended.md: a late error or a stray rejection is logged, never fatal; a slow or
 * absent database costs questions nothing (flood counts, stored searches and the update ids
 * handled fall back to this instance's memory for the moment).
 */
import { createHmac, randomBytes } from 'node:crypto';
import os from 'node:os';
import { run as runPolling, type RunnerHandle } from '@grammyjs/runner';
import { Api, GrammyError } from 'grammy';
import { articlePath } from '../bot/article-links.ts';
import { COMMANDS, createBot } from '../bot/create-bot.ts';
import { notificationKeyboard } from '../bot/keyboards.ts';
import { QueryStore, SharedQueryStore } from '../bot/query-store.ts';
import { type Config, ConfigError } from '../config.ts';
import { LiveCorpus } from '../live/live-corpus.ts';
import type { Logger } from '../logger.ts';
import type { NewsLibrary } from '../retrieval/index.ts';
import { Announcer } from '../announcements/announce.ts';
import { DatabaseFallback, withDeadline } from '../storage/fallback.ts';
import { HitCounter } from '../storage/flood-counters.ts';
import { SeenIds } from '../storage/update-ids.ts';
import { Notifier } from '../announcements/notifier.ts';
import { openStore } from '../storage/open-store.ts';
import { PostgresStore, redactUrl } from '../storage/postgres-store.ts';
import type { SqliteStore } from '../storage/sqlite-store.ts';
import { UPDATE_IDS_KEPT_MS } from '../storage/update-ids.ts';
import { type HttpServer, startHttpServer } from './http-server.ts';
import { createMetrics } from './metrics.ts';
import { createPages } from './pages/router.ts';

const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;
/** Whole shutdown budget; the process exits 0 by then whatever is still running. */
const SHUTDOWN_MS = 9500;
/** Delivered notifications are kept this long (for the record), then forgotten. */
const OUTBOX_KEPT_MS = 30 * 24 * 60 * 60 * 1000;
/** The database check of /readyz; the server answers within 1 s whatever happens. */
const PING_DEADLINE_MS = 800;

/**
 * A promise rejected with nobody to hear it (a library's timer, a late failure) is logged in one
 * line; it never ends the process, which would drop every update in flight with it.
 */
export function guardUnhandledRejections(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error(
      { err: reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason) },
      'a promise failed with nobody to handle it; carrying on',
    );
  });
}

/** A webhook secret that every instance with the same token derives alike, and nobody else can guess. */
export function derivedWebhookSecret(token: string): string {
  return createHmac('sha256', token).update('telegram webhook secret').digest('base64url');
}

export async function runTelegramBot(config: Config, library: NewsLibrary, logger: Logger): Promise<void> {
  guardUnhandledRejections(logger);
  const store = await openStore(config);
  try {
    await serve(config, library, logger, store);
  } catch (err) {
    // A failed start must not leave database connections holding the process open.
    await store.close().catch(() => {});
    throw err;
  }
}

async function serve(
  config: Config,
  library: NewsLibrary,
  logger: Logger,
  store: SqliteStore | PostgresStore,
): Promise<void> {
  const token = config.botToken!;
  const owner = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  // Every instance's store (PostgreSQL), which holds flood counters and stored searches too.
  const shared = store instanceof PostgresStore ? store : undefined;
  const metrics = createMetrics({ library, store });
  const localCounts = new HitCounter();
  const localUpdates = new SeenIds(UPDATE_IDS_KEPT_MS);
  // One switch for everything an update waits on in the shared database, logged once each way.
  const fallback = new DatabaseFallback({
    onDown: (reason) => {
      metrics.error('storage');
      logger.warn(
        { reason },
        "the database is slow or unreachable: flood counts, stored searches and update ids are kept in this instance's memory for now",
      );
    },
    onBack: () => logger.info('the database answers again: shared state back in the database'),
  });

  // Notifications handle Telegram's 429s themselves (never holding a claim while waiting): no auto-retry here.
  const notifier = new Notifier(
    store,
    new Api(token, config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {}),
    logger.child({ module: 'notifier' }),
    {
      owner,
      leaseMs: config.claimLeaseMs,
      // The digest's headlines as buttons, each opening its article (the issue is in the archive by now).
      replyMarkup: (n) =>
        notificationKeyboard(library.issues.find((i) => i.source === n.source)?.articles ?? [], n.text),
      onOutcome: (o) => metrics.notification(o),
    },
  );
  const announcer = new Announcer({
    store,
    library,
    owner,
    leaseMs: config.claimLeaseMs,
    onQueued: (sources, queued) => {
      logger.info({ issues: sources, queued }, 'new issues announced');
      void notifier.drain();
    },
    log: (level, message) => {
      if (level === 'warn') metrics.error('storage');
      logger[level](message);
    },
    articleLink: config.publicUrl ? (a) => `${config.publicUrl}${articlePath(a.id)}` : undefined,
  });
  const live = new LiveCorpus({
    corpusDir: config.corpusDir,
    indexFile: config.indexFile,
    library,
    onNewIssues: async (issues) => {
      await announcer.add(issues);
    },
    onCorrectedIssues: async (issues) => {
      await announcer.add(issues, 'corrected');
    },
    logger: logger.child({ module: 'live' }),
  });
  const bot = createBot({
    token,
    library: metrics.observeLibrary(library),
    apiRoot: config.telegramApiRoot,
    store: shared ? new SharedQueryStore(shared, fallback) : new QueryStore(),
    subscriptions: store,
    // If PostgreSQL is slow or away for a moment, each instance counts on its own rather than not answering.
    floodCounters: shared
      ? (key, windowMs) =>
          fallback.run(
            () => shared.hit(key, windowMs),
            () => localCounts.hit(key, windowMs),
          )
      : undefined,
    observe: metrics.observe,
    onError: (kind) => metrics.error(kind),
    adminIds: config.adminIds,
    logger: logger.child({ module: 'bot' }),
    reload: () => live.rescan(),
    publicUrl: config.publicUrl,
  });

  // One process owns a SQLite file: claims left in it are from a process that died; take them now.
  if (!shared) await store.expireClaims(Number.MAX_SAFE_INTEGER);

  try {
    await bot.init();
  } catch (err) {
    // 401/404 from getMe: the token is wrong or revoked; nothing to retry.
    if (err instanceof GrammyError)
      throw new ConfigError(
        `Telegram refused BOT_TOKEN (${err.error_code} ${err.description}); check it with @BotFather`,
      );
    throw err;
  }
  try {
    await bot.api.setMyCommands(COMMANDS.zh);
    await bot.api.setMyCommands(COMMANDS.en, { language_code: 'en' });
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'could not set the command menu');
  }

  // The corpus the bot first starts with is the baseline; issues that arrived while it was down
  // are announced now, once (by whichever instance claims each).
  const sources = library.issues.map((i) => i.source);
  if (!(await store.hasBaseline())) await store.markSeen(sources);
  else await announcer.add(library.issues);

  let http: HttpServer | undefined;
  let polling: RunnerHandle | undefined;
  let stopping = false;
  let pingFailed = false;
  // The body is public (an unauthenticated port): it names no host, user or database; the log does.
  const readiness = async () => {
    const problems: string[] = [];
    if (stopping) problems.push('shutting down');
    if (!library.searchIndex) problems.push('index not loaded');
    try {
      await withDeadline(store.ping(), PING_DEADLINE_MS);
      if (pingFailed) logger.info('readiness: the database answers again');
      pingFailed = false;
    } catch (err) {
      problems.push('database unreachable');
      if (!pingFailed) logger.warn({ err: (err as Error).message }, 'readiness: the database does not answer');
      pingFailed = true;
    }
    return problems;
  };
  const firstDelivery = (updateId: number) =>
    shared
      ? fallback.run(
          () => store.firstDelivery(updateId),
          () => localUpdates.first(updateId),
        )
      : store.firstDelivery(updateId);

  // The archive on the web, wherever the HTTP server runs (PUBLIC_URL is where readers reach it).
  const pages = createPages({ library });
  if (config.webhookUrl) {
    const secret = config.webhookSecret ?? derivedWebhookSecret(token);
    http = await startHttpServer({
      port: config.port ?? 8080,
      host: config.host,
      webhook: { bot, path: new URL(config.webhookUrl).pathname, secret, firstDelivery },
      readiness,
      registry: metrics.registry,
      log: logger,
      pages,
    });
    await bot.api.setWebhook(config.webhookUrl, {
      secret_token: secret,
      allowed_updates: [...ALLOWED_UPDATES],
      max_connections: 40,
    });
  } else {
    if (config.port !== undefined)
      http = await startHttpServer({
        port: config.port,
        host: config.host,
        readiness,
        registry: metrics.registry,
        log: logger,
        pages,
      });
    // A webhook left from an earlier run in webhook mode would make every getUpdates fail (409).
    await bot.api
      .deleteWebhook()
      .catch((err: Error) => logger.warn({ err: err.message }, 'could not remove the webhook'));
    polling = runPolling(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  }
  live.start();
  announcer.start();
  notifier.start();
  const housekeeping = setInterval(
    () => {
      store.pruneOutbox(Date.now() - OUTBOX_KEPT_MS).catch(() => {});
    },
    60 * 60 * 1000,
  );
  housekeeping.unref();
  const stats = library.stats();
  const mode = config.webhookUrl ? 'webhook' : 'polling';
  logger.info(
    {
      bot: `@${bot.botInfo.username}`,
      mode,
      articles: stats.articles,
      issues: stats.issues,
      database: shared ? redactUrl(config.databaseUrl!) : config.databaseFile,
      ...(http ? { port: http.port } : {}),
      ...(config.webhookUrl
        ? { webhook: config.webhookUrl, webhookSecret: config.webhookSecret ? 'set' : 'derived' }
        : {}),
    },
    `@${bot.botInfo.username} is ${mode === 'webhook' ? 'serving its webhook' : 'polling'}`,
  );

  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.warn('shutdown took too long; exiting');
      process.exit(0);
    }, SHUTDOWN_MS).unref();
    live.stop();
    clearInterval(housekeeping);
    // Updates: no new ones; those being handled finish.
    await Promise.all([http?.close(6000), polling?.isRunning() ? polling.stop() : undefined]);
    await announcer.stop();
    await notifier.stop();
    await store.close().catch(() => {});
    logger.info('stopped');
    done();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  if (polling) await Promise.race([polling.task(), finished]);
  else await finished;
}
