/**
 * What happens when a handler fails: one log line, by kind, and the bot goes on with the next
 * update. Faults the bot expects — Telegram refusing a call (a 403 from a user who blocked the
 * bot, a 400 "message is not modified" from a second press of the same button), Telegram out of
 * reach, the database busy or unreachable — are one line without a stack; anything else is a bug,
 * logged with its stack. Used by polling (bot.catch) and by the webhook alike, so an update's
 * failure is logged the same way whichever delivered it.
 */
import { type ErrorHandler, GrammyError, HttpError } from 'grammy';
import type { Logger } from '../logger.ts';
import { StorageError } from '../storage/store.ts';

export type HandlerErrorKind = 'telegram' | 'network' | 'storage' | 'handler';

/** Editing a message to the text it has: harmless (a button pressed twice), so said quietly. */
const NOT_MODIFIED = /message is not modified/i;

export function handlerErrorKind(e: unknown): HandlerErrorKind {
  return e instanceof GrammyError
    ? 'telegram'
    : e instanceof HttpError
      ? 'network'
      : e instanceof StorageError
        ? 'storage'
        : 'handler';
}

/** `onError` is told each error's kind (metrics). */
export function logHandlerErrors(logger: Logger, onError?: (kind: HandlerErrorKind) => void): ErrorHandler {
  return (err) => {
    const e = err.error;
    const update = err.ctx.update.update_id;
    const kind = handlerErrorKind(e);
    onError?.(kind);
    if (e instanceof GrammyError) {
      const fields = { update, method: e.method, code: e.error_code, description: e.description };
      if (NOT_MODIFIED.test(e.description)) logger.info(fields, 'message already shows this; nothing to change');
      else logger.warn(fields, 'Telegram refused a call');
    } else if (e instanceof HttpError) logger.warn({ update, err: e.message }, 'network error talking to Telegram');
    else if (e instanceof StorageError)
      logger.warn({ update, kind: e.kind, err: e.message }, 'the database could not serve this update');
    else logger.error({ update, err: e instanceof Error ? e.stack : String(e) }, 'handler failed');
  };
}
