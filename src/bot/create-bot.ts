/**
 * The bot: a thin transport over the archive. Each feature is its own Composer; formatting is pure
 * and lives in format.ts. Errors in a handler are logged and never stop the bot.
 */
import { Bot, GrammyError, HttpError, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { NewsLibrary } from '../retrieval/news-library.ts';
import type { BotDeps } from './context.ts';
import { articleFeature } from './features/article.ts';
import { inlineFeature } from './features/inline.ts';
import { latestFeature } from './features/latest.ts';
import { pagingFeature } from './features/paging.ts';
import { searchFeature } from './features/search.ts';
import { startFeature } from './features/start.ts';
import { QueryStore } from './query-store.ts';

export interface CreateBotOptions {
  token: string;
  library: NewsLibrary;
  /** Bot API root without a trailing slash. */
  apiRoot?: string;
  /** Known bot identity: skips getMe (tests, the terminal chat). */
  botInfo?: UserFromGetMe;
  store?: QueryStore;
  log?: (line: string) => void;
}

/** The command menu, in Chinese and in English. */
export const COMMANDS = {
  zh: [
    { command: 'search', description: '搜索报道' },
    { command: 'latest', description: '最新报道' },
    { command: 'help', description: '使用帮助' },
    { command: 'start', description: '开始' },
  ],
  en: [
    { command: 'search', description: 'Search the news' },
    { command: 'latest', description: 'Latest articles' },
    { command: 'help', description: 'How to use the bot' },
    { command: 'start', description: 'Start' },
  ],
};

export function createBot({ token, library, apiRoot, botInfo, store = new QueryStore(), log = console.error }: CreateBotOptions): Bot {
  const bot = new Bot(token, { botInfo, client: apiRoot ? { apiRoot } : undefined });
  const deps: BotDeps = { library, store };

  bot.use(startFeature(deps));
  bot.use(latestFeature(deps));
  bot.use(searchFeature(deps));
  bot.use(pagingFeature(deps));
  bot.use(articleFeature(deps));
  bot.use(inlineFeature(deps));
  // A button this bot no longer knows (an old or forged callback) gets a notice, not silence.
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: '这个按钮已失效，请重新提问。' }));

  bot.catch((err) => {
    const e = err.error;
    const where = `update ${err.ctx.update.update_id}`;
    if (e instanceof GrammyError) log(`Telegram refused ${e.method} in ${where}: ${e.error_code} ${e.description}`);
    else if (e instanceof HttpError) log(`network error talking to Telegram in ${where}: ${e.message}`);
    else log(`error in ${where}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  });
  return bot;
}
