/**
 * A chat that has a family's message (or one waiting to go) is kept up to date in place: the message, the post waiting
 * or the digest line follows the member the chat is shown. Every change of a family that is not a repost there comes
 * this way (family-outbox.ts syncFamily); a repost is a new message (tester 35's F5).
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { SummaryPayload } from '../store/types.js';
import { deleteToCallOff } from '../store/under-way.js';
import { followInDigest } from './digest-lines.js';
import type { FamilyTarget } from './family.js';
import { deleteOlderOfRemovedMember } from './older-messages.js';
import { sameContent } from './shown-content.js';
import { editOfLeftMessage, queueEdit } from './undone-delete.js';
import { followWhatWaits } from './what-waits.js';

export interface InPlace {
  familyId: string;
  ft: FamilyTarget;
  payload: SummaryPayload;
  revision: number;
  /** The family's live members' ids. */
  live: ReadonlySet<string>;
}

/** How many deliveries were queued or changed; 0 when the chat shows this already. */
export function changeInPlace(store: Store, config: Config, log: Logger, { familyId, ft, payload, revision, live }: InPlace): number {
  // A delete still waiting for the message (the last member went, and is back) is called off; one under way goes on (store/under-way.ts).
  const pendingDelete = deleteToCallOff(store.sql, familyId, ft.target);
  if (pendingDelete) store.markDone(pendingDelete.id, null, 'skipped', 'a translation came back before the message was deleted');
  const older = config.publish.onDelete === 'delete' ? deleteOlderOfRemovedMember(store, familyId, ft.target, live, revision) : 0;
  // A post, an edit or a digest line not sent yet takes the newest content (what-waits.ts, shared with reposts).
  const waited = followWhatWaits(store, config.routes, log, familyId, ft.target, 'edit', { revision, payload, info: ft.member.info, shown: ft.member });
  if (waited !== undefined) return older + waited;
  if (store.postOf(familyId, ft.target)?.viaDigest === true) return older + followInDigest(store, familyId, ft.target, ft.member); // a digest line follows what it shows
  const edit = editOfLeftMessage(store.sql, familyId, ft.target, payload); // a message a delete left may be gone
  if (!pendingDelete && !edit.insteadOfPost && sameContent(store.upkeep.lastSentPayload(familyId, ft.target), payload)) return older; // shows this already
  queueEdit(store, log, { noteId: familyId, target: ft.target, revision, payload: edit });
  return older + 1;
}
