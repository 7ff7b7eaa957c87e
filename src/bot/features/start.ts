/**
 * /start (with a deep-link payload that opens an article) and /help.
 */
import { Composer, type Context } from 'grammy';
import { formatHelp, formatWelcome } from '../format.ts';
import { replyOptions, type BotDeps } from '../deps.ts';
import { examplesKeyboard } from '../keyboards.ts';
import { sendArticle } from './article.ts';

export function startFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('start', async (ctx) => {
    const payload = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    if (payload && (await sendArticle(ctx, deps, payload))) return;
    await ctx.reply(formatWelcome(deps.library.stats()), {
      ...replyOptions(ctx),
      reply_markup: examplesKeyboard(deps.library.exampleQuestions()),
    });
  });
  composer.command('help', (ctx) => ctx.reply(formatHelp(), replyOptions(ctx)));
  return composer;
}
