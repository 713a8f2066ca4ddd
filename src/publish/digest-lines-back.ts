/**
 * A digest message's delete (its last line's note gone) ended without deleting it: refused for good (Telegram's
 * 48 hours, Discord's 50013 on a forum post without Manage Threads) or its attempts spent. The message stays, showing
 * the lines it showed. A note of those lines back meanwhile, queued as a line of a digest behind the delete, would show
 * twice: on the message that stayed and in that digest (review rv-c R1, issue 25). The digest gives the line up to the
 * message that stayed instead, which is edited to list it as it is now and is its line from then on; the digest goes
 * with its other lines, or not at all when none is left.
 *
 * Why not edit the message that stayed to the whole digest: the other lines are notes new to the chat, and a reader
 * looks for new notes in the newest message, not in one posted days ago (Telegram's refusal is of messages past 48
 * hours); a note back shows where it showed before, as a note's own post behind such a delete edits the message that
 * stayed (store/under-way.ts). Inside the failed delete's transaction, so a kill -9 repeats or loses none of it.
 */
import type { Store } from '../store/store.js';
import type { DigestItem, Target } from '../store/types.js';
import type { LinesBack } from '../store/under-way.js';
import { editDigest, type DigestStore } from './digest-lines.js';

export type LinesBackStore = DigestStore & Pick<Store, 'markDone'>;

/** What went back: the digest message's edit, the lines it took, and the digests that gave them up. */
export interface LinesGivenBack {
  edit: number;
  lines: string[];
  digests: number[];
}

/** Moves the lines of `back` from the digests queued behind the delete onto the message that stayed; undefined when none moved. */
export function giveLinesBack(store: LinesBackStore, target: Target, back: LinesBack): LinesGivenBack | undefined {
  const shown = new Set(back.lines);
  const lines = new Map<string, DigestItem>();
  const digests: number[] = [];
  for (const id of back.digests) {
    const row = store.outboxRow(id);
    if (row?.kind !== 'digest' || row.status !== 'pending') continue;
    const rest = row.payload.items.filter((i) => !shown.has(i.noteId));
    for (const item of row.payload.items) if (shown.has(item.noteId)) lines.set(item.noteId, item); // a later digest's line is newer
    if (rest.length) store.upkeep.setWaitingDigestItems(id, rest);
    else store.markDone(id, null, 'skipped', 'its lines went to the digest message a refused delete left, which shows them');
    digests.push(id);
  }
  if (!lines.size) return undefined;
  // Each line is the message's again, as a burst's digest records its lines (recordSentDigest): later edits and deletes follow it.
  for (const lineId of lines.keys()) store.putPost(lineId, target, back.messageId, 0, true);
  // Should the message be gone after all (a delete that timed out and went through), the lines are posted in a digest (outcomes.ts).
  return { edit: editDigest(store, target, back.messageId, lines, true), lines: [...lines.keys()], digests };
}
