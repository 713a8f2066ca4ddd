/** One filter shape for config routes and in-chat subscriptions. Pure. */
import type { Filter } from '../config/schema.js';
import { toLocaleTag } from './lang.js';
import { quoteText } from './quotes.js';
import { describeSchedule, nextDigestAt } from './schedule.js';
import type { NoteInfo } from '../store/types.js';

const globCache = new Map<string, RegExp>();

/** `**` any folders, `*` within one segment, `?` one character; matched against the whole path. */
export function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (re) return re;
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      src += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') src += '[^/]*';
    else if (c === '?') src += '[^/]';
    else src += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  re = new RegExp(`^${src}$`);
  globCache.set(glob, re);
  return re;
}

/**
 * `en` matches notes in `en` and `en-GB`; `hant` (or `zh-Hant`) matches Traditional Chinese notes,
 * which a plain `zh` does not, since readers of one script rarely want the other.
 */
export function langMatches(wanted: string, lang: string, locale: string): boolean {
  const w = wanted.toLowerCase();
  const l = lang.toLowerCase();
  const loc = locale.toLowerCase();
  if (w === l || w === loc || toLocaleTag(w).toLowerCase() === loc) return true;
  return loc.startsWith(`${w}-`) && !/^zh-(hant|hans)/.test(loc);
}

export function matchesFilter(filter: Filter | undefined, note: NoteInfo): boolean {
  if (!filter) return true;
  if (filter.lang?.length && !filter.lang.some((l) => langMatches(l, note.lang, note.locale))) return false;
  // Names in one Unicode normal form (NFC): a path or tag comes as macOS (NFD) or a keyboard (NFC) wrote it (issue 25, F6).
  if (filter.tags?.length) {
    const tags = new Set(note.tags.map((t) => t.normalize('NFC').toLowerCase()));
    if (!filter.tags.some((t) => tags.has(t.normalize('NFC').toLowerCase()))) return false;
  }
  if (filter.type?.length && !filter.type.some((t) => t === note.type)) return false;
  if (filter.path && !globToRegExp(filter.path.normalize('NFC')).test(note.file.normalize('NFC'))) return false;
  // Matched against the note's words when it was saved (search/saved.ts), in the same commit.
  if (filter.words !== undefined && !note.searches?.includes(filter.words)) return false;
  return true;
}

/** A filter in the words a chat shows: `tag:ai lang:en`. */
export function describeFilter(f: Filter): string {
  const parts = [...(f.tags ?? []).map((t) => `tag:${t}`), ...(f.lang ?? []).map((l) => `lang:${l}`), ...(f.type ?? []).map((t) => `type:${t}`)];
  if (f.path) parts.push(`path:${f.path}`);
  // Quoted so that it reads back, typed on Telegram, as the same words (commands/args.ts).
  if (f.words !== undefined) parts.unshift(`words:${quoteText(f.words)}`);
  const shown = parts.length ? parts.join(' ') : 'all notes';
  return f.digest ? `${shown}, ${describeSchedule(f.digest)}` : shown;
}

/**
 * Whether a note's own controls let it go to this target: `announce: false` to none, and a note
 * that names `routes` only to the config routes of those names (never to in-chat subscriptions).
 */
export function routeAllowed(routeName: string | undefined, note: NoteInfo, fromConfig: boolean): boolean {
  if (note.controls?.announce === false) return false; // kept out of every chat
  const only = note.controls?.routes;
  if (!only) return true;
  return fromConfig && routeName !== undefined && only.includes(routeName);
}

/**
 * When a new note goes to a chat whose filters passed it: now (undefined) when any of them posts
 * each note, else at the soonest digest time among them. Only the filters of that chat are given.
 */
export function digestTimeFor(filters: readonly (Filter | undefined)[], note: NoteInfo, now: number): number | undefined {
  let soonest: number | undefined;
  for (const f of filters) {
    if (!matchesFilter(f, note)) continue;
    if (!f?.digest) return undefined;
    const at = nextDigestAt(f.digest, now);
    soonest = soonest === undefined ? at : Math.min(soonest, at);
  }
  return soonest;
}
