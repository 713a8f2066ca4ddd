/**
 * A family's message that found no summary for the member it shows (issue 31, c31c): a first run's
 * note too long to summarise on the main thread, or any deferred one before the main thread loaded
 * the summariser (summary-maker.ts), which a show path inside the commit reached without
 * `summariesShownBy` before it. Never silent: the warning names the note and its family,
 * and, once the parse threads made the summary, the family is synced again, so the chat's post or
 * edit is made then instead of being lost.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import type { TouchedFamily } from './family-outbox.js';

export class SummaryMisses {
  private waiting: { family: TouchedFamily; members: NoteRow[] }[] = [];

  /** Said at once; synced again by `retry`. */
  add(log: Logger, family: TouchedFamily, members: readonly NoteRow[]): void {
    if (!members.length) return;
    for (const m of new Set(members.map((r) => r.id))) log.warn({ note: m, family: family.key }, 'a translation family\'s message found its note\'s summary not made yet (too long for the main thread, or the summariser not loaded yet, and not made before the commit): it is made now, and the family synced again');
    this.waiting.push({ family, members: [...members] });
  }

  /** The summaries made, then `sync` (the families synced again in one transaction, as a commit does); returns what it enqueued. */
  async retry(store: Store, sync: (families: TouchedFamily[]) => number): Promise<number> {
    const waiting = this.waiting.splice(0);
    if (!waiting.length) return 0;
    await store.summaries.prepare(waiting.flatMap((w) => w.members));
    return sync(waiting.map((w) => w.family));
  }
}
