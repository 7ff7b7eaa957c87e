/**
 * 更多结果 sends the results after the answer in a new message; 上一页/下一页 edit that message
 * to show another page of them.
 */
import { Composer, type Context } from 'grammy';
import { resultLinks } from '../article-links.ts';
import { moreData, pageData } from '../callback-data.ts';
import type { BotDeps } from '../deps.ts';
import { formatMorePage, PAGE_SIZE } from '../format.ts';
import { resultsKeyboard } from '../keyboards.ts';
import { messages } from '../messages.ts';

export function pagingFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.callbackQuery(moreData.match, async (ctx) => {
    const { key } = moreData.unpack(ctx.callbackQuery.data)!;
    const stored = await deps.store.get(key);
    if (!stored || stored.results.length < 2 || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: messages.searchExpired });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.reply(formatMorePage(stored.question, stored.results, 0), {
      reply_markup: resultsKeyboard(key, stored.results, 0, resultLinks(deps.publicUrl, stored.question, deps.library)),
    });
  });
  composer.callbackQuery(pageData.match, async (ctx) => {
    const { key, page } = pageData.unpack(ctx.callbackQuery.data)!;
    const stored = await deps.store.get(key);
    if (!stored || page * PAGE_SIZE >= stored.results.length - 1) {
      await ctx.answerCallbackQuery({ text: messages.searchExpired });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(formatMorePage(stored.question, stored.results, page), {
      reply_markup: resultsKeyboard(
        key,
        stored.results,
        page,
        resultLinks(deps.publicUrl, stored.question, deps.library),
      ),
    });
  });
  return composer;
}
