/**
 * `translations: separate` after `group`: a note announced while grouped has no message under its
 * own id, only its family's (`family:<key>`), showing it in the chats that got it as their member.
 * Its edits go to those messages, or they would reach no chat at all; the family's other chats
 * (showing another member) keep their message. A retraction leaves family messages as they are:
 * deleting one would take its other members with it, so the service says so instead.
 * Runs inside the batch's transaction.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { NoteRow, SummaryPayload, Target } from '../store/types.js';
import type { Action } from './decide.js';
import { familyPostId } from './family.js';
import { addMetaKeys, metaKeys } from './meta-keys.js';

/** Families whose messages a retraction left as they were while `separate`: group brings them up to date. */
const LEFT_AS_IS = 'families.leftAsIs';

function leaveFamiliesAsIs(store: Store, keys: readonly string[]): void {
  addMetaKeys(store, LEFT_AS_IS, keys);
}

/** The families `separate` left behind (see above); `take` forgets them (group is syncing them now). */
export function familiesLeftAsIs(store: Store, take = false): string[] {
  return metaKeys(store, LEFT_AS_IS, take);
}

interface FamilyMessage {
  familyId: string;
  target: Target;
  payload: SummaryPayload;
  revision: number;
}

/** The family messages (sent or still queued) whose shown member is `row`: the family keys of its old and new record. */
function messagesShowing(store: Store, row: NoteRow, prev: NoteRow | undefined): FamilyMessage[] {
  const keys = new Set([prev?.info.translationKey, row.info.translationKey].filter((k): k is string => !!k));
  const out: FamilyMessage[] = [];
  for (const key of keys) {
    const familyId = familyPostId(key);
    const seen = new Set<string>();
    for (const p of store.postsOf(familyId)) {
      if (p.viaDigest) continue; // a digest line: nothing to edit
      const payload = store.upkeep.lastSentPayload(familyId, p.target);
      if (payload?.member === row.id) out.push({ familyId, target: p.target, payload, revision: p.revision });
      seen.add(JSON.stringify(p.target));
    }
    for (const target of store.openPostTargets(familyId)) {
      if (seen.has(JSON.stringify(target))) continue;
      const open = store.openDelivery(familyId, target, ['post']);
      if (open?.payload.type === 'summary' && open.payload.member === row.id) out.push({ familyId, target, payload: open.payload, revision: open.revision });
    }
  }
  return out;
}

/**
 * Edits (or refreshes, when still queued) the family messages that show `row`, keeping their other
 * languages' links; returns how many deliveries it queued or changed.
 */
export function followFamilyMessages(store: Store, log: Logger, row: NoteRow, action: Action, prev: NoteRow | undefined): number {
  const left = prev?.state === 'published' && (row.state === 'deleted' || row.state === 'draft') ? prev.info.translationKey : undefined;
  if (left !== undefined && store.postsOf(familyPostId(left)).length) leaveFamiliesAsIs(store, [left]); // its "also in" links stay until group
  if (action.type !== 'update' && action.type !== 'retract') return 0;
  const shown = messagesShowing(store, row, prev);
  if (!shown.length) return 0;
  if (action.type === 'retract') {
    log.warn({ note: row.id, family: shown[0]!.familyId, chats: shown.length }, 'note removed, but it was announced in a translation family (publish.translations was group): its family message is left as it is; switch back to group to have it follow');
    return 0;
  }
  let n = 0;
  for (const { familyId, target, payload, revision } of shown) {
    // One past the message's last revision: a later switch back to `group` still sends newer content.
    const rev = Math.max(row.revision, revision + 1);
    const open = store.openDelivery(familyId, target, ['post']) ?? store.openDelivery(familyId, target, ['edit']);
    if (open?.payload.type === 'summary') store.replacePayload(open.id, rev, { ...open.payload, summary: row.summary! });
    else store.enqueue({ noteId: familyId, revision: rev, target, kind: 'edit', payload: { ...payload, summary: row.summary!, silent: undefined, pin: undefined, digestAt: undefined } });
    n++;
  }
  log.info({ note: row.id, family: shown[0]!.familyId, chats: n }, 'note announced in its translation family (publish.translations was group): the edit goes to that message');
  return n;
}
