/**
 * 上一页/下一页: edits the same message to show another page of stored results.
 */
import { Composer, type Context } from 'grammy';
import { resultLinks } from '../article-links.ts';
import { pageData } from '../callback-data.ts';
import type { BotDeps } from '../deps.ts';
import { formatResultsPage, PAGE_SIZE } from '../format.ts';
import { resultsKeyboard } from '../keyboards.ts';
import { messages } from '../messages.ts';

export function pagingFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.callbackQuery(pageData.match, async (ctx) => {
    const { key, page } = pageData.unpack(ctx.callbackQuery.data)!;
    const stored = await deps.store.get(key);
    if (!stored || page * PAGE_SIZE >= stored.results.length) {
      await ctx.answerCallbackQuery({ text: messages.searchExpired });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(formatResultsPage(stored.question, stored.results, page), {
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
