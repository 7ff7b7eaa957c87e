/**
 * 上一页/下一页: edits the same message to show another page of stored results.
 */
import { Composer, type Context } from 'grammy';
import { formatResultsPage, PAGE_SIZE } from '../format.ts';
import type { BotDeps } from '../context.ts';
import { resultsKeyboard } from '../keyboards.ts';

export function pagingFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.callbackQuery(/^p:([\w-]{1,16}):(\d{1,3})$/, async (ctx) => {
    const [, key, pageText] = ctx.match;
    const stored = await deps.store.get(key!);
    const page = Number(pageText);
    if (!stored || page * PAGE_SIZE >= stored.results.length) {
      await ctx.answerCallbackQuery({ text: '这次搜索已过期，请重新提问。' });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(formatResultsPage(stored.question, stored.results, page), {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_markup: resultsKeyboard(key!, stored.results, page),
    });
  });
  return composer;
}
