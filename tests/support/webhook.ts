/**
 * Driving the bot in webhook mode from tests: updates POSTed with the secret header the bot
 * registered (read from the loopback Bot API stand-in's setWebhook call), a round-robin proxy in
 * front of several instances (a load balancer), and a tagging forwarder that tells which instance
 * made a Bot API call.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import type { FakeBotApi } from './fake-bot-api.ts';

export interface Posted {
  status: number;
  body: string;
}

/** POSTs a body to `url` with the secret header (when given). */
export async function post(url: string, body: string, secret?: string): Promise<Posted> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body,
  });
  return { status: res.status, body: await res.text() };
}

/** Builds updates and delivers them the way Telegram does to a webhook. */
export class WebhookDriver {
  private updateId = 100_000;
  private messageId = 90_000;

  constructor(private readonly api: FakeBotApi) {}

  /** The URL and secret of the last setWebhook call. */
  get webhook(): { url: string; secret: string } {
    const call = this.api.sent('setWebhook').at(-1);
    if (!call) throw new Error('the bot registered no webhook');
    return { url: String(call.payload.url), secret: String(call.payload.secret_token) };
  }

  /** Delivers an update (update_id assigned) to `url` (default: the registered webhook). */
  async deliver(update: Omit<Update, 'update_id'>, url = this.webhook.url): Promise<{ id: number } & Posted> {
    const id = ++this.updateId;
    const res = await post(url, JSON.stringify({ update_id: id, ...update }), this.webhook.secret);
    return { id, ...res };
  }

  text(text: string, userId = 100, url?: string) {
    const entities = text.startsWith('/')
      ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
      : undefined;
    return this.deliver(
      {
        message: {
          message_id: ++this.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: userId, type: 'private', first_name: 'U' },
          from: { id: userId, is_bot: false, first_name: 'U' },
          text,
          entities,
        },
      } as never,
      url,
    );
  }

  /** A press of an inline button under the bot's message `messageId` in the user's chat. */
  press(data: string, userId: number, messageId: number, url?: string) {
    return this.deliver(
      {
        callback_query: {
          id: String(++this.updateId),
          from: { id: userId, is_bot: false, first_name: 'U' },
          chat_instance: '1',
          data,
          message: {
            message_id: messageId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: userId, type: 'private', first_name: 'U' },
            text: '…',
          },
        },
      } as never,
      url,
    );
  }
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A small HTTP server on a free loopback port that hands each request to `handle`. */
abstract class LoopbackServer {
  private server?: http.Server;

  protected abstract handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    return listen(this.server);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

async function forward(
  req: http.IncomingMessage,
  body: Buffer,
  target: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

async function readAll(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A load balancer: each request to the next target in turn; a target that refuses the connection
 * (stopped, restarting) is skipped, as a load balancer's health check would.
 */
export class RoundRobinProxy extends LoopbackServer {
  private next = 0;
  /** Which target answered each request, in order. */
  readonly handledBy: number[] = [];

  constructor(readonly targets: string[]) {
    super();
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readAll(req);
    for (let tries = 0; tries < this.targets.length * 2; tries++) {
      const k = this.next++ % this.targets.length;
      try {
        const answer = await forward(req, body, this.targets[k]!);
        this.handledBy.push(k);
        res.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'text/plain' });
        res.end(answer.body);
        return;
      } catch {
        // refused or reset before an answer: the next one
      }
    }
    res.writeHead(502).end('no instance answered\n');
  }
}

/** A forwarder to the Bot API stand-in that records which instance (`tag`) made each call. */
export class TaggingForwarder extends LoopbackServer {
  /** [tag, method] of each call, in order. */
  static readonly calls: [tag: string, method: string][] = [];

  constructor(
    private readonly target: string,
    private readonly tag: string,
  ) {
    super();
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readAll(req);
    TaggingForwarder.calls.push([this.tag, (req.url ?? '').split('/').pop() ?? '']);
    try {
      const answer = await forward(req, body, this.target);
      res.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
      res.end(answer.body);
    } catch {
      req.socket.destroy();
    }
  }
}
