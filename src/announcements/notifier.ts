/**
 * Delivers queued notifications, paced under Telegram's limits. A few are claimed at a time with
 * a lease, and each is marked 'sending' just before it goes out, so no notification is sent twice
 * — not across instances, not across a crash (see src/storage/outbox.ts).
 *
 * Telegram's answers are handled here rather than by auto-retry, so that a wait never holds a
 * claim: a 429 gives the batch back and pauses delivery for `retry_after` — on every instance, and
 * after a restart, since the pause is kept in the database (a stop ends the wait at once, and the
 * message goes out after the restart, once the pause is over); a 5xx or a dropped connection gives the
 * message back for a later try, three tries in all; a group that became a supergroup
 * (`migrate_to_chat_id`) has its subscriptions moved and gets the message at the new id; a user
 * who blocked the bot (403) is forgotten.
 */
import { randomBytes } from 'node:crypto';
import { type Api, GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Logger } from '../logger.ts';
import type { Notification, NotificationOutbox } from '../storage/outbox.ts';
import type { Subscriptions } from '../storage/subscriptions.ts';

export interface NotifierOptions {
  /** Messages per second at most from this sender (Telegram allows about 30 to different chats). */
  perSecond?: number;
  pollMs?: number;
  /** This instance's name in claims. */
  owner?: string;
  /** How long a claim lasts before another instance may take the work over. */
  leaseMs?: number;
  /** Notifications claimed at a time. */
  batchSize?: number;
  /** Tries of one notification against 5xx and network errors. */
  maxAttempts?: number;
  /** The clock Telegram's pauses are measured by (tests pass their own instead of waiting). */
  now?: () => number;
  /** Buttons under a notification (the digest's: one per new article); none when undefined. */
  replyMarkup?: (notification: Notification) => InlineKeyboardMarkup | undefined;
  /** Told about each outcome (metrics). */
  onOutcome?: (outcome: 'sent' | 'failed' | 'blocked' | 'moved' | 'retry' | 'flood') => void;
}

export class Notifier {
  private timer?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private stopped = false;
  private wake?: () => void;
  private pausedUntil = 0;
  private failing = false;
  readonly owner: string;
  private readonly now: () => number;

  constructor(
    /** The outbox; a chat's subscriptions move with a supergroup and go with a user who blocked the bot. */
    private readonly store: NotificationOutbox & Pick<Subscriptions, 'moveChat' | 'forget'>,
    private readonly api: Api,
    private readonly log: Logger,
    private readonly options: NotifierOptions = {},
  ) {
    this.owner = options.owner ?? randomBytes(6).toString('hex');
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.drain(), this.options.pollMs ?? 1000);
    this.timer.unref();
    void this.drain();
  }

  /** Stops after the message going out now (a pause for a 429 ends at once); gives back unsent claims. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.wake?.();
    await this.draining;
    await this.store.releaseAll(this.owner).catch(() => {});
  }

  /** Sends everything due now; concurrent calls share one run. Never rejects. */
  drain(): Promise<void> {
    this.draining ??= this.run()
      .then(() => {
        if (this.failing) this.log.info('notification delivery resumed');
        this.failing = false;
      })
      .catch((err: unknown) => {
        // Said once, not every second while the database stays locked or away.
        if (!this.failing)
          this.log.warn({ err: (err as Error).message }, 'notification delivery paused: the database failed');
        this.failing = true;
      })
      .finally(() => {
        this.draining = null;
      });
    return this.draining;
  }

  private async sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopped) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
    this.wake = undefined;
  }

  private async run(): Promise<void> {
    const { perSecond = 20, leaseMs = 30_000, batchSize = 10, maxAttempts = 3, onOutcome = () => {} } = this.options;
    const gap = 1000 / perSecond;
    // A pause another instance (or this one before a restart) was asked for holds here too.
    this.pausedUntil = Math.max(this.pausedUntil, await this.store.deliveryPause());
    const { lost } = await this.store.expireClaims(this.now());
    if (lost > 0)
      this.log.warn(
        { lost },
        'notifications were going out when their sender died: not sent again, maybe not delivered',
      );
    while (!this.stopped && this.now() >= this.pausedUntil) {
      const batch = await this.store.claimBatch(this.owner, batchSize, leaseMs, this.now());
      if (batch.length === 0) return;
      for (const n of batch) {
        if (this.stopped || this.now() < this.pausedUntil) break;
        if (!(await this.store.startSending(n.id, this.owner))) continue;
        try {
          const reply_markup = this.options.replyMarkup?.(n);
          await this.api.sendMessage(n.chatId, n.text, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(reply_markup ? { reply_markup } : {}),
          });
          await this.store.finish(n.id, 'sent');
          onOutcome('sent');
        } catch (err) {
          await this.failed(n, err, maxAttempts, onOutcome);
        }
        await this.sleep(gap);
      }
      // Whatever this run did not reach goes back to the queue.
      await this.store.releaseAll(this.owner);
      if (!this.stopped && this.now() < this.pausedUntil) {
        await this.sleep(this.pausedUntil - this.now());
        if (!this.stopped) continue;
      }
    }
  }

  private async failed(
    n: { id: number; chatId: number; attempts: number },
    err: unknown,
    maxAttempts: number,
    onOutcome: NonNullable<NotifierOptions['onOutcome']>,
  ): Promise<void> {
    const now = this.now();
    if (err instanceof GrammyError) {
      const retryAfter = err.parameters.retry_after;
      const movedTo = err.parameters.migrate_to_chat_id;
      if (err.error_code === 429 && retryAfter !== undefined) {
        this.pausedUntil = now + retryAfter * 1000;
        await this.store.pauseDelivery(this.pausedUntil);
        await this.store.release(n.id, this.pausedUntil);
        onOutcome('flood');
        this.log.info({ retryAfter }, 'Telegram asked to slow down; notifications paused');
        return;
      }
      if (movedTo !== undefined) {
        await this.store.release(n.id, now);
        await this.store.moveChat(n.chatId, movedTo);
        onOutcome('moved');
        this.log.info({ from: n.chatId, to: movedTo }, 'group became a supergroup; subscriptions moved');
        return;
      }
      if (err.error_code === 403) {
        await this.store.finish(n.id, 'failed');
        await this.store.forget(n.chatId);
        onOutcome('blocked');
        this.log.info({ chatId: n.chatId }, 'subscriber blocked the bot; subscriptions removed');
        return;
      }
      if (err.error_code < 500) {
        await this.store.finish(n.id, 'failed');
        onOutcome('failed');
        this.log.warn({ chatId: n.chatId, err: err.description }, 'notification refused by Telegram');
        return;
      }
    }
    if ((err instanceof GrammyError || err instanceof HttpError) && n.attempts + 1 < maxAttempts) {
      await this.store.release(n.id, now + 5000 * (n.attempts + 1), true);
      onOutcome('retry');
      return;
    }
    await this.store.finish(n.id, 'failed');
    onOutcome('failed');
    this.log.warn({ chatId: n.chatId, err: (err as Error).message }, 'notification not delivered');
  }
}
