/**
 * Posts held after two unanswered sends (issue 25, seed 1308). A Telegram post whose send and resend both got no answer
 * while Telegram answered getMe may show once or twice in its chat (no idempotency key: tdlib/telegram-bot-api#126,
 * #482; python-telegram-bot#1045 saw one delivered three times), or not at all: a connection closed after the request
 * was written and before Telegram read it looks, to the client, like one closed after the post was made (a socket
 * closed with no answer either way). Failing it for good lost the post in the second case; sending it on at once can
 * add a message per send in the first. So it is held (outcomes.ts), and sent again only once a definite signal that
 * the platform's sends work came after its latest unanswered send (another delivery there answered, or an outage's end
 * seen by getMe: PlatformConnections onUp), or after `delivery.heldMaxMs`, whichever first: a healthy platform may give
 * no signal the post waits for, and a post held for good was lost (tester 37 F1). That send is its last: unanswered
 * too, it is given up (outcomes.ts). A send that timed out is no exception: a timeout does not mean the platform had the
 * request (ehForwarderBot/efb-telegram-master#118: "would only tell us that we did not receive an expected response").
 */
import type { Statement } from '../store/db.js';
import { maybeSentAt } from '../store/maybe-sent.js';
import { isHeldUnanswered } from '../store/held-unanswered.js';
import type { OutboxRow } from '../store/types.js';

type Sql = (text: string) => Statement;

/** What a signal is: a send of the platform answered, or the platform up again after an outage. */
export type SignalKind = 'send' | 'up';

/** How long a held post waits for a signal at most unless configured (`delivery.heldMaxMs`). */
export const HELD_MAX_MS = 5 * 60_000;

/** When each platform last gave a definite signal that its sends work (on the deliverer's clock). */
export class SendSignals {
  private readonly at = new Map<string, number>();

  signal(platform: string, now: number, _kind: SignalKind): void {
    this.at.set(platform, now);
  }

  /** When `platform` last gave one (undefined: not in this run). */
  last(platform: string): number | undefined {
    return this.at.get(platform);
  }

  /**
   * When `row` may be sent: undefined if now (no held post, a signal came after its latest send that may have reached
   * the chat, or it has waited `heldMaxMs` since that send), else when its hold ends.
   */
  heldUntil(sql: Sql, row: OutboxRow, now: number, heldMaxMs = HELD_MAX_MS): number | undefined {
    if (!isHeldUnanswered(row)) return undefined;
    const sentAt = maybeSentAt(sql, row.id) ?? -Infinity;
    if ((this.last(row.target.platform) ?? -Infinity) > sentAt || now >= sentAt + heldMaxMs) return undefined;
    return sentAt + heldMaxMs;
  }
}
