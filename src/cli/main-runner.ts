/**
 * What `npm start` does: load the settings and the archive, then either poll Telegram or chat in
 * the terminal. The token is never logged.
 */
import { COMMANDS, createBot } from '../bot/create-bot.ts';
import { loadConfig } from '../config.ts';
import { openIndex } from '../retrieval/index-store.ts';
import { NewsLibrary } from '../retrieval/news-library.ts';
import { runChat } from './chat.ts';
import { runCli } from './run-cli.ts';

const log = (line: string) => console.error(`[${new Date().toISOString()}] ${line}`);

export function run(): void {
  runCli(async () => {
    const config = loadConfig();
    const opened = openIndex({
      corpusDir: config.corpusDir,
      indexFile: config.indexFile,
      log: process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
      warn: (line) => log(`warning: ${line}`),
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const library = NewsLibrary.fromOpened(opened);

    if (!config.botToken) {
      await runChat({ library, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
      return;
    }

    const bot = createBot({ token: config.botToken, library, apiRoot: config.telegramApiRoot, log });
    const stop = () => {
      log('stopping');
      // Leave a few seconds for the last getUpdates to return, then go anyway.
      setTimeout(() => process.exit(0), 4000).unref();
      void bot.stop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);

    await bot.init();
    try {
      await bot.api.setMyCommands(COMMANDS.zh);
      await bot.api.setMyCommands(COMMANDS.en, { language_code: 'en' });
    } catch (err) {
      log(`could not set the command menu: ${(err as Error).message}`);
    }
    const stats = library.stats();
    await bot.start({
      allowed_updates: ['message', 'callback_query', 'inline_query'],
      onStart: (me) => log(`@${me.username} is polling: ${stats.articles} articles from ${stats.issues} issues`),
    });
  });
}
