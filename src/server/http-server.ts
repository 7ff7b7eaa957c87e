/**
 * The bot's HTTP server (node:http): Telegram's webhook through grammY's `webhookCallback`, and
 * the operator's endpoints — `GET /healthz` (the process lives), `GET /readyz` (ready to answer:
 * 503 otherwise) and `GET /metrics` (Prometheus text). A webhook request without the right
 * secret header gets 401 before its body is read; bodies over 1 MB get 413, other methods 405,
 * other paths 404. The web pages (pages/), when given, answer their own paths. A slow handler never holds Telegram's request past grammY's timeout: the
 * request is answered and the handler finishes on its own.
 */
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Bot, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.ts';
import type { Pages } from './pages/router.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** Serves Telegram's updates on this path when given. */
  webhook?: { bot: Bot; path: string; secret: string; timeoutMs?: number };
  /** Resolves to the reasons the bot is not ready (empty when ready). */
  readiness: () => Promise<string[]>;
  registry: Registry;
  log: Logger;
  /** The web pages (pages/router.ts), served on their paths when given. */
  pages?: Pages;
}

export interface HttpServer {
  /** The port listened on (the given one, or the one picked for 0). */
  port: number;
  /** Stops taking requests, waits for those in flight (at most `graceMs`). */
  close(graceMs: number): Promise<void>;
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads a body of at most `limit` bytes; null when it is longer. */
async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { webhook, readiness, registry, log } = options;
  const handleUpdate = webhook
    ? webhookCallback(webhook.bot, 'callback', {
        secretToken: webhook.secret,
        onTimeout: 'return',
        timeoutMilliseconds: webhook.timeoutMs ?? 9000,
      })
    : undefined;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  let closing = false;

  const send = (res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
    if (res.headersSent) return;
    res.writeHead(status, { 'content-type': type, ...(closing ? { connection: 'close' } : {}) });
    res.end(body);
  };

  const route = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (webhook && handleUpdate && url.pathname === webhook.path) {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed\n');
      if (!sameSecret(req.headers[SECRET_HEADER], webhook.secret)) return send(res, 401, 'unauthorized\n');
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return send(res, 413, 'body too large\n');
      const body = await readBody(req, MAX_BODY_BYTES);
      if (!body) return send(res, 413, 'body too large\n');
      let update: Update;
      try {
        update = JSON.parse(body.toString('utf8')) as Update;
        if (typeof update !== 'object' || update === null || typeof update.update_id !== 'number')
          throw new Error('not an update');
      } catch {
        return send(res, 400, 'not a Telegram update\n');
      }
      await handleUpdate(
        update,
        (json: string) => send(res, 200, json, 'application/json'),
        req.headers[SECRET_HEADER] as string,
        () => send(res, 401, 'unauthorized\n'),
      );
      return send(res, 200, '');
    }
    if (url.pathname === '/healthz' || url.pathname === '/readyz' || url.pathname === '/metrics') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
      if (url.pathname === '/healthz') return send(res, 200, 'ok\n');
      if (url.pathname === '/readyz') {
        const problems = closing ? ['shutting down'] : await readiness();
        return send(res, problems.length ? 503 : 200, problems.length ? `${problems.join('\n')}\n` : 'ready\n');
      }
      return send(res, 200, await registry.metrics(), registry.contentType);
    }
    if (options.pages?.handles(url.pathname)) return options.pages.serve(req, res, url);
    return send(res, 404, 'not found\n');
  };

  const server = http.createServer((req, res) => {
    inFlight++;
    route(req, res)
      .catch((err: unknown) => {
        log.error({ err: (err as Error).stack ?? String(err) }, 'HTTP request failed');
        send(res, 500, 'internal error\n');
      })
      .finally(() => {
        if (--inFlight === 0) idle?.();
      });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.on('error', (err) => log.error({ err: err.message }, 'HTTP server error'));

  return {
    port: (server.address() as AddressInfo).port,
    async close(graceMs: number) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve));
      await Promise.race([drained, new Promise((r) => setTimeout(r, graceMs).unref())]);
      server.closeAllConnections();
      await closed;
    },
  };
}
