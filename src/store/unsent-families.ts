/**
 * Families no chat has seen anything of yet: each of their deliveries a post still waiting (a translation's grace
 * period, a platform refusing every send), none under way, none that may have reached a chat, none in a digest, no
 * message recorded. Deciding such a family again changes nothing any chat shows (publish/family-unsent.ts). Read-only.
 */
import type { Prepare } from './db.js';

/**
 * The family keys of `written` (the key itself and those of its notes announced on their own, `<written>#…`) that
 * have a post waiting and nothing else: by the outbox_note index (`prefix` the family ids' prefix, family.ts; `$` is the character after `#`).
 */
export function unsentFamilyKeys(sql: Prepare, prefix: string, written: string): string[] {
  const own = `${prefix}${written}`;
  const ids = sql("SELECT DISTINCT note_id AS id FROM outbox WHERE (note_id = ? OR (note_id >= ? AND note_id < ?)) AND kind = 'post' AND status = 'pending'").all(own, `${own}#`, `${own}$`) as { id: string }[];
  return ids.filter(({ id }) => nothingSent(sql, id)).map(({ id }) => id.slice(prefix.length));
}

/**
 * Whether every delivery of family post id `id` is a post still waiting (none sent, under way or maybe sent), no message
 * of it is recorded, and every digest listing it waits as well: a digest `pending` and not maybe sent has not gone out
 * any more than a waiting post (review rv32-a R2); its line follows the family decided again (family-outbox.ts).
 */
export function nothingSent(sql: Prepare, id: string): boolean {
  if (sql('SELECT 1 FROM posts WHERE note_id = ? LIMIT 1').get(id)) return false;
  const other = sql(
    "SELECT 1 FROM outbox WHERE note_id = ? AND (kind <> 'post' OR status <> 'pending' OR id IN (SELECT delivery FROM maybe_sent)) LIMIT 1",
  ).get(id);
  if (other) return false;
  return !sql(
    "SELECT 1 FROM outbox WHERE status IN ('pending', 'sending') AND kind = 'digest' AND instr(payload, ?) > 0 AND (status = 'sending' OR id IN (SELECT delivery FROM maybe_sent)) LIMIT 1",
  ).get(JSON.stringify(id));
}
