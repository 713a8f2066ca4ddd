/**
 * The outbox side of translation families (`publish.translations: group`): after a batch changed
 * members of a family, each chat that wants the family gets one message, kept up to date: posted
 * when the first member is announced there, edited when a member is added, changed or removed,
 * deleted (with `onDelete: delete`) when no member is left. Runs inside the batch's transaction, so
 * the notes' new records and their deliveries commit together.
 */
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import type { DeliveryPayload, NoteRow, Subscription, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';
import { silentOf } from './route.js';
import { alsoInFor, familyPostId, familyTargets, liveMembers, type FamilyTarget } from './family.js';

/** A family changed in this batch, and whether a member was newly announced (or asked to be again). */
export interface TouchedFamily {
  key: string;
  announced: boolean;
  repost: boolean;
}

/** A new announcement a chat is to get; many at once in one chat become a digest. */
export interface NewFamilyPost {
  familyId: string;
  target: Target;
  member: NoteRow;
  payload: DeliveryPayload;
  revision: number;
}

function payloadFor(members: readonly NoteRow[], ft: FamilyTarget): DeliveryPayload {
  return { type: 'summary', summary: ft.member.summary!, alsoIn: alsoInFor(members, ft.member), member: ft.member.id, ...silentOf(ft.member.info) };
}

/** Grows with every change of any member, so a later delivery never carries an older revision. */
function familyRevision(notes: readonly NoteRow[]): number {
  return notes.reduce((n, m) => n + m.revision, 0);
}

/**
 * Brings one family's messages up to date; returns the new posts it wants (sent by the caller, as
 * single posts or in a digest) and how many deliveries it enqueued itself.
 */
export function syncFamily(store: Store, config: Config, platforms: ReadonlySet<string>, subscriptions: readonly Subscription[], f: TouchedFamily): { posts: NewFamilyPost[]; enqueued: number } {
  const familyId = familyPostId(f.key);
  const notes = store.familyNotes(f.key);
  const members = liveMembers(notes);
  const revision = familyRevision(notes);
  const wanted = new Map(familyTargets(members, config.routes, subscriptions, platforms).map((ft) => [targetKey(ft.target), ft]));
  const existing = new Map<string, Target>();
  for (const p of store.postsOf(familyId)) existing.set(targetKey(p.target), p.target);
  for (const t of store.openPostTargets(familyId)) existing.set(targetKey(t), t);

  const posts: NewFamilyPost[] = [];
  let enqueued = 0;
  for (const [key, ft] of wanted) {
    const payload = payloadFor(members, ft);
    if (existing.has(key) && !f.repost) {
      // The chat has this family's message (or it is waiting to go): it changes in place.
      const open = store.openDelivery(familyId, ft.target, ['post']) ?? store.openDelivery(familyId, ft.target, ['edit']);
      if (open) store.replacePayload(open.id, revision, payload);
      else if (store.postOf(familyId, ft.target)?.viaDigest !== true) store.enqueue({ noteId: familyId, revision, target: ft.target, kind: 'edit', payload });
      else continue; // a digest line: nothing to edit
      enqueued++;
    } else if (f.announced || f.repost) {
      posts.push({ familyId, target: ft.target, member: ft.member, payload, revision });
    }
  }
  // Chats that had the family but want none of what is left (its last member there was removed).
  if (config.publish.onDelete === 'delete') {
    for (const [key, target] of existing) {
      if (wanted.has(key)) continue;
      const pendingPost = store.openDelivery(familyId, target, ['post']);
      if (pendingPost) store.markDone(pendingPost.id, null, 'skipped', 'every translation was removed before it was sent');
      else if (store.postOf(familyId, target)) store.enqueue({ noteId: familyId, revision, target, kind: 'delete', payload: { type: 'delete' } });
      else continue;
      enqueued++;
    }
  }
  return { posts, enqueued };
}
