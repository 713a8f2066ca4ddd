/**
 * Digest schedules (a subscription's `digest:"daily 09:00"`): a new note for a chat whose filters
 * that passed it all ask for a digest is queued as a post held until the digest's time
 * (`digestAt`); the deliverer then sends every post held for that time as one digest (deliverer.ts).
 * Being outbox rows, they survive restarts and go out once.
 */
import type { Config, Filter, Route } from '../config/schema.js';
import type { Logger } from '../log.js';
import { digestTimeFor, matchesFilter } from '../notes/filter.js';
import type { Store } from '../store/store.js';
import type { DeliveryPayload, NoteInfo, OutboxRow, SummaryPayload, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';
import { openIn, openInArgs } from '../store/open-outbox.js';
import { routeTarget } from './route.js';

/** A new announcement for one chat, before it is queued. */
export interface NewPost {
  noteId: string;
  revision: number;
  title: string;
  url?: string | undefined;
  info: NoteInfo;
  payload: SummaryPayload;
}

/** The filters of every route and subscription naming the chat, where its digest schedules live. */
function chatFilters(store: Store, routes: readonly Route[], target: Target): (Filter | undefined)[] {
  const key = targetKey(target);
  const named = routes.filter((r) => targetKey(routeTarget(r)) === key);
  return [...named.map((r) => r.filter), ...store.subscriptions(target).map((s) => s.filter)];
}

/** Queues the posts that wait for the chat's digest (inside the caller's transaction); returns the rest. */
export function holdForScheduledDigest(store: Store, config: Config, target: Target, posts: NewPost[], now: number): NewPost[] {
  const filters = chatFilters(store, config.routes, target);
  if (!filters.some((f) => f?.digest)) return posts;
  const rest: NewPost[] = [];
  for (const p of posts) {
    const digestAt = p.payload.type === 'summary' ? digestTimeFor(filters, p.info, now) : undefined;
    if (digestAt === undefined || p.payload.type !== 'summary') rest.push(p);
    else store.enqueue({ noteId: p.noteId, revision: p.revision, target, kind: 'post', payload: { ...p.payload, digestAt }, notBefore: digestAt });
  }
  return rest;
}

/**
 * Posts held for a digest time still ahead follow the chat's schedules as they are now (README, digest
 * schedules: a note goes by digest only when every subscription there that passes it has one, else at
 * once): a config route's digest moved or removed between runs, or a digest subscription gone
 * (/unsubscribe), re-times them or sends them now. Held posts whose time has come are left to go.
 */
export function followDigestSchedules(store: Store, routes: readonly Route[], log: Logger, now: number, only?: Target): void {
  const ids = store
    .sql(`SELECT id FROM outbox WHERE ${openIn(only)} AND status = 'pending' AND kind = 'post' AND json_extract(payload, '$.digestAt') > ? ORDER BY id`)
    .pluck()
    .all(...openInArgs(only), now)
    .filter((id): id is number => typeof id === 'number');
  const filtersOf = new Map<string, (Filter | undefined)[]>(); // read once per chat, not once per held post
  for (const id of ids) {
    const row = store.outboxRow(id);
    if (row?.kind !== 'post' || row.payload.type !== 'summary' || row.payload.digestAt === undefined) continue;
    const info = store.getNote(row.payload.member ?? row.noteId)?.info;
    if (!info) continue; // its note gone: the removal decides it
    const key = targetKey(row.target);
    if (!filtersOf.has(key)) filtersOf.set(key, chatFilters(store, routes, row.target));
    const at = digestTimeFor(filtersOf.get(key)!, info, now);
    if (at !== row.payload.digestAt) retime(store, log, row, at, now);
  }
}

/**
 * A waiting post (or edit) takes its note's newer content; a post held for a digest keeps its time (store.replacePayload),
 * unless the chat now wants the note at once (its tags edited to pass a subscription without a digest, say): then it
 * goes now, as a start would decide (followDigestSchedules).
 */
export function replaceWaitingPost(store: Store, routes: readonly Route[], log: Logger | undefined, id: number, now: { revision: number; payload: DeliveryPayload; info: NoteInfo }): void {
  store.replacePayload(id, now.revision, now.payload);
  const row = store.outboxRow(id);
  if (row?.kind !== 'post' || row.payload.type !== 'summary' || row.payload.digestAt === undefined) return;
  if (chatFilters(store, routes, row.target).some((f) => matchesFilter(f, now.info) && !f?.digest)) retime(store, log, row, undefined, Date.now());
}

/** A held post sent at `at` (its digest's time), or at once (undefined: due now, as a new post is). */
function retime(store: Store, log: Logger | undefined, row: OutboxRow, at: number | undefined, now: number): void {
  if (row.payload.type !== 'summary' || row.payload.digestAt === undefined) return;
  const payload: SummaryPayload = { ...row.payload, digestAt: at };
  store.sql("UPDATE outbox SET payload = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'").run(JSON.stringify(payload), at ?? 0, now, row.id);
  store.outboxOpened.raise(); // a deliverer asleep until the old time looks again
  log?.info({ delivery: row.id, note: row.noteId, target: targetKey(row.target), from: new Date(row.payload.digestAt).toISOString(), to: at === undefined ? 'now' : new Date(at).toISOString() }, 'held post follows its chat\'s digest schedule as it is now');
}
