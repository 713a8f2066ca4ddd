/**
 * Whether a failed delivery says anything about its chat or message. A connection refused, a name
 * not found, no answer or a 5xx is the platform's, not the message's, unless the platform answered
 * meanwhile: another delivery went through, or a probe (a call about no chat) found it up (every
 * chat failing alike is an outage; one post failing again right after the platform answered a probe
 * is that post's): only then does the failure spend one of the message's `delivery.maxAttempts`.
 * During an outage the platform's deliveries wait, parked, until it answers (PlatformConnections.lost),
 * as at a start while it is down. A chat the platform says is gone is the platform answering: not an
 * outage, and not believed at once either (chatGone).
 */
import type { Platform } from '../config/schema.js';
import { targetKey, type OutboxRow, type Target } from '../store/types.js';
import type { LastTry } from '../store/delivery-tries.js';
import type { Statement } from '../store/db.js';
import { wakeHeldUnanswered } from '../store/held-unanswered.js';
import { SendSignals, type SignalKind } from './held-unanswered.js';

/**
 * A try of a delivery: when it goes out; since when the platform must have answered for its failure to be its own (its
 * previous try that failed unexplained, or now); how many failures in a row before it were judged neither way.
 */
export interface Try {
  at: number;
  since: number;
  unjudged: number;
}

/**
 * A delivery's try going out `now`, after `last` (store/delivery-tries.ts: kept in the store, so a try in a later run
 * counts from it: that run's start, its platform answering as it connected, is an answer since).
 */
export function tryAfter(last: LastTry | undefined, now: number): Try {
  return { at: now, since: last?.at ?? now, unjudged: last?.unjudged ?? 0 };
}

/**
 * Whose a failure is: the platform's (its deliveries wait for it), the post's own (an attempt spent), or not yet
 * known (`tries`: how many in a row): a failure with nothing of the platform answered and no other chat failing since
 * the post's previous try says nothing either way (another chat's post may go through a moment later), so it is tried
 * again, no attempt spent, before it is judged; after UNJUDGED_TRIES such tries it is taken as the platform's (probed).
 */
export type Whose = { by: 'platform' } | { by: 'own' } | { by: 'unjudged'; tries: number };

const UNJUDGED_TRIES = 3;

/**
 * How many times a chat answers that it is gone (the adapter's check agreeing), each after its own backoff, before it is
 * forgotten: the first send's answer and 12 checks after it (steps 1 to 12 of `delivery.baseDelayMs`'s backoff: 24 to 47
 * minutes at the defaults). A Bot API server that lost its chat database answers so for chats that exist
 * (tdlib/telegram-bot-api#219; tdlib/td#1596: until each chat is heard from again), alike to chats deleted, and nothing
 * the platform answers tells the two apart: only time does, and forgetting drops subscriptions for good.
 */
export const GONE_ANSWERS = 13;

/**
 * A chat's "gone" answers not yet followed by a send there going through: since when, the last one, how many, and from
 * which of its threads (forum topics; '' the chat itself).
 */
export interface GoneAnswers {
  since: number;
  last: number;
  answers: number;
  threads: string[];
  /** The deliveries that answered so: the count stands while one of them still waits. */
  deliveries: number[];
}

/**
 * What a "gone" count is kept under: the chat, platform and chat id. A Telegram forum's topics (threads) and a post's
 * crosspost lane are the one chat: a deleted forum chat with several topic routes is one chat gone, counted once.
 */
function goneChatKey(target: Pick<Target, 'platform' | 'chat'>): string {
  return `${target.platform}:${target.chat}`;
}

/** Where the chats' "gone" answers are kept, so that a restart or the next `sync --once` goes on counting (gone-answers.ts). */
export interface GoneBook {
  load(): [chat: string, answers: GoneAnswers][];
  save(all: ReadonlyMap<string, GoneAnswers>): void;
  /**
   * Which of `deliveries` still wait (pending or being sent); undefined when not known. A count none of whose deliveries
   * waits any more starts over: they were called off meanwhile (nothing went through to reset it), and a later post there
   * is asked anew. Not a wall-clock gap: `sync --once` runs a week apart are one stretch of answers.
   */
  stillOpen?(deliveries: readonly number[]): ReadonlySet<number> | undefined;
}

const inMemory: GoneBook = { load: () => [], save: () => undefined };

/**
 * What a chat's "chat not found" (confirmed by the adapter's check) is taken for (PlatformOutages.chatGone): the chat
 * gone (forgotten), or asked again later (`answers` so far; `severalSaid`: this answer is the one that says several
 * chats of the platform answer so at once).
 */
export type GoneVerdict = { by: 'gone'; answers: number } | { by: 'asked-again'; answers: number; severalSaid: boolean };

/** What the connections do with an outage: park the platform's deliveries, and lift that once a delivery goes through. */
export interface OutageHooks {
  /** Whether it keeps watch over `platform` (one it connects): deliveries of another are never parked for an outage. */
  watches(platform: Platform): boolean;
  lost(platform: Platform, reason: string): void;
  answered(platform: Platform): void;
}

const GONE_KEPT = 1_000; // chats whose "gone" answers are counted; past that the oldest are dropped (counted again from their next answer)

export class PlatformOutages {
  private readonly answeredAt = new Map<string, number>();
  private readonly failedAt = new Map<string, Map<string, number>>(); // platform → chat → its last failure no answer explained
  private readonly gone: Map<string, GoneAnswers>; // chat (goneChatKey) → its "gone" answers since a send there last went through
  private readonly goneSaid = new Set<string>(); // platforms whose several chats answering "gone" at once has been said (until none is left)

  /** Definite signals that the platform's sends work, which a post held after two unanswered sends waits for (held-unanswered.ts). */
  readonly signals = new SendSignals();
  private readonly upBefore = new Set<string>();

  /** `sql`: the outbox, whose held posts a signal wakes. */
  constructor(private readonly hooks: OutageHooks | undefined, private readonly goneBook: GoneBook = inMemory, private readonly sql?: (text: string) => Statement) {
    this.gone = new Map(goneBook.load());
    this.dropCountsNothingWaitsFor();
  }

  /**
   * A delivery went through: the platform answers, and that chat is not gone (its "gone" answers start over). A send to
   * another topic of the chat says nothing of a topic deleted alone: the count starts over only when the delivery's own
   * thread answered "gone" in it (or no thread is known of it: a count kept by an earlier release).
   */
  delivered(row: OutboxRow, now: number): void {
    this.answered(row, now);
    const chat = goneChatKey(row.target);
    const kept = this.gone.get(chat);
    if (kept && (kept.threads.length === 0 || kept.threads.includes(row.target.thread)) && this.gone.delete(chat)) this.goneChanged(row.target.platform);
  }

  /** The platform answered a delivery (it went through, or was refused for a reason of its own). */
  answered(row: OutboxRow, now: number): void {
    this.answeredAt.set(row.target.platform, now);
    this.hooks?.answered(row.target.platform);
    this.sendsWork(row.target.platform, now, 'send'); // a send answered, whatever it said: its request was read
  }

  /**
   * The platform connected, or is up again (an outage's end seen by getMe). Up again is a signal for held posts as well;
   * this process's first connect is none (a restart tells nothing of what a held post's sends did).
   */
  upAgain(platform: Platform, now: number): void {
    this.probeAnswered(platform, now);
    if (this.upBefore.has(platform)) this.sendsWork(platform, now, 'up');
    this.upBefore.add(platform);
  }

  private sendsWork(platform: Platform, now: number, kind: SignalKind): void {
    this.signals.signal(platform, now, kind);
    if (this.sql) wakeHeldUnanswered(this.sql, platform, now);
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
   * A send answered that its chat is gone, and the adapter's check (getChat, Get Channel) agreed. That is the platform
   * answering, never its outage (a reviewer's read of tester 29-1 F3's fix: two chats deleted with no other traffic
   * were parked as an outage each cycle, the platform shown unreachable and its other chats held, and neither was ever
   * forgotten). The chat is forgotten at its GONE_ANSWERS-th such answer; until then it is asked again on its own backoff.
   * Several chats answering so at once is said once (a server that lost its chat database), until none is left.
   */
  chatGone(row: OutboxRow, now: number): GoneVerdict {
    const platform = row.target.platform;
    const chat = goneChatKey(row.target);
    this.dropCountsNothingWaitsFor();
    const before = this.gone.get(chat);
    const answers = (before?.answers ?? 0) + 1;
    const threads = [...new Set([...(before?.threads ?? []), row.target.thread])];
    const deliveries = [...new Set([...(before?.deliveries ?? []), row.id])];
    this.gone.delete(chat); // set again last: the oldest counts come first, dropped first past GONE_KEPT
    if (answers >= GONE_ANSWERS) {
      // The chat's other topics that answered so too go at their next answer; one deleted alone leaves nothing counting.
      const others = threads.filter((t) => t !== row.target.thread);
      if (others.length) this.gone.set(chat, { since: before?.since ?? now, last: now, answers, threads: others, deliveries });
      this.goneChanged(platform);
      return { by: 'gone', answers };
    }
    this.gone.set(chat, { since: before?.since ?? now, last: now, answers, threads, deliveries });
    const severalSaid = before === undefined && !this.goneSaid.has(platform) && this.goneIn(platform).length > 1;
    if (severalSaid) this.goneSaid.add(platform);
    this.goneChanged(platform);
    return { by: 'asked-again', answers, severalSaid };
  }

  /** Drops the counts none of whose deliveries waits any more (GoneBook.stillOpen): they were called off; keeps the open ones' ids. */
  private dropCountsNothingWaitsFor(): void {
    const dropped: string[] = [];
    for (const [chat, kept] of this.gone) {
      const open = this.goneBook.stillOpen?.(kept.deliveries);
      if (!open) continue;
      if (open.size === 0) dropped.push(chat);
      else kept.deliveries = kept.deliveries.filter((id) => open.has(id));
    }
    for (const chat of dropped) this.gone.delete(chat);
    for (const platform of new Set(dropped.map((chat) => chat.slice(0, chat.indexOf(':'))))) this.goneChanged(platform);
  }

  /** The chats of `platform` answering "gone" now. */
  private goneIn(platform: string): string[] {
    return [...this.gone.keys()].filter((chat) => chat.startsWith(`${platform}:`));
  }

  private goneChanged(platform: string): void {
    if (this.goneIn(platform).length === 0) this.goneSaid.delete(platform);
    while (this.gone.size > GONE_KEPT) this.gone.delete(this.gone.keys().next().value!);
    this.goneBook.save(this.gone);
  }

  lost(row: OutboxRow, reason: string): void {
    this.hooks?.lost(row.target.platform, reason);
  }
}
