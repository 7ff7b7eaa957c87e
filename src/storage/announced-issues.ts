/**
 * The issues the bot knows and which of them were announced. Announcing an issue is claimed with
 * a lease, like the notifications in the outbox (outbox.ts), so one instance announces it and
 * another takes over if that one dies.
 */

/** What claiming an issue's announcement gave: this instance announces it, it is done, or another has it. */
export type IssueClaim = 'claimed' | 'done' | 'taken';

export interface AnnouncedIssues {
  /** Whether any issue was ever recorded (false on the very first start). */
  hasBaseline(): Promise<boolean>;
  /** Records issues as known without announcing them (the corpus the bot started with). */
  markSeen(sources: string[]): Promise<void>;
  /** The given issues never seen before (neither baseline, nor announced, nor being announced). */
  unseen(sources: string[]): Promise<string[]>;
  /** Claims the announcement of an issue for `owner` until `now + leaseMs`. */
  claimIssue(source: string, owner: string, leaseMs: number, now?: number): Promise<IssueClaim>;
  /**
   * Marks an issue announced and queues its notifications, in one transaction: an issue is
   * announced once, and a chat gets one notification per issue. False when it was announced
   * already or another owner holds a live claim on it.
   */
  announce(
    source: string,
    notifications: { chatId: number; text: string }[],
    owner?: string,
    now?: number,
  ): Promise<boolean>;
}
