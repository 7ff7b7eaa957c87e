/**
 * The outbox of notifications and the pause Telegram asks for (a 429).
 *
 * Delivery is at most once and exactly once in the ordinary case: an instance claims a few
 * outbox rows with a lease ('claimed'), marks each 'sending' just before the message goes out and
 * 'sent' after. Rows whose claim expired (their instance died) go back to 'pending' for another
 * instance; a row left 'sending' by a dead instance may have been delivered, so it becomes
 * 'unknown' and is never sent again.
 */

export interface Notification {
  id: number;
  chatId: number;
  source: string;
  text: string;
  attempts: number;
}

/** A delivery-outbox row as both databases return it (snake_case columns). */
export interface OutboxRow {
  id: number;
  chat_id: number;
  source: string;
  text: string;
  attempts: number;
}

export const toNotification = (r: OutboxRow): Notification => ({
  id: r.id,
  chatId: r.chat_id,
  source: r.source,
  text: r.text,
  attempts: r.attempts,
});

export type DeliveryState = 'pending' | 'claimed' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface NotificationOutbox {
  /** The next notifications waiting, oldest first (not claimed). */
  pending(limit: number): Promise<Notification[]>;
  /** Claims up to `limit` due notifications for `owner` until `now + leaseMs`. */
  claimBatch(owner: string, limit: number, leaseMs: number, now?: number): Promise<Notification[]>;
  /** Marks a claimed notification as going out now; false when the claim was lost. */
  startSending(id: number, owner: string): Promise<boolean>;
  /** Records the outcome of sending. */
  finish(id: number, state: 'sent' | 'failed'): Promise<void>;
  /** Gives a claimed or sending notification back, to go out at `notBefore` (a 429, a shutdown). */
  release(id: number, notBefore: number, attempted?: boolean): Promise<void>;
  /** Returns the owner's claimed (not sending) notifications to the queue (a clean shutdown). */
  releaseAll(owner: string): Promise<number>;
  /** Expired claims back to 'pending'; expired 'sending' rows (maybe delivered) to 'unknown'. */
  expireClaims(now?: number): Promise<{ requeued: number; lost: number }>;
  /** Telegram asked the bot to wait (a 429): no instance sends before `until` (the later pause wins). */
  pauseDelivery(until: number): Promise<void>;
  /** Until when delivery is paused (0: not paused). */
  deliveryPause(): Promise<number>;
  /** Forgets delivered, failed and lost notifications created before `before`; resolves to how many. */
  pruneOutbox(before: number): Promise<number>;
  /** How many notifications are in each state. */
  deliveryCounts(): Promise<Partial<Record<DeliveryState, number>>>;
}
