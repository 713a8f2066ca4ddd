/**
 * Drains the outbox: each target's deliveries in order, several targets at once, with backoff on
 * transient failures and a pause on permanent ones. The outbox is the only place that retries.
 */
import type { ChatAdapter, FailureClass, ResendGuard, SendContext } from './port.js';
import { uncertainPostGuard } from './uncertain.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { laneKey, targetKey, type OutboxRow, type Target } from '../store/types.js';
import { backoffMs, NO_JITTER } from './backoff.js';
import type { Platform } from '../config/schema.js';
import type { LiveChecker } from './live.js';
import { errorText } from '../errors.js';
import { OUTAGE_PARK_MS, recordFailure, type DeliveryEvent, type LogContext } from './outcomes.js';
import { PlatformOutages, tryAfter, type OutageHooks, type Try } from './outages.js';
import { goneAnswersIn } from './gone-answers.js';
import { lastTry } from '../store/delivery-tries.js';
import { RefusedTokens, type TokenRefusals } from './refused-tokens.js';
import { confirmedChatGone } from './chat-gone.js';
import { BookkeepingWaits } from './bookkeeping-waits.js';
import { boundedCall, CallTimeout } from './call-bound.js';
import { calledOffMessage } from './called-off-find.js';
import { deleteOlderMessages } from './older-messages.js';
import { editChangesNothing, recordShown } from './shown-content.js';
export type { DeliveryEvent } from './outcomes.js';

/** The store as the deliverer sees it: the outbox's due rows and their outcomes, the posts they made, paused and moved chats; nothing of notes or subscriptions. */
export type DelivererStore = Pick<
  Store,
  | 'transaction' | 'recoverSending' | 'upkeep' | 'dueHeads' | 'nextAttemptAt' | 'enqueue' | 'getNote' | 'familyNotes' | 'summaries'
  | 'markSending' | 'markDone' | 'markRetry' | 'markRateLimited' | 'markFailed' | 'openDelivery' | 'replacePayload'
  | 'postOf' | 'putPost' | 'dropPost' | 'pause' | 'moveChat' | 'outboxRow' | 'heldForDigest' | 'getMeta' | 'setMeta' | 'sql' | 'outboxOpened'
>;
import type { SentJournal } from '../store/sent-journal.js';
import { recordJournaledPosts } from './journaled-posts.js';
import { askPlatformAfterResend, keepLeftAfterDelete, recoverCaughtSends } from './caught-sends.js';
import { recordSentPost } from './post-record.js';
import { deleteDuplicate, LateAnswers } from './late-answers.js';
import { maybeSent } from '../store/maybe-sent.js';
import { recordedMessagesIn, recordedUnder } from '../store/recorded-messages.js';
import { notEnabledError } from '../store/parked.js';

export interface DelivererOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  concurrency: number; // deliveries in flight at once, across targets
  /** A platform call that has not settled by then counts as a transient failure (an adapter that times its calls itself applies it: call-bound.ts). */
  callTimeoutMs?: number;
  heldMaxMs?: number | undefined; // a post held after two unanswered sends goes once more after this at most (held-unanswered.ts)
  /** Whether a platform is connected; deliveries to one that is not wait, using no attempt. */
  isUp?: (platform: Platform) => boolean;
  /** Told when a platform stops answering deliveries and when one goes through again (outages.ts); without it every failure counts. */
  outage?: OutageHooks | undefined;
  /** publish.waitUntilLive: first posts wait for their page (live.ts). */
  live?: LiveChecker | undefined;
  /** Platforms whose bot token was refused while running (401), kept by their connections (connections.ts) for `status` and /healthz; without it, by the deliverer. */
  tokens?: TokenRefusals | undefined;
  /** Where a post the database could not record is kept for the next start (store/sent-journal.ts). */
  sent?: SentJournal | undefined;
  /** A note whose file is gone, its removal not yet decided (removals.ts): its post waits, to be called off or (moved) sent. */
  removalPending?: ((noteId: string) => boolean) | undefined;
  chatGone?: ((row: OutboxRow, reason: string) => void) | undefined; // a chat the platform says is gone for good (outcomes.ts FailureDeps)
  chatRefused?: ((row: OutboxRow) => void) | undefined; // a chat the platform refused the bot in, paused (outcomes.ts FailureDeps)
  /** Whether a pin in this chat unpins the announcement pinned there before (a config route's `unpinPrevious`). */
  unpinPrevious?: ((target: Target) => boolean) | undefined;
}

const REMOVAL_WAIT_MS = 500; // a post whose note's removal is pending looks again this often (removals are decided in seconds)

const earliest = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
const MAX_TIMER_MS = 2 ** 31 - 1;
const CLOCK_SLACK_MS = 60_000;

export class Deliverer {
  private running = false;
  private readonly inflight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private wakeScheduled = false;
  private quietListener: (() => void) | undefined;
  private stopListening: (() => void) | undefined;
  /** The clock at the last look, to notice it stepping back. */
  private lastNow = 0;
  readonly bookkeeping = new BookkeepingWaits(); // lanes whose bookkeeping failed (a full disk) wait, never tried again at once
  private readonly tokens: TokenRefusals; // platforms that answered 401: their deliveries wait for a valid token
  private readonly outages: PlatformOutages;
  private readonly late: LateAnswers;
  private readonly sendingNow = new Set<number>(); // deliveries whose send is under way (late-answers.ts waits for them)

  constructor(
    private readonly store: DelivererStore,
    private readonly adapters: ReadonlyMap<string, ChatAdapter>,
    private readonly opts: DelivererOptions,
    private readonly log: Logger,
    private readonly onEvent: (e: DeliveryEvent) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.outages = new PlatformOutages(opts.outage, goneAnswersIn(store), (text) => store.sql(text)); // a chat's "gone" answers counted across restarts
    this.tokens = opts.tokens ?? new RefusedTokens(log);
    this.late = new LateAnswers({ store, log, onEvent, running: () => this.running, sending: (id) => this.sendingNow.has(id), wake: () => this.wake(), unpinPrevious: opts.unpinPrevious });
    for (const a of adapters.values()) a.onLateAnswer?.((l) => this.late.heard(l)); // a timed-out send's message, learned late
  }

  start(): void {
    recordJournaledPosts(this.store, this.opts.sent, (row, messageId, crosspost) => this.recordPost(row, messageId, crosspost), this.log);
    const recovered = recoverCaughtSends(this.store, this.adapters, this.log); // posts among them said and kept as unanswered sends
    if (recovered) this.log.warn({ count: recovered }, 'deliveries interrupted by a stop were re-queued (same nonce)');
    this.catchUpClock(this.now());
    this.running = true;
    this.stopListening = this.store.outboxOpened.listen(() => this.wake()); // whoever queued it need not tell (outbox-signal.ts)
    this.wake();
  }

  /** Looks for due work soon; cheap to call often. */
  wake(): void {
    if (!this.running || this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      try {
        this.pump();
      } catch (e) {
        // The store is busy or failing (locked, disk full): try again shortly, never crash.
        this.log.error({ err: errorText(e) }, 'outbox unavailable; retrying in 1 s');
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.wake(), 1000);
      }
    });
  }

  /** Its platform connected, or answered a probe in an outage (PlatformConnections.onUp): what waits there goes now (outages.ts). */
  platformUp(platform: Platform): void {
    this.outages.upAgain(platform, this.now());
    this.wake();
  }

  /** Stops taking new work and waits for deliveries in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopListening?.();
    if (this.timer) clearTimeout(this.timer);
    this.bookkeeping.endWaits();
    await Promise.allSettled([...this.inflight.values(), this.opts.live?.stop()]);
  }

  /** True while deliveries are in flight. */
  get busy(): boolean {
    return this.inflight.size > 0;
  }

  /** Called whenever the deliverer looked for work and has nothing in flight. */
  onQuiet(listener: () => void): void {
    this.quietListener = listener;
  }

  /**
   * Nothing in flight and nothing waiting to be sent, now or after a retry delay (paused targets
   * aside, and deliveries parked for a platform without its token: they wait for the operator, not
   * for time; `status` counts them).
   */
  get idle(): boolean {
    const configured = [...this.adapters.keys()].filter((p) => this.tokens.reasonFor(p) === undefined);
    return this.inflight.size === 0 && !this.wakeScheduled && this.store.nextAttemptAt(this.now(), configured) === undefined && !this.opts.live?.busy && this.opts.live?.nextAt() === undefined;
  }

  /**
   * Waits are kept as times on the clock: after the clock steps back (an NTP correction, a VM
   * restored from a snapshot) they would stretch by the step, silently. A delivery due further
   * ahead than the longest wait notecast sets is due now, and the log says why.
   */
  private catchUpClock(now: number): void {
    const horizon = now + Math.max(OUTAGE_PARK_MS, this.opts.maxDelayMs) + CLOCK_SLACK_MS;
    const moved = this.store.upkeep.dueNowIfBeyond(horizon, now);
    if (moved) this.log.warn({ count: moved }, 'deliveries were due later than any wait notecast sets: the clock stepped back; they are due now');
  }

  private pump(): void {
    if (!this.running) return;
    const now = this.now();
    if (now < this.lastNow - 1000) {
      const moved = this.store.upkeep.shiftWaits(this.lastNow - now, now);
      this.log.warn({ stepMs: this.lastNow - now, deliveries: moved }, 'the clock stepped back; waiting deliveries keep their waits, not the step');
    }
    this.lastNow = now;
    const room = this.opts.concurrency - this.inflight.size;
    if (room > 0) {
      const heads = this.store.dueHeads(this.now(), room, new Set(this.inflight.keys()));
      for (const row of heads) {
        const key = laneKey(row);
        this.sendingNow.add(row.id);
        const p = this.deliver(row)
          .then(() => this.bookkeeping.succeeded(key), (e: unknown) => this.bookkeeping.failed(this.log, key, { delivery: row.id, note: row.noteId, target: key }, e))
          .finally(() => {
            this.inflight.delete(key);
            this.sendingNow.delete(row.id);
            this.late.settled(row.id);
            this.wake();
          });
        this.inflight.set(key, p);
      }
    }
    this.opts.live?.pump();
    if (this.timer) clearTimeout(this.timer);
    const next = earliest(this.inflight.size < this.opts.concurrency ? this.store.nextAttemptAt(undefined, undefined, true) : undefined, this.opts.live?.nextAt()); // a held post's hold ends on this timer
    if (next !== undefined) {
      const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - this.now()));
      // Due rows of busy targets are picked up when their target frees; avoid a hot loop on them.
      this.timer = setTimeout(() => this.wake(), Math.max(delay, this.inflight.size ? 50 : 0));
      this.timer.unref?.();
    }
    if (this.inflight.size === 0 && !this.opts.live?.busy) this.quietListener?.();
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const adapter = this.adapters.get(row.target.platform);
    const recordedAmong = row.kind === 'post' ? (ids: readonly string[]) => recordedMessagesIn(this.store.sql, row.target, ids) : undefined, ctx: SendContext = { deliveryId: row.id, noteId: row.noteId, revision: row.revision, nonce: row.nonce, recordedAmong };
    const logCtx = { delivery: row.id, note: row.noteId, target: targetKey(row.target), kind: row.kind, attempt: row.attempts + 1 };
    if (editChangesNothing(this.store, row)) return recordShown({ store: this.store, log: this.log, onEvent: this.onEvent, record: (c, w) => this.record(c, w) }, row, logCtx);
    const refused = this.tokens.reasonFor(row.target.platform);
    if (!adapter || refused) {
      this.store.markRetry(row.id, this.now() + OUTAGE_PARK_MS, refused ?? notEnabledError(row.target.platform));
      this.log.warn(logCtx, refused ? 'delivery parked: its platform refused the bot token' : 'delivery parked: its platform is not enabled (no token?)');
      return;
    }
    if (this.opts.isUp && !this.opts.isUp(row.target.platform)) {
      // Parked until the platform connects (PlatformConnections wakes its rows then).
      this.store.markRetry(row.id, this.now() + OUTAGE_PARK_MS, `${row.target.platform} is not connected yet, or not answering`);
      this.log.debug(logCtx, 'delivery waits: its platform is not connected yet, or not answering');
      return;
    }
    // A post of a note whose removal is pending waits: it is called off (deleted) or sent (moved).
    if (row.kind === 'post' && this.opts.removalPending?.(row.noteId)) return void this.store.markRetry(row.id, this.now() + REMOVAL_WAIT_MS, 'its note was removed; waiting for the removal to be decided');
    const scheduledDigest = row.kind === 'post' && row.payload.digestAt !== undefined; // digests never wait for a page
    if (this.opts.live && row.kind === 'post' && !scheduledDigest && !this.opts.live.mayPost(row, this.store.postOf(row.noteId, row.target) !== undefined)) {
      return; // its page is being asked; the chat's next delivery goes meanwhile
    }
    const heldUntil = this.outages.signals.heldUntil(this.store.sql, row, this.now(), this.opts.heldMaxMs); if (heldUntil !== undefined) return void this.store.markRetry(row.id, heldUntil, row.lastError ?? ''); // held: no signal since its last send, its hold not over
    const tried = tryAfter(lastTry(this.store.sql, row.id), this.now()); // replaced or dropped with this try's outcome (delivery-tries.ts)
    this.store.markSending(row.id);
    let sent: { outcome: 'done'; messageId: string } | { outcome: 'skipped' };
    try {
      sent = await this.send(row, adapter, ctx, logCtx);
    } catch (e) {
      // Our own timeout leaves it unknown whether the platform acted on the call (uncertain.ts).
      const classed: FailureClass = e instanceof CallTimeout ? { kind: 'transient', reason: e.message, uncertain: true } : adapter.classify(e, row.kind === 'digest' ? 'post' : row.kind === 'duplicate' ? 'delete' : row.kind);
      const f = await confirmedChatGone(adapter, row.target, classed, this.opts.callTimeoutMs ?? 120_000);
      if (f !== classed) this.outages.answered(row, this.now()); // the platform answered the send: not an outage
      const guard = uncertainPostGuard(adapter, row, f);
      const platformAnswered = guard?.guard === 'none' && maybeSent(this.store.sql, row.id) ? await askPlatformAfterResend(adapter, this.outages, (call) => this.bounded(adapter, call), this.now) : undefined;
      return await this.fail(row, f, logCtx, tried, guard, platformAnswered);
    }
    if (sent.outcome === 'done') this.outages.delivered(row, this.now()); // a skip asked the platform nothing: no signal (tester 39 F1)
    // Outside the try: once recorded, nothing that happens here may turn into a resend.
    if (sent.outcome === 'done') {
      this.log.info({ ...logCtx, messageId: sent.messageId }, 'delivered');
      this.onEvent({ row, outcome: 'done', messageId: sent.messageId });
    } else {
      this.onEvent({ row, outcome: 'skipped' });
    }
  }

  /** The platform call and the record of its result; throws only what the platform call threw. */
  private async send(row: OutboxRow, adapter: ChatAdapter, ctx: SendContext, logCtx: LogContext): Promise<{ outcome: 'done'; messageId: string } | { outcome: 'skipped' }> {
    if (row.kind === 'post' || row.kind === 'digest') {
      if (row.kind === 'post' && row.payload.digestAt !== undefined) return this.scheduledDigest(row, row.payload.digestAt, adapter, ctx, logCtx);
      const { messageId, crosspost } = await this.bounded(adapter, (signal) => adapter.post(row.target, row.payload, { ...ctx, signal }));
      // Recorded the moment the send returns; while the database cannot take it, the journal holds it.
      let journaled = false;
      const journal = () => {
        if (journaled) return;
        journaled = this.opts.sent?.add({ delivery: row.id, nonce: row.nonce, messageId, crosspost: crosspost === true }) ?? false;
        if (journaled) this.log.warn({ ...logCtx, messageId, journal: this.opts.sent?.file }, 'post kept in the journal until the database can record it');
      };
      await this.record(logCtx, () => this.recordPost(row, messageId, crosspost === true), journal);
      return { outcome: 'done', messageId };
    }
    if (row.kind === 'crosspost') {
      const p = row.payload;
      const publish = adapter.crosspost?.bind(adapter);
      if (!publish) {
        await this.record(logCtx, () => this.store.markDone(row.id, null, 'skipped', `${row.target.platform} does not crosspost`));
        return { outcome: 'skipped' };
      }
      // Its own lane (laneKey): a long rate limit waits here without holding the chat's posts.
      await this.bounded(adapter, (signal) => publish(row.target, p.messageId, { ...ctx, signal }));
      await this.record(logCtx, () => this.store.markDone(row.id, p.messageId));
      return { outcome: 'done', messageId: p.messageId };
    }
    if (row.kind === 'pin') return this.pin(row, row.payload, adapter, ctx, logCtx);
    if (row.kind === 'duplicate') return deleteDuplicate({ store: this.store, log: this.log, bounded: (call) => this.bounded(adapter, call), record: (c, w) => this.record(c, w) }, row, adapter, ctx, logCtx);
    // A delete takes the note's older messages there first (a repost's, older-messages.ts), each recorded on its own.
    if (row.kind === 'delete') await deleteOlderMessages({ sql: this.store.sql, log: this.log, bounded: (call) => this.bounded(adapter, call), record: (w) => this.record(logCtx, w) }, row, adapter, ctx, logCtx);
    // A delete for a called-off post whose lost send may have made a message learns it first (called-off-find.ts).
    const post = this.store.postOf(row.noteId, row.target) ?? (row.kind === 'delete' && row.payload.calledOff !== undefined ? await calledOffMessage({ store: this.store, log: this.log, bounded: (call) => this.bounded(adapter, call), record: (w) => this.record(logCtx, w), now: this.now }, row, adapter, ctx) : { skip: 'no posted message to change' });
    if ('skip' in post) {
      await this.record(logCtx, () => this.store.markDone(row.id, null, 'skipped', post.skip));
      return { outcome: 'skipped' };
    }
    if (row.kind === 'edit') {
      await this.bounded(adapter, (signal) => adapter.edit(row.target, post.messageId, row.payload, { ...ctx, signal }));
      await this.record(logCtx, () => this.store.transaction(() => {
        this.store.markDone(row.id, post.messageId);
        this.store.putPost(row.noteId, recordedUnder(this.store.sql, row), post.messageId, row.revision);
      }));
    } else {
      await this.bounded(adapter, (signal) => adapter.delete(row.target, post.messageId, { ...ctx, signal }));
      await this.record(logCtx, () => this.store.transaction(() => {
        this.store.markDone(row.id, post.messageId);
        this.store.dropPost(row.noteId, recordedUnder(this.store.sql, row));
        keepLeftAfterDelete(this.store, adapter, row, this.log, this.now()); // a copy an unanswered send may have made stays
      }));
    }
    return { outcome: 'done', messageId: post.messageId };
  }

  /** A post's record: the delivery done, where the message lives (and its crosspost and pin, queued), in one transaction (post-record.ts). */
  private recordPost(sent: Extract<OutboxRow, { kind: 'post' | 'digest' }>, messageId: string, crosspost: boolean): void {
    recordSentPost(this.store, sent, messageId, crosspost, this.opts.unpinPrevious);
  }

  /**
   * A chat's scheduled digest (a subscription's `digest:`): every post held for this time goes out
   * as one digest message, and all are recorded with it in one transaction, so none is sent twice
   * and none alone. The first held post's nonce is the digest's.
   */
  private async scheduledDigest(row: OutboxRow, digestAt: number, adapter: ChatAdapter, ctx: SendContext, logCtx: LogContext): Promise<{ outcome: 'done'; messageId: string }> {
    const held = this.store.heldForDigest(row.target, digestAt);
    const rows = held.some((r) => r.id === row.id) ? held : [row, ...held];
    const items = rows.flatMap((r) => (r.payload.type === 'summary' ? [{ noteId: r.noteId ?? '', title: r.payload.summary.title, url: r.payload.summary.url }] : []));
    const { messageId } = await this.bounded(adapter, (signal) => adapter.post(row.target, { type: 'digest', items }, { ...ctx, signal }));
    await this.record(logCtx, () => this.store.transaction(() => {
      for (const r of rows) {
        this.store.markDone(r.id, messageId);
        if (r.noteId) this.store.putPost(r.noteId, r.target, messageId, 0, true);
      }
    }));
    this.log.info({ ...logCtx, notes: rows.length }, 'scheduled digest sent');
    return { outcome: 'done', messageId };
  }

  /**
   * Pins the posted message, then unpins the announcement notecast pinned there before when the
   * route asks it (one already unpinned or deleted is fine). Both repeat harmlessly, so a resend
   * after a crash does no harm; the chat's last pin is recorded with the delivery's outcome.
   */
  private async pin(row: OutboxRow, p: Extract<OutboxRow['payload'], { type: 'pin' }>, adapter: ChatAdapter, ctx: SendContext, logCtx: LogContext): Promise<{ outcome: 'done'; messageId: string } | { outcome: 'skipped' }> {
    const pin = adapter.pin?.bind(adapter);
    if (!pin) {
      await this.record(logCtx, () => this.store.markDone(row.id, null, 'skipped', `${row.target.platform} does not pin`));
      return { outcome: 'skipped' };
    }
    await this.bounded(adapter, (signal) => pin(row.target, p.messageId, { ...ctx, signal }));
    const key = `pinned:${targetKey(row.target)}`; // the store's meta key: the last announcement notecast pinned in the chat
    const previous = this.store.getMeta(key);
    const unpin = adapter.unpin?.bind(adapter);
    if (p.unpinPrevious && unpin && previous && previous !== p.messageId) {
      try {
        await this.bounded(adapter, (signal) => unpin(row.target, previous, { ...ctx, signal }));
      } catch (e) {
        if (e instanceof CallTimeout || adapter.classify(e, 'pin').kind !== 'gone') throw e;
      }
    }
    await this.record(logCtx, () => this.store.transaction(() => {
      this.store.markDone(row.id, p.messageId);
      this.store.setMeta(key, p.messageId);
    }));
    return { outcome: 'done', messageId: p.messageId };
  }

  /** The call, bounded by `delivery.callTimeoutMs` unless its adapter times its calls itself (call-bound.ts). */
  private bounded<T>(adapter: ChatAdapter, call: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    return boundedCall(adapter, this.opts.callTimeoutMs ?? 120_000, call);
  }

  /**
   * Writes a delivery's outcome. The store may fail (locked, disk full): the write is retried here,
   * holding what the platform already did, rather than the send repeated or the row left mid-send
   * (a row left 'sending' would hold its target's queue until a restart).
   */
  private async record(logCtx: LogContext, write: () => void, onFailure?: () => void): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        write();
        return;
      } catch (e) {
        onFailure?.();
        if (!this.running && attempt > 3) throw e; // stopping: a post is in the journal (or resent, with the same nonce)
        const wait = backoffMs(attempt, { baseDelayMs: 500, maxDelayMs: 30_000 }, NO_JITTER);
        this.log.error({ ...logCtx, err: errorText(e), retryInMs: wait }, 'could not record a delivery outcome; retrying');
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** Records a failed call as its class says (outcomes.ts): a retry, a wait, a failure, a pause, a move. */
  private fail(row: OutboxRow, f: FailureClass, logCtx: LogContext, tried: Try, guard?: ResendGuard, platformAnswered?: boolean): Promise<void> {
    const outages = { of: this.outages, tried };
    return recordFailure({ store: this.store, log: this.log, onEvent: this.onEvent, now: this.now, opts: this.opts, record: (c, w) => this.record(c, w), tokenRefused: (r, why) => this.tokens.refuse(r.target.platform, why), outages, chatGone: this.opts.chatGone, chatRefused: this.opts.chatRefused, platformAnswered }, row, f, logCtx, guard);
  }
}
