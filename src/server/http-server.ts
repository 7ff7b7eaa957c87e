/**
 * The bot's HTTP server (node:http): Telegram's webhook, and the operator's endpoints —
 * `GET /healthz` (the process lives), `GET /readyz` (ready to answer: 503 otherwise, within 1 s,
 * naming no host or credentials) and `GET /metrics` (Prometheus text). A webhook request without
 * the right secret header gets 401 before its body is read; bodies over 1 MB get 413, other
 * methods 405, other paths 404. The web pages (pages/), when given, answer their own paths.
 *
 * An update is answered 200 once it is handled or its error is logged (see error-handler.ts):
 * an error never becomes a 500, which would make Telegram deliver the update again and again. An
 * update seen before (`firstDelivery`, shared by every instance) is answered 200 unhandled. A slow
 * handler never holds Telegram's request past the timeout: the request is answered and the
 * handler finishes on its own, its late error logged like any other. Connections are capped and
 * a client gets a few seconds to send its headers, so idle or half-open connections cannot
 * exhaust the process's file descriptors.
 */
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Bot, BotError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.ts';
import type { Pages } from './pages/router.ts';
import { DeadlineExceeded, withDeadline } from '../storage/fallback.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Open connections at most: Telegram uses up to 40 (setWebhook's max_connections), operators a few. */
export const MAX_CONNECTIONS = 1000;

/**
 * The connection cap for this process: MAX_CONNECTIONS, or half its file descriptors when it may
 * open fewer than twice that (Linux's /proc/self/limits; Node raises the soft limit to the hard
 * one), so connections never take the descriptors the corpus folder and the database need.
 */
export function connectionCap(limitsFile = '/proc/self/limits'): number {
  try {
    const line = fs
      .readFileSync(limitsFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    if (Number.isFinite(soft) && soft > 0) return Math.max(16, Math.min(MAX_CONNECTIONS, Math.floor(soft / 2)));
  } catch {
    // Not Linux, or no /proc: the fixed cap.
  }
  return MAX_CONNECTIONS;
}
/** A client must have sent its request headers by then, or the connection is closed. */
export const HEADERS_TIMEOUT_MS = 5000;
/** The whole request (a body of at most 1 MB) by then. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** /readyz answers within this, whatever the checks behind it are waiting for. */
export const READINESS_DEADLINE_MS = 1000;

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** Serves Telegram's updates on this path when given. */
  webhook?: {
    bot: Bot;
    path: string;
    secret: string;
    /** Telegram is answered after this even if the handler goes on (grammY's 9 s by default). */
    timeoutMs?: number;
    /** False for an update id handled before (by this instance or another): answered, not handled again. */
    firstDelivery?: (updateId: number) => Promise<boolean>;
  };
  /** Resolves to the reasons the bot is not ready (empty when ready). */
  readiness: () => Promise<string[]>;
  registry: Registry;
  log: Logger;
  /** The web pages (pages/router.ts), served on their paths when given. */
  pages?: Pages;
  /** Limits (tests shorten them). */
  maxConnections?: number;
  headersTimeoutMs?: number;
  readinessDeadlineMs?: number;
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Handles one update; never rejects. Its error goes to the bot's error handler (one line), and a
 * failing error handler is logged too: a late failure must not become an unhandled rejection.
 */
async function handleUpdate(bot: Bot, update: Update, log: Logger): Promise<void> {
  try {
    if (!bot.isInited()) await bot.init();
    await bot.handleUpdate(update);
  } catch (err) {
    try {
      if (err instanceof BotError) await bot.errorHandler(err);
      else log.error({ update: update.update_id, err: (err as Error)?.message ?? String(err) }, 'update not handled');
    } catch (failed) {
      log.error(
        { update: update.update_id, err: (failed as Error)?.message ?? String(failed) },
        'error handler failed',
      );
    }
  }
}

/** Whether the update was seen before; when that cannot be told, it is handled (never dropped for it). */
async function seenBefore(webhook: NonNullable<HttpServerOptions['webhook']>, id: number): Promise<boolean> {
  if (!webhook.firstDelivery) return false;
  try {
    return !(await webhook.firstDelivery(id));
  } catch {
    return false;
  }
}

/** The readiness checks within READINESS_DEADLINE_MS; a check still running by then is a problem. */
function readyWithin(readiness: () => Promise<string[]>, ms: number): Promise<string[]> {
  return withDeadline(readiness(), ms, 'readiness').catch((err: unknown) => [
    err instanceof DeadlineExceeded ? 'readiness checks did not finish in time' : 'readiness checks failed',
  ]);
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { webhook, readiness, registry, log } = options;
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
    if (webhook && url.pathname === webhook.path) {
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
      if (await seenBefore(webhook, update.update_id)) {
        log.info({ update: update.update_id }, 'update delivered again; handled already');
        return send(res, 200, '');
      }
      const timeoutMs = webhook.timeoutMs ?? 9000;
      const handled = await Promise.race([
        handleUpdate(webhook.bot, update, log).then(() => true),
        sleep(timeoutMs).then(() => false),
      ]);
      if (!handled)
        log.warn(
          { update: update.update_id, afterMs: timeoutMs },
          'update still being handled; answered Telegram, the handler goes on',
        );
      return send(res, 200, '');
    }
    if (url.pathname === '/healthz' || url.pathname === '/readyz' || url.pathname === '/metrics') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
      if (url.pathname === '/healthz') return send(res, 200, 'ok\n');
      if (url.pathname === '/readyz') {
        const problems = closing
          ? ['shutting down']
          : await readyWithin(readiness, options.readinessDeadlineMs ?? READINESS_DEADLINE_MS);
        return send(res, problems.length ? 503 : 200, problems.length ? `${problems.join('\n')}\n` : 'ready\n');
      }
      return send(res, 200, await registry.metrics(), registry.contentType);
    }
    if (options.pages?.handles(url.pathname)) return options.pages.serve(req, res, url);
    return send(res, 404, 'not found\n');
  };

  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  // Given at creation (Node reads them then, not when set afterwards); checked every second, not
  // Node's default 30 s, so a connection that sends nothing, or half its headers, goes promptly.
  const timeouts = {
    headersTimeout,
    requestTimeout: Math.max(REQUEST_TIMEOUT_MS, headersTimeout),
    connectionsCheckingInterval: Math.min(1000, headersTimeout),
    keepAliveTimeout: 5000,
  };
  // Node times out headers only once a request has begun: a connection that sends nothing at
  // all would stay open for ever. Each connection gets the same time for its first request.
  const firstRequest = new WeakMap<Socket, NodeJS.Timeout>();
  const server = http.createServer(timeouts, (req, res) => {
    clearTimeout(firstRequest.get(req.socket));
    inFlight++;
    route(req, res)
      .catch((err: unknown) => {
        // A client that hung up mid-request is not a fault of the bot's: one line, no stack.
        if (req.destroyed || res.destroyed)
          log.info({ err: (err as Error).message ?? String(err) }, 'request abandoned by the client');
        else log.error({ err: (err as Error).stack ?? String(err) }, 'HTTP request failed');
        send(res, 500, 'internal error\n');
      })
      .finally(() => {
        if (--inFlight === 0) idle?.();
      });
  });
  server.maxConnections = options.maxConnections ?? connectionCap();
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), headersTimeout);
    timer.unref();
    firstRequest.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  let refused = 0;
  // Said once per minute at most: a flood of connections must not become a flood of log lines.
  server.on('drop', () => {
    if (refused++ === 0) {
      log.warn({ max: server.maxConnections }, 'too many connections; new ones are closed');
      setTimeout(() => (refused = 0), 60_000).unref();
    }
  });
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
