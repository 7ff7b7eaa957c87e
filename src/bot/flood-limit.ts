/**
 * Per-user flood limit (@grammyjs/ratelimiter): over the limit, one polite notice per window;
 * later messages go unanswered, but every button press is still answered so its spinner stops.
 * With shared counters, the limiter's Redis-style client (incr, pexpire) is backed by the database,
 * so N instances do not give a user N times the limit.
 *
 * The counter is the sender's — except for a message sent on behalf of a chat (`sender_chat`: an
 * anonymous group admin, a channel posting or forwarding into its discussion group), where Telegram
 * gives every such sender one shared user id (GroupAnonymousBot, or 777000): those count against
 * the chat they speak for, so the anonymous admins of one group never throttle another's.
 */
import { limit } from '@grammyjs/ratelimiter';
import type { Context } from 'grammy';
import { messages } from './messages.ts';

export interface FloodLimit {
  /** Updates one user may send per window. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_FLOOD: FloodLimit = { limit: 10, windowMs: 10_000 };

/** Whose counter an update adds to: `chat:<id>` for messages sent as a chat, else the user's id. */
export function floodKey(ctx: Context): string | undefined {
  const senderChat = ctx.msg?.sender_chat;
  if (senderChat) return `chat:${ctx.chat?.id ?? senderChat.id}`;
  if (ctx.chat?.type === 'channel') return `chat:${ctx.chat.id}`;
  return ctx.from?.id.toString();
}

export function floodLimit(
  { limit: max, windowMs }: FloodLimit,
  counters?: (key: string, windowMs: number) => Promise<number>,
) {
  const warned = new Map<string, number>();
  const storageClient = counters
    ? ({ incr: (key: string) => counters(key, windowMs), pexpire: async () => 1 } as never)
    : 'MEMORY_STORE';
  return limit<Context, never>({
    timeFrame: windowMs,
    limit: max,
    storageClient,
    // Called for every update over the limit, not only the first, so presses can be answered.
    alwaysReply: true,
    keyGenerator: floodKey,
    onLimitExceeded: async (ctx) => {
      const id = floodKey(ctx);
      if (id === undefined) return;
      const now = Date.now();
      if ((warned.get(id) ?? 0) > now - windowMs) {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
        return;
      }
      warned.set(id, now);
      for (const [user, at] of warned) if (at <= now - windowMs) warned.delete(user);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: messages.pressTooFast });
      else if (ctx.chat) await ctx.reply(messages.sendingTooFast);
    },
  });
}
