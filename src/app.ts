/**
 * What `npm start` does: load the settings and the archive, then either run the bot (see
 * server/bot-service.ts) or chat in the terminal. The token and the webhook secret are never logged.
 */
import { runChat } from './cli/chat.ts';
import { runCli } from './cli/run-cli.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { openIndex, NewsLibrary } from './retrieval/index.ts';
import { runTelegramBot } from './server/bot-service.ts';
import { jieba } from './text/jieba.ts';
import { takeCacheNotices } from './text/jieba.ts';

export function run(): void {
  runCli(async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel, [
      config.botToken,
      config.webhookSecret,
      config.databaseUrl && new URL(config.databaseUrl).password,
    ]);
    const tty = process.stderr.isTTY;
    const opened = openIndex({
      corpusDir: config.corpusDir,
      indexFile: config.indexFile,
      onProgress: tty ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
      logger: logger.child({ module: 'corpus' }),
    });
    if (tty) process.stderr.write('\r\x1b[K');
    const binding = jieba.binding();
    if (binding.problem)
      logger.warn(`jieba loads through nodejieba's own binding, slower and with more memory: ${binding.problem}`);
    for (const line of takeCacheNotices()) logger.warn(line);
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
