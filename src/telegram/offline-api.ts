/**
 * A stand-in for the Bot API inside the process: the bot's outgoing calls are handed to a
 * callback instead of the network, and answered with plausible results, or with the 400 Telegram
 * would give (bot-api-rules.ts). Used by the terminal chat and by handler tests, so both run the
 * very same handlers and formatting as the real bot.
 */
import type { RawApi } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { refusalOf } from './bot-api-rules.ts';

export interface OutgoingCall {
  method: keyof RawApi | string;
  payload: Record<string, unknown>;
  /** Telegram's 400 description when the call was refused. */
  refused?: string;
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

/** What grammY's API client needs of `fetch`: the reply's JSON. */
export type ApiFetch = (url: string, init: { body?: unknown }) => Promise<{ json(): Promise<unknown> }>;

/**
 * A `fetch` for the bot's API client (`client.fetch`) that hands every outgoing call to `onCall`
 * and answers it locally. It stands where the network would, so every transformer of the bot
 * (retries, reply defaults) runs as it would against Telegram.
 */
export function offlineFetch(onCall: (call: OutgoingCall) => void): ApiFetch {
  let messageId = 1000;
  return async (url, { body }) => {
    const method = url.slice(url.lastIndexOf('/') + 1);
    const p = (typeof body === 'string' ? JSON.parse(body) : {}) as Record<string, unknown>;
    const refused = refusalOf(method, p);
    onCall({ method, payload: p, ...(refused ? { refused } : {}) });
    let reply: unknown = { ok: true, result: true };
    if (refused) reply = { ok: false, error_code: 400, description: refused };
    else if (method === 'sendMessage' || method === 'editMessageText') {
      const result = {
        message_id: method === 'sendMessage' ? ++messageId : p.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: p.chat_id, type: 'private', first_name: 'user' },
        text: p.text,
      };
      reply = { ok: true, result };
    }
    return { json: async () => reply };
  };
}
