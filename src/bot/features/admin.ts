/**
 * Operators' commands, for ADMIN_IDS in private chats only: /stats and /reload. Anyone else
 * falls through to the ordinary reply for an unknown command.
 */
import { Composer, type Context } from 'grammy';
import { replyOptions, type BotDeps } from '../context.ts';

export function adminFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const admins = composer.chatType('private').filter((ctx) => deps.adminIds.includes(ctx.from?.id ?? -1));

  admins.command('stats', async (ctx) => {
    const s = deps.library.stats();
    await ctx.reply(
      [
        '<b>运行状态</b>',
        `文章 ${s.articles} 篇，报纸 ${s.issues} 期`,
        `订阅用户 ${await deps.subscriptions.subscriberCount()} 个`,
        `启动以来回答问题 ${deps.counters.questions} 次`,
      ].join('\n'),
      replyOptions(ctx),
    );
  });

  admins.command('reload', async (ctx) => {
    if (!deps.reload) {
      await ctx.reply('这个实例不支持重新加载。', replyOptions(ctx));
      return;
    }
    await ctx.reply('正在重新扫描报道库……', replyOptions(ctx));
    const summary = await deps.reload();
    await ctx.reply(`重新加载完成：${summary}`, replyOptions(ctx));
  });

  return composer;
}
