/**
 * Posts the platform accepted that the database could not record before the last stop
 * (store/sent-journal.ts): recorded at start, before anything is sent, so none goes out again.
 */
import type { Logger } from '../log.js';
import type { SentJournal } from '../store/sent-journal.js';
import type { Store } from '../store/store.js';
import type { OutboxRow } from '../store/types.js';

type PostRow = Extract<OutboxRow, { kind: 'post' | 'digest' }>;

/** Throws (the start fails) when the database still cannot take them: sending first would post them twice. */
export function recordJournaledPosts(store: Pick<Store, 'transaction' | 'outboxRow'>, journal: SentJournal | undefined, recordPost: (row: PostRow, messageId: string, crosspost: boolean) => void, log: Logger): void {
  const entries = journal?.entries() ?? [];
  if (!journal || !entries.length) return;
  let recorded = 0;
  store.transaction(() => {
    for (const e of entries) {
      const row = store.outboxRow(e.delivery);
      if (!row || row.nonce !== e.nonce || (row.status !== 'sending' && row.status !== 'pending')) continue; // recorded after all, or another database's
      if (row.kind !== 'post' && row.kind !== 'digest') continue; // only posts are journaled
      recordPost(row, e.messageId, e.crosspost);
      recorded++;
    }
  });
  journal.clear();
  if (recorded) log.warn({ count: recorded, journal: journal.file }, 'posts sent before the last stop, which the database could not record then, are recorded now (not sent again)');
}
