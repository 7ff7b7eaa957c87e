/**
 * Questions: any text in a private chat, /search in any chat, and the example buttons.
 * Results go on the server (QueryStore); the reply shows the first page with its buttons.
 */
import { Composer, type Context } from 'grammy';
import { formatNoMatch, formatResultsPage, formatSearchUsage } from '../format.ts';
import { escapeHtml } from '../html.ts';
import { replyOptions, type BotDeps } from '../context.ts';
import { resultsKeyboard } from '../keyboards.ts';

/** Longer questions get a notice instead of a search. */
export const MAX_QUESTION = 300;
/** Results kept for paging. */
const RESULTS_KEPT = 15;

/** Searches and replies with the first page of results, or says that nothing matches. */
export async function answerQuestion(ctx: Context, deps: BotDeps, question: string): Promise<void> {
  const q = question.trim();
  if (q.length > MAX_QUESTION) {
    await ctx.reply(`问题太长了（${q.length} 字）。请把问题精简到 ${MAX_QUESTION} 字以内再发给我。`, replyOptions(ctx));
    return;
  }
  deps.counters.questions++;
  const results = deps.library.search(q, RESULTS_KEPT);
  if (results.length === 0) {
    await ctx.reply(formatNoMatch(q), replyOptions(ctx));
    return;
  }
  const key = await deps.store.put(q, results);
  await ctx.reply(formatResultsPage(q, results, 0), {
    ...replyOptions(ctx),
    reply_markup: resultsKeyboard(key, results, 0),
  });
}

export function searchFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('search', async (ctx) => {
    const words = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    if (!words) {
      await ctx.reply(formatSearchUsage(deps.library.exampleQuestions(1)[0] ?? '老旧小区改造'), replyOptions(ctx));
      return;
    }
    await answerQuestion(ctx, deps, words);
  });

  composer.callbackQuery(/^q:(\d+)$/, async (ctx) => {
    const question = deps.library.exampleQuestions()[Number(ctx.match[1])];
    if (!question) {
      await ctx.answerCallbackQuery({ text: '这个示例已经失效了，请直接输入问题。' });
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
      (ctx) => ctx.reply('我只能读懂文字问题。请用文字描述你想了解的内容，例如「老旧小区改造」。', replyOptions(ctx)),
    );

  // In a private chat any text is a question; in groups only commands are (privacy mode).
  composer.chatType('private').on('message:text', async (ctx) => {
    if (ctx.msg.text.startsWith('/')) {
      const command = escapeHtml(ctx.msg.text.split(/\s/)[0]!.slice(0, 40));
      await ctx.reply(`不认识的命令 ${command}。发送 /help 查看可用的命令，或直接输入问题。`, replyOptions(ctx));
      return;
    }
    await answerQuestion(ctx, deps, ctx.msg.text);
  });

  return composer;
}
