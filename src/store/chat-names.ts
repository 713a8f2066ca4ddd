/**
 * Records kept under another name of the same chat, moved to the chat's one name (config/schema.ts canonicalRouteChat,
 * publish/chat-names.ts): a database from before kept a Discord thread route's records under `parent/thread` and a
 * Telegram `@username` route's under the name, while a /subscribe there kept its own under the thread's or chat's id.
 * Unlike a group's move to a supergroup (chat-move.ts), both names are one chat with one set of messages, so every
 * record follows, posts included: a note posted under the old name is edited and deleted under the new one, never
 * posted again. Where both names hold the same record (a note already shown twice, a subscription made twice), the one
 * under the chat's own name stays and the other is dropped (its message stays in the chat, no longer followed).
 */
import { callOffShownThere, digestLinesShownThere, type ChatName } from './chat-move.js';
import type { Statement } from './db.js';
import { keepLeftInChat } from './left-in-chats.js';

type Sql = (text: string) => Statement;

/** The tables whose rows name a chat by (platform, chat, thread); each row's other columns stay. */
const CHAT_TABLES = ['subscriptions', 'paused_targets', 'paused_marks', 'posts', 'outbox'] as const;

/** The meta key of the id a Telegram `@username` route was found to name (its lower-case name, `@` included, follows). */
export const TELEGRAM_NAME_KEY = 'chat.name:telegram:';

/** The meta key recording that a database's Discord thread records were moved (once: nothing makes new ones). */
const DISCORD_THREADS_MOVED = 'chat.names.discord-threads';

/** How many rows moved, and how many were dropped as the same record under both names. */
export interface ChatRenamed {
  moved: number;
  dropped: number;
}

/** Moves the rows `where` picks with `set` (its arguments first, as SQLite binds them), then drops those that collided. */
function rename(sql: Sql, set: string, setArgs: unknown[], where: string, whereArgs: unknown[]): ChatRenamed {
  const out: ChatRenamed = { moved: 0, dropped: 0 };
  for (const table of CHAT_TABLES) {
    out.moved += sql(`UPDATE OR IGNORE ${table} SET ${set} WHERE ${where}`).run(...setArgs, ...whereArgs).changes;
    out.dropped += sql(`DELETE FROM ${table} WHERE ${where}`).run(...whereArgs).changes;
  }
  return out;
}

/** Why a queued post or digest line was called off when its chat's records moved from its other name to its one name. */
const SHOWN_UNDER_OTHER_NAME = 'called off: the chat shows or has queued this note under its other name (@username or id; a Discord thread route\'s parent/thread or the thread)';

/**
 * Records of a Telegram chat kept under its `@username` (any case: Telegram's usernames are case-insensitive) move to its
 * numeric id, with the key of the announcement pinned there (deliverer.ts, `pinned:<target>`). What both names hold is
 * reconciled (`reconcileNames`). In the caller's transaction.
 */
export function renameTelegramChat(sql: Sql, username: string, id: string, now = Date.now()): ChatRenamed {
  const name = username.toLowerCase();
  const prefix = 'pinned:telegram:';
  // Exact comparison: a username's `_` is a LIKE wildcard (review rv-3 R4).
  sql(`UPDATE OR IGNORE meta SET key = ? || substr(key, ?) WHERE lower(key) = ? OR substr(lower(key), 1, ?) = ?`).run(`${prefix}${id}`, prefix.length + name.length + 1, `${prefix}${name}`, prefix.length + name.length + 1, `${prefix}${name}/`);
  const out: ChatRenamed = { moved: 0, dropped: 0 };
  const spellings = sql(CHAT_TABLES.map((t) => `SELECT chat FROM ${t} WHERE platform = 'telegram' AND lower(chat) = ?`).join(' UNION ')).pluck().all(...CHAT_TABLES.map(() => name)) as string[];
  for (const from of spellings) {
    out.dropped += reconcileNames(sql, 'telegram', { chat: from }, { chat: id }, now);
    const renamed = rename(sql, 'chat = ?', [id], "platform = 'telegram' AND chat = ?", [from]);
    out.moved += renamed.moved;
    out.dropped += renamed.dropped;
  }
  return out;
}

/**
 * What both names of one chat hold, reconciled before `from`'s records move to `to` (one path for a Telegram `@username`
 * and a Discord thread route; as a group's move to its supergroup, chat-move.ts callOffShownThere, review rv-3 R1): a
 * post queued under either name of a note the other shows or queues is called off, as are the lines of a digest queued
 * under either name of a note the other shows (the old name's also of one the new queues), and a message left followed by no
 * record (the note shown under both) is kept for `status` (left-in-chats.ts, R5). Returns how many were called off.
 */
function reconcileNames(sql: Sql, platform: string, from: ChatName, to: ChatName, now: number): number {
  // `to`'s own queued posts of notes the chat shows under `from` already.
  const own = sql(`UPDATE outbox SET status = 'skipped', last_error = ?, updated_at = ? WHERE platform = ? AND chat = ? AND thread = coalesce(?, thread) AND kind = 'post' AND status = 'pending'
    AND EXISTS (SELECT 1 FROM posts p WHERE p.platform = ? AND p.chat = ? AND p.thread = coalesce(?, outbox.thread) AND p.note_id = outbox.note_id)`)
    .run(SHOWN_UNDER_OTHER_NAME, now, platform, to.chat, to.thread ?? null, platform, from.chat, from.thread ?? null).changes;
  const called = callOffShownThere(sql, platform, from, to, now, SHOWN_UNDER_OTHER_NAME).length;
  // And `to`'s queued digests against what `from` has shown (review rv-b R1): what both queue is one line already.
  const back = digestLinesShownThere(sql, platform, to, from, now, SHOWN_UNDER_OTHER_NAME, 'shown').length;
  keepPostsShownTwice(sql, platform, from, to, now);
  return own + called + back;
}

/** `from`'s posts of notes `to` has a message of too: that message stays in the chat, no record follows it; `status` lists it. */
function keepPostsShownTwice(sql: Sql, platform: string, from: ChatName, to: ChatName, now: number): void {
  const twice = sql(`SELECT p.rowid AS row, p.note_id AS note, p.thread AS thread, p.message_id AS message FROM posts p WHERE p.platform = ? AND p.chat = ? AND p.thread = coalesce(?, p.thread)
    AND EXISTS (SELECT 1 FROM posts q WHERE q.platform = p.platform AND q.chat = ? AND q.thread = coalesce(?, p.thread) AND q.note_id = p.note_id)`)
    .all(platform, from.chat, from.thread ?? null, to.chat, to.thread ?? null) as { row: number; note: string; thread: string; message: string }[];
  const meta = {
    getMeta: (key: string) => (sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value,
    setMeta: (key: string, value: string) => void sql('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value),
  };
  for (const p of twice) {
    const delivery = sql(`SELECT max(id) FROM outbox WHERE platform = ? AND ((chat = ? AND thread = ?) OR (chat = ? AND thread = ?)) AND note_id = ? AND kind = 'post' AND status = 'done'`)
      .pluck().get(platform, from.chat, p.thread, to.chat, to.thread ?? p.thread, p.note);
    const target = `${platform}:${from.chat}${p.thread ? `/${p.thread}` : ''}`;
    keepLeftInChat(meta, { delivery: typeof delivery === 'number' ? delivery : -p.row, note: p.note, target, sentAt: null, at: now, why: `message ${p.message} shown under the chat's other name as well: the record of the one name's message was kept` });
  }
}

/**
 * Records of Discord thread routes kept under `parent/thread` move to the thread's own id, once per database (a thread
 * is a channel: every target names it alone from now on), reconciled with what a /subscribe inside the thread holds
 * there as a Telegram `@username`'s are (`reconcileNames`; issue 25: a note posted under both names, or queued under one
 * and shown under the other, went twice). In the caller's transaction; undefined when done before.
 */
export function renameDiscordThreads(sql: Sql, now = Date.now()): ChatRenamed | undefined {
  if (sql('SELECT 1 FROM meta WHERE key = ?').get(DISCORD_THREADS_MOVED)) return undefined;
  sql("UPDATE OR IGNORE meta SET key = 'pinned:discord:' || substr(key, instr(key, '/') + 1) WHERE key LIKE 'pinned:discord:%/%'").run();
  const routes = sql(CHAT_TABLES.map((t) => `SELECT chat, thread FROM ${t} WHERE platform = 'discord' AND thread != ''`).join(' UNION ')).all() as { chat: string; thread: string }[];
  let called = 0;
  for (const r of routes) called += reconcileNames(sql, 'discord', r, { chat: r.thread, thread: '' }, now);
  const out = rename(sql, "chat = thread, thread = ''", [], "platform = 'discord' AND thread != ''", []);
  sql('INSERT INTO meta(key, value) VALUES (?, ?)').run(DISCORD_THREADS_MOVED, String(now));
  return { moved: out.moved, dropped: out.dropped + called };
}
