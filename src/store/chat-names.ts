/**
 * Records kept under another name of the same chat, moved to the chat's one name (config/schema.ts canonicalRouteChat,
 * publish/chat-names.ts): a database from before kept a Discord thread route's records under `parent/thread` and a
 * Telegram `@username` route's under the name, while a /subscribe there kept its own under the thread's or chat's id.
 * Unlike a group's move to a supergroup (chat-move.ts), both names are one chat with one set of messages, so every
 * record follows, posts included: a note posted under the old name is edited and deleted under the new one, never
 * posted again. Where both names hold the same record (a note already shown twice, a subscription made twice), the one
 * under the chat's own name stays and the other is dropped (its message stays in the chat, no longer followed).
 */
import type { Statement } from './db.js';

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

/**
 * Records of a Telegram chat kept under its `@username` (any case: Telegram's usernames are case-insensitive) move to its
 * numeric id, with the key of the announcement pinned there (deliverer.ts, `pinned:<target>`). In the caller's transaction.
 */
export function renameTelegramChat(sql: Sql, username: string, id: string): ChatRenamed {
  const name = username.toLowerCase();
  const prefix = 'pinned:telegram:';
  sql(`UPDATE OR IGNORE meta SET key = ? || substr(key, ?) WHERE lower(key) = ? OR lower(key) LIKE ? || '/%'`).run(`${prefix}${id}`, prefix.length + name.length + 1, `${prefix}${name}`, `${prefix}${name}`);
  return rename(sql, 'chat = ?', [id], "platform = 'telegram' AND lower(chat) = ?", [name]);
}

/**
 * Records of Discord thread routes kept under `parent/thread` move to the thread's own id, once per database (a thread
 * is a channel: every target names it alone from now on). In the caller's transaction; undefined when done before.
 */
export function renameDiscordThreads(sql: Sql): ChatRenamed | undefined {
  if (sql('SELECT 1 FROM meta WHERE key = ?').get(DISCORD_THREADS_MOVED)) return undefined;
  sql("UPDATE OR IGNORE meta SET key = 'pinned:discord:' || substr(key, instr(key, '/') + 1) WHERE key LIKE 'pinned:discord:%/%'").run();
  const out = rename(sql, "chat = thread, thread = ''", [], "platform = 'discord' AND thread != ''", []);
  sql('INSERT INTO meta(key, value) VALUES (?, ?)').run(DISCORD_THREADS_MOVED, String(Date.now()));
  return out;
}
