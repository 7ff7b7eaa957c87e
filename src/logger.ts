/**
 * Structured logs (pino) to standard error, level from LOG_LEVEL. Secrets given to the logger are
 * masked in every line, whatever path they come by (an error message, a URL).
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(
  level: string,
  secrets: (string | undefined)[] = [],
  destination: pino.DestinationStream = pino.destination({ fd: 2, sync: true }),
): Logger {
  const hidden = secrets.filter((s): s is string => Boolean(s && s.length >= 8));
  const mask = (text: string) => hidden.reduce((t, s) => t.split(s).join('[redacted]'), text);
  // Masked on the finished line, so a secret is caught in the message, any field, a binding or
  // an error's stack alike (a bot token has no character that JSON escapes).
  const masked = hidden.length > 0 ? { write: (line: string) => destination.write(mask(line)) } : destination;
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['token', 'botToken', '*.token', '*.botToken'], censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    masked,
  );
}

/**
 * A logger for the command-line tools: one readable line per message on standard error
 * (`warning: skipped a.txt: …`) instead of JSON.
 */
export function createCliLogger(level = 'warn', stream: { write(s: string): unknown } = process.stderr): Logger {
  return createLogger(level, [], {
    write(line: string) {
      const { level: label, msg } = JSON.parse(line) as { level: string; msg: string };
      stream.write(`${label === 'warn' ? 'warning' : label}: ${msg}\n`);
    },
  });
}

/** A logger that writes nothing (tests, the terminal chat). */
export const silentLogger: Logger = pino({ level: 'silent' });
