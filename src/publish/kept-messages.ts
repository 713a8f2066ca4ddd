/**
 * A note back from deletion or draft while translations are `separate` (announced again: decide.ts) into chats whose
 * message of it stayed: edited there, never posted a second time (issue 25: a delete refused for good, then the note back).
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { targetKey, type NoteRow, type SummaryPayload } from '../store/types.js';
import { returnToFamilyMessages } from './family-after-switch.js';
import { postControlsOf } from './route.js';
import { editOfLeftMessage, queueEdit } from './undone-delete.js';

/**
 * `separate`: a note back from deletion or draft (announced again: decide.ts) whose messages stayed: its family's
 * (family-after-switch.ts returnToFamilyMessages), or its own, whose delete ended without deleting (store/under-way.ts
 * deleteLeftMessage). Those are edited to show it, never a second message; the chats they are in (targetKey) get no
 * post. A delete still waiting or under way is judged when it ends (undone-delete.ts); `insteadOfPost`: should the
 * message be gone by then, the note is posted.
 */
export function returnToKeptMessages(store: Store, log: Logger, row: NoteRow, prev: NoteRow | undefined): { enqueued: number; covered: Set<string> } {
  const back = returnToFamilyMessages(store, log, row, prev);
  if (!prev || prev.state === 'published' || !row.summary) return back;
  const shown: SummaryPayload = { type: 'summary', summary: row.summary, ...postControlsOf(row.info) };
  for (const { target, viaDigest } of store.postsOf(row.id)) {
    if (viaDigest || back.covered.has(targetKey(target))) continue;
    const payload = editOfLeftMessage(store.sql, row.id, target, shown);
    if (!payload.insteadOfPost) continue; // not a message a delete left
    queueEdit(store, log, { noteId: row.id, target, revision: row.revision, payload }, store.openDelivery(row.id, target, ['edit'])?.id); // said in the log and status
    back.covered.add(targetKey(target));
    back.enqueued++;
  }
  return back;
}
