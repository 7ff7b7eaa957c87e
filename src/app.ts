/**
 * What `npm start` does: load the settings and the archive, then either run the bot (long
 * polling through @grammyjs/runner, live corpus, subscriptions) or chat in the terminal. The token
 * is never logged.
 */
import { run as runBot } from '@grammyjs/runner';
import { COMMANDS, createBot } from './bot/create-bot.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { GrammyError } from 'grammy';
import type { Issue } from './corpus/types.ts';
import { LiveCorpus } from './live/live-corpus.ts';
import { createLogger, type Logger } from './logger.ts';
import { openIndex } from './retrieval/index-store.ts';
import { NewsLibrary } from './retrieval/news-library.ts';
import { announceIssues } from './subscriptions/announce.ts';
import { openDatabase } from './subscriptions/database.ts';
import { Notifier } from './subscriptions/notifier.ts';
import { SubscriptionStore } from './subscriptions/subscription-store.ts';
import { runChat } from './cli/chat.ts';
import { runCli } from './cli/run-cli.ts';

export function run(): void {
  runCli(async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel, [config.botToken]);
    const tty = process.stderr.isTTY;
    const opened = openIndex({
      corpusDir: config.corpusDir,
      indexFile: config.indexFile,
      onProgress: tty ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
      logger: logger.child({ module: 'corpus' }),
    });
    if (tty) process.stderr.write('\r\x1b[K');
    const library = NewsLibrary.fromOpened(opened);

    if (!config.botToken) {
      await runChat({
        library,
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
      });
      return;
    }
    await runTelegramBot(config, library, logger);
  });
}

async function runTelegramBot(config: Config, library: NewsLibrary, logger: Logger): Promise<void> {
  const store = new SubscriptionStore(openDatabase(config.databaseFile));
  const announce = (issues: Issue[]) => {
    const queued = announceIssues(issues, library, store);
    if (queued > 0) {
      logger.info({ issues: issues.map((i) => i.source), queued }, 'new issues announced');
      void notifier.drain();
    }
  };
  const live = new LiveCorpus({
    corpusDir: config.corpusDir,
    indexFile: config.indexFile,
    library,
    onNewIssues: announce,
    logger: logger.child({ module: 'live' }),
  });
  const bot = createBot({
    token: config.botToken!,
    library,
    apiRoot: config.telegramApiRoot,
    subscriptions: store,
    adminIds: config.adminIds,
    logger: logger.child({ module: 'bot' }),
    reload: () => live.rescan(),
  });
  const notifier = new Notifier(store, bot.api, logger.child({ module: 'notifier' }));

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
  // are announced now, once.
  const sources = library.issues.map((i) => i.source);
  if (!store.hasBaseline()) store.markSeen(sources);
  else announce(library.issues.filter((i) => store.unseen([i.source]).length > 0));

  const handle = runBot(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query', 'inline_query'] } } });
  live.start();
  notifier.start();
  const stats = library.stats();
  logger.info(
    { bot: `@${bot.botInfo.username}`, articles: stats.articles, issues: stats.issues },
    `@${bot.botInfo.username} is polling`,
  );

  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    // Leave a few seconds for work in flight, then go anyway.
    setTimeout(() => process.exit(0), 4000).unref();
    live.stop();
    await notifier.stop();
    if (handle.isRunning()) await handle.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await handle.task();
}
