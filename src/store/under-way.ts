/**
 * Deliveries of a note's message in a chat that have left and not been settled yet (issue 25, tester 32-1 F2, F3, F6).
 * A decision about that note and chat taken meanwhile (deleted, drafted, back) is taken against what the chat shows
 * once that delivery is answered, not against the records as they are before its answer: a post in flight will be a
 * message (a delete decided now goes after it, once its id is known), and a delete that has left will leave none (a
 * note back is posted anew after it, never an edit of the message it deletes). The chat's queue sends one delivery at
 * a time (store.ts `dueHeads`), so what is queued now goes after the answer. A row still `sending` at a start (a kill
 * -9 caught it) is under way too: it is sent again once the start-up scan has decided.
 */
import type { Statement } from './db.js';
import type { Target } from './types.js';

type Sql = (text: string) => Statement;

/** Whether a post of `noteId` to the chat is being sent: its message, if it goes through, is not recorded yet. */
export function postInFlight(sql: Sql, noteId: string, target: Target): boolean {
  return sql(`SELECT 1 FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind = 'post' AND status = 'sending'`)
    .get(noteId, target.platform, target.chat, target.thread) !== undefined;
}

/**
 * Whether a delete of `noteId`'s message in the chat has left: being sent, or waiting to be sent again after any try
 * (a timeout, a 5xx, an answer lost with its attempt given back: the platform may have deleted it; `deletes_left`,
 * db.ts, records every try). Such a delete is never called off: the message may be gone already, and an edit of it
 * would find nothing to edit.
 */
export function deleteUnderWay(sql: Sql, noteId: string, target: Target): boolean {
  return sql(`SELECT 1 FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind = 'delete'
              AND (status = 'sending' OR (status = 'pending' AND (attempts > 0 OR id IN (SELECT delivery FROM deletes_left))))`)
    .get(noteId, target.platform, target.chat, target.thread) !== undefined;
}

/**
 * The delete of `noteId`'s message in the chat still waiting that may be called off: one that has never left. A delete
 * under way is none (deleteUnderWay): every call-off path asks here.
 */
export function deleteToCallOff(sql: Sql, noteId: string, target: Target): { id: number } | undefined {
  if (deleteUnderWay(sql, noteId, target)) return undefined;
  return sql(`SELECT id FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind = 'delete' AND status = 'pending' ORDER BY id LIMIT 1`)
    .get(noteId, target.platform, target.chat, target.thread) as { id: number } | undefined;
}
