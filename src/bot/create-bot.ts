/**
 * The bot: a thin transport over the archive. Each feature is its own Composer; formatting is pure
 * and lives in format.ts, its words in messages.ts; reply defaults are set once (reply-defaults.ts).
 * Telegram's 429s and 5xx are retried (auto-retry), an unreachable API with logged, growing pauses
 * (network-retry.ts); updates of one chat are handled in order while chats run concurrently
 * (sequentialize, for the runner); each user's flood is limited with one polite notice; a
 * handler's error is logged and never stops the bot.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context, type Middleware } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { silentLogger, type Logger } from '../logger.ts';
import type { ApiFetch } from '../telegram/offline-api.ts';
import type { NewsLibrary } from '../retrieval/index.ts';
import { openSqliteStore } from '../storage/sqlite-store.ts';
import { commandsInAnyCase } from './command-case.ts';
import { exampleQuestions } from './conversation/examples.ts';
import type { BotDeps } from './deps.ts';
import { type HandlerErrorKind, logHandlerErrors } from './error-handler.ts';
import { adminFeature } from './features/admin.ts';
import { articleFeature } from './features/article.ts';
import { inlineFeature } from './features/inline.ts';
import { latestFeature } from './features/latest.ts';
import { pagingFeature } from './features/paging.ts';
import { searchFeature } from './features/search.ts';
import { startFeature } from './features/start.ts';
import { subscriptionsFeature } from './features/subscriptions.ts';
import { DEFAULT_FLOOD, type FloodLimit, floodLimit } from './flood-limit.ts';
import { MENU, messages } from './messages.ts';
import { type NetworkRetryOptions, retryNetworkErrors } from './network-retry.ts';
import { QueryStore, type QueryStorage } from './query-store.ts';
import { htmlDefaults, quoteInGroups } from './reply-defaults.ts';

export interface CreateBotOptions {
  token: string;
  library: NewsLibrary;
  /** Bot API root without a trailing slash. */
  apiRoot?: string;
  /** Replaces the network under the API client (the terminal chat's and tests' offline stand-in). */
  fetch?: ApiFetch;
  /** Known bot identity: skips getMe (tests, the terminal chat). */
  botInfo?: UserFromGetMe;
  store?: QueryStorage;
  /** Subscriptions; default: a database in memory. */
  subscriptions?: BotDeps['subscriptions'];
  adminIds?: number[];
  reload?: () => Promise<void>;
  /** Public origin of the article pages (PUBLIC_URL); set: every result links to its page. */
  publicUrl?: string;
  logger?: Logger;
  flood?: FloodLimit;
  /** Where flood counters live (shared by every instance); default: this process's memory. */
  floodCounters?: (key: string, windowMs: number) => Promise<number>;
  /** Runs before every feature (metrics). */
  observe?: Middleware<Context>;
  /** Told about each error a handler hit, by kind (metrics). */
  onError?: (kind: HandlerErrorKind) => void;
  /** Today's date where the readers live (YYYY-MM-DD); default: the date in China now. */
  today?: () => string;
  /** The clock of follow-up contexts (epoch ms); default: Date.now. */
  now?: () => number;
  /** Longest wait auto-retry accepts from a 429, in seconds. */
  maxRetryDelaySeconds?: number;
  /** Pauses between attempts when the Bot API cannot be reached. */
  networkRetry?: Pick<NetworkRetryOptions, 'attempts' | 'firstDelayMs' | 'maxDelayMs'>;
}

/** The command menu for setMyCommands, in Chinese (the default) and in English. */
export const COMMANDS = {
  zh: MENU.map(([command, zh]) => ({ command, description: zh })),
  en: MENU.map(([command, , en]) => ({ command, description: en })),
};

/** The paper's readers live in China (UTC+8): their today, as YYYY-MM-DD. */
export function todayInChina(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

export function createBot(options: CreateBotOptions): Bot {
  const { token, library, apiRoot, botInfo, logger = silentLogger } = options;
  const client = { ...(apiRoot ? { apiRoot } : {}), ...(options.fetch ? { fetch: options.fetch as never } : {}) };
  const bot = new Bot(token, { botInfo, client });
  // Innermost first: network failures, then Telegram's 429 and 5xx answers, then reply defaults.
  bot.api.config.use(
    retryNetworkErrors({ logger, apiRoot: apiRoot ?? 'https://api.telegram.org', ...options.networkRetry }),
  );
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: 4,
      maxDelaySeconds: options.maxRetryDelaySeconds ?? 60,
      rethrowHttpErrors: true,
    }),
  );
  bot.api.config.use(htmlDefaults);

  const deps: BotDeps = {
    library,
    store: options.store ?? new QueryStore(),
    subscriptions: options.subscriptions ?? openSqliteStore(':memory:'),
    adminIds: options.adminIds ?? [],
    counters: { questions: 0 },
    reload: options.reload,
    publicUrl: options.publicUrl,
    today: options.today ?? todayInChina,
    now: options.now ?? Date.now,
  };
  // The example questions are made and checked against the index now, not at the first /start.
  exampleQuestions(library);

  if (options.observe) bot.use(options.observe);
  // One chat's updates in order, different chats at once (with @grammyjs/runner).
  bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use(floodLimit(options.flood ?? DEFAULT_FLOOD, options.floodCounters));
  bot.use(quoteInGroups);
  bot.use(commandsInAnyCase);
  bot.use(startFeature(deps));
  bot.use(latestFeature(deps));
  bot.use(subscriptionsFeature(deps));
  bot.use(adminFeature(deps));
  bot.use(searchFeature(deps));
  bot.use(pagingFeature(deps));
  bot.use(articleFeature(deps));
  bot.use(inlineFeature(deps));
  // A button this bot no longer knows (an old or forged callback) gets a notice, not silence.
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: messages.buttonGone }));

  bot.catch(logHandlerErrors(logger, options.onError));
  return bot;
}
