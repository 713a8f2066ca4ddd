/**
 * What waits of a note's (or a family's) message in a chat: the one place that decides which of its deliveries not sent
 * yet takes a change, for a repost (note-outbox.ts, a `separate` note; family-outbox.ts, a family member announced again)
 * and for an edit in place (family-in-place.ts). What waits is the chat's message to be: it goes out once, with the
 * newest content, never beside a second message (issue 25: a repost while the first post waited went out twice).
 */
import type { Route } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { NoteInfo, OutboxRow, SummaryPayload, Target } from '../store/types.js';
import { followInWaitingDigest } from './digest-lines.js';
import { replaceWaitingPost } from './scheduled-digest.js';
import { editOfLeftMessage, queueEdit } from './undone-delete.js';

/** A change that asks for a new message (`repost`), or for the message there to show it (`edit`). */
export type ChangeKind = 'repost' | 'edit';

/** What waits in a chat: a post, an edit of the message sent, or a line of a digest (or none: undefined). */
export type Waiting = { kind: 'post'; delivery: OutboxRow } | { kind: 'edit'; delivery: OutboxRow } | { kind: 'digest' };

/**
 * What waits of `lineId`'s message in `target` for a change of kind `change`: its post not sent yet, else (an edit alone)
 * an edit of its sent message not sent yet, else its line in a digest not sent yet. Where the two kinds differ, on purpose:
 * - a pending edit takes an edit, while a repost is a new message beside the sent one (whose edit goes on as it was);
 * - a digest in flight (being sent) takes an edit, its message edited once it is recorded (digest-lines.ts, fx26d), while
 *   for a repost it is a message already, and the repost is a new one.
 */
export function whatWaits(store: Store, lineId: string, target: Target, change: ChangeKind): Waiting | undefined {
  const post = store.openDelivery(lineId, target, ['post']);
  if (post) return { kind: 'post', delivery: post };
  const edit = change === 'edit' ? store.openDelivery(lineId, target, ['edit']) : undefined;
  if (edit) return { kind: 'edit', delivery: edit };
  const digests = store.upkeep.waitingDigests(lineId, target);
  return digests.some((d) => change === 'edit' || !d.inFlight) ? { kind: 'digest' } : undefined;
}

/** The content a change brings: `payload` for a post or edit, `shown` (the note shown) for a digest line. */
export interface Newest {
  revision: number;
  payload: SummaryPayload;
  info: NoteInfo;
  shown: { id: string; info: { title: string; url?: string | undefined } };
}

/**
 * What waits (`whatWaits`) takes the newest content: a post or an edit its payload (an edit of a message a delete left
 * marked so, undone-delete.ts), a digest line the note shown; beside a waiting edit, a waiting digest line follows too.
 * Returns how many deliveries it changed (a digest line that shows this already: 0), or undefined when nothing waits:
 * the caller posts (a repost) or edits (an edit).
 */
export function followWhatWaits(store: Store, routes: readonly Route[], log: Logger | undefined, lineId: string, target: Target, change: ChangeKind, now: Newest): number | undefined {
  const waiting = whatWaits(store, lineId, target, change);
  if (!waiting) return undefined;
  if (waiting.kind === 'digest') return followInWaitingDigest(store, lineId, target, now.shown) ?? 0;
  if (waiting.kind === 'post') {
    replaceWaitingPost(store, routes, log, waiting.delivery.id, { revision: now.revision, payload: now.payload, info: now.info });
    return 1;
  }
  queueEdit(store, log, { noteId: lineId, target, revision: now.revision, payload: editOfLeftMessage(store.sql, lineId, target, now.payload) }, waiting.delivery.id);
  // The sent message's edit waits beside a digest line not sent yet (the note announced again in a burst, an outage
  // holding both): the line is the newest message to be and follows too, as a `separate` note's does (note-outbox.ts).
  return 1 + (followInWaitingDigest(store, lineId, target, now.shown) ?? 0);
}
