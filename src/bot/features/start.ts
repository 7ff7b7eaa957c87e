/**
 * /start (with a deep-link payload that opens an article) and /help.
 */
import { Composer, type Context } from 'grammy';
import { exampleQuestions } from '../conversation/examples.ts';
import type { BotDeps } from '../deps.ts';
import { examplesKeyboard } from '../keyboards.ts';
import { messages } from '../messages.ts';
import { sendArticle } from './article.ts';

export function startFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('start', async (ctx) => {
    const payload = ctx.match.trim();
    if (payload && (await sendArticle(ctx, deps, payload))) return;
    await ctx.reply(messages.welcome(deps.library.stats()), {
      reply_markup: examplesKeyboard(exampleQuestions(deps.library, 3)),
    });
  });
  composer.command('help', (ctx) => ctx.reply(messages.help));
  return composer;
}
