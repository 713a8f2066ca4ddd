/**
 * A note's delete in a chat takes every message it has there (tester 34's F7): a reposted note (`onChange: repost`,
 * `announce: again`; a family reposted in `group` mode alike) left its older messages showing its older text, and
 * a note back was posted anew beside them. The delete, before its newest message, deletes each older one
 * (store/older-messages.ts) exactly as it deletes the newest (a forum post's thread, a webhook's message), each
 * forgotten in its own transaction once the platform has deleted it: a kill -9 midway sends the delivery again
 * and only the messages not yet deleted go; one the platform answers as gone (deleted by hand, or by the try a
 * kill -9 cut short) counts as deleted. The under-way rules (store/under-way.ts) are the delivery's, unchanged:
 * a delete that has left goes on to the end; one called off (the note back before it left) leaves the chat as it
 * was, the older messages with it, as a repost kept them.
 */
import type { Logger } from '../log.js';
import type { LogContext } from './outcomes.js';
import { dropOlderMessage, handOlderMessages, olderDigestLineMessages, olderMessageMembers, olderMessages } from '../store/older-messages.js';
import { leaveOlderDigest } from './digest-lines.js';
import { deleteUnderWay } from '../store/under-way.js';
import type { Prepare } from '../store/db.js';
import type { OutboxRow, Target } from '../store/types.js';
import type { Store } from '../store/store.js';
import { CallTimeout } from './call-bound.js';
import type { ChatAdapter, SendContext } from './port.js';

export interface OlderDeleteDeps {
  sql: Prepare;
  log: Logger;
  /** The platform call under the deliverer's bound. */
  bounded: <T>(call: (signal: AbortSignal | undefined) => Promise<T>) => Promise<T>;
  /** The deliverer's write of an outcome, retried while the database cannot take it. */
  record: (write: () => void) => Promise<void>;
}

/** Deletes the note's older messages in the delete's chat; throws what a platform call threw, other than "gone". */
export async function deleteOlderMessages(d: OlderDeleteDeps, row: Extract<OutboxRow, { kind: 'delete' }>, adapter: ChatAdapter, ctx: SendContext, logCtx: LogContext): Promise<void> {
  for (const messageId of olderMessages(d.sql, row.noteId, row.target)) {
    try {
      await d.bounded((signal) => adapter.delete(row.target, messageId, { ...ctx, signal }));
    } catch (e) {
      if (e instanceof CallTimeout || adapter.classify(e, 'delete').kind !== 'gone') throw e;
    }
    await d.record(() => dropOlderMessage(d.sql, row.noteId, row.target, messageId));
    d.log.info({ ...logCtx, messageId }, 'older message of the note deleted');
  }
}

/**
 * A repost called off before it went (the note deleted while it waited, under `onDelete: delete`): the message the
 * note already has in the chat (recorded in `posts`, not a digest's line) is deleted too, unless a delete is queued or under way.
 */
export function deleteShownBeside(store: Pick<Store, 'postOf' | 'openDelivery' | 'enqueue' | 'sql'>, noteId: string, target: Target, revision: number): void {
  const shown = store.postOf(noteId, target);
  // A delete of that message already waiting, or under way (its answer to come: the post called off was queued in its shadow), is the one.
  if (!shown || shown.viaDigest || store.openDelivery(noteId, target, ['delete']) || deleteUnderWay(store.sql, noteId, target)) return;
  store.enqueue({ noteId, revision, target, kind: 'delete', payload: { type: 'delete' } });
}

/**
 * A family's message in a chat about to show another member than the one it was sent, under `onDelete: delete` (tester
 * 35's F2): when that member went, the family's older messages there (a repost's, showing it) are its messages and go
 * with it, as they would with a note announced on its own; the message itself is edited to the member shown now.
 */
export function deleteOlderOfRemovedMember(store: Store, familyId: string, target: Target, live: ReadonlySet<string>, revision: number): number {
  let changed = 0;
  // Each digest's line kept as older (store/older-messages.ts) goes alone when the member it shows went (rv-a's R1: every one).
  for (const messageId of olderDigestLineMessages(store.sql, familyId, target)) {
    const lineShows = store.upkeep.digestItemsShown(target, messageId).get(familyId)?.member;
    if (lineShows !== undefined && !live.has(lineShows)) changed += leaveOlderDigest(store, familyId, target, messageId);
  }
  const shown = store.upkeep.lastSentPayload(familyId, target)?.member;
  if (shown === undefined || live.has(shown)) return changed;
  // Only the older messages that showed the member that went (or whose member is not known): a live member's stay (rv-a's R3).
  const handed = olderMessageMembers(store.sql, familyId, target).filter((m) => m === null || m === shown)
    .reduce((n, member) => n + handOlderMessages(store.sql, familyId, shown, target, member), 0);
  if (!handed) return changed;
  store.enqueue({ noteId: shown, revision, target, kind: 'delete', payload: { type: 'delete' } });
  return changed + 1;
}
