/** What a note's front matter `notecast:` controls do, for `preview --json` and `check`. Pure. */
import type { Route } from '../config/schema.js';
import { controlsOf, type NoteControls } from '../notes/frontmatter.js';
import type { Note } from '../notes/read.js';

export interface ControlsView {
  /** The controls as read (the older top-level `announce: again` included). */
  set: NoteControls;
  /** One line per control in effect, saying what it does for this note. */
  effects: string[];
  /** Route names the note asks for that no config route has (such a note goes nowhere there). */
  unknownRoutes: string[];
}

function routeLabel(r: Route): string {
  return `${r.platform}:${r.chat}${r.thread ? `/${r.thread}` : ''}`;
}

function pinEffect(routes: readonly Route[]): string {
  const unpinning = routes.filter((r) => r.unpinPrevious).map((r) => r.name ?? routeLabel(r));
  const then = unpinning.length ? `; in ${unpinning.join(', ')} (unpinPrevious) the announcement pinned before is unpinned` : '';
  return `pinned where the bot may pin (Discord: Pin Messages permission; Telegram: an admin with the right to pin, or a private chat), without a second notification; where it may not, only the pin fails${then}`;
}

export function describeControls(note: Note, routes: readonly Route[]): ControlsView {
  const set = controlsOf(note.frontMatter);
  const effects: string[] = [];
  if (set.announce === false) effects.push('not announced (notecast.announce: false); its posts still waiting to go out are called off, posts made before stay as they are');
  if (set.announce === 'again') effects.push('its next change is posted as a new announcement, not an edit');
  if (set.silent) effects.push('posted without a notification (Discord SUPPRESS_NOTIFICATIONS, Telegram disable_notification)');
  if (set.pin) effects.push(pinEffect(routes));
  const unknownRoutes: string[] = [];
  if (set.routes) {
    const byName = new Map(routes.filter((r) => r.name !== undefined).map((r) => [r.name!, r]));
    const known = set.routes.filter((n) => byName.has(n));
    unknownRoutes.push(...set.routes.filter((n) => !byName.has(n)));
    const shown = known.map((n) => `${n} (${routeLabel(byName.get(n)!)})`);
    effects.push(known.length ? `sent only to the routes ${shown.join(', ')}; not to chats' subscriptions` : 'sent nowhere: no config route has these names');
  }
  return { set, effects, unknownRoutes };
}
