/**
 * `preview --json`'s payloads per config route: the body `start` would send to each route's chat
 * for this note, through that route's templates (render/templates/payloads.ts, the function the
 * adapters call), with the family's other languages found among the files previewed.
 */
import type { Config, Route } from '../config/schema.js';
import { matchesFilter, routeAllowed } from '../notes/filter.js';
import { describeSchedule } from '../notes/schedule.js';
import { SavedSearches } from '../search/saved.js';
import { noteInfo } from '../notes/info.js';
import type { Note } from '../notes/read.js';
import type { Summary } from '../summary/build.js';
import { alsoInFor, familyTargets } from '../publish/family.js';
import { controlsOf } from '../notes/frontmatter.js';
import type { Templates } from '../render/templates/compile.js';
import { payloadsFor } from '../render/templates/payloads.js';
import { renderPlainText } from '../render/text.js';
import type { AlsoIn, NoteInfo, NoteRow } from '../store/types.js';

export interface RoutePayload {
  /** The route's place in the config's `routes` and its name, if it has one. */
  index: number;
  name: string | null;
  platform: Route['platform'];
  chat: string;
  thread: string | null;
  /** Whether this note goes to that route (its filter, its saved search's `words` included, the note's own controls; in a family, whether the route is shown this translation). */
  matches: boolean;
  /** When the route's filter has a digest schedule: the note waits for it (`daily 09:00 tz:…`), else null. */
  digest: string | null;
  /** The message body, as the platform gets it (console: the text printed). */
  payload: unknown;
}

/** The other languages a family announcement of `note` shows, among the notes read (translations grouped). */
export function alsoInAmong(note: Note, read: readonly { note: Note }[], config: Config): AlsoIn[] {
  if (config.publish.translations.mode !== 'group') return [];
  const rows = read.filter((r) => r.note.translationKey === note.translationKey).map((r) => ({ id: r.note.id, info: noteInfo(r.note) }) as NoteRow);
  return alsoInFor(rows, rows.find((r) => r.id === note.id)!);
}

/** A note's record as routing reads it: its `words` matched against the routes' saved searches, as `start` matches them on a save. */
function routedInfo(note: Note, words: string, config: Config): NoteInfo {
  const queries = new Set(config.routes.flatMap((r) => (r.filter?.words !== undefined ? [r.filter.words] : [])));
  const searches = queries.size ? new SavedSearches().match(words, note.locale, queries) : [];
  return { ...noteInfo(note), ...(searches.length ? { searches } : {}) };
}

/**
 * Whether a route gets this note. With translations grouped and other members among the files read,
 * as `start` decides it (publish/family.ts): the route gets the family and is shown this member.
 */
function routeGetsNote(note: Note, words: string, read: readonly { note: Note; words: string }[], config: Config): (r: Route) => boolean {
  const info = routedInfo(note, words, config);
  const alone = (r: Route) => !note.draft && matchesFilter(r.filter, info) && routeAllowed(r.name, info, true);
  if (config.publish.translations.mode !== 'group') return alone;
  const members = read
    .filter((m) => m.note.translationKey === note.translationKey && !m.note.draft && controlsOf(m.note.frontMatter).announce !== false)
    .map((m) => ({ id: m.note.id, info: routedInfo(m.note, m.words, config) }) as NoteRow);
  if (members.length < 2) return alone;
  const platforms = new Set(config.routes.map((r) => r.platform));
  return (r) => familyTargets(members, [r], [], platforms).some((ft) => ft.member.id === note.id);
}

/** `read`: the notes previewed with their words (parse-files.ts), this note's family among them. */
export function routePayloads(note: Note, summary: Summary, alsoIn: AlsoIn[], config: Config, templates: Templates, words = '', read: readonly { note: Note; words: string }[] = []): RoutePayload[] {
  const gets = routeGetsNote(note, words, read, config);
  return config.routes.map((r, index) => {
    const message = { summary, alsoIn };
    const payload = r.platform === 'console' ? renderPlainText(summary, alsoIn) : payloadsFor(message, templates.forRoute(r))[r.platform];
    return {
      index,
      name: r.name ?? null,
      platform: r.platform,
      chat: r.chat,
      thread: r.thread ?? null,
      matches: gets(r),
      digest: r.filter?.digest ? describeSchedule(r.filter.digest) : null,
      payload,
    };
  });
}
