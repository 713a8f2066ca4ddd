/**
 * Posts held after two unanswered sends (issue 25, seed 1308; publish/held-unanswered.ts says why): such a post waits in
 * the outbox, pending, for a signal that its platform's sends work or `delivery.heldMaxMs`, whichever first; these name it. Whether it is held, and
 * how many of its sends went unanswered, are fields of its outbox row (not its `last_error`, whose wording is for `status`
 * and the log: a later answer, a 5xx or a 429, rewrites it, and a bound read from it started over).
 */
import type Database from 'better-sqlite3';
import type { HeldState, OutboxRow, Target } from './types.js';

/** db.ts's Prepare, written here: db.ts takes the migration from this file. */
type Sql = (text: string) => Database.Statement;

/** How a held post's outbox reason begins (`status` shows it). */
export const HELD_UNANSWERED = 'held: no answer to this send nor to one before it';

/** How the reason of one held by an earlier release after a timeout began (the migration reads it). */
const HELD_AFTER_TIMEOUT = `${HELD_UNANSWERED} (timed out`;

const HELD_CODE: Record<HeldState, number> = { no: 0, held: 1, 'after-timeout': 2 };

/** The state a row's `held` column holds. */
export function heldState(code: number | undefined): HeldState {
  return code === HELD_CODE['after-timeout'] ? 'after-timeout' : code === HELD_CODE.held ? 'held' : 'no';
}

/** Our own call limit's or an adapter's timeout (publish/call-bound.ts) in a failure's reason: the platform may or may not have had the request. */
export const TIMED_OUT = /no answer (?:from the platform )?within \d+ ms/;

/** How many unanswered sends a post may have before it is given up: the third one is its last (README, three at most). */
export const UNANSWERED_SENDS_MAX = 3;

/**
 * The schema version adding the fields (db.ts MIGRATIONS): `held` (HeldState's code), `unanswered_sends` (its sends whose
 * answer never came, a stop's catch included), `send_timed_out` (one of them timed out). A post held by an earlier release
 * (known by its reason then) is held as it was, after two such sends; another that may have reached its chat, after one.
 */
export const HELD_COLUMNS = `
  ALTER TABLE outbox ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE outbox ADD COLUMN unanswered_sends INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE outbox ADD COLUMN send_timed_out INTEGER NOT NULL DEFAULT 0;
  UPDATE outbox SET unanswered_sends = 1 WHERE status IN ('pending', 'sending') AND id IN (SELECT delivery FROM maybe_sent);
  UPDATE outbox SET unanswered_sends = 2, held = CASE WHEN last_error LIKE '${HELD_AFTER_TIMEOUT}%' THEN 2 ELSE 1 END,
    send_timed_out = CASE WHEN last_error LIKE '${HELD_AFTER_TIMEOUT}%' THEN 1 ELSE 0 END
  WHERE status = 'pending' AND kind IN ('post', 'digest') AND last_error LIKE '${HELD_UNANSWERED}%';
`;

/** Whether a waiting delivery is such a held post. */
export function isHeldUnanswered(row: Pick<OutboxRow, 'held' | 'kind'>): boolean {
  return (row.kind === 'post' || row.kind === 'digest') && row.held !== 'no';
}

/** Holds a post (`after-timeout`: one of its sends timed out, said so), or lets it go (`no`), in the caller's transaction. */
export function markHeld(sql: Sql, deliveryId: number, state: HeldState): void {
  sql('UPDATE outbox SET held = ? WHERE id = ?').run(HELD_CODE[state], deliveryId);
}

/** Counts a send of a post whose answer never came (`timedOut`: our limit passed, the platform had it), in the caller's transaction. */
export function countUnansweredSend(sql: Sql, deliveryId: number, timedOut: boolean): void {
  sql('UPDATE outbox SET unanswered_sends = unanswered_sends + 1, send_timed_out = max(send_timed_out, ?) WHERE id = ?').run(timedOut ? 1 : 0, deliveryId);
}

/**
 * The SQL condition naming held posts in `outbox o`: they wait for a signal (or their hold's end), so `idle` does not count them.
 */
const HELD_UNANSWERED_SQL = heldUnansweredSql('o');

export function heldUnansweredSql(alias: string): string {
  return `(${alias}.kind IN ('post', 'digest') AND ${alias}.held != 0)`;
}

/**
 * The SQL condition naming a row of `outbox o` that waits on a held post (issue 25: a held post froze its whole chat):
 * the held post itself, or a later row of its note in its chat (an edit or delete needs the message it may make; a
 * held digest's, of a note it lists). Every other note's rows in that chat go on. `parkedOnly`: only while the held
 * post is parked (next_attempt_at > the one `?` parameter, now); once due it heads its chat again, sent before them.
 * Asked for every open row at every pump: `w.status IN ('pending', 'sending')` lets SQLite search the chat's open rows
 * by `outbox_open` (open-outbox.ts says why), not read the whole outbox per row (1.5 s a pump at 2,400 pending, crash.test.ts);
 * and only when a held post is there at all (asked once per statement: SQLite runs an uncorrelated subquery once), as is rare.
 */
export function waitsOnHeldSql(parkedOnly: boolean): string {
  const anyHeld = `EXISTS (SELECT 1 FROM outbox h WHERE h.status IN ('pending', 'sending') AND h.status = 'pending' AND ${heldUnansweredSql('h')})`;
  return `(${anyHeld} AND EXISTS (SELECT 1 FROM outbox w WHERE w.status IN ('pending', 'sending') AND w.status = 'pending' AND w.platform = o.platform AND w.chat = o.chat AND w.thread = o.thread
    AND w.id <= o.id AND ${heldUnansweredSql('w')}${parkedOnly ? ' AND w.next_attempt_at > ?' : ''}
    AND (w.id = o.id OR w.note_id = o.note_id OR (w.kind = 'digest' AND o.note_id IN (SELECT json_extract(value, '$.noteId') FROM json_each(w.payload, '$.items'))))))`;
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

/** Whether a held post's hold ends by `at` (its next_attempt_at): `sync --once` waits for it within its `--timeout`. */
export function heldEndsBy(sql: Sql, at: number): boolean {
  return sql(`SELECT 1 FROM outbox o WHERE o.status = 'pending' AND ${HELD_UNANSWERED_SQL} AND o.next_attempt_at <= ? LIMIT 1`).get(at) !== undefined;
}
