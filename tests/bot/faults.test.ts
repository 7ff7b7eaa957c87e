import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { createBot } from '../../src/bot/create-bot.ts';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { LOOPBACK_BOT_INFO, LoopbackBotApi } from '../../src/telegram/loopback-api.ts';
import { seedLibrary } from '../support/seed-library.ts';
import { captureLogs } from '../support/logs.ts';

let library: NewsLibrary;
let api: LoopbackBotApi;
let bot: Bot;
let errors: string[];

beforeAll(() => {
  library = seedLibrary();
});

beforeEach(async () => {
  api = new LoopbackBotApi();
  const apiRoot = await api.start();
  const logs = captureLogs('warn');
  errors = logs.lines;
  bot = createBot({
    token: '1:fault-test',
    library,
    apiRoot,
    botInfo: LOOPBACK_BOT_INFO as never,
    logger: logs.logger,
    maxRetryDelaySeconds: 2,
    // A dropped connection is tried again after 50 ms, not the 1 s of service: the same retry.
    networkRetry: { firstDelayMs: 50 },
    flood: { limit: 1000, windowMs: 1000 },
  });
});

afterEach(async () => {
  await api.stop();
});

// As polling does: a failed update goes to the bot's error handler (bot.catch).
const ask = (text: string, chatId: number) =>
  bot
    .handleUpdate({
      update_id: chatId,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: chatId, type: 'private', first_name: 'U' },
        from: { id: chatId, is_bot: false, first_name: 'U' },
        text,
      },
    } as unknown as Update)
    .catch((err) => bot.errorHandler(err));

describe('Telegram faults', () => {
  it('waits out a 429 and then answers', async () => {
    api.fail('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    await ask('红色直播间', 11);
    const sends = api.sent().filter((c) => c.payload.chat_id === 11);
    expect(sends).toHaveLength(2);
    // The second try waited out the second Telegram asked for.
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('retries a 502 and a dropped connection', async () => {
    api.fail('sendMessage', { status: 502, description: 'Bad Gateway' });
    await ask('红色直播间', 12);
    expect(api.sent().filter((c) => c.payload.chat_id === 12)).toHaveLength(2);
    api.fail('sendMessage', 'drop');
    await ask('红色直播间', 13);
    // The dropped call never arrived; the one retry delivered the reply.
    expect(api.sent().filter((c) => c.payload.chat_id === 13)).toHaveLength(1);
    expect(errors.filter((e) => e.includes('cannot reach the Telegram Bot API; retrying'))).toHaveLength(1);
    expect(errors.filter((e) => !e.includes('retrying'))).toEqual([]);
  }, 15_000);

  it('logs a 403 from a user who blocked the bot and goes on answering others', async () => {
    api.fail('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    await ask('红色直播间', 14);
    expect(errors.some((e) => e.includes('Telegram refused a call') && e.includes('403'))).toBe(true);
    await ask('红色直播间', 15);
    expect(api.sent().filter((c) => c.payload.chat_id === 15)).toHaveLength(1);
  });
});

describe('a burst of users', () => {
  let handle: RunnerHandle | undefined;
  afterEach(async () => {
    if (handle?.isRunning()) await handle.stop();
  });

  it('answers 200 chats writing at once', async () => {
    handle = run(bot);
    const questions = ['红色直播间', '老旧小区改造', '唐闸古镇规划面积多大', '今天股市行情怎么样'];
    for (let k = 0; k < 200; k++) api.pushText(questions[k % questions.length]!, 10_000 + k);
    const deadline = Date.now() + 30_000;
    while (new Set(api.sent().map((c) => c.payload.chat_id)).size < 200 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const answered = new Set(api.sent().map((c) => c.payload.chat_id));
    expect(answered.size).toBe(200);
    expect(errors).toEqual([]);
  }, 40_000);
});
