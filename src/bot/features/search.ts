/**
 * Questions: any text in a private chat, /search in any chat, and the example buttons; each goes
 * through the conversation (conversation.ts). Results go on the server (QueryStore).
 */
import { Composer, type Context } from 'grammy';
import { exampleData } from '../callback-data.ts';
import { exampleQuestions } from '../conversation/examples.ts';
import { searchableWords } from '../command-args.ts';
import type { BotDeps } from '../deps.ts';
import { messages } from '../messages.ts';
import { answerMessage, answerQuestion } from './conversation.ts';

export { answerQuestion, MAX_QUESTION, RESULTS_KEPT } from './conversation.ts';

export function searchFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('search', async (ctx) => {
    const words = ctx.match.trim();
    if (!searchableWords(words)) {
      await ctx.reply(messages.searchUsage(exampleQuestions(deps.library, 1)[0] ?? '老旧小区改造'));
      return;
    }
    await answerMessage(ctx, deps, words);
  });

  composer.callbackQuery(exampleData.match, async (ctx) => {
    const { n } = exampleData.unpack(ctx.callbackQuery.data)!;
    const question = exampleQuestions(deps.library, 3)[n];
    if (!question || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: messages.exampleGone });
      return;
    }
    await ctx.answerCallbackQuery();
    await answerQuestion(ctx, deps, question);
  });

  // A sticker is small talk, as an emoji is: a friendly word and example questions.
  composer.chatType('private').on('message:sticker', (ctx) => answerMessage(ctx, deps, ctx.msg.sticker.emoji ?? '👍'));
  // Photos, voice and the like in a private chat get a word on what the bot reads.
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
    await answerMessage(ctx, deps, ctx.msg.text);
  });

  return composer;
}
