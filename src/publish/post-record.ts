/**
 * A post's record once its message is known (README, "Exactly once": recorded the moment the send returns): the
 * delivery done, where the message lives, and its crosspost and pin queued, in one transaction. The deliverer writes
 * it when a send answers; late-answers.ts when a send's answer came after our call limit.
 */
import type { Store } from '../store/store.js';
import type { OutboxRow, Target } from '../store/types.js';
import { recordedFor, recordedUnder } from '../store/recorded-messages.js';
import { recordSentDigest, type DigestStore } from './digest-lines.js';
import { heldPostAnswered } from './caught-sends.js';

export type PostRecordStore = Pick<Store, 'transaction' | 'markDone' | 'getMeta' | 'setMeta' | 'sql'> & DigestStore;

/** `unpinPrevious`: whether a pin in that chat unpins the announcement pinned there before (a route's). */
export function recordSentPost(store: PostRecordStore, sent: Extract<OutboxRow, { kind: 'post' | 'digest' }>, messageId: string, crosspost: boolean, unpinPrevious?: (target: Target) => boolean): void {
  store.transaction(() => {
    const target = recordedUnder(store.sql, sent); // the chat's name now
    const row = sent.kind === 'post' ? { ...sent, noteId: recordedFor(store.sql, sent), target } : { ...sent, target }; // and the note's
    store.markDone(row.id, messageId);
    heldPostAnswered(store, sent);
    if (crosspost) store.enqueue({ noteId: row.noteId, revision: row.revision, target: row.target, kind: 'crosspost', payload: { type: 'crosspost', messageId } });
    if (row.kind === 'post' && row.payload.pin) {
      const unpin = unpinPrevious?.(row.target) ? { unpinPrevious: true } : {};
      store.enqueue({ noteId: row.noteId, revision: row.revision, target: row.target, kind: 'pin', payload: { type: 'pin', messageId, ...unpin } });
    }
    if (row.kind === 'digest') recordSentDigest(store, row.id, row.target, row.payload.items, messageId); // and what changed meanwhile
    else store.putPost(row.noteId, row.target, messageId, row.revision); // a repost's message before it: kept (Store.putPost)
  });
}
