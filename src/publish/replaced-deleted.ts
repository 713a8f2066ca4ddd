/**
 * A note written at a deleted note's path (issue 25, tester). A note's id is its path, so a new
 * note there found the deleted note's record: with `onDelete: keep`, the deleted note's kept
 * message was edited to show the new note, and the new note was never announced. The deleted note
 * brought back (`git checkout` of its file, perhaps edited) is that note again and edits its kept
 * message; another note written there is a new note. They are told apart as a rename is
 * (rename-match.ts sameNoteBy: a name, title or URL shared with bodies alike, one rule for both):
 * another note has the deleted record set aside (rename-apply.ts setAside, in the renames'
 * transaction) and is decided as a note new to the store, so it is announced and the kept message
 * keeps showing the deleted note (its family's message too: the record set aside keeps its place
 * in its family, family-key.ts, so the new note is announced on its own). With `onDelete: delete`
 * no message is left to keep: the new note takes the record over, as before (decide.ts announces a
 * note back from deletion), in its file's family. A record that gives no evidence (no body sketch,
 * an empty body) is taken for the note back, as before.
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { KnownNote, Store } from '../store/store.js';
import type { ChangedFile } from './batch-read.js';
import type { ParseResult } from './parse-pool.js';
import { sameNoteBy, type Rename } from './rename-match.js';

/**
 * The ids of deleted notes whose path a chunk's changed file holds another note at; those files
 * are marked new to the store (`known: false`). Paths a rename took are left to applyRenames,
 * which sets a deleted record there aside itself.
 */
export function deletedNotesReplaced(
  changed: readonly ChangedFile[],
  results: readonly ParseResult[],
  known: (rel: string) => KnownNote | undefined,
  deps: { store: Pick<Store, 'getNote'>; log: Logger; config: Pick<Config, 'publish'> },
  renames: readonly Rename[],
): string[] {
  const { store, log, config } = deps;
  const renamedTo = new Set(renames.map((r) => r.to.rel));
  const replaced: string[] = [];
  if (config.publish.onDelete !== 'keep') return replaced;
  changed.forEach((c, i) => {
    const r = results[i];
    const k = known(c.rel);
    // The same content back is the deleted note returning, whatever its sketch says.
    if (!r?.ok || !c.known || renamedTo.has(c.rel) || k?.state !== 'deleted' || k.hash === c.hash) return;
    const row = store.getNote(k.id);
    if (row?.state !== 'deleted') return;
    const by = sameNoteBy({ rel: c.rel, id: k.id, info: row.info }, { rel: c.rel, note: r.note, body: r.body });
    if (!by || by.length) return;
    c.known = false;
    replaced.push(k.id);
    log.info({ file: c.rel, deleted: row.info.title, now: r.note.title }, `another note at a deleted note's path: ${c.rel} is announced as a new note; the deleted note's kept messages (publish.onDelete: keep) keep showing it`);
  });
  return replaced;
}
