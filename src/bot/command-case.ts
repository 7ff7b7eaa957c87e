/**
 * Commands in any case: /Latest and /LATEST are /latest (phones capitalise the first letter of a
 * message). grammY matches commands exactly, so the command word of a message is lower-cased
 * before the features see it; its arguments are left as they are.
 */
import type { Context, MiddlewareFn } from 'grammy';

export const commandsInAnyCase: MiddlewareFn<Context> = (ctx, next) => {
  const msg = ctx.message ?? ctx.channelPost;
  const command = msg?.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (msg?.text && command) {
    const word = msg.text.slice(0, command.length);
    if (word !== word.toLowerCase()) msg.text = word.toLowerCase() + msg.text.slice(command.length);
  }
  return next();
};
