/** Command arguments ↔ the subscription filter shape. */
import type { Filter } from '../config/schema.js';
import { savedSearchText } from '../search/saved.js';
import { isTimeZone, parseDigestTime, type DigestSchedule } from '../notes/schedule.js';

function list(v: string | number | undefined): string[] | undefined {
  if (v === undefined || v === '') return undefined;
  const items = String(v)
    .split(/[\s,]+/)
    .map((s) => s.replace(/^#/, '').trim())
    .filter(Boolean)
    .slice(0, 20);
  return items.length ? items.map((s) => s.slice(0, 64)) : undefined;
}

export function filterFromOptions(o: Record<string, string | number | undefined>): Filter {
  const f: Filter = {};
  const tags = list(o.tags);
  const lang = list(o.lang);
  const type = list(o.type);
  if (tags) f.tags = tags.sort();
  if (lang) f.lang = lang.map((l) => l.toLowerCase()).sort();
  if (type) f.type = type.sort();
  const words = o.words === undefined ? '' : savedSearchText(String(o.words).replace(/^["“]([^]*?)["”]?$/, '$1'));
  if (words) f.words = words;
  return f;
}

const unquote = (v: string | number | undefined) => (v === undefined ? '' : String(v).trim().replace(/^["“]([^]*?)["”]?$/, '$1').trim());

/**
 * `digest:"daily 09:00"` with `tz:Europe/Paris` (UTC without it) → the subscription's digest
 * schedule; a line for the chat when either cannot be read. Nothing when no digest was asked.
 */
export function digestFromOptions(o: Record<string, string | number | undefined>): { digest?: DigestSchedule } | { error: string } {
  const typed = unquote(o.digest);
  const tz = unquote(o.tz) || 'UTC';
  if (!typed) return unquote(o.tz) ? { error: 'tz: sets the time zone of a digest: add digest:"daily 09:00".' } : {};
  const at = parseDigestTime(typed);
  if (!at) return { error: `Sorry, "${typed.slice(0, 40)}" is not a digest time: use digest:"daily 09:00" (24-hour clock).` };
  if (!isTimeZone(tz)) return { error: `Sorry, "${tz.slice(0, 40)}" is not a time zone name: use one such as tz:Europe/Paris, tz:America/New_York or tz:UTC.` };
  return { digest: { at, tz } };
}
