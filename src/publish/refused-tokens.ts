/**
 * A platform that answered 401 Unauthorized to the bot's token (revoked or replaced): the token is ours, not a
 * chat's, so no chat is paused; every delivery to the platform waits, parked, for a restart with a valid token (a
 * token cannot change under a running process). The running service keeps it in one place, the platform's
 * connection state (connections.ts), whichever call met the 401 (a delivery, a command's reply, a poll, a webhook
 * check); a deliverer run without connections (tests) keeps it here.
 */
import type { Logger } from '../log.js';
import type { Platform } from '../config/schema.js';

/** Where the deliverer reads and records a refused token. */
export interface TokenRefusals {
  /** Why deliveries to `platform` wait, if its token was refused. */
  reasonFor(platform: string): string | undefined;
  /** A call to `platform` was answered 401 (`reason`: the call and the answer). */
  refuse(platform: Platform, reason: string): void;
}

/** What a delivery parked for a refused token says (its `last_error`, the log line, `status`). */
export function tokenRefusedText(platform: string, reason: string): string {
  return `${platform} refused the bot token (401 Unauthorized: revoked or replaced?): its deliveries wait, no chat is paused; restart notecast with a valid token and they go out (${reason})`;
}

/** The refusals of a deliverer run on its own. */
export class RefusedTokens implements TokenRefusals {
  private readonly why = new Map<string, string>();

  constructor(private readonly log: Logger) {}

  reasonFor(platform: string): string | undefined {
    return this.why.get(platform);
  }

  refuse(platform: Platform, reason: string): void {
    if (this.why.has(platform)) return;
    const why = tokenRefusedText(platform, reason);
    this.why.set(platform, why);
    this.log.error({ platform, reason }, why);
  }
}
