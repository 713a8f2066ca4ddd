/**
 * Posts held after two unanswered sends (issue 25, seed 1308). A Telegram post whose send and resend both got no answer
 * while Telegram answered getMe may show once or twice in its chat (no idempotency key: tdlib/telegram-bot-api#126,
 * #482; python-telegram-bot#1045 saw one delivered three times), or not at all: a connection closed after the request
 * was written and before Telegram read it looks, to the client, like one closed after the post was made (a socket
 * closed with no answer either way). Failing it for good lost the post in the second case; sending it on at once can
 * add a message per send in the first. So it is held (outcomes.ts), and sent again only once a definite signal that
 * the platform's sends work came after its latest unanswered send: another delivery there answered, or an outage's end
 * seen by getMe (PlatformConnections onUp). One signal lets it go once; a send unanswered again holds it again. A send
 * that timed out (our limit, not a closed connection) was being worked on by Telegram, so most likely posted: another
 * chat's post answered says nothing of it, and only an outage's end lets it go (a send answered late adds no message).
 */
import type { Statement } from '../store/db.js';
import { maybeSentAt } from '../store/maybe-sent.js';
import { isHeldUnanswered } from '../store/held-unanswered.js';
import type { OutboxRow } from '../store/types.js';

type Sql = (text: string) => Statement;

/** What a signal is: a send of the platform answered, or the platform up again after an outage. */
export type SignalKind = 'send' | 'up';

/** When each platform last gave a definite signal that its sends work (on the deliverer's clock). */
export class SendSignals {
  private readonly at = new Map<string, number>();
  private readonly upAt = new Map<string, number>();

  signal(platform: string, now: number, kind: SignalKind): void {
    this.at.set(platform, now);
    if (kind === 'up') this.upAt.set(platform, now);
  }

  /** When `platform` last gave one that lets a post held so go (undefined: not in this run). */
  last(platform: string, afterTimeout: boolean): number | undefined {
    return (afterTimeout ? this.upAt : this.at).get(platform);
  }

  /** Whether `row` may be sent: it is no held post, or a signal came after its latest send that may have reached the chat. */
  mayGo(sql: Sql, row: OutboxRow): boolean {
    if (!isHeldUnanswered(row)) return true;
    const afterTimeout = row.held === 'after-timeout';
    return (this.last(row.target.platform, afterTimeout) ?? -Infinity) > (maybeSentAt(sql, row.id) ?? -Infinity);
  }
}
