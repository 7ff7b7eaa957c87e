/** A real pino logger whose lines are kept for the test to read. */
import { createLogger, type Logger } from '../../src/logger.ts';

export interface LogRecord {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export function captureLogs(level = 'info', secrets: string[] = []) {
  const lines: string[] = [];
  const logger: Logger = createLogger(level, secrets, { write: (s: string) => void lines.push(s) });
  const records = () => lines.map((l) => JSON.parse(l) as LogRecord);
  /** The messages logged at `level`. */
  const messages = (at: string) =>
    records()
      .filter((r) => r.level === at)
      .map((r) => r.msg);
  return { logger, lines, records, messages };
}
