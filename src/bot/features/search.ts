/**
 * Questions: any text in a private chat, /search in any chat, and the example buttons.
 * Results go on the server (QueryStore); the reply shows the first page with its buttons.
 */
import { Composer, type Context } from 'grammy';
import { exampleData } from '../callback-data.ts';
import type { BotDeps } from '../deps.ts';
import { formatResultsPage } from '../format.ts';
import { resultsKeyboard } from '../keyboards.ts';
import { messages } from '../messages.ts';

/** Longer questions get a notice instead of a search. */
export const MAX_QUESTION = 300;
/** Results kept for paging. */
const RESULTS_KEPT = 15;

/** Searches and replies with the first page of results, or says that nothing matches. */
export async function answerQuestion(ctx: Context, deps: BotDeps, question: string): Promise<void> {
  const q = question.trim();
  if (q.length > MAX_QUESTION) {
    await ctx.reply(messages.questionTooLong(q.length, MAX_QUESTION));
    return;
  }
  deps.counters.questions++;
  const results = deps.library.search(q, RESULTS_KEPT);
  if (results.length === 0) {
    await ctx.reply(messages.noMatch(q));
    return;
  }
  const key = await deps.store.put(q, results, ctx.chat?.id);
  await ctx.reply(formatResultsPage(q, results, 0), { reply_markup: resultsKeyboard(key, results, 0) });
}

export function searchFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('search', async (ctx) => {
    const words = ctx.match.trim();
    if (!words) {
      await ctx.reply(messages.searchUsage(deps.library.exampleQuestions(1)[0] ?? '老旧小区改造'));
      return;
    }
    await answerQuestion(ctx, deps, words);
  });

  composer.callbackQuery(exampleData.match, async (ctx) => {
    const { n } = exampleData.unpack(ctx.callbackQuery.data)!;
    const question = deps.library.exampleQuestions()[n];
    if (!question || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: messages.exampleGone });
      return;
    }
    await ctx.answerCallbackQuery();
    await answerQuestion(ctx, deps, question);
  });

  // Stickers, photos, voice and the like in a private chat get a word on what the bot reads.
  composer
    .chatType('private')
    .on('message')
    .filter(
      (ctx) => ctx.msg.text === undefined,
      (ctx) => ctx.reply(messages.textOnly),
    );

  // In a private chat any text is a question; in groups only commands are (privacy mode).
  composer.chatType('private').on('message:text', async (ctx) => {
    if (ctx.msg.text.startsWith('/')) {
      await ctx.reply(messages.unknownCommand(ctx.msg.text.split(/\s/)[0]!));
      return;
    }
    await answerQuestion(ctx, deps, ctx.msg.text);
  });

  return composer;
}
