/**
 * The advice `status` gives on a failed delete's line after each edit that made the message that stayed its note's again
 * (under-way.ts shadowEditSaid): rendered from the current state, never stored, so it follows the note (review rv34-a
 * R2: stored once, it kept saying "do not delete it by hand" after the note went again and that delete was refused too).
 * Lines written by df2dd25a stored the advice: it is dropped and rendered again.
 */
import type { Prepare } from './db.js';
import { BY_HAND_ADVICE } from './under-way.js';

/** `delivery #N edits the message that stayed …` (shadowEditSaid), the same text before and after df2dd25a. */
const SHADOW_EDIT = /delivery #(\d+) edits the message that stayed instead of posting it again/g;

/** The failed delete's `error` with the advice after each shadow edit it names, as things stand now. */
export function withLeftMessageAdvice(sql: Prepare, error: string): string {
  if (!error.includes('edits the message that stayed')) return error;
  return error.replaceAll(BY_HAND_ADVICE, '').replace(SHADOW_EDIT, (said, id: string) => said + adviceAfter(sql, Number(id)));
}

/** While the edit's note stays, its message is not to be deleted by hand; once a later delete of it is queued, that delete says what becomes of it. */
function adviceAfter(sql: Prepare, editId: number): string {
  const later = sql(`SELECT d.id, d.status FROM outbox e JOIN outbox d ON d.note_id = e.note_id AND d.platform = e.platform AND d.chat = e.chat AND d.thread = e.thread
                     WHERE e.id = ? AND d.kind = 'delete' AND d.id > e.id AND d.status <> 'skipped' ORDER BY d.id DESC LIMIT 1`)
    .get(editId) as { id: number; status: string } | undefined;
  if (!later) return BY_HAND_ADVICE;
  if (later.status === 'failed') return ` (its note went again afterwards and delivery #${later.id}'s delete of it failed too: the message is to be deleted by hand)`;
  return ` (its note went again afterwards: delivery #${later.id} deletes the message)`;
}
