/**
 * The bot: a thin transport over the archive. Each feature is its own Composer; formatting is pure
 * and lives in format.ts. Telegram's 429s, 5xx and network errors are retried (auto-retry);
 * updates of one chat are handled in order while chats run concurrently (sequentialize, for the
 * runner); each user's flood is limited with one polite notice; a handler's error is logged and
 * never stops the bot.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Bot, GrammyError, HttpError, type Context, type Middleware } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { silentLogger, type Logger } from '../logger.ts';
import type { NewsLibrary } from '../retrieval/news-library.ts';
import { openSqliteStore } from '../subscriptions/sqlite-store.ts';
import type { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import { replyOptions, type BotDeps } from './context.ts';
import { adminFeature } from './features/admin.ts';
import { articleFeature } from './features/article.ts';
import { inlineFeature } from './features/inline.ts';
import { latestFeature } from './features/latest.ts';
import { pagingFeature } from './features/paging.ts';
import { searchFeature } from './features/search.ts';
import { startFeature } from './features/start.ts';
import { subscriptionsFeature } from './features/subscriptions.ts';
import { QueryStore, type QueryStorage } from './query-store.ts';

export interface FloodLimit {
  /** Updates one user may send per window. */
  limit: number;
  windowMs: number;
}

export interface CreateBotOptions {
  token: string;
  library: NewsLibrary;
  /** Bot API root without a trailing slash. */
  apiRoot?: string;
  /** Known bot identity: skips getMe (tests, the terminal chat). */
  botInfo?: UserFromGetMe;
  store?: QueryStorage;
  /** Subscriptions; default: a database in memory. */
  subscriptions?: SubscriptionStore;
  adminIds?: number[];
  reload?: () => Promise<string>;
  logger?: Logger;
  flood?: FloodLimit;
  /** Where flood counters live (shared by every instance); default: this process's memory. */
  floodCounters?: (key: string, windowMs: number) => Promise<number>;
  /** Runs before every feature (metrics). */
  observe?: Middleware<Context>;
  /** Told about each error a handler hit, by kind (metrics). */
  onError?: (kind: 'telegram' | 'network' | 'handler') => void;
  /** Longest wait auto-retry accepts from a 429, in seconds. */
  maxRetryDelaySeconds?: number;
}

/** The command menu: each command with its Chinese and English description. */
const MENU: [command: string, zh: string, en: string][] = [
  ['search', '搜索报道', 'Search the news'],
  ['latest', '最新报道', 'Latest articles'],
  ['subscribe', '订阅新报纸或关键词', 'Follow new issues or a keyword'],
  ['unsubscribe', '退订', 'Stop following'],
  ['subscriptions', '我的订阅', 'What you follow'],
  ['help', '使用帮助', 'How to use the bot'],
  ['privacy', '隐私说明', 'What the bot stores'],
];

/** The command menu for setMyCommands, in Chinese (the default) and in English. */
export const COMMANDS = {
  zh: MENU.map(([command, zh]) => ({ command, description: zh })),
  en: MENU.map(([command, , en]) => ({ command, description: en })),
};

export const DEFAULT_FLOOD: FloodLimit = { limit: 10, windowMs: 10_000 };

export function createBot(options: CreateBotOptions): Bot {
  const { token, library, apiRoot, botInfo, logger = silentLogger } = options;
  const bot = new Bot(token, { botInfo, client: apiRoot ? { apiRoot } : undefined });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 4, maxDelaySeconds: options.maxRetryDelaySeconds ?? 60 }));

  const deps: BotDeps = {
    library,
    store: options.store ?? new QueryStore(),
    subscriptions: options.subscriptions ?? openSqliteStore(':memory:'),
    adminIds: options.adminIds ?? [],
    counters: { questions: 0 },
    reload: options.reload,
  };

  if (options.observe) bot.use(options.observe);
  // One chat's updates in order, different chats at once (with @grammyjs/runner).
  bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use(floodLimit(options.flood ?? DEFAULT_FLOOD, options.floodCounters));
  bot.use(startFeature(deps));
  bot.use(latestFeature(deps));
  bot.use(subscriptionsFeature(deps));
  bot.use(adminFeature(deps));
  bot.use(searchFeature(deps));
  bot.use(pagingFeature(deps));
  bot.use(articleFeature(deps));
  bot.use(inlineFeature(deps));
  // A button this bot no longer knows (an old or forged callback) gets a notice, not silence.
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: '这个按钮已失效，请重新提问。' }));

  bot.catch((err) => {
    const e = err.error;
    const update = err.ctx.update.update_id;
    options.onError?.(e instanceof GrammyError ? 'telegram' : e instanceof HttpError ? 'network' : 'handler');
    if (e instanceof GrammyError)
      logger.warn(
        { update, method: e.method, code: e.error_code, description: e.description },
        'Telegram refused a call',
      );
    else if (e instanceof HttpError) logger.warn({ update, err: e.message }, 'network error talking to Telegram');
    else logger.error({ update, err: e instanceof Error ? e.stack : String(e) }, 'handler failed');
  });
  return bot;
}

/**
 * Per-user flood limit: over the limit, one polite notice per window, then silence. With shared
 * counters, the limiter's Redis-style client (incr, pexpire) is backed by the database, so N
 * instances do not give a user N times the limit.
 */
function floodLimit(
  { limit: max, windowMs }: FloodLimit,
  counters?: (key: string, windowMs: number) => Promise<number>,
) {
  const warned = new Map<number, number>();
  const storageClient = counters
    ? ({ incr: (key: string) => counters(key, windowMs), pexpire: async () => 1 } as never)
    : 'MEMORY_STORE';
  return limit<Context, never>({
    timeFrame: windowMs,
    limit: max,
    storageClient,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      const id = ctx.from?.id;
      if (id === undefined) return;
      const now = Date.now();
      if ((warned.get(id) ?? 0) > now - windowMs) {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
        return;
      }
      warned.set(id, now);
      for (const [user, at] of warned) if (at <= now - windowMs) warned.delete(user);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: '操作太频繁了，请稍等几秒。' });
      else if (ctx.chat) await ctx.reply('你发得太快了，请稍等几秒再问。', replyOptions(ctx));
    },
  });
}
