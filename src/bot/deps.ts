/**
 * What every feature of the bot is given: the archive, the stored queries, subscriptions and
 * the operators' settings.
 */
import type { NewsLibrary } from '../retrieval/index.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';
import type { StoreConnection } from '../storage/store.ts';
import type { Subscriptions } from '../storage/subscriptions.ts';
import type { QueryStorage } from './query-store.ts';

export interface BotDeps {
  library: NewsLibrary;
  store: QueryStorage;
  /** The chat's subscriptions, follow-up context and the unanswered count; which database (/privacy). */
  subscriptions: Subscriptions & ConversationStore & Pick<StoreConnection, 'kind'>;
  /** Telegram user ids allowed the operators' commands. */
  adminIds: number[];
  /** Counted since start, for /stats. */
  counters: { questions: number };
  /** Re-scans the corpus (/reload). */
  reload?: () => Promise<void>;
  /** Public origin of the article pages; set: results link to them. */
  publicUrl?: string;
  /** Today's date where the readers live (YYYY-MM-DD), for 去年, 上个月, 最近……; injected in tests. */
  today: () => string;
  /** The clock of follow-up contexts and the unanswered count (epoch ms); injected in tests. */
  now: () => number;
}
