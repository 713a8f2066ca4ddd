/**
 * Whether a failed delivery says anything about its chat or message. A connection refused, a name
 * not found, no answer or a 5xx is the platform's, not the message's, unless the platform answered
 * meanwhile: another delivery went through, or a probe (a call about no chat) found it up (every
 * chat failing alike is an outage; one post failing again right after the platform answered a probe
 * is that post's): only then does the failure spend one of the message's `delivery.maxAttempts`.
 * During an outage the platform's deliveries wait, parked, until it answers (PlatformConnections.lost),
 * as at a start while it is down.
 */
import type { Platform } from '../config/schema.js';
import type { OutboxRow } from '../store/types.js';

/** What the connections do with an outage: park the platform's deliveries, and lift that once a delivery goes through. */
export interface OutageHooks {
  /** Whether it keeps watch over `platform` (one it connects): deliveries of another are never parked for an outage. */
  watches(platform: Platform): boolean;
  lost(platform: Platform, reason: string): void;
  answered(platform: Platform): void;
}

const TRIED_KEPT = 10_000; // deliveries whose last try is remembered; past that the oldest are forgotten (a try then counts from itself)

export class PlatformOutages {
  private readonly answeredAt = new Map<string, number>();
  private readonly triedAt = new Map<number, number>();

  constructor(private readonly hooks: OutageHooks | undefined) {}

  /** A delivery's call goes out now: returns since when the platform must have answered for a failure to be the message's own. */
  trying(row: OutboxRow, now: number): number {
    const before = this.triedAt.get(row.id);
    this.triedAt.delete(row.id);
    this.triedAt.set(row.id, now);
    if (this.triedAt.size > TRIED_KEPT) this.triedAt.delete(this.triedAt.keys().next().value!);
    return before ?? now;
  }

  /** The platform answered a delivery (it went through, or was refused for a reason of its own). */
  answered(row: OutboxRow, now: number): void {
    this.triedAt.delete(row.id);
    this.answeredAt.set(row.target.platform, now);
    this.hooks?.answered(row.target.platform);
  }

  /**
   * The platform answered a call about no chat (it connected, or a probe in an outage answered): a delivery tried
   * before that which fails again fails on its own, and spends an attempt (else a post the platform always
   * refuses with a 5xx, with nothing else to send there, would wait and be tried again for ever).
   */
  probeAnswered(platform: Platform, now: number): void {
    this.answeredAt.set(platform, now);
  }

  /** Whether a transient failure of `row` tried since `since` is the platform's: no delivery of it got an answer since. */
  platformWide(row: OutboxRow, since: number): boolean {
    return this.hooks !== undefined && this.hooks.watches(row.target.platform) && (this.answeredAt.get(row.target.platform) ?? -Infinity) < since;
  }

  lost(row: OutboxRow, reason: string): void {
    this.hooks?.lost(row.target.platform, reason);
  }
}
