/**
 * What a chat's waiting deliveries become when what it wants changes (issue 25, tester 26-1 F2/F5/F6). A
 * paused chat's deliveries follow the rule a parked one's do (README, parked deliveries): a post no
 * longer wanted by the chat (it unsubscribed, its config route was removed or its filter narrowed) is
 * called off, never sent later, and so is a waiting digest's line (tester 27-1 F3); a paused chat that
 * nothing names any more is no longer paused, and keeps only the changes to messages it shows (edits, deletes), which
 * wait for the platform to say the bot is back there (issue 25: a sent message follows its note). A chat a config route names has
 * no /subscribe to resume it (`sync --once` reads no commands): each start tries it again, and a refusal
 * pauses it again (docs/operations.md).
 */
import { z } from 'zod';
import { platformSchema, type Route } from '../config/schema.js';
import { openIn, openInArgs } from '../store/open-outbox.js';
import { errorText } from '../errors.js';
import type { Logger } from '../log.js';
import { callOffSaying } from './called-off-chats.js';
import { chatNow } from '../store/chat-move.js';
import { pausedTargets } from '../store/status.js';
import type { Store } from '../store/store.js';
import { targetKey, type DigestItem, type Target } from '../store/types.js';
import { FAMILY_PREFIX, familyTargets, liveMembers } from './family.js';
import { routeTarget, routeTargets } from './route.js';

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
 * The chats that want the note or family `postId` now, judged as if `platforms` were all configured (a parked post
 * follows its note as one queued in an outage does); undefined when its record is gone.
 */
function chatsWanting(d: ChatWantsDeps, routes: readonly Route[], platforms: ReadonlySet<string>, postId: string): Set<string> | undefined {
  const subscriptions = d.store.subscriptions();
  if (postId.startsWith(FAMILY_PREFIX)) {
    const notes = d.store.familyNotes(postId.slice(FAMILY_PREFIX.length));
    if (!notes.length) return undefined;
    const live = liveMembers(notes);
    return new Set(familyTargets(live.length ? live : notes, routes, subscriptions, platforms).map((ft) => targetKey(ft.target)));
  }
  const note = d.store.getNote(postId);
  return note && new Set(routeTargets(note.info, routes, subscriptions, platforms).map(targetKey));
}

/** Whether a chat wants a note or family now: true, false, or undefined when its record is gone. */
type WantsNow = (target: Target, postId: string) => boolean | undefined;

/**
 * The one rule for a waiting post and for a waiting digest's line (callOffUnwanted), for one pass: whether `target`
 * wants `postId` now, judged as if its platform and every route's were configured. What a note or family's record
 * says is read once per platform and pass, not once per waiting delivery (a start after an outage found thousands
 * waiting for a few notes, each re-reading its family: issue 24); nothing a pass changes (outbox rows, digest
 * lines) is what the answer reads (notes, families, routes, subscriptions).
 */
function wantsNowIn(d: ChatWantsDeps, routes: readonly Route[]): WantsNow {
  const routePlatforms = routes.map((r) => r.platform);
  const wanting = new Map<string, Set<string> | undefined>();
  return (target, postId) => {
    const key = `${target.platform}\n${postId}`;
    if (!wanting.has(key)) wanting.set(key, chatsWanting(d, routes, new Set([target.platform, ...routePlatforms]), postId));
    return wanting.get(key)?.has(targetKey(target));
  };
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
  const wantsNow = wantsNowIn(d, routes);
  let changed = 0;
  for (const waiting of waitingPostsAndDigests(d, only)) {
    if (waitingPostWanted(waiting, wantsNow)) continue;
    const id = waiting.id;
    const row = d.store.outboxRow(id);
    if (row?.kind === 'digest') changed += dropUnwantedLines(d, wantsNow, id, row.target, row.payload.items);
    if (row?.kind !== 'post' || !row.noteId || wantsNow(row.target, row.noteId) !== false) continue;
    callOffSaying(d.store, d.log, id, UNWANTED);
    d.log.info({ delivery: id, note: row.noteId, target: targetKey(row.target) }, 'waiting post called off: its chat no longer wants it');
    changed++;
  }
  return changed;
}

/** What judging a waiting post needs of its row; a row not of this shape is read whole (`outboxRow`), as every row was. */
const waitingRow = z.object({ id: z.number(), kind: z.enum(['post', 'digest']), noteId: z.string().nullable(), platform: platformSchema, chat: z.string(), thread: z.string() });
type WaitingRow = z.output<typeof waitingRow> | { id: number; kind?: undefined };

/** The waiting posts and digests (in `only`, else everywhere), oldest first: the columns a post is judged by, not its payload. */
function waitingPostsAndDigests(d: ChatWantsDeps, only?: Target): WaitingRow[] {
  const rows: unknown[] = d.store
    .sql(`SELECT id, kind, note_id AS noteId, platform, chat, thread FROM outbox WHERE ${openIn(only)} AND status = 'pending' AND kind IN ('post', 'digest') ORDER BY id`)
    .all(...openInArgs(only));
  return rows.flatMap((r) => {
    const row = waitingRow.safeParse(r);
    if (row.success) return [row.data];
    const id = z.object({ id: z.number() }).safeParse(r);
    return id.success ? [{ id: id.data.id }] : [];
  });
}

/**
 * A waiting post its chat still wants (nearly every one, at a start after an outage): left as it is without reading
 * and checking its payload (`outboxRow`), which was most of a start's time with thousands waiting (issue 24). A post
 * it may not want, and every digest, is read whole and judged as before.
 */
function waitingPostWanted(w: WaitingRow, wantsNow: WantsNow): boolean {
  if (w.kind !== 'post') return false;
  return !w.noteId || wantsNow({ platform: w.platform, chat: w.chat, thread: w.thread }, w.noteId) !== false;
}

/** A waiting digest's lines its chat no longer wants taken out, or the digest called off when none is left; 1 when it changed. */
function dropUnwantedLines(d: ChatWantsDeps, wantsNow: WantsNow, id: number, target: Target, items: readonly DigestItem[]): number {
  const kept = items.filter((i) => wantsNow(target, i.noteId) !== false);
  if (kept.length === items.length) return 0;
  const notes = items.filter((i) => !kept.includes(i)).map((i) => i.noteId);
  if (kept.length) d.store.upkeep.setWaitingDigestItems(id, kept);
  else callOffSaying(d.store, d.log, id, UNWANTED);
  d.log.info({ delivery: id, notes, left: kept.length, target: targetKey(target) }, kept.length ? 'waiting digest: lines its chat no longer wants taken out' : 'waiting digest called off: its chat no longer wants any of its notes');
  return 1;
}

/** The chats a route or a subscription names now. */
function namedChats(d: ChatWantsDeps, routes: readonly Route[]): Set<string> {
  return new Set([...routes.map((r) => targetKey(routeTarget(r))), ...d.store.subscriptions().map((s) => targetKey(s.target))]);
}

/** Deliveries waiting for `target`. */
function waitingFor(d: ChatWantsDeps, target: Target): number {
  return (d.store.sql("SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending') AND platform = ? AND chat = ? AND thread = ?").get(target.platform, target.chat, target.thread) as { n: number }).n;
}

/**
 * Paused chats (`only`, else all) that nothing names any more, once their posts are called off (callOffUnwanted): what is
 * left are changes to messages the chat shows (edits, deletes, pins), which follow their notes there (README, Edits).
 * With nothing left the pause goes. If the platform has said the bot is in the chat since it refused it, they go now;
 * else they wait for the bot (store/paused-chats.ts), the chat no longer shown as paused nor tried on a timer.
 */
function letGoUnnamedPaused(d: ChatWantsDeps, routes: readonly Route[], only?: Target): void {
  const named = namedChats(d, routes);
  for (const p of pausedTargets(d.store.sql)) {
    if (named.has(targetKey(p.target)) || (only && targetKey(only) !== targetKey(p.target))) continue;
    const waiting = waitingFor(d, p.target);
    const ctx = { target: targetKey(p.target), reason: p.reason, waiting };
    if (!waiting || d.store.pausedChats.botBackSinceRefused(p.target)) {
      d.store.resume(p.target);
      d.log.info(ctx, waiting ? 'paused chat nothing names any more, the bot back in it since its refusal: the changes to its messages that waited go now' : 'paused chat no route or subscription names any more: nothing waits for it, its pause is lifted');
      continue;
    }
    d.store.pausedChats.waitForBot(p.target);
    d.log.info(ctx, 'paused chat nothing names any more: the changes to the messages it shows (edits, deletes) wait for the platform to say the bot is back in it; it is no longer paused');
  }
}

/** The operator forgot the chat, or it is gone (forgetChat): whatever waits there, for the bot too, is not sent and the pause goes; how many. */
function dropAllWaiting(d: ChatWantsDeps, routes: readonly Route[], target: Target): number {
  if (namedChats(d, routes).has(targetKey(target)) || !d.store.isPaused(target)) return 0;
  const dropped = d.store
    .sql("UPDATE outbox SET status = 'skipped', last_error = ?, updated_at = ? WHERE status = 'pending' AND platform = ? AND chat = ? AND thread = ?")
    .run('not sent: its chat was forgotten (gone, or `notecast unsubscribe`) while the bot was refused there', Date.now(), target.platform, target.chat, target.thread).changes;
  d.store.resume(target);
  d.log.info({ target: targetKey(target), notSent: dropped }, 'forgotten chat: its pause is lifted and nothing waits for it');
  return dropped;
}

/** After /unsubscribe in `target`: its waiting posts it no longer wants are called off (and, paused and named by nothing, the pause goes: letGoUnnamedPaused). */
export function settleUnsubscribedChat(d: ChatWantsDeps, target: Target): void {
  const routes = routesNow(d);
  d.store.transaction(() => {
    callOffUnwanted(d, routes, target);
    letGoUnnamedPaused(d, routes, target);
  });
}

/**
 * A refusal paused `target` (outcomes.ts): if nothing names it (an edit of a message it shows, sent once the platform said
 * the bot was back, refused after all), what waits there waits for the bot again rather than pausing a chat nobody can resume.
 */
export function settleRefusedChat(d: ChatWantsDeps, target: Target): void {
  try {
    const routes = routesNow(d);
    d.store.transaction(() => {
      if (namedChats(d, routes).has(targetKey(target))) return;
      callOffUnwanted(d, routes, target);
      letGoUnnamedPaused(d, routes, target);
    });
  } catch (e) {
    d.log.error({ target: targetKey(target), err: errorText(e) }, 'paused chat nothing names: could not settle it now; the next start does');
  }
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
    const calledOff = callOffUnwanted(d, routes, target) + dropAllWaiting(d, routes, target);
    const routed = routes.some((r) => targetKey(routeTarget(r)) === targetKey(target));
    return { target, subscriptions, calledOff, wasPaused, routed };
  });
}

/**
 * At a start (`start`, `sync --once`), before anything is sent: waiting posts no chat wants any more are
 * called off (a route removed from the config, an /unsubscribe a crash left unfinished), paused chats
 * nothing names are let go (letGoUnnamedPaused), chats waiting for the bot that a route or subscription names again are
 * paused chats again, and paused chats a config route names are tried again.
 */
export function settleChatsAtStart(d: ChatWantsDeps): void {
  const routes = routesNow(d);
  d.store.transaction(() => {
    const named = namedChats(d, routes);
    for (const w of d.store.pausedChats.awaitingBot()) if (named.has(targetKey(w.target)) && d.store.pausedChats.namedAgain(w.target)) d.log.info({ target: targetKey(w.target) }, 'chat waiting for the bot named again: paused as before');
    callOffUnwanted(d, routes);
    letGoUnnamedPaused(d, routes);
    const routed = new Set(routes.map((r) => targetKey(routeTarget(r))));
    for (const p of pausedTargets(d.store.sql)) {
      if (!routed.has(targetKey(p.target))) continue;
      d.store.resume(p.target);
      d.log.info({ target: targetKey(p.target), reason: p.reason }, 'paused chat named by a config route: tried again at this start (a refusal pauses it again)');
    }
  });
}
