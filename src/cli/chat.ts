/**
 * The terminal chat: the bot's own handlers and formatting, with no Telegram behind them. Lines
 * typed are messages; `#N` presses button N of the last reply. When standard input is not a
 * terminal it answers each line and ends with the input.
 */
import readline from 'node:readline';
import { messages } from '../bot/messages.ts';
import { htmlToText } from '../telegram/html.ts';
import type { OutgoingCall } from '../telegram/offline-api.ts';
import type { NewsLibrary } from '../retrieval/index.ts';
import { type Button, createChatSession } from './chat-session.ts';

export interface ChatOptions {
  library: NewsLibrary;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
}

/** Runs the chat until the input ends. */
export async function runChat({ library, input, output, interactive }: ChatOptions): Promise<void> {
  const write = (s: string) => output.write(`${s}\n`);
  const bold = interactive ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => s;

  function show({ method, payload, refused }: OutgoingCall): void {
    if (refused) write(messages.chatRefused(method, refused));
    else if (method === 'sendMessage' || method === 'editMessageText') {
      if (method === 'editMessageText') write(messages.chatEdited);
      write(htmlToText(String(payload.text ?? ''), bold));
      const markup = payload.reply_markup as { inline_keyboard?: Button[][] } | undefined;
      const buttons = markup?.inline_keyboard?.flat() ?? [];
      if (buttons.length > 0) write(messages.chatButtons(buttons.map((b) => b.text)));
      write('');
    } else if (method === 'answerCallbackQuery' && payload.text) {
      write(`（${String(payload.text)}）\n`);
    }
  }

  const session = createChatSession({ library, onCall: show });
  write(messages.chatBanner(library.stats()));

  const handle = async (line: string) => {
    const text = line.trim();
    if (!text) return;
    const press = text.match(/^#(\d+)$/);
    if (press) {
      if ((await session.press(Number(press[1]))) === undefined) write(messages.chatNoSuchButton);
      return;
    }
    await session.say(text);
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
