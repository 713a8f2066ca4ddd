/**
 * A family's sent message kept following its note where the chat's filter no longer picks the family (family-outbox.ts
 * syncFamily; the text a chat's message carries and its revision: family-payload.ts). Split from family-outbox.ts (its
 * 400-line cap).
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { NoteRow, Target } from '../store/types.js';
import { sameContent } from './shown-content.js';
import { deleteToCallOff, deleteUnderWay } from '../store/under-way.js';
import { editOfLeftMessage, queueEdit } from './undone-delete.js';
import { payloadFor } from './family-payload.js';

/**
 * A chat whose filter no longer picks the family, with a message of it whose note is still live
 * (its title, tags or words changed, or its `routes` moved it elsewhere): the message is edited
 * when what it shows changed. Returns false when the note it shows went away (deleted, drafted,
 * `announce: false`): `onDelete` and the controls decide then. Nothing is posted here.
 */
export function followSentMessage(store: Store, log: Logger, familyId: string, target: Target, members: readonly NoteRow[], revision: number): boolean {
  const post = store.postOf(familyId, target);
  if (!post || post.viaDigest || deleteUnderWay(store.sql, familyId, target)) return false; // a message being deleted is none
  const sent = store.upkeep.lastSentPayload(familyId, target);
  const shown = members.find((m) => m.id === sent?.member) ?? (sent?.member === undefined && members.length === 1 ? members[0] : undefined);
  if (!shown) return false;
  const payload = payloadFor(store, members, { member: shown });
  if (!payload) return true;
  const pendingDelete = deleteToCallOff(store.sql, familyId, target); // one under way goes on (store/under-way.ts)
  if (pendingDelete) store.markDone(pendingDelete.id, null, 'skipped', 'the note is back before its message was deleted');
  const edit = editOfLeftMessage(store.sql, familyId, target, payload); // a message a delete left may be gone
  const pendingEdit = store.openDelivery(familyId, target, ['edit']);
  if (!pendingEdit && !pendingDelete && !edit.insteadOfPost && sameContent(sent, payload)) return true;
  queueEdit(store, log, { noteId: familyId, target, revision, payload: edit }, pendingEdit?.id);
  return true;
}
