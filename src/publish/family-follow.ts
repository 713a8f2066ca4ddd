/**
 * A member that moved to another family (a rename or move changed the key its file name gives it)
 * takes along, chat by chat, the old family's message that showed it: a move is a change of one
 * note, never a second post (issue 25). Whole families follow their only member earlier
 * (`followRenamedFamilies`); this covers a family that keeps other members, or a new family that
 * already has messages in other chats. Runs after the batch's records are written, before
 * `syncFamily`, so both families are read as they are now.
 */
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import type { NoteRow, Target } from '../store/types.js';
import { targetKey } from '../store/types.js';
import { familyPostId, familyTargets, liveMembers } from './family.js';

/** A note as a batch decided it, and its record before (after any rename, under its new id). */
interface MemberChange {
  row: NoteRow;
  prev?: NoteRow | undefined;
}

/** The member a family's message in a chat shows: its waiting post or edit, else what was last sent. */
function shownMember(store: Store, familyId: string, target: Target): string | undefined {
  const open = store.openDelivery(familyId, target, ['post', 'edit']);
  if (open) return open.payload.type === 'summary' ? open.payload.member : undefined;
  return store.upkeep.lastSentPayload(familyId, target)?.member;
}

function targetsWanting(store: Store, config: Config, platforms: ReadonlySet<string>, members: readonly NoteRow[]): Set<string> {
  return new Set(familyTargets(members, config.routes, store.subscriptions(), platforms).map((ft) => targetKey(ft.target)));
}

/** The old family's chats whose message showed `moved`: those to hand over to its new family. */
function chatsShowing(store: Store, familyId: string, moved: { prev: NoteRow; row: NoteRow }): Target[] {
  const targets = new Map<string, Target>();
  for (const p of store.postsOf(familyId)) if (!p.viaDigest) targets.set(targetKey(p.target), p.target);
  for (const t of store.openPostTargets(familyId)) targets.set(targetKey(t), t);
  return [...targets.values()].filter((t) => {
    const shown = shownMember(store, familyId, t);
    return shown === moved.prev.id || shown === moved.row.id;
  });
}

/**
 * Moves each such message to the note's new family where the old family no longer goes to that
 * chat and the new one has no message there yet. Even a chat whose filter the moved note no longer
 * passes (another language folder): a filter change never deletes a message, `syncFamily` keeps it
 * following its note.
 */
export function followMovedMembers(store: Store, config: Config, platforms: ReadonlySet<string>, changes: readonly MemberChange[], movedAway: ReadonlySet<string>): number {
  let moved = 0;
  for (const d of changes) {
    const from = d.prev?.info.translationKey;
    const to = d.row.info.translationKey;
    if (!d.prev || from === undefined || from === to || movedAway.has(from) || d.row.state !== 'published') continue;
    const fromId = familyPostId(from);
    const toId = familyPostId(to);
    const showing = chatsShowing(store, fromId, { prev: d.prev, row: d.row });
    if (!showing.length) continue;
    const oldMembers = liveMembers(store.familyNotes(from));
    const oldWants = targetsWanting(store, config, platforms, oldMembers);
    const oldLeft = oldMembers.length > 0;
    for (const target of showing) {
      if (oldWants.has(targetKey(target))) continue;
      if (!store.postOf(toId, target) && !store.openDelivery(toId, target, ['post'])) {
        store.upkeep.moveFamilyPostIn(fromId, toId, target);
        moved++;
      } else if (!oldLeft && config.publish.onDelete === 'keep' && store.postOf(fromId, target)) {
        // The note joined the new family's message in this chat: its old one would show it twice.
        // `onDelete: keep` keeps what a note going away leaves; this note did not go (`delete` deletes it anyway).
        const revision = store.familyNotes(from).reduce((n, m) => n + m.revision, 0);
        store.enqueue({ noteId: fromId, revision, target, kind: 'delete', payload: { type: 'delete' } });
        moved++;
      }
    }
  }
  return moved;
}
