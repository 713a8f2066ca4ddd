/**
 * Platforms that answered 401 Unauthorized to the bot's token (revoked or replaced): the token is
 * ours, not a chat's, so no chat is paused; every delivery to the platform waits, parked, for a
 * restart with a valid token (a token cannot change under a running process).
 */
import type { Logger } from '../log.js';
import type { OutboxRow } from '../store/types.js';
import type { Platform } from '../config/schema.js';

export class RefusedTokens {
  private readonly why = new Map<string, string>();

  /** Why deliveries to `platform` wait, if its token was refused. */
  reasonFor(platform: string): string | undefined {
    return this.why.get(platform);
  }

  has(platform: string): boolean {
    return this.why.has(platform);
  }

  /**
   * Records the refusal met by `row`'s call, saying so once per platform: in the log, and to `told` (the platform's
   * connection state, which `status` and /healthz read: store/parked.ts), so an operator sees it where they look.
   */
  refuse(row: OutboxRow, reason: string, log: Logger, told?: (platform: Platform, why: string) => void): void {
    const platform = row.target.platform;
    if (this.why.has(platform)) return;
    const why = `${platform} refused the bot token (401 Unauthorized: revoked or replaced?): its deliveries wait, no chat is paused; restart notecast with a valid token and they go out (${reason})`;
    this.why.set(platform, why);
    log.error({ platform, delivery: row.id, reason }, why);
    told?.(platform, `token refused while running (401 Unauthorized: revoked or replaced?); its deliveries are parked until a restart with a valid token (${reason})`);
  }
}
