/**
 * The saved index holds what was read, with real processes: an issue still waiting to be read
 * when the index is saved (its copy looks cut short, so the live corpus gives it time) is indexed
 * after a kill -9 and a restart, not left out because the folder matched at save time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LoopbackBotApi } from '../../src/telegram/loopback-api.ts';
import { startApp, type Started } from '../support/processes.ts';

const TOKEN = '123456:SAVED-index-abcdefghijklmnopqrst';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saved-index-'));
const corpusDir = path.join(dir, 'corpus');
const indexFile = path.join(dir, 'index.bin');
fs.mkdirSync(corpusDir);
fs.copyFileSync('seeds/001_ee31270023d67050.txt', path.join(corpusDir, '2021-08-09.txt'));

const api = new LoopbackBotApi();
let apiRoot = '';
const apps: Started[] = [];

async function start(): Promise<Started> {
  apiRoot ||= await api.start();
  const menusBefore = api.sent('setMyCommands').length;
  const app = startApp({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    CORPUS_DIR: corpusDir,
    INDEX_FILE: indexFile,
    DATABASE_FILE: path.join(dir, 'bot.db'),
    LOG_LEVEL: process.env.TEST_LOG ?? 'warn',
  });
  apps.push(app);
  try {
    await api.waitFor(() => api.sent('setMyCommands').length >= menusBefore + 2, 80_000);
  } catch (err) {
    throw new Error(`the bot did not start: ${(err as Error).message}\n${app.output().slice(-2000)}`);
  }
  return app;
}

let nextChat = 900;

/** Asks until the reply holds `expected` (a new issue is searchable within seconds), or gives the last reply. */
async function askUntil(question: string, expected: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const chatId = nextChat++;
    api.pushText(question, chatId);
    const reply = String((await api.waitFor((c) => c.payload.chat_id === chatId, 20_000)).payload.text);
    if (reply.includes(expected) || Date.now() > deadline) return reply;
    await new Promise((r) => setTimeout(r, 500));
  }
}

afterAll(async () => {
  for (const app of apps) app.kill('SIGKILL');
  if (process.env.TEST_LOG) for (const app of apps) console.log(app.output());
  await api.stop();
});

describe('the saved index after kill -9', () => {
  it('indexes an issue that was still waiting to be read when the index was saved', async () => {
    const app = await start();
    const savedAt = fs.statSync(indexFile).mtimeMs;
    // One issue arrives whole; another whose copy stops mid-line, so it is given 15 s to complete.
    const waiting = fs.readFileSync('seeds/000_ee7a1d118fc23364.txt', 'utf8');
    const cut = waiting.indexOf('\n', waiting.length / 2) - 5;
    fs.writeFileSync(path.join(corpusDir, '2022-09-08.txt'), waiting.slice(0, cut));
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    expect(await askUntil('博嘉生物', '崇川开发区一季度')).toContain('崇川开发区一季度');
    // The index saved with the whole issue in it, while the other still waits.
    const deadline = Date.now() + 10_000;
    while (fs.statSync(indexFile).mtimeMs === savedAt && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(fs.statSync(indexFile).mtimeMs).toBeGreaterThan(savedAt);
    app.kill('SIGKILL');
    await app.gone();

    await start();
    expect(await askUntil('锚定目标不放松', '凝心聚力抓落实', 5000)).toContain('凝心聚力抓落实');
  }, 240_000);
});
