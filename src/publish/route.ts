/** Which chats want a note: static routes from config plus in-chat subscriptions, one filter shape. */
import type { Route } from '../config/schema.js';
import type { NoteInfo, Subscription, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';
import { matchesFilter, routeAllowed } from '../notes/filter.js';

/** The chat (and thread) a config route names. */
export function routeTarget(r: Pick<Route, 'platform' | 'chat' | 'thread'>): Target {
  return { platform: r.platform, chat: r.chat, thread: r.thread ?? '' };
}

export function routeTargets(note: NoteInfo, routes: readonly Route[], subscriptions: readonly Subscription[], enabled: ReadonlySet<string>): Target[] {
  const out = new Map<string, Target>();
  for (const r of routes) {
    if (!enabled.has(r.platform) || !matchesFilter(r.filter, note) || !routeAllowed(r.name, note, true)) continue;
    const t = routeTarget(r);
    out.set(targetKey(t), t);
  }
  // A chat's subscription on a platform started without its token still gets its deliveries: they
  // are parked (deliverer.ts) and go out once the platform is configured again, never lost.
  for (const s of subscriptions) {
    if (!matchesFilter(s.filter, note) || !routeAllowed(undefined, note, false)) continue;
    out.set(targetKey(s.target), s.target);
  }
  return [...out.values()];
}

/**
 * The route names a note's `notecast.routes` gives when none of them takes it (no route has the
 * name, or its filter leaves the note out): it is announced nowhere. Undefined when it goes somewhere.
 */
export function routedNowhere(note: NoteInfo, routes: readonly Route[]): string[] | undefined {
  const only = note.controls?.routes;
  if (!only || note.controls?.announce === false) return undefined;
  return routes.some((r) => r.name !== undefined && only.includes(r.name) && matchesFilter(r.filter, note)) ? undefined : only;
}

/**
 * A new post's `silent` and `pin` fields: present only when the author asked for a post without a
 * notification, or for the post to be pinned.
 */
export function postControlsOf(note: NoteInfo): { silent?: true; pin?: true } {
  return { ...(note.controls?.silent ? { silent: true as const } : {}), ...(note.controls?.pin ? { pin: true as const } : {}) };
}

/** Every distinct saved search (filter `words`) of the config's routes and the chats' subscriptions (`stored`). */
export function savedQueries(routes: readonly Route[], stored: readonly string[]): Set<string> {
  const out = new Set<string>(stored);
  for (const r of routes) if (r.filter?.words !== undefined) out.add(r.filter.words);
  return out;
}
