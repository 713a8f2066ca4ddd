/**
 * Posts held after two unanswered sends (issue 25, seed 1308; publish/held-unanswered.ts says why): such a post waits in
 * the outbox, pending, for a signal that its platform's sends work or `delivery.heldMaxMs`, whichever first; these name it.
 */
import type { Statement } from './db.js';
import type { OutboxRow, Target } from './types.js';

type Sql = (text: string) => Statement;

/** How a held post's outbox reason begins (`status` shows it). */
export const HELD_UNANSWERED = 'held: no answer to this send nor to one before it';

/** Whether a waiting delivery is such a held post. */
export function isHeldUnanswered(row: Pick<OutboxRow, 'lastError' | 'kind'>): boolean {
  return (row.kind === 'post' || row.kind === 'digest') && (row.lastError?.startsWith(HELD_UNANSWERED) ?? false);
}

/**
 * The SQL condition naming held posts in `outbox o`: they wait for a signal (or their hold's end), so `idle` does not count them.
 * Never NULL (coalesce): a fresh post has no last_error, and `NOT (… AND NULL LIKE …)` is NULL, which left every such post
 * out of nextAttemptAt, so a post not due at once (behind a row failed as no delivery, a family repost's) had no timer.
 */
const HELD_UNANSWERED_SQL = heldUnansweredSql('o');

export function heldUnansweredSql(alias: string): string {
  return `(${alias}.kind IN ('post', 'digest') AND coalesce(${alias}.last_error, '') LIKE '${HELD_UNANSWERED}%')`;
}

/**
 * The SQL condition naming a row of `outbox o` that waits on a held post (issue 25: a held post froze its whole chat):
 * the held post itself, or a later row of its note in its chat (an edit or delete needs the message it may make; a
 * held digest's, of a note it lists). Every other note's rows in that chat go on. `parkedOnly`: only while the held
 * post is parked (next_attempt_at > the one `?` parameter, now); once due it heads its chat again, sent before them.
 */
export function waitsOnHeldSql(parkedOnly: boolean): string {
  return `EXISTS (SELECT 1 FROM outbox w WHERE w.status = 'pending' AND w.platform = o.platform AND w.chat = o.chat AND w.thread = o.thread
    AND w.id <= o.id AND ${heldUnansweredSql('w')}${parkedOnly ? ' AND w.next_attempt_at > ?' : ''}
    AND (w.id = o.id OR w.note_id = o.note_id OR (w.kind = 'digest' AND o.note_id IN (SELECT json_extract(value, '$.noteId') FROM json_each(w.payload, '$.items')))))`;
}

/** A signal came for `platform`: its held posts are due now (the deliverer's gate lets each go once). Returns how many. */
export function wakeHeldUnanswered(sql: Sql, platform: string, now: number): number {
  return sql(`UPDATE outbox AS o SET next_attempt_at = ? WHERE o.status = 'pending' AND o.platform = ? AND o.next_attempt_at > ? AND ${HELD_UNANSWERED_SQL}`).run(now, platform, now).changes;
}

/** A later row of a held post's note in its chat (an edit, a delete), waiting for the held post (tester 37 F3: unsaid in `status`). */
export interface WaitingOnHeld {
  delivery: number;
  note: string | null;
  kind: string;
  target: Target;
  /** The held post's delivery. */
  held: number;
}

/** The rows that wait on held posts (waitsOnHeldSql), the held posts themselves left out: `status` lists them. */
export function waitingOnHeld(sql: Sql): WaitingOnHeld[] {
  const rows = sql(`SELECT o.id, o.note_id, o.kind, o.platform, o.chat, o.thread, MIN(w.id) AS held FROM outbox o
    JOIN outbox w ON w.status = 'pending' AND w.platform = o.platform AND w.chat = o.chat AND w.thread = o.thread AND w.id < o.id AND ${heldUnansweredSql('w')}
      AND (w.note_id = o.note_id OR (w.kind = 'digest' AND o.note_id IN (SELECT json_extract(value, '$.noteId') FROM json_each(w.payload, '$.items'))))
    WHERE o.status = 'pending' GROUP BY o.id ORDER BY o.id`).all() as { id: number; note_id: string | null; kind: string; platform: Target['platform']; chat: string; thread: string; held: number }[];
  return rows.map((r) => ({ delivery: r.id, note: r.note_id, kind: r.kind, target: { platform: r.platform, chat: r.chat, thread: r.thread }, held: r.held }));
}
