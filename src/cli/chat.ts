/**
 * The terminal chat: the bot's own handlers and formatting, with no Telegram behind them. Lines
 * typed are messages; `#N` presses button N of the last reply. When standard input is not a
 * terminal it answers each line and ends with the input.
 */
import readline from 'node:readline';
import type { Update } from 'grammy/types';
import { createBot } from '../bot/create-bot.ts';
import { messages } from '../bot/messages.ts';
import { htmlToText } from '../telegram/html.ts';
import { OFFLINE_BOT_INFO, offlineFetch, OFFLINE_TOKEN, type OutgoingCall } from '../telegram/offline-api.ts';
import { createLogger } from '../logger.ts';
import type { NewsLibrary } from '../retrieval/index.ts';

interface Button {
  text: string;
  callback_data?: string;
}

export interface ChatOptions {
  library: NewsLibrary;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
}

const USER = { id: 42, is_bot: false, first_name: '读者' };

/** Runs the chat until the input ends. */
export async function runChat({ library, input, output, interactive }: ChatOptions): Promise<void> {
  const write = (s: string) => output.write(`${s}\n`);
  const bold = interactive ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => s;
  let buttons: Button[] = [];
  let lastMessageId = 0;

  const bot = createBot({
    token: OFFLINE_TOKEN,
    library,
    botInfo: OFFLINE_BOT_INFO,
    // A refused reply is shown in the chat itself (the bot logs it as a warning); errors still show.
    logger: createLogger('error'),
    flood: { limit: 1000, windowMs: 1000 },
    fetch: offlineFetch(show),
  });

  function show({ method, payload, refused }: OutgoingCall): void {
    if (refused) write(messages.chatRefused(method, refused));
    else if (method === 'sendMessage' || method === 'editMessageText') {
      if (method === 'editMessageText') write(messages.chatEdited);
      write(htmlToText(String(payload.text ?? ''), bold));
      const markup = payload.reply_markup as { inline_keyboard?: Button[][] } | undefined;
      buttons = markup?.inline_keyboard?.flat() ?? [];
      if (buttons.length > 0) write(messages.chatButtons(buttons.map((b) => b.text)));
      write('');
    } else if (method === 'answerCallbackQuery' && payload.text) {
      write(`（${String(payload.text)}）\n`);
    }
  }

  write(messages.chatBanner(library.stats()));

  let updateId = 0;
  const chat = { id: USER.id, type: 'private' as const, first_name: USER.first_name };
  const handle = async (line: string) => {
    const text = line.trim();
    if (!text) return;
    const press = text.match(/^#(\d+)$/);
    let update: Update;
    if (press) {
      const button = buttons[Number(press[1]) - 1];
      if (!button?.callback_data) {
        write(messages.chatNoSuchButton);
        return;
      }
      update = {
        update_id: ++updateId,
        callback_query: {
          id: String(updateId),
          from: USER,
          chat_instance: '1',
          data: button.callback_data,
          message: { message_id: lastMessageId, date: 0, chat, text: '' },
        },
      } as Update;
    } else {
      const entities = text.startsWith('/')
        ? [{ type: 'bot_command' as const, offset: 0, length: text.split(/\s/)[0]!.length }]
        : undefined;
      update = {
        update_id: ++updateId,
        message: { message_id: ++lastMessageId, date: Math.floor(Date.now() / 1000), chat, from: USER, text, entities },
      } as Update;
    }
    await bot.handleUpdate(update);
  };

  const rl = readline.createInterface({ input, terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    await handle(line);
    if (interactive) rl.prompt();
  }
}
