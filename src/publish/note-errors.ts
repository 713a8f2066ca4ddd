/**
 * Notes that could not be read, parsed or processed, and paths not read on purpose: recorded like a note with bad front
 * matter, so `status` lists them as `check` does. A broken edit keeps the note's last good state; only the error is recorded.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { errorText, NoteError } from '../errors.js';
import type { Logger } from '../log.js';
import { contentHash, noteIdOf, readNoteTextSync, toRelPath, type ReadOptions } from '../notes/read.js';
import type { Store } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import { noteErrorRecord } from './summary-maker.js';

export interface NoteErrorsDeps {
  root: string;
  store: Store;
  read: ReadOptions;
  log: Logger;
  /** The folder notes.dir leads to now (the publisher's reader looks it up each batch). */
  realRoot: () => string;
  /** Writes a note's record as the publisher does (its batch's family reads are told of it). */
  putNote: (row: NoteRow) => void;
}

export class NoteErrors {
  constructor(private readonly deps: NoteErrorsDeps) {}

  /** A note that made its batch fail for a reason of its own: recorded as its error, so the rest goes on (under no content digest: a failure of the moment is no error of that content, see batch-read.ts). */
  recordFailure(abs: string, e: unknown): void {
    const rel = toRelPath(this.deps.root, abs);
    let hash: string | undefined;
    try {
      hash = readNoteTextSync(this.deps.root, abs, rel, this.deps.read.maxBytes, this.deps.realRoot()).hash;
    } catch {
      // unreadable now: the error is recorded without a digest
    }
    this.recordError(rel, new NoteError(rel, `could not be processed: ${errorText(e)}`), hash && contentHash(`failed:${hash}`));
  }

  /** Files that could not be read (a file gone meanwhile is no error); returns how many. */
  recordUnreadable(failed: { rel: string; error: unknown }[]): number {
    for (const { rel, error } of failed) if (existsSync(path.join(this.deps.root, rel))) this.recordError(rel, error, contentHash(`unreadable:${errorText(error)}`));
    else this.recordError(rel, error, undefined, true);
    return failed.length;
  }

  /** A path that is not read on purpose (a symlink leading outside the folder): its reason shows in `status`. */
  recordSkipped(abs: string, why: string): void {
    const rel = toRelPath(this.deps.root, abs);
    this.recordError(rel, new NoteError(rel, why), contentHash(`skipped:${why}`));
  }

  /** `gone`: the file vanished before it could be read (renamed or removed right after a save): no fault of the note, not an error. */
  recordError(rel: string, e: unknown, hash?: string, gone = false): void {
    const message = e instanceof NoteError ? e.format() : `${rel}: ${errorText(e)}`;
    if (gone) this.deps.log.info({ file: rel, err: message }, 'note not read: its file was removed or renamed before it could be read; its removal or new name is handled as the watcher reports it');
    else this.deps.log.error({ file: rel, err: message }, 'note skipped: cannot read it');
    const id = noteIdOf(rel);
    const prev = this.deps.store.getNote(id);
    // A broken edit keeps the note's last good state; only the error is recorded (with its digest for a note never read well), at the file read (a rename moved the id only).
    if (prev) this.deps.putNote({ ...prev, file: rel, error: message, hash: prev.state === 'error' && hash ? hash : prev.hash });
    else if (hash) this.deps.putNote(noteErrorRecord(rel, hash, message));
  }
}
