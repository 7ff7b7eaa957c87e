/**
 * Runs a command-line entry point: a known error (bad setting, missing corpus) prints one clear
 * line and exits 1; anything else is a bug and keeps its stack trace.
 */
import { ConfigError } from '../config.ts';
import { CorpusError } from '../corpus/load-corpus.ts';
import { StorageError } from '../storage/store.ts';

/** A command-line argument that is wrong; the message says which and how. */
export class CliError extends Error {}

export function runCli(main: () => void | Promise<void>): void {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  Promise.resolve()
    .then(main)
    .catch((err: unknown) => {
      const known =
        err instanceof ConfigError ||
        err instanceof CorpusError ||
        err instanceof StorageError ||
        err instanceof CliError;
      // parseArgs' own errors (an unknown option, a missing value) carry this code.
      const badArgument = err instanceof Error && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      if (err instanceof Error && (known || badArgument)) {
        console.error(`error: ${err.message}`);
      } else {
        console.error(err);
      }
      process.exitCode = 1;
    });
}
