/** Which chats follow which keywords: the digest (every new issue) or words of their own. */

/** The digest subscription (every new issue) has the empty keyword. */
export const ALL_ISSUES = '';
/** Most keywords one chat may follow. */
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 30;

export type SubscribeOutcome = 'added' | 'exists' | 'too-many';

export interface Subscriptions {
  /** Adds a subscription; durable when this resolves. */
  subscribe(chatId: number, keyword: string): Promise<SubscribeOutcome>;
  /** Removes one subscription, or all of the chat's when `keyword` is undefined; resolves to how many. */
  unsubscribe(chatId: number, keyword?: string): Promise<number>;
  /** The chat's subscriptions, the digest first. */
  list(chatId: number): Promise<string[]>;
  /** Everything stored about the chat, removed: subscriptions, undelivered notifications, stored searches (where the database holds them), its follow-up context (/forget, or a user who blocked the bot). */
  forget(chatId: number): Promise<void>;
  /** A group became a supergroup: its subscriptions and undelivered notifications follow it. */
  moveChat(from: number, to: number): Promise<void>;
  /** Every subscription, grouped by chat. */
  allByChat(): Promise<Map<number, string[]>>;
  subscriberCount(): Promise<number>;
}
