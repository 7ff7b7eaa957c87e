/**
 * A Bot API that cannot be reached, or that answers an HTML page: the bot logs each failed
 * attempt (never the token), waits longer each time, and starts once the API is back.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import { LOOPBACK_BOT_INFO } from '../../src/telegram/loopback-api.ts';
import { seedLibrary } from '../support/seed-library.ts';
import { captureLogs } from '../support/logs.ts';

const TOKEN = '123456:SECRET-network-retry-abcdefghijk';
const library = seedLibrary();
const servers: http.Server[] = [];

afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function botAt(apiRoot: string) {
  const { logger, lines, records: logged } = captureLogs('info', [TOKEN]);
  const bot = createBot({
    token: TOKEN,
    library,
    apiRoot,
    logger,
    networkRetry: { firstDelayMs: 50, maxDelayMs: 200 },
  });
  return { bot, lines, logged };
}

describe('a Bot API that cannot be reached', () => {
  it('answering an HTML page: each getMe attempt is logged, with longer pauses, until it answers', async () => {
    let calls = 0;
    const times: number[] = [];
    const root = await serve((_req, res) => {
      times.push(Date.now());
      if (++calls <= 3) {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body>502 Bad Gateway</body></html>');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: LOOPBACK_BOT_INFO }));
    });
    const { bot, lines, logged } = botAt(root);
    await bot.init();
    expect(bot.botInfo.username).toBe(LOOPBACK_BOT_INFO.username);
    const warnings = logged().filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(3);
    for (const w of warnings) {
      expect(w).toMatchObject({ method: 'getMe', apiRoot: root, msg: 'cannot reach the Telegram Bot API; retrying' });
      expect(String(w.reason)).toContain('not JSON');
    }
    expect(warnings.map((w) => w.retryInMs)).toEqual([50, 100, 200]);
    expect(times[3]! - times[2]!).toBeGreaterThanOrEqual(times[1]! - times[0]!);
    expect(lines.join('\n')).not.toContain('SECRET-network-retry');
  });

  it('refusing connections: keeps trying getMe, one log line per attempt, until stopped', async () => {
    const root = await serve(() => {});
    servers.pop()!.close(); // nothing listens on that port any more
    const { bot, lines, logged } = botAt(root);
    const abort = new AbortController();
    const init = bot.init(abort.signal as never);
    while (logged().length < 4) await new Promise((r) => setTimeout(r, 20));
    abort.abort();
    await expect(init).rejects.toThrow();
    const warnings = logged();
    expect(warnings.every((w) => w.method === 'getMe' && w.level === 'warn')).toBe(true);
    expect(String(warnings[0]!.reason)).toMatch(/ECONNREFUSED/);
    expect(lines.join('\n')).not.toContain('SECRET-network-retry');
  });

  it('gives up an ordinary call after a few attempts, so its handler fails and is logged', async () => {
    const root = await serve((_req, res) => res.socket?.destroy());
    const { bot, logged } = botAt(root);
    bot.botInfo = LOOPBACK_BOT_INFO as never;
    await expect(bot.api.sendMessage(1, 'hi')).rejects.toThrow();
    expect(logged().map((l) => l.msg)).toEqual([
      'cannot reach the Telegram Bot API; retrying',
      'cannot reach the Telegram Bot API; retrying',
      'cannot reach the Telegram Bot API; giving up this call',
    ]);
  });
});
