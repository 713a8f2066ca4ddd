/**
 * A post's send that timed out and whose answer came later (ChatAdapter.onLateAnswer; adapters/telegram/late-answers.ts,
 * issue 25, tester 37 F3): the message it made is known after all. The adapter only tells it; it is recorded here, as
 * the deliverer records a send's outcome:
 * - no message of the post recorded yet (it waits to go again, is held, or was given up): the post is done with that
 *   message, its later edits and deletes go there, and it is not sent again. When the post's text changed since that
 *   send went (an edit folded into the waiting post), the message is edited to it.
 * - another send of the post already recorded its message: the late one shows the post a second time; the one recorded
 *   is kept (edits may have gone to it) and the late one is deleted (a `duplicate` delivery, deleteDuplicate below).
 * - a send of the post under way now: judged once it settles (`settled`), when one of the two above holds.
 * - a post called off meanwhile (its note drafted, deleted, no longer wanted): said; the message stays, as one sent is.
 *   A burst's digest called off (every note it listed went): its message is deleted (tester 40 F5). A scheduled
 *   digest's late message is recorded as every post it lists, as its send records them (tester 40 F6).
 * Nothing is recorded once the deliverer stopped (the store may be closing): the log says so.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { targetKey, type OutboxRow } from '../store/types.js';
import { markHeld } from '../store/held-unanswered.js';
import { markUncertainOutcome } from '../store/uncertain-sends.js';
import { postTakingOver } from '../store/maybe-sent.js';
import { errorText } from '../errors.js';
import type { ChatAdapter, LateAnswer, SendContext } from './port.js';
import type { DeliveryEvent, LogContext } from './outcomes.js';
import { CallTimeout } from './call-bound.js';
import { recordSentPost, type PostRecordStore } from './post-record.js';
import { DIGEST_PREFIX } from './digest-lines.js';

type Sent = Extract<OutboxRow, { kind: 'post' | 'digest' }>;

export interface LateAnswerDeps {
  store: PostRecordStore & Pick<Store, 'outboxRow' | 'replacePayload' | 'heldForDigest'>;
  log: Logger;
  onEvent: (e: DeliveryEvent) => void;
  /** Whether the deliverer runs (it records nothing after its stop) and whether a send of this delivery is under way. */
  running: () => boolean;
  sending: (deliveryId: number) => boolean;
  /** Looks for due work: edits that waited for the post go now. */
  wake: () => void;
  unpinPrevious?: ((target: OutboxRow['target']) => boolean) | undefined;
}

export class LateAnswers {
  /** Late answers of deliveries whose send is under way: judged once it settles. */
  private readonly waiting = new Map<number, LateAnswer[]>();

  constructor(private readonly d: LateAnswerDeps) {}

  /** An adapter's late answer. */
  heard(late: LateAnswer): void {
    if (!this.d.running()) {
      this.d.log.warn({ delivery: late.deliveryId, messageId: late.messageId }, 'a late answer came after the deliveries stopped: not recorded (the post goes again at the next start, as its send had no answer)');
      return;
    }
    try {
      this.judge(late);
    } catch (e) {
      this.d.log.error({ delivery: late.deliveryId, messageId: late.messageId, err: errorText(e) }, 'a late answer could not be recorded: the post goes again as its send had no answer');
    }
  }

  /** A delivery's send settled (recorded): late answers that waited for it are judged now. */
  settled(deliveryId: number): void {
    const late = this.waiting.get(deliveryId);
    if (!late) return;
    this.waiting.delete(deliveryId);
    for (const l of late) this.heard(l);
  }

  private judge(late: LateAnswer): void {
    const row = this.d.store.outboxRow(late.deliveryId);
    if (!row || (row.kind !== 'post' && row.kind !== 'digest')) return;
    const at = { delivery: row.id, note: row.noteId, target: targetKey(row.target), messageId: late.messageId };
    if (row.status === 'sending' || this.d.sending(row.id)) return void this.waiting.set(row.id, [...(this.waiting.get(row.id) ?? []), late]);
    if (row.messageId === late.messageId) return;
    if (row.kind === 'post' && row.payload.digestAt !== undefined && row.status !== 'done' && row.status !== 'skipped') return this.scheduledDigest(row, row.payload.digestAt, late, at);
    if (row.status === 'done') return this.duplicate(row, late, at);
    if (row.status === 'skipped' && row.kind === 'digest') return this.calledOffDigest(row, late, at);
    if (row.status === 'skipped') {
      // Its note came back and a new post took its nonce and count: that post's own late answer, judged as one.
      const next = postTakingOver(this.d.store.sql, row.id);
      if (next !== undefined) return this.judge({ ...late, deliveryId: next });
      const why = `its late answer named message ${late.messageId}: the post called off meanwhile shows there; look in the chat`;
      markUncertainOutcome(this.d.store, row.id, why);
      return void this.d.log.warn(at, `late answer for a called-off post: ${why}`);
    }
    this.recordLate(row, late);
    this.d.log.warn({ ...at, was: row.status }, 'a late answer named the message a timed-out send made: the post is done with it (not sent again), and its edits and deletes go there');
    this.d.onEvent({ row, outcome: 'done', messageId: late.messageId });
    this.d.wake();
  }

  /** The post done with the late message; edited to its newest text when that changed since the send went. */
  private recordLate(row: Sent, late: LateAnswer): void {
    const { store } = this.d;
    const changed = JSON.stringify(row.payload) !== JSON.stringify(late.message);
    store.transaction(() => {
      // What the message shows is what the send carried: an edit then brings it to what the post carries now. A digest's
      // row keeps the lines it lists now: recording it compares them with those sent, and edits or deletes the message.
      if (changed && row.kind === 'post') store.replacePayload(row.id, late.revision, late.message);
      const shown = (changed ? { ...row, revision: late.revision, payload: late.message } : row) as Sent;
      recordSentPost(store, shown, late.messageId, false, this.d.unpinPrevious);
      markHeld(store.sql, row.id, 'no');
      if (changed && row.kind === 'post') store.enqueue({ noteId: row.noteId, revision: row.revision, target: row.target, kind: 'edit', payload: row.payload });
      markUncertainOutcome(store, row.id, `its late answer named message ${late.messageId}: recorded as the post's (shown once)`);
    });
  }

  /**
   * A scheduled digest's send answered late (tester 40 F6): every post still waiting for that time is recorded with the
   * message, as its send records them (deliverer.ts scheduledDigest), so it is not sent again nor said held.
   */
  private scheduledDigest(row: Sent, digestAt: number, late: LateAnswer, at: Record<string, unknown>): void {
    const { store } = this.d;
    const held = store.heldForDigest(row.target, digestAt);
    const rows = held.some((r) => r.id === row.id) ? held : [row, ...held];
    store.transaction(() => {
      for (const r of rows) {
        store.markDone(r.id, late.messageId);
        if (r.noteId) store.putPost(r.noteId, r.target, late.messageId, 0, true);
        markHeld(store.sql, r.id, 'no');
      }
      markUncertainOutcome(store, row.id, `its late answer named message ${late.messageId}: recorded as the scheduled digest's (shown once)`);
    });
    this.d.log.warn({ ...at, notes: rows.length }, 'a late answer named the message of a scheduled digest: recorded as the digest of every post it lists (not sent again)');
    this.d.wake();
  }

  /**
   * A burst's digest called off once every note it listed went (digest-lines.ts followInWaitingDigest) while its answer
   * was late: nothing records its lines, so its message is deleted, as a digest in flight left with none is.
   */
  private calledOffDigest(row: Sent, late: LateAnswer, at: Record<string, unknown>): void {
    const { store } = this.d;
    const id = `${DIGEST_PREFIX}${late.messageId}`;
    store.transaction(() => {
      if (!store.postOf(id, row.target)) store.putPost(id, row.target, late.messageId, 0);
      store.enqueue({ noteId: id, revision: 0, target: row.target, kind: 'delete', payload: { type: 'delete' } });
      markUncertainOutcome(store, row.id, `its late answer named message ${late.messageId}, a digest every note of which went meanwhile: deleted`);
    });
    this.d.log.warn(at, 'a late answer named the message of a digest called off (every note it listed went): that message is deleted');
    this.d.wake();
  }

  /** Another send's message is recorded: the late one is the post shown twice, and is deleted. */
  private duplicate(row: Sent, late: LateAnswer, at: Record<string, unknown>): void {
    const { store } = this.d;
    store.transaction(() => {
      store.enqueue({ noteId: row.noteId, revision: row.revision, target: row.target, kind: 'duplicate', payload: { type: 'duplicate', messageId: late.messageId, of: row.id } });
      markUncertainOutcome(store, row.id, `its late answer named message ${late.messageId}, a second one beside message ${row.messageId ?? '?'} recorded: deleted`);
    });
    this.d.log.warn({ ...at, kept: row.messageId }, 'a late answer named a second message of a post already recorded: that one is deleted, the recorded one kept');
  }
}

/** What deleting a duplicate needs of the deliverer: its bound on platform calls and its outcome writer. */
export interface DuplicateDeps {
  store: Pick<Store, 'markDone'>;
  log: Logger;
  bounded: <T>(call: (signal: AbortSignal | undefined) => Promise<T>) => Promise<T>;
  record: (logCtx: LogContext, write: () => void) => Promise<void>;
}

/** Deletes the second message a late answer named; one already gone counts as deleted. Throws what the call threw otherwise. */
export async function deleteDuplicate(d: DuplicateDeps, row: Extract<OutboxRow, { kind: 'duplicate' }>, adapter: ChatAdapter, ctx: SendContext, logCtx: LogContext): Promise<{ outcome: 'done'; messageId: string }> {
  const { messageId } = row.payload;
  try {
    await d.bounded((signal) => adapter.delete(row.target, messageId, { ...ctx, signal }));
  } catch (e) {
    if (e instanceof CallTimeout || adapter.classify(e, 'delete').kind !== 'gone') throw e;
  }
  await d.record(logCtx, () => d.store.markDone(row.id, messageId));
  d.log.info({ ...logCtx, messageId, post: row.payload.of }, 'the second message of a post, named by a late answer, deleted');
  return { outcome: 'done', messageId };
}
