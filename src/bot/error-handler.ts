/**
 * What happens when a handler fails: one log line, by kind (Telegram refused a call, Telegram
 * could not be reached, or a bug with its stack), and the bot goes on with the next update.
 */
import { type ErrorHandler, GrammyError, HttpError } from 'grammy';
import type { Logger } from '../logger.ts';

export type HandlerErrorKind = 'telegram' | 'network' | 'handler';

/** `onError` is told each error's kind (metrics). */
export function logHandlerErrors(logger: Logger, onError?: (kind: HandlerErrorKind) => void): ErrorHandler {
  return (err) => {
    const e = err.error;
    const update = err.ctx.update.update_id;
    onError?.(e instanceof GrammyError ? 'telegram' : e instanceof HttpError ? 'network' : 'handler');
    if (e instanceof GrammyError)
      logger.warn(
        { update, method: e.method, code: e.error_code, description: e.description },
        'Telegram refused a call',
      );
    else if (e instanceof HttpError) logger.warn({ update, err: e.message }, 'network error talking to Telegram');
    else logger.error({ update, err: e instanceof Error ? e.stack : String(e) }, 'handler failed');
  };
}
