/**
 * Notes set aside while they parse (late-notes.ts) live in the service's memory: nothing said one was parsing until it
 * was refused (`took too long to parse`), and `status` listed nothing (issue 25). They are written to the store's meta
 * as they are set aside and decided, as held files are (held-files.ts), so `status` says them while the service runs.
 */
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { metaList, writeFileRecords } from './meta-keys.js';

/** The store's meta key of the notes set aside (a JSON list of SlowNote). */
const SLOW_NOTES_KEY = 'notes.parsingAside';

const slowNoteSchema = z.object({ file: z.string(), since: z.number() });
/** A note set aside while it parses (its file, relative), since when. */
export type SlowNote = z.infer<typeof slowNoteSchema>;

/** The notes set aside recorded, oldest first; none if the record is missing or unreadable. */
export function readSlowNotes(store: Pick<Store, 'getMeta'>): SlowNote[] {
  return metaList(store, SLOW_NOTES_KEY, slowNoteSchema);
}

/** Records the notes set aside now (none: the record emptied; not written when it says so already). */
export function writeSlowNotes(store: Pick<Store, 'getMeta' | 'setMeta'>, notes: readonly SlowNote[]): void {
  writeFileRecords(store, SLOW_NOTES_KEY, notes);
}

/** What `status` says of one note set aside. */
export function slowNoteText(n: SlowNote): string {
  return `${n.file}: parsing since ${new Date(n.since).toISOString()}: announced once parsed, or its error past notes.parseTimeoutMs`;
}
