/**
 * 全文: an article in full, part by part (a long one is split at paragraph boundaries).
 */
import { Composer, type Context } from 'grammy';
import { formatArticle } from '../format.ts';
import { replyOptions, type BotDeps } from '../deps.ts';
import { articleKeyboard } from '../keyboards.ts';

/** Sends part `part` of the article as a new message; false when there is no such article. */
export async function sendArticle(ctx: Context, deps: BotDeps, id: string, part = 0): Promise<boolean> {
  const article = deps.library.article(id);
  if (!article) return false;
  const parts = formatArticle(article);
  const k = Math.min(Math.max(0, part), parts.length - 1);
  const keyboard = articleKeyboard(id, k, parts.length);
  await ctx.reply(parts[k]!, { ...replyOptions(ctx), ...(keyboard ? { reply_markup: keyboard } : {}) });
  return true;
}

export function articleFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.callbackQuery(/^a:([0-9a-f]{6,32}):(\d{1,3})$/, async (ctx) => {
    const [, id, part] = ctx.match;
    const article = deps.library.article(id!);
    if (!article) {
      await ctx.answerCallbackQuery({ text: '找不到这篇文章了，报道库可能已更新。' });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendArticle(ctx, deps, id!, Number(part));
  });
  return composer;
}
