/**
 * A stand-in for the Bot API inside the process: the bot's outgoing calls are handed to a
 * callback instead of the network, and answered with plausible results. Used by the terminal chat
 * and by handler tests, so both run the very same handlers and formatting as the real bot.
 */
import type { Bot, RawApi } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';

export interface OutgoingCall {
  method: keyof RawApi | string;
  payload: Record<string, unknown>;
}

/** The identity the bot has when no Telegram account is behind it. */
export const OFFLINE_BOT_INFO: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: '崇川新闻助手',
  username: 'chongchuan_news_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** A token of the right shape that no Telegram account has. */
export const OFFLINE_TOKEN = '1:offline-terminal-chat-no-telegram';

/** Routes every outgoing call of the bot to `onCall` and answers it locally. */
export function interceptApi(bot: Bot, onCall: (call: OutgoingCall) => void): void {
  let messageId = 1000;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    onCall({ method, payload: p });
    let result: unknown = true;
    if (method === 'sendMessage') {
      result = {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: p.chat_id, type: 'private', first_name: 'user' },
        text: p.text,
      };
    } else if (method === 'editMessageText') {
      result = {
        message_id: p.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: p.chat_id, type: 'private' },
        text: p.text,
      };
    }
    // The transformer's result type is the method's own; this stand-in answers them all alike.
    return { ok: true, result } as never;
  });
}
