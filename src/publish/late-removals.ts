/**
 * The other half of a move can come late. A file moved into a folder made for it (`mkdir a && mv
 * setup.md a/`) is found by looking through the new folder when the folder's event settles, and the
 * removal of its old path may come in the batch after: taken alone, the file was a new note, posted
 * again (issue 25, about 1 model run in 6). So a file new to the store that no pending removal
 * explains is looked up among the known notes sharing its content or its key (store/move-sources.ts):
 * one whose file is gone from disk is a removal whose event has not come yet, and joins the pending
 * removals now, where rename detection (rename-match.ts) finds it. Returns those it added.
 *
 * So is one whose file holds other content now while this new file has exactly its content: `mv
 * intro.md a/intro.md` and a new intro.md written at once, with a/intro.md reported first (the seed-7
 * model case; in one batch it is a chain, rename-chain.ts). The note moved; the new content at its
 * old path, reported after, is a new note. Its old path waits for no removal event (it is there):
 * taken from the pending removals unless it is renamed, as any late one.
 *
 * And so is one moved and edited at once (`mv a/setup.md intro.md`, intro.md edited), its new path
 * reported a batch before its old path's removal (a loaded machine splitting the burst; issue 25,
 * m25c): it shares no content or key with the note it was, but its title or URL (notesKnownAs), and
 * rename-match.ts pairs them when their bodies are alike. Those notes only are looked at on disk: no
 * stat for a new note no known note is titled or addressed as. A stat (24 µs at load 14) is cheaper
 * than comparing body sketches (140 µs), so the files are looked at first and the bodies compared
 * (rename-match.ts) only for the notes whose file is gone; one whose file is there is not its move
 * yet: it is returned, and an editor that writes the new file before it deletes the old one may make
 * it one within the removal window (rename-match.ts `besideOriginal`, held-rewrites.ts).
 * A re-dated post (`2025-11-07-x.md` → `2025-11-08-x.md`) shares neither key nor, retitled, title:
 * it is looked up by its name without the date, in its folder (notesRedated).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Store, KnownNote } from '../store/store.js';
import type { Logger } from '../log.js';
import { readNoteTextSync } from '../notes/read.js';
import { keptDeletedNotes, notesKnownAs, notesRedated, notesSharing } from '../store/move-sources.js';
import type { ChangedFile } from './batch-read.js';
import type { ParseResult } from './parse-pool.js';
import { newToStore } from './new-to-store.js';
import type { PendingRemovals } from './removals.js';

export interface LateRemovalSource {
  store: Store;
  /** The notes folder, whose files are looked at. */
  root: string;
  /** A first scan: the store knows no note, nothing was moved. */
  firstRun: boolean;
  config: { publish: { onDelete: 'keep' | 'delete' } };
  read: { maxBytes: number };
  log?: Pick<Logger, 'info'> | undefined;
}

/** The note's file is there with other content than the record's (overwritten after the note moved on), or cannot be read as a note now. */
export function overwritten(source: LateRemovalSource, file: string, note: KnownNote): boolean {
  try {
    return readNoteTextSync(source.root, path.join(source.root, file), file, source.read.maxBytes).hash !== note.hash;
  } catch {
    return false; // unreadable (or gone meanwhile): left to its own event
  }
}

/** What addLateRemovals did: the removals it added, and per new file the known notes it may come from whose file is still there. */
export interface LateRemovals {
  added: string[];
  stillThere: Map<string, [string, KnownNote][]>;
}

export function addLateRemovals(
  source: LateRemovalSource,
  changed: readonly ChangedFile[],
  results: readonly ParseResult[],
  known: (rel: string) => KnownNote | undefined,
  pending: PendingRemovals,
): LateRemovals {
  const found: LateRemovals = { added: [], stillThere: new Map() };
  if (source.firstRun) return found;
  const inChunk = new Set(changed.map((c) => c.rel)); // a path of this chunk, overwritten, may start a chain (rename-chain.ts)
  changed.forEach((c, i) => {
    const r = results[i];
    if (!newToStore(known(c.rel), c) || !r?.ok || pending.byHash(c.hash)) return;
    // With `keep`, a deleted note's messages are still there: brought back under another name with
    // the same content, it is that note again, and its message follows it (never a second one).
    const kept = source.config.publish.onDelete === 'keep' ? keptDeletedNotes(source.store.sql, r.note.bareHash ?? c.hash) : [];
    const { sql } = source.store;
    const sources = [...notesSharing(sql, c.hash, r.note.translationKey), ...kept, ...notesKnownAs(sql, r.note.title, r.note.url), ...notesRedated(sql, c.rel)];
    for (const [file, k] of sources) {
      if (file === c.rel || pending.has(file)) continue;
      const movedOn = k.hash === c.hash && !inChunk.has(file) && overwritten(source, file, k);
      if (!movedOn && existsSync(path.join(source.root, file))) {
        found.stillThere.set(c.rel, [...(found.stillThere.get(c.rel) ?? []), [file, k]]);
        continue;
      }
      pending.add(file, k);
      found.added.push(file);
    }
  });
  return found;
}
