/**
 * What a failed platform call leaves in the outbox, by its class (port.ts FailureClass): a retry
 * with backoff, a wait the platform asked for, a failure, a paused chat, a moved chat, or nothing
 * left to change. The deliverer makes the call; this records what came of it.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { OutboxRow } from '../store/types.js';
import { backoffMs, rateLimitedDelayMs } from './backoff.js';
import type { FailureClass, ResendGuard } from './port.js';
import { EDIT_NOT_SENT } from '../store/edits-not-sent.js';
import { MOVED_ONTO_OWN } from '../store/chat-move.js';
import { keepUncertainSend, resendDelayMs, uncertainLine } from './uncertain.js';
import { GONE_ANSWERS, type GoneVerdict, type PlatformOutages, type Try } from './outages.js';
import { forgetLastTry, keepLastTry } from '../store/delivery-tries.js';
import { maybeSent } from '../store/maybe-sent.js';
import { markUncertainOutcome } from '../store/uncertain-sends.js';
import { HELD_UNANSWERED, markHeld, TIMED_OUT, UNANSWERED_SENDS_MAX } from '../store/held-unanswered.js';
import { HELD_MAX_MS } from './held-unanswered.js';
import { digestAfterAll, postAfterAll } from '../store/under-way.js';
import { isInsteadOfDigestEdit, isInsteadOfPostEdit, markFailedJudgingShadow, sayShadowRejudged, type FailStore, type ShadowJudged } from './undone-delete.js';

/** How long a delivery parked for its platform's outage waits at most; the platform answering again wakes it sooner (store.wakePlatform). */
export const OUTAGE_PARK_MS = 60 * 60_000;

export interface DeliveryEvent {
  row: OutboxRow;
  outcome: 'done' | 'skipped' | 'retry' | 'failed' | 'moved';
  messageId?: string | undefined;
  error?: string | undefined;
  /** A post whose answer never came, sent again: `nonce` if the platform recognises it, `lookup` if looked for first, else `none`. */
  uncertain?: ResendGuard['guard'] | undefined;
}

/** What every log line about a delivery carries: the note and the target among it. */
export type LogContext = { delivery: number; note: string | null; target: string; kind: string; attempt: number };

/** What recording a failure needs of the deliverer: its store's outcome writes, log, events, clock and retry policy. */
export interface FailureDeps {
  store: Pick<Store, 'transaction' | 'markDone' | 'markRetry' | 'markRateLimited' | 'markFailed' | 'dropPost' | 'pause' | 'moveChat' | 'getMeta' | 'setMeta' | 'sql'> & FailStore;
  log: Logger;
  onEvent: (e: DeliveryEvent) => void;
  now: () => number;
  opts: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; heldMaxMs?: number | undefined };
  /** Writes an outcome, retrying while the store cannot take it (Deliverer.record). */
  record: (logCtx: LogContext, write: () => void) => Promise<void>;
  /** The platform refused the bot's token: its deliveries wait for a restart with a valid one (Deliverer). */
  tokenRefused: (row: OutboxRow, reason: string) => void;
  /** Whose a transient failure is (outages.ts), and this try of the delivery. */
  outages?: { of: PlatformOutages; tried: Try } | undefined;
  /** The platform said the chat itself is gone for good (FailureClass permanent `chatGone`): its subscriptions go (app.ts). */
  chatGone?: ((row: OutboxRow, reason: string) => void) | undefined;
  /** The chat refused the bot and is paused: if nothing names it, what waits there waits for the bot instead (chat-wants.ts settleRefusedChat). */
  chatRefused?: ((row: OutboxRow) => void) | undefined;
  /** After a resend with no guard got no answer, whether the platform answered a call about no chat (caught-sends.ts). */
  platformAnswered?: boolean | undefined;
}

/** `guard`: the failed call was a post whose answer never came (uncertain.ts), and what keeps its resend from doubling. */
export async function recordFailure(d: FailureDeps, row: OutboxRow, f: FailureClass, logCtx: LogContext, guard?: ResendGuard): Promise<void> {
  const attempts = row.attempts + 1;
  if (f.kind === 'permanent' && f.chatGone && d.outages) {
    const verdict = d.outages.of.chatGone(row, d.now());
    if (verdict.by === 'asked-again') return askIfStillGone(d, row, f.reason, verdict, logCtx);
  }
  if (f.kind !== 'transient') d.outages?.of.answered(row, d.now());
  switch (f.kind) {
    case 'transient': {
      const whose = d.outages?.of.whose(row, d.outages.tried, d.now()) ?? { by: 'own' };
      if (guard?.guard === 'none' && maybeSent(d.store.sql, row.id)) {
        // Its third send with no answer is its last, whatever came between (a 5xx, a 429, an outage, a restart): the count
        // is the row's own, never read from its reason, which a later answer rewrites. Unless getMe went unanswered too:
        // an outage met that send (most likely never read), and giving up lost the post (tester 39 F4): it waits below.
        if (row.unansweredSends + 1 >= UNANSWERED_SENDS_MAX && d.platformAnswered !== false) return giveUpHeld(d, row, f, logCtx);
        // The platform answers (getMe), yet this post's send got no answer again: held until its sends are seen to work.
        // Asked and unanswered, the platform is down: the post waits for it (another chat answered earlier tells nothing).
        if (d.platformAnswered ?? whose.by === 'own') return holdUnguarded(d, row, f, logCtx, guard);
        return parkForOutage(d, row, f, logCtx, guard);
      }
      if (whose.by === 'platform') return parkForOutage(d, row, f, logCtx, guard);
      if (whose.by === 'unjudged') return retryLater(d, row, f, logCtx, guard, { backoffStep: whose.tries, spendsAttempt: false });
      if (attempts >= d.opts.maxAttempts) {
        const maybePosted = guard ? ' (no answer came to the last one: it may have been posted)' : '';
        let shadow: ShadowJudged | undefined;
        await d.record(logCtx, () => (shadow = markFailedJudgingShadow(d.store, row, `gave up after ${attempts} attempts: ${f.reason}${maybePosted}`)));
        d.log.error({ ...logCtx, reason: f.reason }, 'delivery failed: too many attempts');
        sayShadowRejudged(d.log, logCtx, shadow);
        d.onEvent({ row, outcome: 'failed', error: f.reason });
        return;
      }
      return retryLater(d, row, f, logCtx, guard, { backoffStep: attempts, spendsAttempt: true });
    }
    case 'rate-limited': {
      const delay = rateLimitedDelayMs(f.retryAfterMs);
      await d.record(logCtx, () => waitsWithoutTry(d, row, () => d.store.markRateLimited(row.id, d.now() + delay, f.reason)));
      d.log.warn({ ...logCtx, reason: f.reason, retryInMs: delay }, 'delivery rate limited; will be sent when the platform allows');
      d.onEvent({ row, outcome: 'retry', error: f.reason });
      return;
    }
    case 'permanent':
      // The chat is unreachable, not this delivery wrong: it waits at the head of the chat's queue with
      // the rest (pending, not counted as an attempt) and goes out when /subscribe resumes the chat.
      await d.record(logCtx, () => waitsWithoutTry(d, row, () => {
        d.store.markRateLimited(row.id, d.now(), f.reason);
        d.store.pause(row.target, f.reason);
      }));
      d.log.error({ ...logCtx, reason: f.reason }, 'delivery failed permanently; target paused');
      if (f.chatGone) d.chatGone?.(row, f.reason);
      else d.chatRefused?.(row);
      d.onEvent({ row, outcome: 'retry', error: f.reason });
      return;
    case 'unauthorized':
      // Our token, not the chat: no chat is paused (each admin would have to /subscribe again after
      // the operator replaces the token); the delivery waits, no attempt counted, with the platform's others.
      await d.record(logCtx, () => waitsWithoutTry(d, row, () => d.store.markRateLimited(row.id, d.now(), f.reason)));
      d.tokenRefused(row, f.reason);
      d.onEvent({ row, outcome: 'retry', error: f.reason });
      return;
    case 'moved':
      await recordMoved(d, row, f, logCtx);
      return;
    case 'rejected': {
      let shadow: ShadowJudged | undefined;
      await d.record(logCtx, () => (shadow = markFailedJudgingShadow(d.store, row, f.reason)));
      // A pin refused (no right to pin there) fails alone: the post stands and the chat goes on.
      d.log.error({ ...logCtx, reason: f.reason }, rejectedLine(row, f));
      sayShadowRejudged(d.log, logCtx, shadow);
      d.onEvent({ row, outcome: 'failed', error: f.reason });
      return;
    }
    case 'gone':
      return recordGone(d, row, f, logCtx);
  }
}

/**
 * The message to change is gone. An edit made of a post in a refused delete's shadow (store/under-way.ts) is posted
 * after all; another edit is an edit not sent, kept so for `status` (store/edits-not-sent.ts): not posted anew.
 */
async function recordGone(d: FailureDeps, row: OutboxRow, f: Extract<FailureClass, { kind: 'gone' }>, logCtx: LogContext): Promise<void> {
  if (isInsteadOfPostEdit(row)) {
    await d.record(logCtx, () => d.store.transaction(() => postAfterAll(d.store.sql, row)));
    d.log.warn({ ...logCtx, reason: f.reason }, 'the message a refused delete left is gone after all: the note back is posted');
    d.onEvent({ row, outcome: 'retry', error: f.reason });
    return;
  }
  if (isInsteadOfDigestEdit(row)) {
    await d.record(logCtx, () => d.store.transaction(() => digestAfterAll(d.store.sql, row)));
    d.log.warn({ ...logCtx, reason: f.reason }, 'the digest message a refused delete left is gone after all: the lines given back to it are posted in a digest');
    d.onEvent({ row, outcome: 'retry', error: f.reason });
    return;
  }
  const why = row.kind === 'edit' && row.noteId ? `${EDIT_NOT_SENT}: its message there is gone (${f.reason})` : f.reason;
  await d.record(logCtx, () => d.store.transaction(() => {
    d.store.markDone(row.id, null, 'skipped', why);
    // A crosspost or pin of a message since deleted (or a crosspost already published) leaves the post's record alone.
    if (row.noteId && row.kind !== 'crosspost' && row.kind !== 'pin') d.store.dropPost(row.noteId, row.target);
  }));
  if (why === f.reason) d.log.warn({ ...logCtx, reason: f.reason }, 'message no longer exists; nothing to change');
  else d.log.warn({ ...logCtx, reason: f.reason }, 'edit not sent: its message is gone from the chat (deleted there, or by a run this database does not know of); it is not posted anew, and later edits are not sent there either: give the note `notecast: {announce: again}` to post it anew (notecast status lists it)');
  d.onEvent({ row, outcome: 'skipped', error: f.reason });
}

/**
 * A failure that says nothing of the chat or message (outages.ts): no attempt spent; the delivery waits,
 * parked, until its platform answers. A post whose answer never came keeps its uncertain-send handling:
 * said, kept for `status`, and sent again (with its guard) once the platform answers.
 */
async function parkForOutage(d: FailureDeps, row: OutboxRow, f: Extract<FailureClass, { kind: 'transient' }>, logCtx: LogContext, guard: ResendGuard | undefined): Promise<void> {
  if (guard) d.log.warn({ ...logCtx, reason: f.reason, guard: guard.guard }, uncertainLine(row, guard));
  await d.record(logCtx, () => d.store.transaction(() => {
    d.store.markRateLimited(row.id, d.now() + OUTAGE_PARK_MS, `${row.target.platform} is not answering (${f.reason}): waits until it answers, no attempt spent`);
    keepTry(d, row, 0);
    if (guard) keepUncertainSend(d.store, { delivery: row.id, note: row.noteId, target: logCtx.target, at: d.now(), guard: guard.guard, reason: f.reason }, d.outages?.tried.at);
  }));
  d.outages?.of.lost(row, f.reason);
  d.log.debug({ ...logCtx, reason: f.reason }, 'delivery waits: its platform is not answering');
  d.onEvent({ row, outcome: 'retry', error: f.reason, uncertain: guard?.guard });
}

/**
 * A post with no platform key to recognise its resend (Telegram) whose send got no answer after an earlier one may
 * have reached the chat (an answer lost, a stop mid-send), while the platform answers getMe: each may have made a
 * message, or neither (a connection dropped before the request was read looks the same). It is not failed (that lost
 * it when neither did: seed 1308) nor sent on at once (each send may add a message): it is held (held-unanswered.ts),
 * no attempt spent, and goes once more after a definite signal that the platform's sends work or `delivery.heldMaxMs`; said in the log and
 * `status` (uncertain, held), so the operator can look in the chat meanwhile.
 */
async function holdUnguarded(d: FailureDeps, row: OutboxRow, f: Extract<FailureClass, { kind: 'transient' }>, logCtx: LogContext, guard: { why: string }): Promise<void> {
  // Said as timed out if one was (kept with the row): the chat more likely shows it, but it goes once more as well (tester 37 F1).
  const platform = row.target.platform, timedOut = TIMED_OUT.test(f.reason) || row.sendTimedOut;
  const heldMs = d.opts.heldMaxMs ?? HELD_MAX_MS;
  const why = `${HELD_UNANSWERED} (${timedOut ? 'timed out; ' : ''}${guard.why}; ${f.reason}): the chat may show the post once or twice, or not at all; sent once more, its last time, when ${platform} answers a send again (another post answered, or an outage's end seen by getMe) or after ${Math.round(heldMs / 1000)} s (delivery.heldMaxMs), whichever first: look in the chat then`;
  await d.record(logCtx, () => d.store.transaction(() => {
    // A signal that came while this send was out (another chat's post answered meanwhile) lets it go at once.
    const signalled = (d.outages?.of.signals.last(platform) ?? -Infinity) > (d.outages?.tried.at ?? Infinity);
    d.store.markRateLimited(row.id, signalled ? d.now() : d.now() + heldMs, why);
    markHeld(d.store.sql, row.id, timedOut ? 'after-timeout' : 'held');
    keepTry(d, row, 0);
    keepUncertainSend(d.store, { delivery: row.id, note: row.noteId, target: logCtx.target, at: d.now(), guard: 'none', reason: f.reason }, d.outages?.tried.at);
    markUncertainOutcome(d.store, row.id, why);
  }));
  d.log.error({ ...logCtx, reason: f.reason }, `delivery ${why}`);
  d.onEvent({ row, outcome: 'retry', error: why, uncertain: 'none' });
}

/**
 * A post's third send with no answer (held after two, then sent once more; or sent again after an outage): failed, said
 * (it may show up to three times, or not at all), so a post goes three times at most (review rv32-d R2).
 */
async function giveUpHeld(d: FailureDeps, row: OutboxRow, f: Extract<FailureClass, { kind: 'transient' }>, logCtx: LogContext): Promise<void> {
  let shadow: ShadowJudged | undefined;
  const why = gaveUpUnanswered(row.kind, f.reason);
  await d.record(logCtx, () => (shadow = markFailedJudgingShadow(d.store, row, why)));
  await d.record(logCtx, () => markUncertainOutcome(d.store, row.id, why)); // `status` no longer says it held (tester 39 F2)
  d.log.error({ ...logCtx, reason: f.reason }, `delivery failed: ${why}`);
  sayShadowRejudged(d.log, logCtx, shadow);
  d.onEvent({ row, outcome: 'failed', error: why });
}

/** Why a post is given up after its third send with no answer (`reason`: what met that send; a stop's catch too: caught-sends.ts). */
export function gaveUpUnanswered(kind: OutboxRow['kind'], reason: string): string {
  return `gave up: no answer to this send nor to the two before it (${reason}): the chat may show the post up to three times, or not at all; look in the chat${kind === 'post' ? ' (announce: again on the note posts it anew)' : ''}`;
}

/**
 * A transient failure tried again after a backoff (`backoffStep`: the post's attempts, or, for a failure judged neither
 * the platform's nor the post's yet (outages.ts `unjudged`), such failures in a row). Only the post's own failure spends
 * an attempt; an unjudged one is judged again then against what answered or failed meanwhile.
 */
async function retryLater(d: FailureDeps, row: OutboxRow, f: Extract<FailureClass, { kind: 'transient' }>, logCtx: LogContext, guard: ResendGuard | undefined, how: { backoffStep: number; spendsAttempt: boolean }): Promise<void> {
  if (guard) d.log.warn({ ...logCtx, reason: f.reason, guard: guard.guard }, uncertainLine(row, guard));
  const backoff = backoffMs(how.backoffStep, d.opts);
  const delay = guard ? resendDelayMs(guard, backoff) : backoff;
  await d.record(logCtx, () => d.store.transaction(() => {
    if (how.spendsAttempt) d.store.markRetry(row.id, d.now() + delay, f.reason);
    else d.store.markRateLimited(row.id, d.now() + delay, f.reason);
    keepTry(d, row, how.spendsAttempt ? 0 : how.backoffStep);
    if (guard) keepUncertainSend(d.store, { delivery: row.id, note: row.noteId, target: logCtx.target, at: d.now(), guard: guard.guard, reason: f.reason }, d.outages?.tried.at);
  }));
  const line = how.spendsAttempt ? 'delivery will be retried' : 'delivery will be retried (no attempt spent until it is known whether the chat or the platform is failing)';
  d.log.warn({ ...logCtx, reason: f.reason, retryInMs: delay }, line);
  d.onEvent({ row, outcome: 'retry', error: f.reason, uncertain: guard?.guard });
}

/**
 * A chat found gone fewer than GONE_ANSWERS times (outages.ts chatGone): the platform answered (no outage; an outage
 * on lifts), the delivery is asked again after its own backoff (step: the chat's answers so far), no attempt spent,
 * and nothing is forgotten yet; the platform's other chats go on meanwhile. Several chats at once is said once.
 */
async function askIfStillGone(d: FailureDeps, row: OutboxRow, reason: string, verdict: Extract<GoneVerdict, { by: 'asked-again' }>, logCtx: LogContext): Promise<void> {
  d.outages?.of.answered(row, d.now());
  const platform = row.target.platform;
  if (verdict.severalSaid) d.log.error({ ...logCtx, reason }, `several ${platform} chats answered that they are gone at once: if ${platform}'s server lost its chat database (a self-hosted Bot API server), restore it or point the config back at a working one; each such chat is asked again on its own backoff and forgotten only once it has answered so ${GONE_ANSWERS} times (24 to 47 minutes at the default delivery delays); the other chats are not held`);
  const delay = backoffMs(verdict.answers, d.opts);
  await d.record(logCtx, () => waitsWithoutTry(d, row, () => d.store.markRateLimited(row.id, d.now() + delay, reason)));
  d.log.warn({ ...logCtx, reason, retryInMs: delay, goneAnswers: verdict.answers }, `the chat is said to be gone (${verdict.answers} of ${GONE_ANSWERS} answers before it is forgotten): asked again later`);
  d.onEvent({ row, outcome: 'retry', error: reason });
}

/**
 * A try whose failure said nothing of the chat, kept with the outbox (store/delivery-tries.ts) so the next try, in this
 * run or a later one, is judged against it: `unjudged`, its failures in a row judged neither way (0 once judged).
 */
function keepTry(d: FailureDeps, row: OutboxRow, unjudged: number): void {
  if (d.outages) keepLastTry(d.store.sql, row.id, { at: d.outages.tried.at, unjudged });
}

/**
 * An outcome that leaves the delivery waiting, or closes it, after a failure that was no undecided one (the platform
 * answered: a rate limit, a pause, a move): written with the try it replaces dropped, in one transaction.
 */
function waitsWithoutTry(d: FailureDeps, row: OutboxRow, write: () => void): void {
  d.store.transaction(() => {
    write();
    forgetLastTry(d.store.sql, row.id);
  });
}

/** Whose refusal a message that cannot go met: the chat's template's, or the platform's. */
function rejectedLine(row: OutboxRow, f: Extract<FailureClass, { kind: 'rejected' }>): string {
  if (f.by === 'template') return "delivery failed: the chat's template cannot render this note (notecast check and preview show it)";
  return row.kind === 'pin' ? 'pin refused by the platform (does the bot have the right to pin there?); the post stands' : 'delivery rejected by the platform';
}

/**
 * A chat that moved (Telegram group → supergroup, store/chat-move.ts): a post follows it unless the new
 * chat has the note already; an edit, delete, pin or crosspost names a message of the old group, which
 * the new chat does not have (message ids are per chat): it is not sent, and says so (`status`).
 */
async function recordMoved(d: FailureDeps, row: OutboxRow, f: Extract<FailureClass, { kind: 'moved' }>, logCtx: LogContext): Promise<void> {
  const follows = row.kind === 'post' || row.kind === 'digest';
  let calledOff = false;
  const stays = `its message is in ${row.target.chat}, which became the supergroup ${f.to}: a message id is its own chat's, the supergroup does not have it (${f.reason})`;
  await d.record(logCtx, () => waitsWithoutTry(d, row, () => {
    calledOff = d.store.moveChat(row.target.platform, row.target.chat, f.to).includes(row.id);
    if (follows && !calledOff) d.store.markRetry(row.id, d.now(), f.reason);
    else if (!follows) d.store.markDone(row.id, null, 'skipped', row.kind === 'edit' ? `${EDIT_NOT_SENT}: ${stays}` : `${row.kind} not sent: ${stays}`);
  }));
  if (follows && !calledOff) d.log.warn({ ...logCtx, to: f.to }, 'chat moved; subscriptions and queued posts follow it');
  else if (follows) d.log.warn({ ...logCtx, to: f.to }, `chat moved; ${MOVED_ONTO_OWN}`);
  else d.log.warn({ ...logCtx, to: f.to }, `chat moved; this ${row.kind} not sent: ${stays}`);
  d.onEvent({ row, outcome: follows && !calledOff ? 'moved' : 'skipped', error: f.reason });
}
