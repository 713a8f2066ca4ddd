/**
 * Digest schedules (a subscription's `digest:"daily 09:00"`): a new note for a chat whose filters
 * that passed it all ask for a digest is queued as a post held until the digest's time
 * (`digestAt`); the deliverer then sends every post held for that time as one digest (deliverer.ts).
 * Being outbox rows, they survive restarts and go out once.
 */
import type { Config } from '../config/schema.js';
import { digestTimeFor } from '../notes/filter.js';
import type { Store } from '../store/store.js';
import type { NoteInfo, SummaryPayload, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';

/** A new announcement for one chat, before it is queued. */
export interface NewPost {
  noteId: string;
  revision: number;
  title: string;
  url?: string | undefined;
  info: NoteInfo;
  payload: SummaryPayload;
}

/** Queues the posts that wait for the chat's digest (inside the caller's transaction); returns the rest. */
export function holdForScheduledDigest(store: Store, config: Config, target: Target, posts: NewPost[], now: number): NewPost[] {
  const key = targetKey(target);
  const routes = config.routes.filter((r) => targetKey({ platform: r.platform, chat: r.chat, thread: r.thread ?? '' }) === key);
  const filters = [...routes.map((r) => r.filter), ...store.subscriptions(target).map((s) => s.filter)];
  if (!filters.some((f) => f?.digest)) return posts;
  const rest: NewPost[] = [];
  for (const p of posts) {
    const digestAt = p.payload.type === 'summary' ? digestTimeFor(filters, p.info, now) : undefined;
    if (digestAt === undefined || p.payload.type !== 'summary') rest.push(p);
    else store.enqueue({ noteId: p.noteId, revision: p.revision, target, kind: 'post', payload: { ...p.payload, digestAt }, notBefore: digestAt });
  }
  return rest;
}
