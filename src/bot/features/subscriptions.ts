/**
 * /subscribe, /unsubscribe, /subscriptions, /privacy and /forget. A subscription is confirmed
 * only after it is committed to the database.
 */
import { Composer, type Context } from 'grammy';
import { removeInvisible } from '../../text/normalize.ts';
import { MAX_KEYWORD_LENGTH, MAX_KEYWORDS } from '../../storage/subscriptions.ts';
import { StorageError } from '../../storage/store.ts';
import { UNANSWERED_DAYS } from '../../storage/conversation-store.ts';
import { CONTEXT_MINUTES } from '../conversation/chat-context.ts';
import { hasArguments, searchableWords } from '../command-args.ts';
import type { BotDeps } from '../deps.ts';
import { messages } from '../messages.ts';

// Invisible characters out first: a keyword with a zero-width space inside would never match.
const keywordOf = (match: string) => removeInvisible(match).trim().replace(/\s+/g, ' ');

export function subscriptionsFeature(deps: BotDeps): Composer<Context> {
  const outer = new Composer<Context>();
  const store = deps.subscriptions;
  // The database could not take the change now (locked, unreachable): say so instead of silence.
  const composer = outer.errorBoundary(async (err) => {
    if (err.error instanceof StorageError) await err.ctx.reply(messages.storageUnavailable).catch(() => {});
    throw err.error;
  });

  // A group upgraded to a supergroup: its subscriptions follow it to the new chat id (the old
  // group is told with migrate_to_chat_id, the new supergroup with migrate_from_chat_id).
  composer.on('message:migrate_to_chat_id', (ctx) => store.moveChat(ctx.chat.id, ctx.msg.migrate_to_chat_id));
  composer.on('message:migrate_from_chat_id', (ctx) => store.moveChat(ctx.msg.migrate_from_chat_id, ctx.chat.id));

  composer.command('subscribe', async (ctx) => {
    const keyword = keywordOf(ctx.match);
    // No keyword: every new issue; a keyword must be something a headline can hold.
    if (keyword && !searchableWords(keyword)) {
      await ctx.reply(messages.usage.subscribe);
      return;
    }
    if (keyword.length > MAX_KEYWORD_LENGTH) {
      await ctx.reply(messages.keywordTooLong(MAX_KEYWORD_LENGTH));
      return;
    }
    const outcome = await store.subscribe(ctx.chat.id, keyword);
    await ctx.reply(
      outcome === 'added'
        ? messages.subscribed(keyword)
        : outcome === 'exists'
          ? messages.alreadySubscribed(keyword)
          : messages.tooManyKeywords(MAX_KEYWORDS),
    );
  });

  composer.command('unsubscribe', async (ctx) => {
    const keyword = keywordOf(ctx.match);
    if (keyword && !searchableWords(keyword)) {
      await ctx.reply(messages.usage.unsubscribe);
      return;
    }
    if (!keyword) await ctx.reply(messages.unsubscribedAll(await store.unsubscribe(ctx.chat.id)));
    else await ctx.reply(messages.unsubscribedKeyword(keyword, (await store.unsubscribe(ctx.chat.id, keyword)) > 0));
  });

  composer.command('subscriptions', async (ctx) => {
    if (hasArguments(ctx.match)) {
      await ctx.reply(messages.usage.subscriptions);
      return;
    }
    const list = await store.list(ctx.chat.id);
    await ctx.reply(list.length === 0 ? messages.noSubscriptions : messages.subscriptionList(list));
  });

  composer.command('privacy', (ctx) =>
    ctx.reply(
      hasArguments(ctx.match) ? messages.usage.privacy : messages.privacy(store.kind, CONTEXT_MINUTES, UNANSWERED_DAYS),
    ),
  );

  // Subscriptions, undelivered notifications and stored searches, wherever each is kept.
  composer.command('forget', async (ctx) => {
    // Arguments may mean something narrower (/forget 订阅): nothing is deleted on a guess.
    if (hasArguments(ctx.match)) {
      await ctx.reply(messages.usage.forget);
      return;
    }
    await deps.store.forget(ctx.chat.id);
    await store.forget(ctx.chat.id);
    await ctx.reply(messages.forgotten);
  });

  return outer;
}
