/**
 * Indexes the notes the lookup index does not hold yet: after an upgrade from a release without
 * it, once; after that, none (every note's words are written with its record). Runs in the
 * background a page of rows at a time, so start-up, deliveries and commands never wait for it.
 */
import path from 'node:path';
import type { Logger } from '../log.js';
import { parseNoteText, readNoteTextSync, type ReadOptions } from '../notes/read.js';
import type { Store } from '../store/store.js';
import { bodyText } from '../summary/body.js';
import { searchText } from './text.js';
import { errorText } from '../errors.js';

export interface Backfill {
  /** Resolves with how many notes were indexed, when done or stopped. */
  done: Promise<number>;
  stop(): void;
}

const PAGE = 200;

export function startBackfill(store: Store, root: string, read: ReadOptions, log: Logger): Backfill {
  let stopped = false;
  const run = async (): Promise<number> => {
    await new Promise((r) => setImmediate(r)); // after start-up has returned
    let indexed = 0;
    let after = 0;
    for (;;) {
      if (stopped) return indexed;
      const page = store.unindexedNotes(after, PAGE);
      if (!page.length) return indexed;
      for (const row of page) {
        if (stopped) return indexed;
        after = row.rowid;
        try {
          const { text, hash } = readNoteTextSync(root, path.join(root, row.file), row.file, read.maxBytes, read.realRoot);
          // A note changed since it was recorded is the watcher's to process; its words come with it.
          if (hash !== row.hash) continue;
          const { note, tokens } = parseNoteText(row.file, text, read, hash);
          if (store.indexNote(row.id, row.hash, searchText(note, bodyText(tokens)))) indexed++;
        } catch (e) {
          log.debug({ note: row.id, err: String(e) }, 'not indexed');
        }
        // Small steps, so deliveries and commands never wait long behind indexing.
        if (indexed % 20 === 0) await new Promise((r) => setImmediate(r));
      }
    }
  };
  // The store busy or failing: the notes stay unindexed and the next start tries again; never an
  // unhandled rejection that would end the service.
  const done = run().catch((e: unknown) => {
    log.warn({ err: errorText(e) }, 'indexing notes recorded before the lookup index stopped; the next start goes on');
    return 0;
  });
  return {
    done,
    stop() {
      stopped = true;
    },
  };
}
