/**
 * An edit in place may be half a move (issue 25, the model's split burst, found under load):
 * `mv ja/intro.md setup-ja.md` and a new ja/intro.md alike to it (one template, another title),
 * with ja/intro.md reported a batch before setup-ja.md (a loaded machine, a slow disk or a big
 * `git pull` splits a burst so). Decided at once, ja/intro.md was an edit of the note that moved,
 * its message edited to show the new note; setup-ja.md then came with the moved note's exact
 * content, which no known note held any more, and was posted as a new note: twice in every chat.
 * In one batch it is a chain (rename-chain.ts); with the moved file reported first, a late removal
 * (late-removals.ts). So the content a path held before an edit in place is remembered for the
 * removal window (the time a removed note's content may take to reappear: removals.ts), and a batch
 * that moves content an edited path held or holds is handed the edited paths too, each known by its
 * content before the edit (held-rewrites.ts `withEdited`): the batch decides them as the one batch of the
 * whole burst would (rename-chain.ts): a new file with an edited note's old content is that note
 * moved there (its messages follow it, edited back to its text), and the edited path a new note.
 */
import type { Config } from '../config/schema.js';
import type { KnownNote } from '../store/store.js';
import type { NoteInfo } from '../store/types.js';

/** How long removals gather (sync.ts armRemovals) and a burst is held open: `publish.digest.windowMs`, at least three quiet periods. */
export function removalWindowMs(config: Pick<Config, 'publish' | 'watch'>): number {
  return Math.max(config.publish.digest.windowMs, config.watch.quietMs * 3);
}

/** A path whose note was edited in place: its record before the edit, and the content the edit wrote. */
export interface EditedPath {
  rel: string;
  before: KnownNote;
  hash: string;
  /**
   * When the edit changed the note's title: the record's info before it (its title, body sketch, URL). The note may
   * have moved, edited, to a file that keeps that title while a new note was written at its path (moved-off-retitled.ts
   * in one batch; retitled-edits.ts when the old path came a batch first).
   */
  retitledFrom?: NoteInfo | undefined;
}

export class RecentEdits {
  /** By path, oldest edit first (an edit again moves its path to the end). */
  private readonly byRel = new Map<string, EditedPath & { until: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  remember(rel: string, before: KnownNote, hash: string, retitledFrom?: NoteInfo): void {
    this.prune();
    const known = this.byRel.get(rel);
    if (known?.hash === hash && known.before.hash === before.hash) return; // the same edit decided again (`withEdited`): its window is not extended
    this.byRel.delete(rel);
    this.byRel.set(rel, { rel, before, hash, until: this.now() + this.windowMs, ...(retitledFrom ? { retitledFrom } : {}) });
  }

  /** The paths edited in place within the window. */
  edited(): EditedPath[] {
    this.prune();
    return [...this.byRel.values()];
  }

  private prune(): void {
    const now = this.now();
    for (const [rel, e] of this.byRel) {
      if (e.until > now) break;
      this.byRel.delete(rel);
    }
  }
}
