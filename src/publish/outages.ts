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
import { targetKey, type OutboxRow } from '../store/types.js';
import type { LastTry } from '../store/delivery-tries.js';

/**
 * A try of a delivery: when it goes out; since when the platform must have answered for its failure to be its own (its
 * previous try that failed unexplained, or now); how many failures in a row before it were judged neither way; whether
 * that try was told the chat is gone (not yet judged the chat's alone).
 */
export interface Try {
  at: number;
  since: number;
  unjudged: number;
  chatGoneBefore: boolean;
}

/**
 * A delivery's try going out `now`, after `last` (store/delivery-tries.ts: kept in the store, so a try in a later run
 * counts from it: that run's start, its platform answering as it connected, is an answer since).
 */
export function tryAfter(last: LastTry | undefined, now: number): Try {
  return { at: now, since: last?.at ?? now, unjudged: last?.unjudged ?? 0, chatGoneBefore: last?.chatGone ?? false };
}

/**
 * Whose a failure is: the platform's (its deliveries wait for it), the post's own (an attempt spent), or not yet
 * known (`tries`: how many in a row): a failure with nothing of the platform answered and no other chat failing since
 * the post's previous try says nothing either way (another chat's post may go through a moment later), so it is tried
 * again, no attempt spent, before it is judged; after UNJUDGED_TRIES such tries it is taken as the platform's (probed).
 */
export type Whose = { by: 'platform' } | { by: 'own' } | { by: 'unjudged'; tries: number };

const UNJUDGED_TRIES = 3;

/** What a chat's "chat not found" (confirmed by the adapter's check) is taken for: see PlatformOutages.chatGone. */
export type GoneVerdict = { by: 'platform'; firstSaid: boolean } | { by: 'alone' } | { by: 'unjudged' };

/** What the connections do with an outage: park the platform's deliveries, and lift that once a delivery goes through. */
export interface OutageHooks {
  /** Whether it keeps watch over `platform` (one it connects): deliveries of another are never parked for an outage. */
  watches(platform: Platform): boolean;
  lost(platform: Platform, reason: string): void;
  answered(platform: Platform): void;
}

export class PlatformOutages {
  private readonly answeredAt = new Map<string, number>();
  private readonly failedAt = new Map<string, Map<string, number>>(); // platform → chat → its last failure no answer explained
  private readonly deliveredAt = new Map<string, number>(); // platform → when a delivery there last went through
  private readonly goneAt = new Map<string, Map<string, number>>(); // platform → chat → its first chat-gone answer not yet judged alone
  private readonly goneSaid = new Set<string>(); // platforms whose chats' "chat not found" at once has been said since a delivery went through

  constructor(private readonly hooks: OutageHooks | undefined) {}

  /** A delivery went through: the platform answers, and that chat is not gone. */
  delivered(row: OutboxRow, now: number): void {
    this.answered(row, now);
    this.deliveredAt.set(row.target.platform, now);
    this.goneAt.get(row.target.platform)?.delete(targetKey(row.target));
    this.goneSaid.delete(row.target.platform);
  }

  /** The platform answered a delivery (it went through, or was refused for a reason of its own). */
  answered(row: OutboxRow, now: number): void {
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

  /**
   * Whose a transient failure of `row` is: its own when the platform answered (a delivery, or a probe) since its
   * previous try (`Try.since`); the platform's when another chat's delivery failed since then with nothing answered;
   * else not yet known (a failure compared with nothing: one chat's own 5xx just after another chat's success was
   * taken for an outage, parking every chat's posts).
   */
  whose(row: OutboxRow, tried: Try, now: number): Whose {
    if (this.hooks === undefined || !this.hooks.watches(row.target.platform)) return { by: 'own' };
    const answered = this.answeredAt.get(row.target.platform) ?? -Infinity;
    let failed = this.failedAt.get(row.target.platform);
    if (!failed) this.failedAt.set(row.target.platform, (failed = new Map()));
    const chat = targetKey(row.target);
    let otherFailed = false;
    for (const [other, at] of failed) {
      if (at <= answered) failed.delete(other); // an answer came since: that failure says nothing of an outage
      else if (other !== chat && at >= tried.since) otherFailed = true;
    }
    if (answered >= tried.since) return { by: 'own' };
    failed.delete(chat);
    failed.set(chat, now);
    if (otherFailed) return { by: 'platform' };
    const tries = tried.unjudged + 1;
    return tries > UNJUDGED_TRIES ? { by: 'platform' } : { by: 'unjudged', tries };
  }

  /**
   * A send answered that its chat is gone, and the adapter's check (getChat, Get Channel) agreed. A Bot API server that
   * lost its chat database (or a bug of it: tdlib/telegram-bot-api#219) answers that for every chat at once, and
   * forgetting drops subscriptions for good: so another chat of the platform meeting the same answer since a delivery
   * there last went through makes it the platform's trouble (parked as an outage, nothing forgotten). A chat's first
   * such answer with no other chat's beside it is asked again before it is judged alone (and then forgotten).
   */
  chatGone(row: OutboxRow, tried: Try, now: number): GoneVerdict {
    const platform = row.target.platform;
    const chat = targetKey(row.target);
    const okAt = this.deliveredAt.get(platform) ?? -Infinity;
    let gone = this.goneAt.get(platform);
    if (!gone) this.goneAt.set(platform, (gone = new Map()));
    for (const [other, at] of gone) if (other !== chat && at <= okAt) gone.delete(other); // a delivery went through since: not "at once"
    const others = [...gone.keys()].some((other) => other !== chat);
    const earlier = gone.get(chat) ?? (tried.chatGoneBefore ? tried.since : undefined); // said in an earlier run: kept with the delivery
    if (earlier === undefined) gone.set(chat, now);
    if (others) {
      const firstSaid = !this.goneSaid.has(platform);
      this.goneSaid.add(platform);
      return { by: 'platform', firstSaid };
    }
    if (earlier === undefined) return { by: 'unjudged' };
    gone.delete(chat);
    return { by: 'alone' };
  }

  lost(row: OutboxRow, reason: string): void {
    this.hooks?.lost(row.target.platform, reason);
  }
}
