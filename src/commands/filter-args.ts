/** Command arguments ↔ the subscription filter shape. */
import type { Filter } from '../config/schema.js';
import { isKnownLanguage } from '../notes/lang.js';
import { QUOTE_PAIRS } from '../notes/quotes.js';
import { savedSearchText } from '../search/saved.js';
import { isTimeZone, parseDigestTime, type DigestSchedule } from '../notes/schedule.js';

type Options = Record<string, string | number | undefined>;

/** The longest saved search kept (the config's `filter.words` has the same limit). */
const MAX_WORDS_CHARS = 200;

/** What to type instead, for each option given with nothing in it. */
const EMPTY_TEXT: Record<string, string> = {
  words: 'Sorry, words: needs the words to look for, such as /subscribe words:"rust async". Nothing was subscribed.',
  tags: 'Sorry, tag: needs a tag, such as /subscribe tag:ai. Nothing was subscribed.',
  lang: 'Sorry, lang: needs a language code, such as /subscribe lang:en. Nothing was subscribed.',
  type: 'Sorry, type: needs a note type, such as /subscribe type:note. Nothing was subscribed.',
};

function list(v: string | number | undefined): string[] | undefined {
  if (v === undefined || v === '') return undefined;
  const items = String(v)
    .split(/[\s,]+/)
    .map((s) => s.replace(/^#/, '').trim())
    .filter(Boolean)
    .slice(0, 20);
  return items.length ? items.map((s) => s.slice(0, 64)) : undefined;
}

/** Text without the quote pairs wrapped around all of it (a Discord option typed `"rust async"`). */
function unwrapQuotes(text: string): string {
  let t = text.trim();
  let closers = QUOTE_PAIRS.get(t[0] ?? '');
  while (closers && t.length >= 2 && closers.includes(t[t.length - 1]!)) {
    t = t.slice(1, -1).trim();
    closers = QUOTE_PAIRS.get(t[0] ?? '');
  }
  return t;
}

/**
 * The subscription filter the options ask for, or a line for the chat saying what to type when
 * one cannot be used: an option given empty (an empty `words` would subscribe to every note),
 * words past the stored limit, a language the lookup does not know.
 */
export function filterFromOptions(o: Options): { filter: Filter } | { error: string } {
  for (const name of ['words', 'tags', 'lang', 'type']) {
    const given = o[name];
    if (given !== undefined && !(name === 'words' ? unwrapQuotes(String(given)) : list(given))) return { error: EMPTY_TEXT[name]! };
  }
  const f: Filter = {};
  const tags = list(o.tags);
  const lang = list(o.lang);
  const type = list(o.type);
  if (tags) f.tags = tags.sort();
  if (lang) {
    const unknown = lang.find((l) => !isKnownLanguage(l));
    if (unknown) return { error: `Sorry, "${unknown.slice(0, 20)}" is not a language code: use one such as lang:en, lang:zh, lang:hant, lang:ja or lang:pt-BR.` };
    f.lang = lang.map((l) => l.toLowerCase()).sort();
  }
  if (type) f.type = type.sort();
  if (o.words !== undefined) {
    const typed = unwrapQuotes(String(o.words)).replace(/\s+/g, ' ');
    if (typed.length > MAX_WORDS_CHARS) return { error: `Sorry, words: takes at most ${MAX_WORDS_CHARS} characters (these have ${typed.length}). Nothing was subscribed.` };
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
  if (!at) return { error: `Sorry, "${typed.slice(0, 40)}" is not a digest time: use digest:"daily 09:00" (24-hour clock).` };
  if (!isTimeZone(tz)) return { error: `Sorry, "${tz.slice(0, 40)}" is not a time zone name: use one such as tz:Europe/Paris, tz:America/New_York or tz:UTC.` };
  return { digest: { at, tz } };
}
