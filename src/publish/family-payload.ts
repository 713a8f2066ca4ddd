/**
 * A family's message as a chat is shown it: the payload of the member it shows, and the revision its deliveries take.
 * One home below both users (review rv33-a L2): the family's own messages (family-sent.ts, family-outbox.ts) and a line
 * given back to a message a refused delete left (left-message-back.ts), which could not import family-sent.ts without an
 * import cycle (family-sent → undone-delete → left-message-back).
 */
import type { Store } from '../store/store.js';
import type { NoteRow, SummaryPayload } from '../store/types.js';
import { postControlsOf } from './route.js';
import { alsoInFor, type FamilyTarget } from './family.js';

/**
 * The family's message for a chat shown `ft.member`. A member's summary a first run did not make is made now
 * (store/deferred-summaries.ts); undefined when it cannot be (its file went, its removal not yet
 * decided): the chat's message waits for that batch.
 */
export function payloadFor(store: Pick<Store, 'summaries'>, members: readonly NoteRow[], ft: Pick<FamilyTarget, 'member'>): SummaryPayload | undefined {
  const summary = store.summaries.of(ft.member);
  return summary ? { type: 'summary', summary, alsoIn: alsoInFor(members, ft.member), member: ft.member.id, ...postControlsOf(ft.member.info) } : undefined;
}

/** Grows with every change of any member, so a later delivery never carries an older revision. */
export function familyRevision(notes: readonly NoteRow[]): number {
  return notes.reduce((n, m) => n + m.revision, 0);
}
