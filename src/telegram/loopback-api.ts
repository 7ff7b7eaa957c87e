/**
 * A loopback stand-in for the Telegram Bot API, speaking enough of it for the bot to hold a
 * conversation: getMe, getUpdates (long polling with offsets), sendMessage, editMessageText,
 * answerCallbackQuery, answerInlineQuery, setMyCommands and deleteWebhook. It records every call,
 * refuses what Telegram refuses (invalid HTML, text past the limits, lone surrogates: a 400, see
 * bot-api-rules.ts), and faults can be queued per method (an error reply, or a dropped
 * connection). Used by the tests and by `npm run bench`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { refusalOf } from './bot-api-rules.ts';

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** Telegram's 400 description when the call was refused. */
  refused?: string;
}

export type Fault =
  | { status: number; description: string; retryAfter?: number; parameters?: Record<string, unknown> }
  | 'drop';

export const LOOPBACK_BOT_INFO = {
  id: 777,
  is_bot: true,
  first_name: 'Test Bot',
  username: 'test_news_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

export class LoopbackBotApi {
  readonly calls: RecordedCall[] = [];
  private readonly pending: Update[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private pollers: (() => void)[] = [];
  private callListeners: (() => void)[] = [];
  private messageId = 5000;
  private nextUpdateId = 1;
  private server?: http.Server;

  /** Starts listening on a free loopback port; resolves to the API root (no trailing slash). */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollers) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Queues an update for the bot; update_id is assigned. */
  push(update: Omit<Update, 'update_id'>): number {
    const id = this.nextUpdateId++;
    this.pending.push({ update_id: id, ...update } as Update);
    for (const wake of this.pollers.splice(0)) wake();
    return id;
  }

  /** A private text message from user `userId`. */
  pushText(
    text: string,
    userId = 100,
    chat: { id: number; type: string; title?: string } = { id: userId, type: 'private' },
  ): number {
    const entities = text.startsWith('/')
      ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
      : undefined;
    return this.push({
      message: {
        message_id: this.messageId++,
        date: Math.floor(Date.now() / 1000),
        chat,
        from: { id: userId, is_bot: false, first_name: 'U' },
        text,
        entities,
      },
    } as never);
  }

  /** Makes the next calls of `method` fail as given, one fault per call. */
  fail(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /** Waits until a call matching the predicate has been recorded. */
  async waitFor(predicate: (c: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for a call; saw: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.callListeners.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The calls of `method` that Telegram would have accepted. */
  sent(method = 'sendMessage'): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && !c.refused);
  }

  /** The calls refused with a 400, as `method: description`. */
  refusals(): string[] {
    return this.calls.filter((c) => c.refused).map((c) => `${c.method}: ${c.refused}`);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = (req.url ?? '').split('/').pop() ?? '';
    let body = '';
    for await (const chunk of req) body += chunk;
    let payload: Record<string, unknown> = {};
    try {
      payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      payload = {};
    }
    const fault = this.faults.get(method)?.shift();
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    const refused = fault ? undefined : refusalOf(method, payload);
    if (method !== 'getUpdates') {
      this.calls.push({ method, payload, at: Date.now(), ...(refused ? { refused } : {}) });
      for (const l of this.callListeners.splice(0)) l();
    }
    const reply = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (refused) {
      reply(400, { ok: false, error_code: 400, description: refused });
      return;
    }
    if (fault) {
      reply(fault.status, {
        ok: false,
        error_code: fault.status,
        description: fault.description,
        ...(fault.retryAfter ? { parameters: { retry_after: fault.retryAfter } } : {}),
        ...(fault.parameters ? { parameters: fault.parameters } : {}),
      });
      return;
    }
    reply(200, { ok: true, result: await this.result(method, payload) });
  }

  private async result(method: string, p: Record<string, unknown>): Promise<unknown> {
    const now = Math.floor(Date.now() / 1000);
    switch (method) {
      case 'getMe':
        return LOOPBACK_BOT_INFO;
      case 'getUpdates': {
        const offset = Number(p.offset ?? 0);
        const drop = this.pending.findIndex((u) => u.update_id >= offset);
        this.pending.splice(0, drop < 0 ? this.pending.length : drop);
        if (this.pending.length === 0) {
          const waitMs = Math.min(Number(p.timeout ?? 0) * 1000, 1000);
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, waitMs);
            this.pollers.push(() => {
              clearTimeout(t);
              resolve();
            });
          });
        }
        return this.pending.slice(0, Number(p.limit ?? 100));
      }
      case 'sendMessage':
        return { message_id: this.messageId++, date: now, chat: { id: p.chat_id, type: 'private' }, text: p.text };
      case 'editMessageText':
        return { message_id: p.message_id, date: now, chat: { id: p.chat_id, type: 'private' }, text: p.text };
      default:
        return true;
    }
  }
}
