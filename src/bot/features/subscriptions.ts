/**
 * /subscribe, /unsubscribe, /subscriptions, /privacy and /forget. A subscription is confirmed
 * only after it is committed to the database.
 */
import { Composer, type Context } from 'grammy';
import { escapeHtml } from '../html.ts';
import { replyOptions, type BotDeps } from '../context.ts';
import { ALL_ISSUES, MAX_KEYWORD_LENGTH, MAX_KEYWORDS, StorageError } from '../../subscriptions/subscription-store.ts';

const keywordOf = (ctx: Context) => (typeof ctx.match === 'string' ? ctx.match.trim().replace(/\s+/g, ' ') : '');

export function subscriptionsFeature(deps: BotDeps): Composer<Context> {
  const outer = new Composer<Context>();
  const store = deps.subscriptions;
  // The database could not take the change now (locked, unreachable): say so instead of silence.
  const composer = outer.errorBoundary(async (err) => {
    if (err.error instanceof StorageError)
      await err.ctx.reply('暂时无法保存，请稍后再试。', replyOptions(err.ctx)).catch(() => {});
    throw err.error;
  });

  // A group upgraded to a supergroup: its subscriptions follow it to the new chat id (the old
  // group is told with migrate_to_chat_id, the new supergroup with migrate_from_chat_id).
  composer.on('message:migrate_to_chat_id', (ctx) => store.moveChat(ctx.chat.id, ctx.msg.migrate_to_chat_id));
  composer.on('message:migrate_from_chat_id', (ctx) => store.moveChat(ctx.msg.migrate_from_chat_id, ctx.chat.id));

  composer.command('subscribe', async (ctx) => {
    const chatId = ctx.chat!.id;
    const keyword = keywordOf(ctx);
    if (keyword.length > MAX_KEYWORD_LENGTH) {
      await ctx.reply(`关键词太长了，请控制在 ${MAX_KEYWORD_LENGTH} 字以内。`, replyOptions(ctx));
      return;
    }
    const outcome = await store.subscribe(chatId, keyword);
    const what = keyword ? `关键词「${escapeHtml(keyword)}」` : '每期新报纸';
    const text =
      outcome === 'added'
        ? `✅ 已订阅${what}。${keyword ? '有相关新报道时会通知你。' : '新一期收录后会发给你标题摘要。'}`
        : outcome === 'exists'
          ? `你已经订阅了${what}。`
          : `最多可以关注 ${MAX_KEYWORDS} 个关键词，请先用 /unsubscribe 关键词 退订一些。`;
    await ctx.reply(text, replyOptions(ctx));
  });

  composer.command('unsubscribe', async (ctx) => {
    const chatId = ctx.chat!.id;
    const keyword = keywordOf(ctx);
    if (!keyword) {
      const n = await store.unsubscribe(chatId);
      await ctx.reply(n > 0 ? `已退订全部 ${n} 项订阅。` : '你目前没有任何订阅。', replyOptions(ctx));
      return;
    }
    const n = await store.unsubscribe(chatId, keyword);
    await ctx.reply(
      n > 0 ? `已退订关键词「${escapeHtml(keyword)}」。` : `你没有订阅关键词「${escapeHtml(keyword)}」。`,
      replyOptions(ctx),
    );
  });

  composer.command('subscriptions', async (ctx) => {
    const list = await store.list(ctx.chat!.id);
    if (list.length === 0) {
      await ctx.reply(
        '你目前没有订阅。\n/subscribe — 每期新报纸的标题摘要\n/subscribe 关键词 — 有相关新报道时提醒',
        replyOptions(ctx),
      );
      return;
    }
    const lines = list.map((k) => (k === ALL_ISSUES ? '• 每期新报纸' : `• 关键词「${escapeHtml(k)}」`));
    await ctx.reply(`你的订阅：\n${lines.join('\n')}`, replyOptions(ctx));
  });

  composer.command('privacy', (ctx) =>
    ctx.reply(
      [
        '<b>隐私说明</b>',
        '我只保存你的订阅：聊天编号和你关注的关键词，用来发送新报道通知。',
        '你的提问不会被保存（翻页用的搜索结果在服务器上保留一天）。',
        '发送 /forget 即可删除关于你的全部数据。',
      ].join('\n'),
      replyOptions(ctx),
    ),
  );

  composer.command('forget', async (ctx) => {
    await store.forget(ctx.chat!.id);
    await ctx.reply('已删除关于你的全部数据（订阅和待发送的通知）。', replyOptions(ctx));
  });

  return outer;
}
