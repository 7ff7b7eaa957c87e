/**
 * Calls that never reached Telegram (connection refused or dropped, a timeout, an answer that is
 * not the Bot API's JSON, such as a proxy's HTML page) are retried with a growing pause, and each
 * failure is logged with what went wrong, never with the token. getMe and getUpdates retry until
 * the API is back (the bot cannot work without them); any other call gives up after a few
 * attempts and its handler's error is logged. Telegram's own answers (429, 5xx) are auto-retry's.
 */
import { HttpError, type Transformer } from 'grammy';
import type { Logger } from '../logger.ts';

export interface NetworkRetryOptions {
  logger: Logger;
  /** The API root the bot talks to, for the log (it holds no token). */
  apiRoot: string;
  /** Attempts of an ordinary call before it fails. */
  attempts?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/** Calls the bot cannot do without: retried until they succeed or are aborted. */
const ESSENTIAL = new Set(['getMe', 'getUpdates']);

/** The failure in a few words, with any `/bot<token>/` of a URL taken out. */
export function describeNetworkError(err: HttpError): string {
  const cause = err.error instanceof Error ? err.error.message : String(err.error);
  const reason = /invalid json|unexpected token|not valid json/i.test(cause)
    ? 'the answer was not the Bot API (not JSON; an HTML page?)'
    : cause;
  return reason.replace(/\/bot[^/\s]*\//g, '/bot<token>/');
}

type Signal = Parameters<Transformer>[3];

function pause(ms: number, signal: Signal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function retryNetworkErrors({
  logger,
  apiRoot,
  attempts = 3,
  firstDelayMs = 1000,
  maxDelayMs = 60_000,
}: NetworkRetryOptions): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 1, delay = firstDelayMs; ; attempt++, delay = Math.min(maxDelayMs, delay * 2)) {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError) || signal?.aborted) throw err;
        const giveUp = !ESSENTIAL.has(method) && attempt >= attempts;
        logger.warn(
          { method, attempt, apiRoot, reason: describeNetworkError(err), ...(giveUp ? {} : { retryInMs: delay }) },
          giveUp
            ? 'cannot reach the Telegram Bot API; giving up this call'
            : 'cannot reach the Telegram Bot API; retrying',
        );
        if (giveUp) throw err;
        try {
          await pause(delay, signal);
        } catch {
          throw err;
        }
      }
    }
  };
}
