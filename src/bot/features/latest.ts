/**
 * /latest [N]: the newest articles with their dates, each one a button away.
 */
import { Composer, type Context } from 'grammy';
import type { BotDeps } from '../deps.ts';
import { formatLatest } from '../format.ts';
import { latestKeyboard } from '../keyboards.ts';
import { messages } from '../messages.ts';

export const DEFAULT_LATEST = 5;
export const MAX_LATEST = 20;

/** N from the command's argument (none: the default; more than MAX_LATEST: the most); undefined when it is not a count. */
export function latestCount(arg: string): number | undefined {
  const text = arg.trim();
  if (!text) return DEFAULT_LATEST;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) return undefined;
  return Math.min(Number(text), MAX_LATEST);
}

export function latestFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('latest', async (ctx) => {
    const n = latestCount(ctx.match);
    if (n === undefined) {
      await ctx.reply(messages.latestUsage(MAX_LATEST));
      return;
    }
    const articles = deps.library.latest(n);
    await ctx.reply(formatLatest(articles), { reply_markup: latestKeyboard(articles) });
  });
  return composer;
}
