/**
 * An edit of a note (or family) for a chat that wants it and has no message of it that this
 * database knows (store/edits-not-sent.ts says when and why): not sent, never without a word. The
 * outbox keeps it for `status`, and a warn line says it.
 */
import type { Logger } from '../log.js';
import { noMessageBecause, recordEditNotSent } from '../store/edits-not-sent.js';
import type { Store } from '../store/store.js';
import type { SummaryPayload, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';

/** Records and says the edit as not sent when the chat's last post or edit of `noteId` did not go out. Inside the batch's transaction. */
export function editNotSent(store: Store, log: Logger, e: { noteId: string; revision: number; target: Target; payload: SummaryPayload; file: string }): void {
  const why = noMessageBecause(store, e.noteId, e.target);
  if (why === undefined) return;
  recordEditNotSent(store, { ...e, why });
  log.warn(
    { note: e.noteId, file: e.file, target: targetKey(e.target), why },
    `edit not sent: ${e.file} has no message in ${targetKey(e.target)} to edit: ${why}; it is not posted anew there (the chat may show it already): give it \`notecast: {announce: again}\` to post it anew (notecast status lists it)`,
  );
}
