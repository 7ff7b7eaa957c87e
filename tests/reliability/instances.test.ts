/**
 * Three real bot processes (`node dist/main.js`) in webhook mode behind a round-robin proxy, one real
 * PostgreSQL, one shared corpus folder, and the loopback Bot API stand-in delivering updates by
 * POSTing them with the secret header.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { freshDatabaseUrl } from '../support/postgres.ts';
import { startApp, type Started } from '../support/processes.ts';
import { post, RoundRobinProxy, TaggingForwarder, WebhookDriver } from '../support/webhook.ts';
import { freePort } from '../support/free-port.ts';

const TOKEN = '123456:SCALE-token-abcdefghijklmnopqrst';
const SECRET = 'webhook-secret-for-tests_0123456789';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'instances-'));
const corpusDir = path.join(dir, 'corpus');
fs.mkdirSync(corpusDir);
fs.copyFileSync('seeds/001_ee31270023d67050.txt', path.join(corpusDir, '2021-08-09.txt'));
fs.copyFileSync('seeds/002_771dcfc53f42e5d3.txt', path.join(corpusDir, '2023-04-17.txt'));

const api = new FakeBotApi();
const driver = new WebhookDriver(api);
const apps: (Started | undefined)[] = [];
const forwarders: TaggingForwarder[] = [];
let ports: number[] = [];
let proxy: RoundRobinProxy;
let proxyUrl = '';
let databaseUrl = '';
let apiRoot = '';
const apiRoots: string[] = [];

const local = (k: number, p: string) => `http://127.0.0.1:${ports[k]}${p}`;

async function waitReady(k: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(local(k, '/readyz'))).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`instance ${k} not ready:\n${apps[k]?.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function startInstance(k: number): void {
  apps[k] = startApp({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoots[k]!,
    CORPUS_DIR: corpusDir,
    INDEX_FILE: path.join(dir, `index-${k}.bin`),
    DATABASE_URL: databaseUrl,
    WEBHOOK_URL: `${proxyUrl}/telegram`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(ports[k]),
    HOST: '127.0.0.1',
    CLAIM_LEASE_SECONDS: '3',
    LOG_LEVEL: 'warn',
  });
}

const texts = (chatId: number) =>
  api
    .sent()
    .filter((c) => c.payload.chat_id === chatId)
    .map((c) => String(c.payload.text));

beforeAll(async () => {
  apiRoot = await api.start();
  databaseUrl = await freshDatabaseUrl();
  ports = [await freePort(), await freePort(), await freePort()];
  proxy = new RoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
  proxyUrl = await proxy.start();
  for (let k = 0; k < 3; k++) {
    // Each instance reaches the Bot API through its own forwarder, which tells its calls apart.
    forwarders.push(new TaggingForwarder(apiRoot, String(k)));
    apiRoots.push(await forwarders[k]!.start());
  }
  for (let k = 0; k < 3; k++) startInstance(k);
  await Promise.all([0, 1, 2].map((k) => waitReady(k)));
}, 120_000);

afterAll(async () => {
  for (const app of apps) app?.kill('SIGKILL');
  await Promise.all(apps.map((a) => a?.gone()));
  await proxy?.stop();
  for (const f of forwarders) await f.stop();
  await api.stop();
});

describe('three instances in webhook mode on one PostgreSQL', () => {
  it('registers the webhook with its secret, and refuses requests without it', async () => {
    expect(driver.webhook).toEqual({ url: `${proxyUrl}/telegram`, secret: SECRET });
    const hook = api.sent('setWebhook').at(-1)!.payload;
    expect(hook.allowed_updates).toEqual(['message', 'callback_query', 'inline_query']);
    const update = JSON.stringify({
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' } },
    });
    expect((await post(`${proxyUrl}/telegram`, update, 'wrong-secret')).status).toBe(401);
    expect((await post(`${proxyUrl}/telegram`, update)).status).toBe(401);
    expect((await post(local(0, '/telegram'), 'x'.repeat(1_100_000), SECRET)).status).toBe(413);
    expect((await post(local(0, '/telegram'), '{not json', SECRET)).status).toBe(400);
    expect((await fetch(local(1, '/telegram'))).status).toBe(405);
    expect((await fetch(local(2, '/elsewhere'))).status).toBe(404);
    expect(api.sent().filter((c) => c.payload.chat_id === 1)).toEqual([]);
  });

  it('answers every update once, and buttons work whichever instance gets the press', async () => {
    const user = 4242;
    const { status } = await driver.text('崇川', user);
    expect(status).toBe(200);
    type Call = Awaited<ReturnType<typeof api.waitFor>>;
    const buttonsOf = (c: Call) =>
      (
        c.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
      ).inline_keyboard.flat();
    const answer = await api.waitFor((c) => c.payload.chat_id === user && c.method === 'sendMessage');
    const messageId = 1;
    const before = proxy.handledBy.length;
    // 更多结果 on one instance sends the other results, stored by the instance that answered.
    await driver.press(buttonsOf(answer).find((b) => b.text.startsWith('更多结果'))!.callback_data, user, messageId);
    const results = await api.waitFor((c) => c.payload.chat_id === user && String(c.payload.text).startsWith('🔎'));
    const next = buttonsOf(results).find((b) => b.text.includes('下一页'))!;
    const full = buttonsOf(results).find((b) => b.text.includes('全文'))!;
    for (let k = 0; k < 3; k++) await driver.press(next.callback_data, user, messageId);
    await driver.press(full.callback_data, user, messageId);
    // Five presses in turn: every instance got at least one.
    expect(new Set(proxy.handledBy.slice(before))).toEqual(new Set([0, 1, 2]));
    await api.waitFor(() => api.sent('answerCallbackQuery').length >= 5);
    const edits = api.sent('editMessageText').filter((c) => c.payload.chat_id === user);
    expect(edits.length).toBeGreaterThanOrEqual(3);
    const notices = api.sent('answerCallbackQuery').map((c) => String(c.payload.text ?? ''));
    expect(notices.filter((t) => t.includes('过期') || t.includes('失效'))).toEqual([]);

    for (let k = 0; k < 6; k++) await driver.text(`/start`, 5000 + k);
    await api.waitFor(() => [0, 1, 2, 3, 4, 5].every((k) => texts(5000 + k).length > 0));
    await new Promise((r) => setTimeout(r, 500));
    for (let k = 0; k < 6; k++) expect(texts(5000 + k)).toHaveLength(1);
  });

  it('handles an update delivered to each of the three instances once', async () => {
    const user = 4343;
    const update = JSON.stringify({
      update_id: 900_001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user, type: 'private' },
        from: { id: user, is_bot: false, first_name: 'U' },
        text: '崇川',
      },
    });
    for (let k = 0; k < 3; k++) expect((await post(local(k, '/telegram'), update, SECRET)).status).toBe(200);
    await api.waitFor((c) => c.payload.chat_id === user);
    await new Promise((r) => setTimeout(r, 500));
    expect(texts(user)).toHaveLength(1);
  });

  it('holds a user to one flood limit across the instances', async () => {
    const user = 7777;
    const before = proxy.handledBy.length;
    for (let k = 0; k < 14; k++) await driver.text('/help', user);
    expect(new Set(proxy.handledBy.slice(before))).toEqual(new Set([0, 1, 2]));
    await api.waitFor(() => texts(user).some((t) => t.includes('太快')));
    await new Promise((r) => setTimeout(r, 500));
    const replies = texts(user);
    // The default limit is 10 updates in 10 s per user, counted in PostgreSQL: not 10 per instance.
    expect(replies.filter((t) => !t.includes('太快'))).toHaveLength(10);
    expect(replies.filter((t) => t.includes('太快')).length).toBeGreaterThanOrEqual(1);
    expect(replies.filter((t) => t.includes('太快')).length).toBeLessThanOrEqual(3);
  });

  const chats = Array.from({ length: 45 }, (_, k) => 700 + k);
  let sender = -1;

  it('announces a new issue once to each subscriber, searchable on every instance within 10 s', async () => {
    for (const chatId of chats) await driver.text('/subscribe', chatId);
    await api.waitFor(() => chats.every((c) => texts(c).some((t) => t.includes('已订阅'))), 20_000);
    const dropped = Date.now();
    fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(corpusDir, '2022-03-14.txt'));
    await api.waitFor(() => chats.every((c) => texts(c).some((t) => t.includes('新一期报纸已收录（2022-03'))), 20_000);
    expect(Date.now() - dropped).toBeLessThan(10_000);
    // Each instance answers from the new issue itself.
    for (let k = 0; k < 3; k++) {
      const user = 6000 + k;
      await driver.text('细谋划强组织', user, local(k, '/telegram'));
      const reply = await api.waitFor((c) => c.payload.chat_id === user);
      expect(String(reply.payload.text)).toContain('2022-03');
    }
    await new Promise((r) => setTimeout(r, 1500));
    for (const chatId of chats) expect(texts(chatId).filter((t) => t.includes('（2022-03'))).toHaveLength(1);
  }, 40_000);

  it('kill -9 of the instance sending a batch: the others finish it, nobody told twice', async () => {
    const mark = '新一期报纸已收录（2024-11';
    TaggingForwarder.calls.length = 0;
    // This text ends without a line break, which the live corpus reads as a copy cut short
    // (waited for 15 s); a finished file ends its last line.
    const text = fs.readFileSync('seeds/004_44e125a03f4ab106.txt', 'utf8');
    fs.writeFileSync(path.join(corpusDir, '2024-11-04.txt'), `${text}\n`);
    await api.waitFor(() => chats.some((c) => texts(c).some((t) => t.includes(mark))), 15_000);
    sender = Number(TaggingForwarder.calls.find(([, method]) => method === 'sendMessage')![0]);
    apps[sender]!.kill('SIGKILL');
    await apps[sender]!.gone();
    const told = () => chats.filter((c) => texts(c).some((t) => t.includes(mark))).length;
    await api.waitFor(() => told() >= chats.length - 1, 20_000);
    await new Promise((r) => setTimeout(r, 2000));
    for (const chatId of chats) expect(texts(chatId).filter((t) => t.includes(mark)).length).toBeLessThanOrEqual(1);
    expect(told()).toBeGreaterThanOrEqual(chats.length - 1);
  }, 60_000);

  it('a rolling restart loses no update and no subscription', async () => {
    const users = Array.from({ length: 12 }, (_, k) => 8000 + k);
    let sent = 0;
    const sending = (async () => {
      for (const u of users) {
        await driver.text('/subscribe 消防', u);
        sent++;
        await new Promise((r) => setTimeout(r, 400));
      }
    })();
    // The instance killed above comes back; then another is stopped and started again.
    const other = sender === 0 ? 1 : 0;
    startInstance(sender);
    await waitReady(sender);
    const stopping = Date.now();
    apps[other]!.kill('SIGTERM');
    await apps[other]!.gone();
    expect(Date.now() - stopping).toBeLessThan(10_000);
    startInstance(other);
    await waitReady(other);
    await sending;
    expect(sent).toBe(users.length);
    await api.waitFor(() => users.every((u) => texts(u).some((t) => t.includes('已订阅'))), 20_000);
    for (const u of users) expect(texts(u).filter((t) => t.includes('已订阅'))).toHaveLength(1);
  }, 120_000);

  it('serves /healthz, /readyz and Prometheus metrics on every instance', async () => {
    for (let k = 0; k < 3; k++) {
      expect((await fetch(local(k, '/healthz'))).status).toBe(200);
      expect((await fetch(local(k, '/readyz'))).status).toBe(200);
    }
    const scraped = await Promise.all([0, 1, 2].map(async (k) => (await fetch(local(k, '/metrics'))).text()));
    const value = (text: string, name: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${name} `));
      return line === undefined ? 0 : Number(line.slice(name.length).trim());
    };
    const total = (name: string) => scraped.reduce((sum, text) => sum + value(text, name), 0);
    // Two instances were restarted: their counters started again.
    expect(total('bot_updates_total{kind="message"}')).toBeGreaterThan(10);
    expect(
      total('bot_answers_total{confidence="answer"}') + total('bot_answers_total{confidence="related"}'),
    ).toBeGreaterThanOrEqual(1);

    for (const text of scraped) {
      expect(value(text, 'bot_articles_indexed')).toBeGreaterThan(20);
      expect(value(text, 'bot_issues_indexed')).toBe(4);
      expect(value(text, 'bot_subscribers')).toBeGreaterThanOrEqual(chats.length);
      expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    }
    const text = scraped.join('\n');
    expect(text).toContain('bot_search_duration_seconds_bucket');
    expect(text).toContain('bot_update_duration_seconds_bucket');
  });
});
