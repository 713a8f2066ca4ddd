/**
 * What a chat's waiting deliveries become when what it wants changes (issue 25, tester 26-1 F2/F5/F6). A
 * paused chat's deliveries follow the rule a parked one's do (README, parked deliveries): a post no
 * longer wanted by the chat (it unsubscribed, its config route was removed or its filter narrowed) is
 * called off, never sent later, and so is a waiting digest's line (tester 27-1 F3); a paused chat that
 * nothing names any more has nothing waiting for it, and its pause goes. A chat a config route names has
 * no /subscribe to resume it (`sync --once` reads no commands): each start tries it again, and a refusal
 * pauses it again (docs/operations.md).
 */
import type { Route } from '../config/schema.js';
import type { Logger } from '../log.js';
import { callOffPost } from '../store/called-off.js';
import { chatNow } from '../store/chat-move.js';
import { pausedTargets } from '../store/status.js';
import type { Store } from '../store/store.js';
import { targetKey, type DigestItem, type Target } from '../store/types.js';
import { FAMILY_PREFIX, familyTargets, liveMembers } from './family.js';
import { routeTargets } from './route.js';

export interface ChatWantsDeps {
  store: Store;
  /** The config's routes (app.ts's effective ones). */
  routes: readonly Route[];
  log: Logger;
}

/** The routes naming each chat as it is now: a group a route names may have become a supergroup (chat-move.ts). */
function routesNow(d: ChatWantsDeps): Route[] {
  return d.routes.map((r) => ({ ...r, chat: chatNow(d.store.sql, r.platform, r.chat) }));
}

/**
 * Whether `target` wants the note or family `postId` now, judged as if every platform were configured
 * (a parked post follows its note as one queued in an outage does); undefined when its record is gone. The one rule for
 * a waiting post and for a waiting digest's line (callOffUnwanted).
 */
function wantsNow(d: ChatWantsDeps, routes: readonly Route[], target: Target, postId: string): boolean | undefined {
  const every = new Set([target.platform, ...routes.map((r) => r.platform)]);
  const key = targetKey(target);
  const subscriptions = d.store.subscriptions();
  if (postId.startsWith(FAMILY_PREFIX)) {
    const notes = d.store.familyNotes(postId.slice(FAMILY_PREFIX.length));
    if (!notes.length) return undefined;
    const live = liveMembers(notes);
    return familyTargets(live.length ? live : notes, routes, subscriptions, every).some((ft) => targetKey(ft.target) === key);
  }
  const note = d.store.getNote(postId);
  return note && routeTargets(note.info, routes, subscriptions, every).some((t) => targetKey(t) === key);
}

/** Why a waiting post or digest its chat no longer wants is called off (its outbox row's reason). */
const UNWANTED = 'the chat no longer wants it (unsubscribed, or its route removed or narrowed) before it was sent';

/**
 * Waiting posts and digests (in `only`, else everywhere) judged by what their chat wants now (`wantsNow`, the one rule
 * for both): a post the chat no longer wants is called off; a digest's lines are posts to be, so each line the chat no
 * longer wants is taken out, and a digest left with none is called off (tester 27-1 F3: a filter narrowed while a
 * burst's digest waited sent every line). A digest in flight is left to go as it was, as a post in flight is: a filter
 * change never takes back what went out (README, Edits).
 */
function callOffUnwanted(d: ChatWantsDeps, routes: readonly Route[], only?: Target): number {
  const ids = d.store
    .sql(`SELECT id FROM outbox WHERE status = 'pending' AND kind IN ('post', 'digest') AND (? IS NULL OR (platform = ? AND chat = ? AND thread = ?)) ORDER BY id`)
    .pluck()
    .all(only ? 1 : null, only?.platform ?? null, only?.chat ?? null, only?.thread ?? null)
    .filter((id): id is number => typeof id === 'number');
  let changed = 0;
  for (const id of ids) {
    const row = d.store.outboxRow(id);
    if (row?.kind === 'digest') changed += dropUnwantedLines(d, routes, id, row.target, row.payload.items);
    if (row?.kind !== 'post' || !row.noteId || wantsNow(d, routes, row.target, row.noteId) !== false) continue;
    callOffPost(d.store, id, UNWANTED);
    d.log.info({ delivery: id, note: row.noteId, target: targetKey(row.target) }, 'waiting post called off: its chat no longer wants it');
    changed++;
  }
  return changed;
}

/** A waiting digest's lines its chat no longer wants taken out, or the digest called off when none is left; 1 when it changed. */
function dropUnwantedLines(d: ChatWantsDeps, routes: readonly Route[], id: number, target: Target, items: readonly DigestItem[]): number {
  const kept = items.filter((i) => wantsNow(d, routes, target, i.noteId) !== false);
  if (kept.length === items.length) return 0;
  const notes = items.filter((i) => !kept.includes(i)).map((i) => i.noteId);
  if (kept.length) d.store.upkeep.setWaitingDigestItems(id, kept);
  else callOffPost(d.store, id, UNWANTED);
  d.log.info({ delivery: id, notes, left: kept.length, target: targetKey(target) }, kept.length ? 'waiting digest: lines its chat no longer wants taken out' : 'waiting digest called off: its chat no longer wants any of its notes');
  return 1;
}

/** The chats a route or a subscription names now. */
function namedChats(d: ChatWantsDeps, routes: readonly Route[]): Set<string> {
  return new Set([...routes.map((r) => targetKey({ platform: r.platform, chat: r.chat, thread: r.thread ?? '' })), ...d.store.subscriptions().map((s) => targetKey(s.target))]);
}

/** Paused chats (`only`, else all) that nothing names: what waits there (edits, deletes) is not sent, and the pause goes; how many were not sent. */
function releaseUnnamedPaused(d: ChatWantsDeps, routes: readonly Route[], only?: Target): number {
  const named = namedChats(d, routes);
  let notSent = 0;
  for (const p of pausedTargets(d.store.sql)) {
    if (named.has(targetKey(p.target)) || (only && targetKey(only) !== targetKey(p.target))) continue;
    const dropped = d.store
      .sql("UPDATE outbox SET status = 'skipped', last_error = ?, updated_at = ? WHERE status = 'pending' AND platform = ? AND chat = ? AND thread = ?")
      .run('not sent: its chat was paused and no route or subscription names it any more', Date.now(), p.target.platform, p.target.chat, p.target.thread).changes;
    d.store.resume(p.target);
    d.log.info({ target: targetKey(p.target), reason: p.reason, notSent: dropped }, 'paused chat no route or subscription names any more: its pause is lifted and nothing waits for it');
    notSent += dropped;
  }
  return notSent;
}

/** After /unsubscribe in `target`: its waiting posts it no longer wants are called off (and, paused and named by nothing, the rest). */
export function settleUnsubscribedChat(d: ChatWantsDeps, target: Target): void {
  const routes = routesNow(d);
  d.store.transaction(() => {
    callOffUnwanted(d, routes, target);
    releaseUnnamedPaused(d, routes, target);
  });
}

/** What forgetting a chat did (forgetChat). */
export interface ChatForgotten {
  /** The chat as it is now (a Telegram group named by its old id is its supergroup: chat-move.ts). */
  target: Target;
  subscriptions: number;
  /** Waiting posts and digests called off, and other waiting deliveries (edits, deletes) not sent. */
  calledOff: number;
  /** Whether it was paused, and still is: a config route names it (then its posts for that route wait on). */
  wasPaused: boolean;
  routed: boolean;
}

/**
 * The chat is gone for good (the platform said so) or the operator forgot it (`notecast unsubscribe`):
 * every subscription of it goes, as /unsubscribe there would remove them, with what then follows
 * (settleUnsubscribedChat). A config route naming it keeps it: only the config can remove that.
 */
export function forgetChat(d: ChatWantsDeps, named: Target): ChatForgotten {
  const target = { ...named, chat: chatNow(d.store.sql, named.platform, named.chat) };
  const routes = routesNow(d);
  return d.store.transaction(() => {
    const wasPaused = d.store.isPaused(target);
    const subscriptions = d.store.unsubscribe(target);
    const calledOff = callOffUnwanted(d, routes, target) + releaseUnnamedPaused(d, routes, target);
    const routed = routes.some((r) => targetKey({ platform: r.platform, chat: r.chat, thread: r.thread ?? '' }) === targetKey(target));
    return { target, subscriptions, calledOff, wasPaused, routed };
  });
}

/**
 * At a start (`start`, `sync --once`), before anything is sent: waiting posts no chat wants any more are
 * called off (a route removed from the config, an /unsubscribe a crash left unfinished), paused chats
 * nothing names are let go, and paused chats a config route names are tried again.
 */
export function settleChatsAtStart(d: ChatWantsDeps): void {
  const routes = routesNow(d);
  d.store.transaction(() => {
    callOffUnwanted(d, routes);
    releaseUnnamedPaused(d, routes);
    const routed = new Set(routes.map((r) => targetKey({ platform: r.platform, chat: r.chat, thread: r.thread ?? '' })));
    for (const p of pausedTargets(d.store.sql)) {
      if (!routed.has(targetKey(p.target))) continue;
      d.store.resume(p.target);
      d.log.info({ target: targetKey(p.target), reason: p.reason }, 'paused chat named by a config route: tried again at this start (a refusal pauses it again)');
    }
  });
}
