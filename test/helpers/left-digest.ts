/**
 * Store-level setup of the rv33-a tests (a burst digest's message whose delete is refused, notes coming back to it):
 * the digest message both its notes left, and a failure recorded as the deliverer records it.
 */
import { silentLogger } from '../../src/log.js';
import { leaveDigest } from '../../src/publish/digest-lines.js';
import { recordFailure, type FailureDeps } from '../../src/publish/outcomes.js';
import type { FailureClass } from '../../src/publish/port.js';
import type { Store } from '../../src/store/store.js';
import { targetKey, type SummaryPayload, type Target } from '../../src/store/types.js';

/** Telegram's answer to a delete it refuses for good. */
export const DELETE_REFUSED: FailureClass = { kind: 'rejected', reason: "telegram deleteMessage: 400 Bad Request: message can't be deleted" };

/** Digest message 7 in `chat` lists n1 and n2, both left before its edit was sent; returns its delete's id (queued). */
export function digestBothLeft(s: Store, chat: Target): number {
  s.markDone(s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }, { noteId: 'n2', title: 'Two' }] } }), '7');
  s.putPost('n1', chat, '7', 0, true);
  s.putPost('n2', chat, '7', 0, true);
  leaveDigest(s, 'n1', chat);
  leaveDigest(s, 'n2', chat);
  const { id } = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
  return id;
}

/** Records `failure` of delivery `id` as the deliverer does, one attempt allowed. */
export async function failOnce(s: Store, id: number, failure: FailureClass): Promise<void> {
  const row = s.outboxRow(id)!;
  const deps: FailureDeps = { store: s, log: silentLogger(), onEvent: () => {}, now: Date.now, opts: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, record: async (_c, write) => write(), tokenRefused: () => {} };
  await recordFailure(deps, row, failure, { delivery: id, note: row.noteId, target: targetKey(row.target), kind: row.kind, attempt: 1 });
}

/** A note's post payload with nothing but its title. */
export const titleOnly = (title: string): SummaryPayload => ({ type: 'summary', summary: { title, url: 'https://ex.org/' + title, keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1, categories: [] } });
