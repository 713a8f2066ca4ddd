/** Command arguments ↔ the subscription filter shape. */
import type { Filter } from '../config/schema.js';
import { unwrapQuotes } from './args.js';
import { isKnownLanguage } from '../notes/lang.js';
import { savedSearchText } from '../search/saved.js';
import { charCount, firstChars, hasSearchableWord, MAX_SEARCH_CHARS } from '../util/words.js';
import { isTimeZone, parseDigestTime, type DigestSchedule } from '../notes/schedule.js';

type Options = Record<string, string | number | undefined>;

/** Words with no letter or digit: a search that could match nothing (`***`, `!!! ???`, 🎉). */
const NO_WORD_TEXT = (typed: string) =>
  `Sorry, words: needs letters or digits to look for ("${firstChars(typed, 40)}" has none; symbols are not searched), such as /subscribe words:"rust async". Nothing was subscribed.`;

function list(v: string | number | undefined): string[] | undefined {
  if (v === undefined || v === '') return undefined;
  const items = String(v)
    .split(/[\s,]+/)
    .map((s) => s.replace(/^#/, '').trim())
    .filter(Boolean)
    .slice(0, 20);
  return items.length ? items.map((s) => firstChars(s, 64)) : undefined;
}

/**
 * The subscription filter the options ask for, or a line for the chat saying what to type when
 * one cannot be used: words with nothing to look for (symbols alone), words past the stored
 * limit, a language the lookup does not know. An option given empty is answered before
 * (commands/index.ts emptyOptionText).
 */
export function filterFromOptions(o: Options): { filter: Filter } | { error: string } {
  const f: Filter = {};
  const tags = list(o.tags);
  const lang = list(o.lang);
  const type = list(o.type);
  if (tags) f.tags = tags.sort();
  if (lang) {
    const unknown = lang.find((l) => !isKnownLanguage(l));
    if (unknown) return { error: `Sorry, "${firstChars(unknown, 20)}" is not a language code: use one such as lang:en, lang:zh, lang:hant, lang:ja or lang:pt-BR.` };
    f.lang = lang.map((l) => l.toLowerCase()).sort();
  }
  if (type) f.type = type.sort();
  if (o.words !== undefined) {
    const typed = unwrapQuotes(String(o.words)).replace(/\s+/g, ' ');
    if (!hasSearchableWord(typed)) return { error: NO_WORD_TEXT(typed) };
    const chars = charCount(typed);
    if (chars > MAX_SEARCH_CHARS) return { error: `Sorry, words: takes at most ${MAX_SEARCH_CHARS} characters (these have ${chars}). Nothing was subscribed.` };
    f.words = savedSearchText(typed);
  }
  return { filter: f };
}

const unquote = (v: string | number | undefined) => (v === undefined ? '' : unwrapQuotes(String(v)));

/**
 * `digest:"daily 09:00"` with `tz:Europe/Paris` (UTC without it) → the subscription's digest
 * schedule; a line for the chat when either cannot be read. Nothing when no digest was asked.
 */
export function digestFromOptions(o: Options): { digest?: DigestSchedule } | { error: string } {
  const typed = unquote(o.digest);
  const tz = unquote(o.tz) || 'UTC';
  if (!typed) return unquote(o.tz) ? { error: 'tz: sets the time zone of a digest: add digest:"daily 09:00".' } : {};
  const at = parseDigestTime(typed);
  if (!at) return { error: `Sorry, "${firstChars(typed, 40)}" is not a digest time: use digest:"daily 09:00" (24-hour clock).` };
  if (!isTimeZone(tz)) return { error: `Sorry, "${firstChars(tz, 40)}" is not a time zone name: use one such as tz:Europe/Paris, tz:America/New_York or tz:UTC.` };
  return { digest: { at, tz } };
}
