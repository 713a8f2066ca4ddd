/**
 * The outbox side of notes announced on their own (`translations: separate`, or posts made before
 * grouping): a changed note edits its messages, `announce: again` posts anew, a retracted one
 * deletes them. Runs inside the batch's transaction.
 */
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import type { NoteRow, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';
import type { Action } from './decide.js';
import { routeTargets, postControlsOf } from './route.js';

/** Deliveries for update, repost and retract; returns how many. */
export function enqueueNoteChange(store: Store, config: Config, platforms: ReadonlySet<string>, row: NoteRow, action: Action): number {
  let n = 0;
  if (action.type === 'repost') {
    for (const target of routeTargets(row.info, config.routes, store.subscriptions(), platforms)) {
      store.enqueue({ noteId: row.id, revision: row.revision, target, kind: 'post', payload: { type: 'summary', summary: row.summary!, ...postControlsOf(row.info) } });
      n++;
    }
    return n;
  }
  const targets = new Map<string, Target>();
  for (const p of store.postsOf(row.id)) if (!p.viaDigest) targets.set(targetKey(p.target), p.target);
  // Posts still waiting in the outbox count too: they get the newest content before they go out.
  const openPosts = store.openPostTargets(row.id);
  for (const t of openPosts) targets.set(targetKey(t), t);

  for (const target of targets.values()) {
    if (action.type === 'update') {
      const pendingPost = store.openDelivery(row.id, target, ['post']);
      const pendingEdit = store.openDelivery(row.id, target, ['edit']);
      const payload = { type: 'summary' as const, summary: row.summary! };
      if (pendingPost) store.replacePayload(pendingPost.id, row.revision, payload);
      else if (pendingEdit) store.replacePayload(pendingEdit.id, row.revision, payload);
      else store.enqueue({ noteId: row.id, revision: row.revision, target, kind: 'edit', payload });
      n++;
    } else if (action.type === 'retract') {
      const pendingPost = store.openDelivery(row.id, target, ['post']);
      if (pendingPost) store.markDone(pendingPost.id, null, 'skipped', 'note retracted before it was sent');
      else store.enqueue({ noteId: row.id, revision: row.revision, target, kind: 'delete', payload: { type: 'delete' } });
      n++;
    }
  }
  return n;
}
