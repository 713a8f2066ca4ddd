/**
 * Keeps a `NoteSearch` in step with the store: the publisher's note events update it one note at a
 * time, and at start-up the notes it has not seen are read in the background.
 */
import path from 'node:path';
import type { Logger } from '../log.js';
import { readNoteFile, type ReadOptions } from '../notes/read.js';
import { noteInfo } from '../notes/info.js';
import type { Store } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import { NoteSearch } from './index.js';
import { bodyText } from '../summary/body.js';

export interface LiveIndex {
  search: NoteSearch;
  onNote(row: NoteRow, body?: string): void;
  onRemoved(id: string): void;
  /** Indexes every published note not indexed yet; resolves when done or stopped. */
  fill(store: Store): Promise<number>;
  /** Stops a running fill (at shutdown, before the store closes). */
  stop(): void;
}

export function createLiveIndex(root: string, read: ReadOptions, log: Logger): LiveIndex {
  const search = new NoteSearch();
  const removed = new Set<string>();
  let stopped = false;
  // Index updates wait in a queue drained a few at a time, so a batch of thousands of notes
  // (a cold start) never holds up `ready`, deliveries or commands. Latest entry per note wins.
  const queue = new Map<string, { row: NoteRow; body?: string | undefined }>();
  let draining = false;

  const indexFromFile = async (row: Pick<NoteRow, 'id' | 'file'>): Promise<boolean> => {
    try {
      const { note, tokens } = await readNoteFile(root, path.join(root, row.file), read);
      search.upsert({ id: row.id, info: noteInfo(note), body: bodyText(tokens) });
      return true;
    } catch (e) {
      log.debug({ note: row.id, err: String(e) }, 'not indexed');
      return false;
    }
  };

  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      while (queue.size && !stopped) {
        let n = 0;
        for (const [id, { row, body }] of queue) {
          queue.delete(id);
          if (body !== undefined) search.upsert({ id: row.id, info: row.info, body });
          else await indexFromFile(row);
          if (++n >= 10) break;
        }
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      draining = false;
    }
  };

  return {
    search,
    onNote(row, body) {
      removed.delete(row.id);
      if (row.state !== 'published') {
        queue.delete(row.id);
        search.remove(row.id);
        return;
      }
      // A huge backlog (a cold start) keeps no bodies in memory; those notes are re-read when indexed.
      queue.set(row.id, { row, body: queue.size < 2000 ? body : undefined });
      void drain();
    },
    onRemoved(id) {
      removed.add(id);
      queue.delete(id);
      search.remove(id);
    },
    async fill(store) {
      let n = 0;
      await new Promise((r) => setImmediate(r)); // after start-up has returned
      for (const row of store.publishedFiles()) {
        if (stopped) break;
        // The publisher's events are newer than this pass: they win.
        if (search.has(row.id) || queue.has(row.id) || removed.has(row.id)) continue;
        if (await indexFromFile(row)) n++;
        // Small steps, so deliveries and commands never wait long behind indexing.
        if (n % 10 === 0) await new Promise((r) => setImmediate(r));
      }
      await drain();
      while (draining && !stopped) await new Promise((r) => setTimeout(r, 20));
      return n;
    },
    stop() {
      stopped = true;
    },
  };
}
