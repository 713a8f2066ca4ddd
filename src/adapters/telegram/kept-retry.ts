/**
 * When the kept updates (kept-updates.ts: replies owed, commands not carried out) are taken up again while the service
 * runs. Before (tester 32-1 F4, F5), only a call answered after one that got no answer at all did it: a reply Telegram
 * answered "502 Bad Gateway" was an answer, so nothing ever cued its replay, and it was sent only at the next start,
 * though Telegram took every later reply in the same chat.
 *
 * "Telegram answers again" is a call of ours Telegram served: carried out, or refused on its merits (any answer but one
 * that may change: errors.ts `answerMayChange`), getUpdates aside. Telegram hands out updates while its sends fail (the
 * fake's `failNext`, a front end answering 502 to sends: eternnoir/pyTelegramBotAPI#1780), so neither an answered poll
 * nor a webhook delivery says a reply would go through; a send, an edit, a getChatMember or a webhook check served does.
 * A quiet bot may make no such call for hours, so a timer is the backstop: while anything is kept it is tried again
 * after `delivery.baseDelayMs`, doubling up to REPLY_RETRY_MAX_MS (a person waits for a reply: seconds, not the
 * deliveries' minutes; at most 100 are kept, kept-updates.ts, so a try costs at most that many paced calls).
 */
import { backoffMs } from '../../publish/backoff.js';

/** The longest wait between two tries of what is kept, however long Telegram has not taken it. */
const REPLY_RETRY_MAX_MS = 10_000;

export interface KeptRetryOptions {
  /** Whether anything is kept now. */
  pending: () => boolean;
  /** Takes every kept update up once (one run at a time is the caller's: owed-sender.ts, webhook.ts). */
  replay: () => Promise<void>;
  /** The deliveries' backoff (`delivery.baseDelayMs`, `delivery.maxDelayMs`), capped at REPLY_RETRY_MAX_MS. */
  delays: { baseDelayMs: number; maxDelayMs: number };
  random?: () => number;
}

export class KeptRetry {
  private timer: NodeJS.Timeout | undefined;
  private tries = 0;
  private running = false;

  constructor(private readonly o: KeptRetryOptions) {}

  /** A start: what a run before kept is taken up now (the adapter is connected). */
  start(): void {
    this.running = true;
    this.runNow();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Telegram served a call (see above): what is kept goes now, and the backoff starts over. */
  served(): void {
    if (!this.running || !this.o.pending()) return;
    this.tries = 0;
    this.runNow();
  }

  /** Something was kept: tried again after the backoff unless a try is already set. */
  kept(): void {
    this.arm();
  }

  private runNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.o
      .replay()
      .catch(() => undefined) // each kept update's failure is logged where it is handled; the timer tries again
      .finally(() => {
        this.tries = this.o.pending() ? this.tries + 1 : 0;
        this.arm();
      });
  }

  private arm(): void {
    if (!this.running || this.timer || !this.o.pending()) return;
    const { baseDelayMs, maxDelayMs } = this.o.delays;
    const waitMs = backoffMs(this.tries + 1, { baseDelayMs, maxDelayMs: Math.min(maxDelayMs, REPLY_RETRY_MAX_MS) }, this.o.random);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runNow();
    }, waitMs);
    this.timer.unref();
  }
}
