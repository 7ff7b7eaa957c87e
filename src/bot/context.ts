/**
 * What every feature of the bot shares: the archive, the query store, and reply options.
 */
import type { Context } from 'grammy';
import type { NewsLibrary } from '../retrieval/news-library.ts';
import type { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { QueryStorage } from './query-store.ts';

export interface BotDeps {
  library: NewsLibrary;
  store: QueryStorage;
  subscriptions: SubscriptionStore;
  /** Telegram user ids allowed the operators' commands. */
  adminIds: number[];
  /** Counted since start, for /stats. */
  counters: { questions: number };
  /** Re-scans the corpus (/reload); returns a one-line summary. */
  reload?: () => Promise<string>;
}

/** HTML, no link previews, and in groups a quote of the asking message. */
export function replyOptions(ctx: Context) {
  const inGroup = ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
  const messageId = ctx.msg?.message_id;
  return {
    parse_mode: 'HTML' as const,
    link_preview_options: { is_disabled: true },
    ...(inGroup && messageId ? { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } } : {}),
  };
}
