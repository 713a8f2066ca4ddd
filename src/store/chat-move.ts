/**
 * A Telegram group that became a supergroup (a service message's `migrate_to_chat_id`, or a call
 * answered with ResponseParameters `migrate_to_chat_id`: core.telegram.org/bots/api#message,
 * #responseparameters): what follows the chat to its new id and what stays (issue 25, tester F1/F5/F6).
 * A message id is "unique inside this chat" (core.telegram.org/bots/api#message): the old group's
 * message 3 is not the supergroup's message 3, which is most likely another note's. So the posts
 * recorded in the old group, and the edits, deletes, pins and crossposts of them, stay with the old
 * group, whose calls are answered "upgraded" and kept as not sent (publish/outcomes.ts), never
 * sent to the supergroup. Subscriptions, pauses and posts not sent yet follow; one the supergroup has
 * queued or shown already (it subscribed before the move was seen) is called off: one post per chat.
 */
import type { Statement } from './db.js';
import { readDigestPayload } from './records.js';

type Sql = (text: string) => Statement;

/** Why a queued post of the old group was called off: `status` and the log say it. */
export const MOVED_ONTO_OWN = 'called off: the group became a supergroup that has this note queued or posted already';

/** How the meta key recording that a chat moved, and where, begins: a config route still names the chat as it was. */
export const CHAT_MOVED_KEY = 'chat.moved:';

function movedKey(platform: string, chat: string): string {
  return `${CHAT_MOVED_KEY}${platform}:${chat}`;
}

/** The id a chat has now: itself, or the chat it became (a group → its supergroup), as recorded when it moved. */
export function chatNow(sql: Sql, platform: string, chat: string): string {
  let now = chat;
  for (let hop = 0; hop < 4; hop++) {
    const to = (sql('SELECT value FROM meta WHERE key = ?').get(movedKey(platform, now)) as { value: string } | undefined)?.value;
    if (to === undefined || to === now) break;
    now = to;
  }
  return now;
}

/** A chat that moved: its platform, the id it had and the id it has now. */
export interface ChatMoved {
  platform: string;
  from: string;
  to: string;
}

/**
 * Says that a chat moved (Store.moveChat): a config route naming the old id follows it in memory (publish/chat-names-later.ts),
 * as `chatNow` makes the next start's routes follow it, so the route's notes go where its chat is (tester 36 F1).
 */
export class ChatMoveSignal {
  private readonly listeners = new Set<(moved: ChatMoved) => void>();

  /** Returns the way to stop listening. */
  listen(listener: (moved: ChatMoved) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  raise(moved: ChatMoved): void {
    for (const l of this.listeners) l(moved);
  }
}

/** Moves `from`'s rows to `to` (in the caller's transaction); returns the ids of queued posts called off. */
export function moveChatRows(sql: Sql, platform: string, from: string, to: string, now: number): number[] {
  sql('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(movedKey(platform, from), to);
  for (const table of ['subscriptions', 'paused_targets', 'paused_marks']) {
    sql(`UPDATE OR IGNORE ${table} SET chat = ? WHERE platform = ? AND chat = ?`).run(to, platform, from);
    // The same row there already (the supergroup subscribed alike): one is enough.
    sql(`DELETE FROM ${table} WHERE platform = ? AND chat = ?`).run(platform, from);
  }
  const calledOff = callOffShownThere(sql, platform, { chat: from }, { chat: to }, now, MOVED_ONTO_OWN);
  sql(`UPDATE outbox SET chat = ?, updated_at = ? WHERE platform = ? AND chat = ? AND kind IN ('post', 'digest') AND status IN ('pending', 'sending')`).run(to, now, platform, from);
  return calledOff;
}

/**
 * One name of a chat whose records move. Without `thread`, every thread under `chat` (a topic stays the same topic under
 * the new name); with it, only that thread's rows, which land in the other name's `thread` (a Discord thread route's
 * `<parent>/<thread>` is the thread's own id, no thread: store/chat-names.ts).
 */
export interface ChatName {
  chat: string;
  thread?: string | undefined;
}

/**
 * `from`'s queued posts and digest lines that `to` shows or queues already are called off (`why` says how the chat
 * moved): one home for "a chat's records move to another name" (this move, and store/chat-names.ts). Returns their ids.
 */
export function callOffShownThere(sql: Sql, platform: string, from: ChatName, to: ChatName, now: number, why: string): number[] {
  const doubles = sql(
    `SELECT o.id FROM outbox o WHERE o.platform = ? AND o.chat = ? AND o.thread = coalesce(?, o.thread) AND o.kind = 'post' AND o.status IN ('pending', 'sending')
       AND ${SHOWN_THERE.replaceAll('$note', 'o.note_id').replaceAll('$thread', 'coalesce(?, o.thread)')}`,
  ).pluck().all(platform, from.chat, from.thread ?? null, ...shownThereArgs(platform, to));
  const calledOff = doubles.filter((id): id is number => typeof id === 'number');
  for (const id of calledOff) sql(`UPDATE outbox SET status = 'skipped', last_error = ?, updated_at = ? WHERE id = ?`).run(why, now, id);
  calledOff.push(...digestLinesShownThere(sql, platform, from, to, now, why));
  return calledOff;
}

/**
 * Whether the supergroup (`?` platform and chat, three times, each with `$thread`) has a note (`$note`) in a thread (`$thread`): a message of
 * it recorded (a post, or a digest's line: its posts are recorded with it), a post of it queued or sent, or a line of it
 * in a digest queued there.
 */
const RECORDED_THERE = 'EXISTS (SELECT 1 FROM posts p WHERE p.note_id = $note AND p.platform = ? AND p.chat = ? AND p.thread = $thread)';
const postedThere = (statuses: string) => `EXISTS (SELECT 1 FROM outbox d WHERE d.note_id = $note AND d.platform = ? AND d.chat = ? AND d.thread = $thread
               AND d.kind = 'post' AND d.status IN (${statuses}))`;
const SHOWN_THERE = `(${RECORDED_THERE}
  OR ${postedThere("'pending', 'sending', 'done'")}
  OR EXISTS (SELECT 1 FROM outbox g, json_each(g.payload, '$.items') j WHERE g.platform = ? AND g.chat = ? AND g.thread = $thread
               AND g.kind = 'digest' AND g.status IN ('pending', 'sending') AND json_extract(j.value, '$.noteId') = $note))`;
/** SHOWN_THERE's first two checks alone: a message of the note recorded there, or a post of it sent. */
const ONLY_SHOWN_THERE = `(${RECORDED_THERE} OR ${postedThere("'done'")})`;
const shownThereArgs = (platform: string, to: ChatName) => [0, 1, 2].flatMap(() => [platform, to.chat, to.thread ?? null]);

/** What `to` holds of a note that a digest line under the other name gives way to: shown or queued, or shown only. */
export type HeldThere = 'shown or queued' | 'shown';

/** The test for one note (`?` note, platform, chat, thread, …): `shown` so that of a note queued under both names one line stays (review rv-b R1). */
function heldThere(held: HeldThere): { clause: string; args: (note: string, platform: string, chat: string, thread: string) => unknown[] } {
  const one = (clause: string) => clause.replaceAll('$note', '?').replaceAll('$thread', '?');
  if (held === 'shown') return { clause: one(ONLY_SHOWN_THERE), args: (n, p, c, t) => [n, p, c, t, n, p, c, t] };
  return { clause: one(SHOWN_THERE), args: (n, p, c, t) => [n, p, c, t, n, p, c, t, p, c, t, n] };
}

/**
 * The old group's digests not sent yet lose the lines the supergroup has already (issue 25, fx26a: a queued digest
 * followed the move with no such check, so a supergroup that had subscribed before the move was seen got those notes
 * twice): the rest follow; a digest with none left is called off (its id returned). `held` says what of `to` counts:
 * one chat's two names check both ways, the way back against what is shown only (store/chat-names.ts reconcileNames).
 */
export function digestLinesShownThere(sql: Sql, platform: string, from: ChatName, to: ChatName, now: number, why: string, held: HeldThere = 'shown or queued'): number[] {
  const digests = sql(`SELECT id, thread, payload FROM outbox WHERE platform = ? AND chat = ? AND thread = coalesce(?, thread) AND kind = 'digest' AND status = 'pending'`)
    .all(platform, from.chat, from.thread ?? null) as { id: number; thread: string; payload: string }[];
  const there = heldThere(held);
  const shownThere = sql(`SELECT 1 WHERE ${there.clause}`);
  const calledOff: number[] = [];
  for (const d of digests) {
    const digest = readDigestPayload(d.payload);
    if (!digest) continue; // not one this code wrote: it follows as it is
    const thread = to.thread ?? d.thread;
    const items = digest.items.filter((i) => !shownThere.get(...there.args(i.noteId, platform, to.chat, thread)));
    if (items.length === digest.items.length) continue;
    if (items.length) sql('UPDATE outbox SET payload = ?, updated_at = ? WHERE id = ?').run(JSON.stringify({ ...digest, items }), now, d.id);
    else {
      sql(`UPDATE outbox SET status = 'skipped', last_error = ?, updated_at = ? WHERE id = ?`).run(why, now, d.id);
      calledOff.push(d.id);
    }
  }
  return calledOff;
}
