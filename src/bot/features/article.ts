/**
 * 全文: an article in full, part by part (a long one is split at paragraph boundaries). Opened
 * from an answer or 更多结果, it carries the results' key: 「◀ 返回结果」 turns the message back
 * into the answer.
 */
import { Composer, type Context, InlineKeyboard } from 'grammy';
import { articlePath, resultLinks } from '../article-links.ts';
import { articleData, backData, fullData } from '../callback-data.ts';
import type { BotDeps } from '../deps.ts';
import { formatAnswer, formatArticle } from '../format.ts';
import { answerKeyboard, articleKeyboard, sourceLinks } from '../keyboards.ts';
import { messages } from '../messages.ts';

/**
 * Sends part `part` of the article as a new message; false when there is no such article (or,
 * with `exact`, no such part).
 */
export async function sendArticle(
  ctx: Context,
  deps: BotDeps,
  id: string,
  part = 0,
  key?: string,
  exact = false,
): Promise<boolean> {
  const article = deps.library.article(id);
  if (!article) return false;
  const parts = formatArticle(article);
  if (exact && (part < 0 || part >= parts.length)) return false;
  const k = Math.min(Math.max(0, part), parts.length - 1);
  const partButtons = articleKeyboard(id, k, parts.length, key);
  // With PUBLIC_URL, the article's page is a tap away too.
  const keyboard = deps.publicUrl
    ? sourceLinks(partButtons ?? new InlineKeyboard(), [`${deps.publicUrl}${articlePath(id)}`], 1)
    : partButtons;
  await ctx.reply(parts[k]!, keyboard ? { reply_markup: keyboard } : {});
  return true;
}

export function articleFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const open = async (ctx: Context, id: string, part: number, key?: string) => {
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
    await sendArticle(ctx, deps, id, part, key);
  };
  composer.callbackQuery(articleData.match, async (ctx) => {
    const { id, part } = articleData.unpack(ctx.callbackQuery.data)!;
    await open(ctx, id, part);
  });
  composer.callbackQuery(fullData.match, async (ctx) => {
    const { id, part, key } = fullData.unpack(ctx.callbackQuery.data)!;
    await open(ctx, id, part, key);
  });
  // ◀ 返回结果: the article's message becomes the answer again, with its buttons.
  composer.callbackQuery(backData.match, async (ctx) => {
    const { key } = backData.unpack(ctx.callbackQuery.data)!;
    const stored = await deps.store.get(key);
    if (!stored || stored.results.length === 0) {
      await ctx.answerCallbackQuery({ text: messages.searchExpired });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(formatAnswer(stored.results[0]!), {
      reply_markup: answerKeyboard(key, stored.results, 0, resultLinks(deps.publicUrl, stored.question, deps.library)),
    });
  });
  return composer;
}
