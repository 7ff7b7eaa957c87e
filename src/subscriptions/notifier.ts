/**
 * Delivers queued notifications, paced under Telegram's limits. Each is claimed in the database
 * before it is sent, so none is sent twice, even across a crash. A user who blocked the bot
 * (403) is forgotten.
 */
import { GrammyError, type Api } from 'grammy';
import type { Logger } from '../logger.ts';
import type { SubscriptionStore } from './subscription-store.ts';

export interface NotifierOptions {
  /** Messages per second at most (Telegram allows about 30 to different chats). */
  perSecond?: number;
  pollMs?: number;
}

export class Notifier {
  private timer?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly store: SubscriptionStore,
    private readonly api: Api,
    private readonly log: Logger,
    private readonly options: NotifierOptions = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.drain(), this.options.pollMs ?? 1000);
    this.timer.unref();
    void this.drain();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.draining;
  }

  /** Sends everything pending now; concurrent calls share one run. */
  drain(): Promise<void> {
    this.draining ??= this.run().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async run(): Promise<void> {
    const gap = 1000 / (this.options.perSecond ?? 20);
    while (!this.stopped) {
      const batch = this.store.pending(25);
      if (batch.length === 0) return;
      for (const n of batch) {
        if (this.stopped) return;
        if (!this.store.claim(n.id)) continue;
        try {
          await this.api.sendMessage(n.chatId, n.text, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
          });
          this.store.finish(n.id, 'sent');
        } catch (err) {
          this.store.finish(n.id, 'failed');
          if (err instanceof GrammyError && err.error_code === 403) {
            this.store.forget(n.chatId);
            this.log.info({ chatId: n.chatId }, 'subscriber blocked the bot; subscriptions removed');
          } else {
            this.log.warn({ chatId: n.chatId, err: (err as Error).message }, 'notification not delivered');
          }
        }
        await new Promise((resolve) => setTimeout(resolve, gap));
      }
    }
  }
}
