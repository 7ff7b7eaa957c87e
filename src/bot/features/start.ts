/**
 * /start (with a deep-link payload that opens an article) and /help.
 */
import { Composer, type Context } from 'grammy';
import { exampleQuestions } from '../conversation/examples.ts';
import { hasArguments } from '../command-args.ts';
import type { BotDeps } from '../deps.ts';
import { examplesKeyboard } from '../keyboards.ts';
import { messages } from '../messages.ts';
import { sendArticle } from './article.ts';

export function startFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('start', async (ctx) => {
    const payload = ctx.match.trim();
    if (payload && (await sendArticle(ctx, deps, payload))) return;
    // A link to an article no longer held (or garbled) says so above the greeting.
    const welcome = messages.welcome(deps.library.stats());
    await ctx.reply(payload ? `${messages.deepLinkGone}\n\n${welcome}` : welcome, {
      reply_markup: examplesKeyboard(exampleQuestions(deps.library, 3)),
    });
  });
  composer.command('help', (ctx) =>
    ctx.reply(hasArguments(ctx.match) ? `${messages.usage.help}\n\n${messages.help}` : messages.help),
  );
  return composer;
}
