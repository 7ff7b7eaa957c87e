/**
 * Operators' commands, for ADMIN_IDS in private chats only: /stats and /reload. Anyone else
 * falls through to the ordinary reply for an unknown command.
 */
import { Composer, type Context } from 'grammy';
import { UNANSWERED_DAYS, UNANSWERED_MS } from '../../storage/conversation-store.ts';
import { hasArguments } from '../command-args.ts';
import type { BotDeps } from '../deps.ts';
import { messages } from '../messages.ts';

export function adminFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const admins = composer.chatType('private').filter((ctx) => deps.adminIds.includes(ctx.from?.id ?? -1));

  admins.command('stats', async (ctx) => {
    if (hasArguments(ctx.match)) {
      await ctx.reply(messages.usage.stats);
      return;
    }
    // Unanswered questions older than the window are forgotten first (they are kept 30 days).
    await deps.subscriptions.pruneConversations(deps.now() - UNANSWERED_MS).catch(() => 0);
    const unanswered = await deps.subscriptions.topUnanswered(10, UNANSWERED_MS, deps.now()).catch(() => []);
    await ctx.reply(
      messages.stats(
        deps.library.stats(),
        await deps.subscriptions.subscriberCount(),
        deps.counters.questions,
        unanswered,
        UNANSWERED_DAYS,
      ),
    );
  });

  admins.command('reload', async (ctx) => {
    if (hasArguments(ctx.match)) {
      await ctx.reply(messages.usage.reload);
      return;
    }
    if (!deps.reload) {
      await ctx.reply(messages.reloadUnsupported);
      return;
    }
    await ctx.reply(messages.reloading);
    await deps.reload();
    await ctx.reply(messages.reloaded(deps.library.stats()));
  });

  return composer;
}
