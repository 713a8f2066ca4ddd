/** What a note's front matter `notecast:` controls do, for `preview --json` and `check`. Pure. */
import type { Route } from '../config/schema.js';
import { controlsOf, type NoteControls } from '../notes/frontmatter.js';
import { matchesFilter } from '../notes/filter.js';
import { noteInfo } from '../notes/info.js';
import type { Note } from '../notes/read.js';
import { SavedSearches } from '../search/saved.js';
import type { NoteInfo } from '../store/types.js';

export interface ControlsView {
  /** The controls as read (the older top-level `announce: again` included). */
  set: NoteControls;
  /** One line per control in effect, saying what it does for this note. */
  effects: string[];
  /** Route names the note asks for that no config route has (such a note goes nowhere there). */
  unknownRoutes: string[];
  /** Routes the note names whose own filter leaves it out (it goes nowhere there either). */
  excludedRoutes: string[];
}

function routeLabel(r: Route): string {
  return `${r.platform}:${r.chat}${r.thread ? `/${r.thread}` : ''}`;
}

function nameOf(r: Route): string {
  return r.name ?? routeLabel(r);
}

/** The note's record as routing reads it: its saved searches matched on `words`, as `start` matches them on a save. */
function routedInfo(note: Note, routes: readonly Route[], words: string | undefined): NoteInfo {
  const queries = new Set(routes.flatMap((r) => (r.filter?.words !== undefined ? [r.filter.words] : [])));
  const searches = words !== undefined && queries.size ? new SavedSearches().match(words, note.locale, queries) : [];
  return { ...noteInfo(note), ...(searches.length ? { searches } : {}) };
}

function pinEffect(posting: readonly Route[]): string {
  const unpinning = posting.filter((r) => r.unpinPrevious).map(nameOf);
  const then = unpinning.length ? `; in ${unpinning.join(', ')} (unpinPrevious) the announcement pinned before is unpinned` : '';
  return `pinned where the bot may pin (Discord: Pin Messages permission; Telegram: an admin with the right to pin, or a private chat), without a second notification; where it may not, only the pin fails${then}`;
}

/**
 * `words`: the note's words (ParsedFile.words), for routes with a saved search; without them such a
 * route's filter is read as leaving the note out.
 */
export function describeControls(note: Note, routes: readonly Route[], words?: string, now = Date.now()): ControlsView {
  const set = controlsOf(note.frontMatter);
  const view = routeEffects(note, set, routes, words);
  // A note kept out of the chats: nothing else it asks for happens, so nothing else is said.
  const notAnnounced = notAnnouncedEffect(note, set);
  if (notAnnounced) return { ...view, effects: [notAnnounced] };
  const due = view.effects.length && note.date && note.date.getTime() > now ? [`announced when its date comes (${note.date.toISOString()}), as follows then`] : [];
  return { ...view, effects: [...due, ...view.effects] };
}

function notAnnouncedEffect(note: Note, set: NoteControls): string | undefined {
  if (note.unpublishedBy) return `not announced: ${note.unpublishedBy}`;
  if (note.draft) return 'not announced: a draft (draft: true or published: false); its controls apply once it is published';
  if (set.announce === false) return 'not announced (notecast.announce: false); its posts still waiting to go out are called off, posts made before stay as they are';
  return undefined;
}

function routeEffects(note: Note, set: NoteControls, routes: readonly Route[], words: string | undefined): ControlsView {
  const effects: string[] = [];
  const unknownRoutes: string[] = [];
  const excludedRoutes: string[] = [];
  if (set.announce === 'again') effects.push('its next change is posted as a new announcement, not an edit');
  const info = routedInfo(note, routes, words);
  // The config routes the note goes to: those it names (or every route) whose filter passes it.
  let reached = routes.filter((r) => matchesFilter(r.filter, info));
  let routesEffect: string[] = [];
  if (set.routes) {
    const byName = new Map(routes.filter((r) => r.name !== undefined).map((r) => [r.name!, r]));
    // A name written twice (`routes: [a, a]`) is one route, said once.
    const asked = [...new Set(set.routes)];
    unknownRoutes.push(...asked.filter((n) => !byName.has(n)));
    const named = asked.filter((n) => byName.has(n)).map((n) => byName.get(n)!);
    reached = named.filter((r) => matchesFilter(r.filter, info));
    excludedRoutes.push(...named.filter((r) => !reached.includes(r)).map(nameOf));
    const shown = reached.map((r) => `${nameOf(r)} (${routeLabel(r)})`);
    routesEffect = [
      reached.length ? `sent only to the routes ${shown.join(', ')}; not to chats' subscriptions` : named.length ? 'sent nowhere: the filter of every route it names leaves it out' : 'sent nowhere: no config route has these names',
      ...excludedRoutes.map((n) => `${n}: its filter leaves this note out`),
    ];
  }
  // A route with a digest schedule gets the note in its digest: neither pinned nor silent there.
  const posting = reached.filter((r) => !r.filter?.digest);
  if (set.silent && (posting.length || !set.routes)) effects.push('posted without a notification (Discord SUPPRESS_NOTIFICATIONS, Telegram disable_notification)');
  if (set.pin && (posting.length || !set.routes)) effects.push(pinEffect(posting));
  if (set.silent || set.pin) {
    for (const r of reached.filter((x) => x.filter?.digest)) effects.push(`in ${nameOf(r)} the note goes into the daily digest: not pinned, notifies as the digest does`);
  }
  effects.push(...routesEffect);
  return { set, effects, unknownRoutes, excludedRoutes };
}

/**
 * A note previewed with other translations of its family (translations grouped): each chat follows
 * the controls of the translation it is shown (publish/family.ts), so these hold only where this one is.
 */
export function familyControls(view: ControlsView, inFamily: boolean): ControlsView {
  const { set, effects } = view;
  if (!inFamily || !(set.silent || set.pin || set.routes) || effects[0]?.startsWith('not announced')) return view;
  const scope = "in its translation family these apply in the chats shown this translation (routes[].matches); a chat shown another translation follows that one's controls";
  return { ...view, effects: [...effects, scope] };
}
