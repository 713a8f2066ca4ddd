/**
 * The outbox read as a queue: which deliveries are due now, one at a time per chat (later ones wait for earlier ones, so
 * each chat sees them in order), and when the next one is. Paused chats, posts held for a digest time ahead and posts
 * held for their page (live-pages.ts) stay out.
 */
import type { Statement } from './db.js';
import { HELD_FOR_PAGE } from './live-pages.js';
import { heldUnansweredSql, waitsOnHeldSql } from './held-unanswered.js';
import { isInvalidOutbox, toOutbox, type OutboxRecord } from './records.js';
import { laneKey, type OutboxRow } from './types.js';

type Sql = (text: string) => Statement;

/**
 * The head of each unpaused target's queue that is due now: later deliveries wait for earlier ones, so each chat sees them in order;
 * crossposts queue apart (laneKey); posts held for a digest time ahead stay out until then (the chat's other posts go at once),
 * and so does a post held after two unanswered sends while parked, with its note's later rows (waitsOnHeldSql).
 * A row that is no delivery could never be sent: `markFailed` fails it, saying why, and its chat's next one goes.
 */
export function dueHeads(sql: Sql, markFailed: (id: number, error: string) => void, now: number, limit: number, exclude: Set<string>): OutboxRow[] {
  const rows = sql(
    `SELECT o.* FROM outbox o
     JOIN (SELECT MIN(id) AS id FROM outbox o WHERE status IN ('pending', 'sending') AND NOT ${HELD_FOR_PAGE} AND NOT (o.kind = 'post' AND o.next_attempt_at > ? AND coalesce(json_extract(o.payload, '$.digestAt'), 0) > ?)
       AND NOT ${waitsOnHeldSql(true)}
       GROUP BY platform, chat, thread, kind = 'crosspost') h ON h.id = o.id
     LEFT JOIN paused_targets p ON p.platform = o.platform AND p.chat = o.chat AND p.thread = o.thread
     WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND p.platform IS NULL
     ORDER BY o.next_attempt_at, o.id LIMIT ?`,
  ).all(now, now, now, now, limit + exclude.size) as OutboxRecord[]; // a due row's payload is not read: the cheap term first
  const heads: OutboxRow[] = [];
  for (const row of rows.map(toOutbox)) {
    if (isInvalidOutbox(row)) markFailed(row.id, row.problem);
    else if (!exclude.has(laneKey(row))) heads.push(row);
  }
  return heads.slice(0, limit);
}

/**
 * When the next pending delivery of an unpaused target becomes due. With `digestsAfter`: posts held for a scheduled digest
 * later than that do not count (the service is idle meanwhile); with `platforms`, only theirs do. Posts held after two
 * unanswered sends wait for a signal (or their hold's end), and their notes' later rows in their chats for them: they do not
 * count (idle), unless `heldToo` (the deliverer's timer: a held post is due when its hold ends; rows waiting on it still not).
 */
export function nextAttemptAt(sql: Sql, digestsAfter?: number, platforms?: readonly string[], heldToo = false): number | undefined {
  const only = platforms ? JSON.stringify(platforms) : null;
  const held = heldToo ? `(${waitsOnHeldSql(false)} AND NOT ${heldUnansweredSql('o')})` : waitsOnHeldSql(false);
  const r = sql(
    `SELECT MIN(o.next_attempt_at) AS t FROM outbox o
     LEFT JOIN paused_targets p ON p.platform = o.platform AND p.chat = o.chat AND p.thread = o.thread
     WHERE o.status = 'pending' AND p.platform IS NULL AND NOT ${HELD_FOR_PAGE} AND NOT ${held} AND (? IS NULL OR o.platform IN (SELECT value FROM json_each(?)))
       AND NOT (? IS NOT NULL AND json_extract(o.payload, '$.digestAt') IS NOT NULL AND o.next_attempt_at > ?)`,
  ).get(only, only, digestsAfter ?? null, digestsAfter ?? null) as { t: number | null };
  return r.t ?? undefined;
}
