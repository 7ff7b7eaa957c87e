/**
 * Runs a command-line entry point: a known error (bad setting, missing corpus) prints one clear
 * line and exits 1; anything else is a bug and keeps its stack trace.
 */
import { ConfigError } from '../config.ts';
import { CorpusError } from '../corpus/load-corpus.ts';
import { StorageError } from '../subscriptions/subscription-store.ts';

export function runCli(main: () => void | Promise<void>): void {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  Promise.resolve()
    .then(main)
    .catch((err: unknown) => {
      if (err instanceof ConfigError || err instanceof CorpusError || err instanceof StorageError) {
        console.error(`error: ${err.message}`);
      } else {
        console.error(err);
      }
      process.exitCode = 1;
    });
}
