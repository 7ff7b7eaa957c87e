/**
 * The real bot (`node dist/main.js` against the loopback Bot API) while an issue is copied into its corpus
 * slowly, stalling half-way until the bot has read the half: subscribers get one notification, for the
 * whole issue. The waits are for what the bot does, not for seconds; the timings of a slow copy (settle
 * time, announcement delay) are checked on an injected clock in live-corpus.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadIssueFile, parseIssueText } from '../../src/corpus/load-corpus.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { startApp, type Started } from '../support/processes.ts';

const api = new FakeBotApi();
const apps: Started[] = [];
afterAll(async () => {
  for (const app of apps) app.kill('SIGKILL');
  await api.stop();
});

describe('a slow copy into the running bot', () => {
  it('is announced once, in full', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slow-copy-'));
    const corpusDir = path.join(dir, 'corpus');
    fs.mkdirSync(corpusDir);
    fs.copyFileSync('seeds/001_ee31270023d67050.txt', path.join(corpusDir, '2021-08-09.txt'));
    const app = startApp({
      BOT_TOKEN: '123456:SLOWCOPY-token-abcdefghijklmnopq',
      TELEGRAM_API_ROOT: await api.start(),
      CORPUS_DIR: corpusDir,
      INDEX_FILE: path.join(dir, 'index.json'),
      DATABASE_FILE: path.join(dir, 'bot.db'),
      LOG_LEVEL: 'info', // the live corpus says when it has read a file
    });
    apps.push(app);
    await api.waitFor((c) => c.method === 'setMyCommands', 80_000);
    api.pushText('/subscribe', 700);
    await api.waitFor((c) => c.payload.chat_id === 700 && String(c.payload.text).includes('已订阅'), 20_000);

    // Half the issue, cut at the end of a line (so it looks whole), then a stall until the bot has
    // read it (past the settle time, well within the announcement delay).
    const full = fs.readFileSync('seeds/003_460569c0b775decf.txt', 'utf8');
    const cut = full.indexOf('\n', full.length / 2) + 1;
    const name = '2022-03-14.txt';
    const half = parseIssueText(full.slice(0, cut), name).articles.map((a) => a.headline);
    const lateHeadline = loadIssueFile('seeds/003_460569c0b775decf.txt')
      .articles.map((a) => a.headline)
      .find((h) => !half.includes(h))!;
    expect(lateHeadline).toBeTruthy();
    const file = path.join(corpusDir, name);
    fs.writeFileSync(file, full.slice(0, cut));
    await vi.waitFor(() => expect(app.output()).toContain(`indexed ${name}`), { timeout: 30_000, interval: 50 });
    expect(app.output()).not.toContain(`re-indexed ${name}`);
    fs.appendFileSync(file, full.slice(cut));

    const digests = () =>
      api.sent().filter((c) => c.payload.chat_id === 700 && String(c.payload.text).includes('新一期报纸已收录'));
    await api.waitFor(() => digests().length > 0, 30_000);
    // The first notification is the whole issue's (had the half been announced, it would be the half's),
    // and it is the only one.
    expect(app.output()).toContain(`re-indexed ${name}`);
    expect(digests()).toHaveLength(1);
    expect(String(digests()[0]!.payload.text)).toContain(lateHeadline.slice(0, 10));
  }, 150_000);
});
