/**
 * One chat with the bot's own handlers and no Telegram behind them: a message or a button press
 * in, the Bot API calls the bot made in answer out. The terminal chat and the conversation
 * scorer (eval-conversations.ts) both talk to the bot through it.
 */
import type { Update } from 'grammy/types';
import { createBot } from '../bot/create-bot.ts';
import { createLogger } from '../logger.ts';
import type { NewsLibrary } from '../retrieval/index.ts';
import { OFFLINE_BOT_INFO, OFFLINE_TOKEN, type OutgoingCall, offlineFetch } from '../telegram/offline-api.ts';

export interface Button {
  text: string;
  callback_data?: string;
}

export interface ChatSessionOptions {
  library: NewsLibrary;
  /** Told about each call as it is made (the terminal chat prints it). */
  onCall?: (call: OutgoingCall) => void;
  /** The readers' today (YYYY-MM-DD), when not the real one. */
  today?: () => string;
  chatId?: number;
}

export interface ChatSession {
  /** Sends a message; resolves to the calls the bot made in answer. */
  say(text: string): Promise<OutgoingCall[]>;
  /** Presses button `n` (from 1) of the last message with buttons; undefined when there is none. */
  press(n: number): Promise<OutgoingCall[] | undefined>;
  /** The buttons of the last message that had any. */
  readonly buttons: Button[];
}

export function createChatSession({ library, onCall, today, chatId = 42 }: ChatSessionOptions): ChatSession {
  const user = { id: chatId, is_bot: false, first_name: '读者' };
  const chat = { id: chatId, type: 'private' as const, first_name: user.first_name };
  let buttons: Button[] = [];
  let calls: OutgoingCall[] = [];
  let updateId = 0;
  let lastMessageId = 0;

  const bot = createBot({
    token: OFFLINE_TOKEN,
    library,
    botInfo: OFFLINE_BOT_INFO,
    // A refused reply is shown in the chat itself (the bot logs it as a warning); errors still show.
    logger: createLogger('error'),
    flood: { limit: 1000, windowMs: 1000 },
    ...(today ? { today } : {}),
    fetch: offlineFetch((call) => {
      calls.push(call);
      if (!call.refused && (call.method === 'sendMessage' || call.method === 'editMessageText')) {
        const markup = call.payload.reply_markup as { inline_keyboard?: Button[][] } | undefined;
        buttons = markup?.inline_keyboard?.flat() ?? [];
      }
      onCall?.(call);
    }),
  });

  const handle = async (update: Update) => {
    calls = [];
    await bot.handleUpdate(update);
    return calls;
  };

  return {
    get buttons() {
      return buttons;
    },
    say(text) {
      const entities = text.startsWith('/')
        ? [{ type: 'bot_command' as const, offset: 0, length: text.split(/\s/)[0]!.length }]
        : undefined;
      return handle({
        update_id: ++updateId,
        message: { message_id: ++lastMessageId, date: Math.floor(Date.now() / 1000), chat, from: user, text, entities },
      } as Update);
    },
    async press(n) {
      const button = buttons[n - 1];
      if (!button?.callback_data) return undefined;
      return handle({
        update_id: ++updateId,
        callback_query: {
          id: String(updateId),
          from: user,
          chat_instance: '1',
          data: button.callback_data,
          message: { message_id: lastMessageId, date: 0, chat, text: '' },
        },
      } as Update);
    },
  };
}
