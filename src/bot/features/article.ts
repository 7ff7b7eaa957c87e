/**
 * 全文: an article in full, part by part (a long one is split at paragraph boundaries).
 */
import { Composer, type Context, InlineKeyboard } from 'grammy';
import { articlePath } from '../article-links.ts';
import { articleData } from '../callback-data.ts';
import type { BotDeps } from '../deps.ts';
import { formatArticle } from '../format.ts';
import { articleKeyboard, sourceLinks } from '../keyboards.ts';
import { messages } from '../messages.ts';

/** Sends part `part` of the article as a new message; false when there is no such article. */
export async function sendArticle(ctx: Context, deps: BotDeps, id: string, part = 0): Promise<boolean> {
  const article = deps.library.article(id);
  if (!article) return false;
  const parts = formatArticle(article);
  const k = Math.min(Math.max(0, part), parts.length - 1);
  const partButtons = articleKeyboard(id, k, parts.length);
  // With PUBLIC_URL, the article's page is a tap away too.
  const keyboard = deps.publicUrl
    ? sourceLinks(partButtons ?? new InlineKeyboard(), [`${deps.publicUrl}${articlePath(id)}`], 1)
    : partButtons;
  await ctx.reply(parts[k]!, keyboard ? { reply_markup: keyboard } : {});
  return true;
}

export function articleFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.callbackQuery(articleData.match, async (ctx) => {
    const { id, part } = articleData.unpack(ctx.callbackQuery.data)!;
    if (!deps.library.article(id)) {
      await ctx.answerCallbackQuery({ text: messages.articleGone });
      return;
    }
    // A press on a message shared inline has no chat to send to: the article opens in a private
    // chat with the bot instead (a deep link, as /start <id> reads it).
    if (!ctx.chat) {
      await ctx.answerCallbackQuery({ url: `https://t.me/${ctx.me.username}?start=${id}` });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendArticle(ctx, deps, id, part);
  });
  return composer;
}
