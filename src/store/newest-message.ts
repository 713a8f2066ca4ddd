/**
 * The newest message this database recorded in a chat (any delivery's: posts, digests), by id.
 * A platform whose ids grow with time (Discord's snowflakes: ids sort by creation, docs
 * reference.mdx, "Snowflakes") can then be asked what was posted there after it: posts this
 * database does not know (a restored or older state), recognised before a note is posted again.
 */
import type { Prepare } from './db.js';
import type { Target } from './types.js';

export function newestMessageIn(sql: Prepare, target: Target): string | undefined {
  // Snowflakes are decimal strings: a longer one is newer, and among equal lengths the text order is the number's.
  const row = sql(
    `SELECT message_id AS id FROM outbox
      WHERE platform = ? AND chat = ? AND thread = ? AND message_id IS NOT NULL AND message_id GLOB '[0-9]*'
      ORDER BY length(message_id) DESC, message_id DESC LIMIT 1`,
  ).get(target.platform, target.chat, target.thread ?? '') as { id: string } | undefined;
  return row?.id;
}
