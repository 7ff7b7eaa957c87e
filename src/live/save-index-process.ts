/**
 * A child process's whole job: build the index of the corpus folder from its files and save it
 * (`node --import tsx save-index-process.ts CORPUS_DIR INDEX_FILE`). The bot's own index is
 * kept current in place; this writes the file the next start loads, on another core, so the bot
 * never stops to serialize its index. Warnings go to standard error, one per line, for the bot to
 * log.
 */
import { createLogger } from '../logger.ts';
import { openIndex } from '../retrieval/index-store.ts';

const [corpusDir, indexFile] = process.argv.slice(2);
if (!corpusDir || !indexFile) {
  console.error('usage: save-index-process.ts CORPUS_DIR INDEX_FILE');
  process.exit(2);
}
// Skipped files were warned about by the bot already; anything else is news.
const logger = createLogger('warn', [], {
  write(line: string) {
    const { msg } = JSON.parse(line) as { msg: string };
    if (!msg.startsWith('skipped ')) process.stderr.write(`${msg}\n`);
  },
});
try {
  openIndex({ corpusDir, indexFile, rebuild: true, logger });
} catch (err) {
  console.error(`could not build the index: ${(err as Error).message}`);
  process.exit(1);
}
