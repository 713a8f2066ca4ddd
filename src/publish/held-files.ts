/**
 * Files held a removal window (held-rewrites.ts) live in the service's memory: a new file that may be an announced
 * note moved and edited (its original still there: rename-match.ts besideOriginal), or a note rewritten beyond
 * recognition (its old content may turn up at another path). Nothing said why they were not announced yet (issue
 * 25): they are written to the store's meta as they are held and released, so `status` and `check` say them while
 * the service that holds them runs. A record left by a run that ended (a kill -9) says nothing: those files are
 * read again by the next start's scan, which clears it.
 */
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { metaList, writeFileRecords } from './meta-keys.js';

/** The store's meta key of the held files (a JSON list of HeldFile). */
const HELD_FILES_KEY = 'files.held';

const heldFileSchema = z.object({ file: z.string(), since: z.number(), original: z.string().optional() });
/** A held file (relative path), since when, and for a new file the announced note it may be moved from. */
export type HeldFile = z.infer<typeof heldFileSchema>;

/** The held files recorded, oldest first; none if the record is missing or unreadable. */
export function readHeldFiles(store: Pick<Store, 'getMeta'>): HeldFile[] {
  return metaList(store, HELD_FILES_KEY, heldFileSchema);
}

/** Records the files held now (none: the record emptied; not written when it says so already). */
export function writeHeldFiles(store: Pick<Store, 'getMeta' | 'setMeta'>, held: readonly HeldFile[]): void {
  writeFileRecords(store, HELD_FILES_KEY, held);
}

/** What `status` and `check` say of one held file. */
export function heldFileText(h: HeldFile): string {
  const since = new Date(h.since).toISOString();
  return h.original
    ? `${h.file}: held since ${since}: ${h.original} moved and edited if ${h.original} is removed within the removal window (publish.digest.windowMs), else a note of its own, announced then`
    : `${h.file}: held since ${since}: rewritten beyond recognition; its note moved if its old content turns up at another path within the removal window (publish.digest.windowMs), else edited then`;
}
