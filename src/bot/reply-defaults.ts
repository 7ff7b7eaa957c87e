/**
 * Reply defaults, set once for every call rather than at each call site (the way
 * @grammyjs/parse-mode does it, with API transformers): messages are Telegram HTML without link
 * previews, inline results too; and in a group, a reply quotes the message that asked, so a
 * question and its answer stay together. A call may still override any of these.
 */
import type { Context, MiddlewareFn, Transformer } from 'grammy';

const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

type Payload = Record<string, unknown>;

function withHtml(payload: Payload): Payload {
  return { ...HTML, ...payload };
}

/** For every call of the bot: HTML and no previews in messages, edits and inline results. */
export const htmlDefaults: Transformer = (prev, method, payload, signal) => {
  const p = payload as Payload;
  if (method === 'sendMessage' || method === 'editMessageText')
    return prev(method, withHtml(p) as typeof payload, signal);
  if (method === 'answerInlineQuery') {
    const results = (p.results as Payload[]).map((r) =>
      r.input_message_content ? { ...r, input_message_content: withHtml(r.input_message_content as Payload) } : r,
    );
    return prev(method, { ...p, results } as unknown as typeof payload, signal);
  }
  return prev(method, payload, signal);
};

/** In groups, a message the bot sends to the asking chat quotes the message that asked. */
export const quoteInGroups: MiddlewareFn<Context> = (ctx, next) => {
  const chat = ctx.chat;
  const asked = ctx.msg?.message_id;
  if ((chat?.type === 'group' || chat?.type === 'supergroup') && asked !== undefined) {
    ctx.api.config.use((prev, method, payload, signal) => {
      const p = payload as Payload;
      if (method !== 'sendMessage' || p.chat_id !== chat.id || p.reply_parameters) return prev(method, payload, signal);
      const reply_parameters = { message_id: asked, allow_sending_without_reply: true };
      return prev(method, { ...p, reply_parameters } as typeof payload, signal);
    });
  }
  return next();
};
