/**
 * Posts whose send may have reached the chat (issue 25, tester 31-1 F4/F6/F8/F9): a send whose answer never came
 * (publish/uncertain.ts), or one a stop caught mid-send (re-queued at the next start). Such a post called off later
 * (its note drafted, deleted, no longer wanted) is not "never sent": the chat may show it. So the call-off says so
 * (`status`, store/called-off.ts), and the note's next post to that chat carries the called-off post's nonce: on a
 * Discord channel (`enforce_nonce`, within "the past few minutes": discord-api-docs, message.mdx, Create Message) the
 * first message is answered and recorded as the post instead of a second one; elsewhere the nonce means nothing.
 * With `onDelete: delete`, a note removed while such a post waited has that post's message looked for and deleted
 * (publish/called-off-find.ts): `maybe_sent_at`, when the last send that may have reached the chat went, says whether
 * the nonce's window is still open.
 */
import type { Statement } from './db.js';
import type { NewDelivery, Target } from './types.js';

type Sql = (text: string) => Statement;

/** Marks a post (or digest) whose send may have reached its chat, at `at` (its latest such send). Returns false if it was marked already. */
export function markMaybeSent(sql: Sql, deliveryId: number, at = Date.now()): boolean {
  sql('INSERT OR REPLACE INTO maybe_sent_at(delivery, sent_at) VALUES (?, ?)').run(deliveryId, at);
  return sql('INSERT OR IGNORE INTO maybe_sent(delivery) VALUES (?)').run(deliveryId).changes > 0;
}

/** When a post's latest send that may have reached its chat went out (ms); undefined if none did, or in a record written before it was kept. */
export function maybeSentAt(sql: Sql, deliveryId: number): number | undefined {
  const r = sql('SELECT sent_at FROM maybe_sent_at WHERE delivery = ?').get(deliveryId) as { sent_at: number } | undefined;
  return r?.sent_at;
}

/** Whether a post's send may have reached its chat. */
export function maybeSent(sql: Sql, deliveryId: number): boolean {
  return sql('SELECT 1 FROM maybe_sent WHERE delivery = ?').get(deliveryId) !== undefined;
}

/** A post or digest a stop caught mid-send; `updatedAt`: when it was marked sending, i.e. when the send went out. */
export interface CaughtSend {
  id: number;
  kind: 'post' | 'digest';
  noteId: string | null;
  target: Target;
  updatedAt: number;
}

/**
 * At a start: the posts and digests a stop caught mid-send (still `sending`) may have reached their chats. `keep` sees
 * them first (publish/caught-sends.ts: kept as uncertain sends, which counts a send first marked here).
 */
export function markCaughtMidSend(sql: Sql, keep?: (caught: CaughtSend[]) => void): void {
  const rows = sql("SELECT id, kind, note_id, platform, chat, thread, updated_at FROM outbox WHERE status = 'sending' AND kind IN ('post', 'digest') ORDER BY id")
    .all() as { id: number; kind: CaughtSend['kind']; note_id: string | null; platform: Target['platform']; chat: string; thread: string; updated_at: number }[];
  keep?.(rows.map((r) => ({ id: r.id, kind: r.kind, noteId: r.note_id, target: { platform: r.platform, chat: r.chat, thread: r.thread }, updatedAt: r.updated_at })));
  for (const r of rows) markMaybeSent(sql, r.id, r.updated_at);
}

/**
 * The called-off post whose nonce a new post of a note to a chat takes over (undefined for anything else): the note's
 * last post there if it was called off after a send that may have reached the chat, no message is recorded since, and
 * no look for that send's message went out (publish/called-off-find.ts; a look in flight or done owns the nonce: the
 * message it learns is deleted, so Discord answering the nonce with it would record the new post on a deleted message).
 * A delete still waiting to look (`onDelete: delete`, the note back before it ran) is called off: the new post takes
 * that message over (Discord answers its nonce with it). Call inheritMaybeSent once the new post has its id.
 */
export function takeOverCalledOffSend(sql: Sql, d: NewDelivery): { from: number; nonce: string } | undefined {
  const taken = calledOffSend(sql, d);
  if (taken) {
    sql(`UPDATE outbox SET status = 'skipped', last_error = 'the note is back before the message its lost send may have made was deleted: its new post takes that message (the same nonce)', updated_at = ?
         WHERE kind = 'delete' AND status = 'pending' AND json_extract(payload, '$.calledOff') = ?`).run(Date.now(), taken.from);
  }
  return taken;
}

/**
 * A post that took over a called-off post's nonce may show in the chat as that one may (its message is the one the
 * nonce names): called off in turn, it is a maybe-sent post, with the same send time. It also takes over that post's
 * unanswered sends and hold (store/held-unanswered.ts): the bound of three sends is the note's in that chat, and a
 * count started over at 0 let it be held twice and sent three more times (review rv33-d R2).
 */
export function inheritMaybeSent(sql: Sql, deliveryId: number, from: number): void {
  sql('INSERT OR IGNORE INTO maybe_sent(delivery) VALUES (?)').run(deliveryId);
  sql('INSERT OR REPLACE INTO maybe_sent_at(delivery, sent_at) SELECT ?, sent_at FROM maybe_sent_at WHERE delivery = ?').run(deliveryId, from);
  sql(`UPDATE outbox SET (held, unanswered_sends, send_timed_out) = (SELECT f.held, f.unanswered_sends, f.send_timed_out FROM outbox f WHERE f.id = ?)
    WHERE id = ? AND kind IN ('post', 'digest')`).run(from, deliveryId);
}

/**
 * Records that a look for called-off post `calledOff`'s message goes out at `at` (before it goes, so that a kill -9 or
 * a lost answer leaves it known): from then on its nonce is the look's alone, and a retry of the look is judged from the
 * first look's time (the message the look may have made is that old). Returns the first look's time if one went before.
 */
export function markLookSent(sql: Sql, calledOff: number, at: number): number | undefined {
  const before = sql('SELECT looked_at FROM called_off_looks WHERE delivery = ?').get(calledOff) as { looked_at: number } | undefined;
  if (!before) sql('INSERT INTO called_off_looks(delivery, looked_at) VALUES (?, ?)').run(calledOff, at);
  return before?.looked_at;
}

/** The note's last post to the chat, called off after a send that may have reached it, no message recorded since. */
const CALLED_OFF_MAYBE_SENT = `SELECT o.id AS "from", o.nonce FROM outbox o JOIN maybe_sent m ON m.delivery = o.id
     WHERE o.note_id = ? AND o.platform = ? AND o.chat = ? AND o.thread = ? AND o.kind = 'post' AND o.status = 'skipped'
       AND o.id = (SELECT MAX(s.id) FROM outbox s WHERE s.note_id = o.note_id AND s.platform = o.platform AND s.chat = o.chat AND s.thread = o.thread AND s.kind = 'post')
       AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.note_id = o.note_id AND p.platform = o.platform AND p.chat = o.chat AND p.thread = o.thread)`;

function calledOffSend(sql: Sql, d: NewDelivery): { from: number; nonce: string } | undefined {
  if (d.kind !== 'post' || d.noteId === null) return undefined;
  const r = sql(`${CALLED_OFF_MAYBE_SENT}
       AND NOT EXISTS (SELECT 1 FROM called_off_looks l WHERE l.delivery = o.id)`,
  ).get(d.noteId, d.target.platform, d.target.chat, d.target.thread) as { from: number; nonce: string } | undefined;
  return r;
}

/**
 * The called-off post whose unanswered sends and hold a new post of its note to that chat takes over when its nonce is
 * not (takeOverCalledOffSend): a look for its message went out (`onDelete: delete`, the note removed or drafted), which
 * owns the nonce, but the message its sends may have made was not found and deleted (Telegram cannot look: it may show).
 * The bound of three sends is the note's in that chat whatever the look did: starting it over at 0 sent a held post's
 * note five times (tester 39 F1, issue 25). A look that found the message and deleted it leaves nothing to count.
 */
export function calledOffCountFrom(sql: Sql, d: NewDelivery): number | undefined {
  if (d.kind !== 'post' || d.noteId === null) return undefined;
  const r = sql(`${CALLED_OFF_MAYBE_SENT} AND o.unanswered_sends > 0
       AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.kind = 'delete' AND x.status = 'done' AND json_extract(x.payload, '$.calledOff') = o.id)`,
  ).get(d.noteId, d.target.platform, d.target.chat, d.target.thread) as { from: number } | undefined;
  return r?.from;
}

/**
 * The post that took over called-off post `calledOff`'s nonce (takeOverCalledOffSend: "the same post", its note back),
 * if one did: a late answer of the called-off post's send names a message of that post (review rv-34c R4).
 */
export function postTakingOver(sql: Sql, calledOff: number): number | undefined {
  const r = sql(`SELECT n.id FROM outbox o JOIN outbox n ON n.note_id = o.note_id AND n.platform = o.platform AND n.chat = o.chat
       AND n.thread = o.thread AND n.kind = 'post' AND n.nonce = o.nonce AND n.id > o.id
     WHERE o.id = ? AND o.kind = 'post' ORDER BY n.id DESC LIMIT 1`).get(calledOff) as { id: number } | undefined;
  return r?.id;
}
