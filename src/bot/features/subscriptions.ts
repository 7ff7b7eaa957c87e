/**
 * /subscribe, /unsubscribe, /subscriptions, /privacy and /forget. A subscription is confirmed
 * only after it is committed to the database.
 */
import { Composer, type Context } from 'grammy';
import { MAX_KEYWORD_LENGTH, MAX_KEYWORDS } from '../../subscriptions/subscription-store.ts';
import type { BotDeps } from '../deps.ts';
import { messages } from '../messages.ts';

const keywordOf = (match: string) => match.trim().replace(/\s+/g, ' ');

export function subscriptionsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const store = deps.subscriptions;

  composer.command('subscribe', async (ctx) => {
    const keyword = keywordOf(ctx.match);
    if (keyword.length > MAX_KEYWORD_LENGTH) {
      await ctx.reply(messages.keywordTooLong(MAX_KEYWORD_LENGTH));
      return;
    }
    const outcome = store.subscribe(ctx.chat.id, keyword);
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
    if (!keyword) await ctx.reply(messages.unsubscribedAll(store.unsubscribe(ctx.chat.id)));
    else await ctx.reply(messages.unsubscribedKeyword(keyword, store.unsubscribe(ctx.chat.id, keyword) > 0));
  });

  composer.command('subscriptions', async (ctx) => {
    const list = store.list(ctx.chat.id);
    await ctx.reply(list.length === 0 ? messages.noSubscriptions : messages.subscriptionList(list));
  });

  composer.command('privacy', (ctx) => ctx.reply(messages.privacy));

  composer.command('forget', async (ctx) => {
    store.forget(ctx.chat.id);
    await ctx.reply(messages.forgotten);
  });

  return composer;
}
