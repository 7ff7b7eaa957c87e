/**
 * /latest [N]: the newest articles with their dates, each one a button away.
 */
import { Composer, type Context } from 'grammy';
import type { BotDeps } from '../deps.ts';
import { formatLatest } from '../format.ts';
import { latestKeyboard } from '../keyboards.ts';

export const DEFAULT_LATEST = 5;
export const MAX_LATEST = 20;

/** N from the command's argument, within 1..MAX_LATEST. */
export function latestCount(arg: string): number {
  const n = Number.parseInt(arg.trim(), 10);
  if (!Number.isFinite(n) || n < 1) return DEFAULT_LATEST;
  return Math.min(n, MAX_LATEST);
}

export function latestFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('latest', async (ctx) => {
    const articles = deps.library.latest(latestCount(ctx.match));
    await ctx.reply(formatLatest(articles), { reply_markup: latestKeyboard(articles) });
  });
  return composer;
}
