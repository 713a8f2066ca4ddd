/**
 * The rest of a rotation, on disk before the watcher reports it (issue 25, split-burst property seed 16057).
 * `mv setup-ja.md t; mv intro.md setup-ja.md; mv a/setup.md intro.md; mv t a/setup.md` (a/setup.md then edited),
 * intro.md and setup-ja.md reported a batch before a/setup.md: intro.md held exactly a/setup's note, whose own
 * file held other content already. The chain rules (rename-chain.ts) closed the rotation early, taking
 * setup-ja's note to intro.md "edited" into a/setup's exact text; a/setup.md, reported next, was an edit in
 * place of a/setup's note. Two notes then showed one text: a/setup's note was posted a second time (for intro's
 * family) and its own messages were edited to show setup-ja's note.
 *
 * The invariant: a note is taken to move only where its content (or a recognisable edit of it) went, never onto
 * a path that holds exactly another known note's content. So a batch's changed known file that holds exactly
 * another known note's content, whose own file (not in the batch) holds other content now, brings that file into
 * the batch: it is the rest of the same burst, already on disk. The batch is then decided as the one batch of the
 * whole burst would be (rename-chain.ts: each note moves to where its content went), as held-rewrites.ts
 * `withEdited` does for edited paths; the rest, reported later, is unchanged by then. Followed on: the file
 * brought in may hold yet another note's content (a longer rotation).
 *
 * A file new to the store brings its rest in alike (split-burst seed 31015): `mv setup.md _posts/ja/intro.md;
 * mv intro.md setup.md` (setup.md then edited), _posts/ja/intro.md reported a batch before the rest. Taken alone,
 * setup's note moved there (late-removals.ts: its old path holds other content), and setup.md, next, was intro's
 * note moved in: two batches, each note leaving a family whose message the other had taken, N1 posted twice.
 * A new file is read on its parse thread only (issue 31), so its digest is known once the chunk is parsed: its
 * rest is read and parsed then and joins the chunk (`parseWithRest`). Not in a first run, which knows no note.
 */
import path from 'node:path';
import { bareHashOf, readNoteTextSync, toRelPath } from '../notes/read.js';
import type { KnownNote, Store } from '../store/store.js';
import { readChangedFiles, type ChangedFile, type FolderReader } from './batch-read.js';
import { isParsed, type ParseEntry } from './parse-aside.js';

/** Above this many files (a start-up scan, read over several chunks) a batch lists every file already: nothing is looked for. */
const LOOK_AT_MOST = 500;

export interface RotationReader {
  root: string;
  realRoot: string;
  maxBytes: number;
  store: Pick<Store, 'sql'>;
}

/** A text's content as copies compare it: its digest without controls (notes/bare-text.ts), else `hash`, its own. */
const bareOf = (text: string | undefined, hash: string) => (text === undefined ? undefined : bareHashOf(text).bareHash) ?? hash;

function contentOnDisk(reader: RotationReader, rel: string): string | undefined {
  try {
    const read = readNoteTextSync(reader.root, path.join(reader.root, rel), rel, reader.maxBytes, reader.realRoot);
    return bareOf(read.text, read.hash);
  } catch {
    return undefined; // gone or unreadable: its own event decides it
  }
}

/** A changed file as `rotationRest` reads it; `bare`: its content without controls, when its parse thread gave it. */
type RestFile = ChangedFile & { bare?: string | undefined };

/**
 * The content of a changed file's new text, without controls (a file new to the store: once its parse thread read it);
 * none for a removed note's path (its own rules, replaced-deleted.ts), one unread, or one whose bytes are as recorded.
 */
function changedContent(c: RestFile, known: (rel: string) => KnownNote | undefined): string | undefined {
  const content = () => c.bare ?? bareOf(c.text, c.hash);
  if (!c.known) return c.hash ? content() : undefined;
  const k = known(c.rel);
  return !k || k.state === 'deleted' || !c.hash || c.hash === k.hash ? undefined : content();
}

/**
 * Of a batch's files as read (`changed`, each known one with the digest read here), the files of known notes
 * whose exact content one holds now while their own file, not `listed` (added to it), holds other content:
 * absolute paths, to read with the batch. The caller asks again with those once read (a longer rotation).
 * Content is compared without controls, as copies are (notes/bare-text.ts: controls never change what a message
 * shows): a note moved with controls written on its way is where its text went (by bytes, split-bursts.test.ts's
 * rotation writing controls posted a note again or left a path to another).
 */
function rotationRest(reader: RotationReader, changed: readonly RestFile[], known: (rel: string) => KnownNote | undefined, listed: Set<string>): string[] {
  const rest: string[] = [];
  // By the content indexes only (notes_hash, notes_bare_hash): one lookup per changed file.
  const sharing = (bare: string) =>
    reader.store.sql("SELECT id, file FROM notes WHERE state != 'deleted' AND ((hash = ? AND json_extract(info, '$.bareHash') IS NULL) OR json_extract(info, '$.bareHash') = ?)").all(bare, bare) as { id: string; file: string }[];
  for (const c of changed) {
    const content = changedContent(c, known);
    if (!content) continue;
    for (const { id, file } of sharing(content)) {
      if (listed.has(file) || known(file)?.id !== id) continue;
      const now = contentOnDisk(reader, file);
      if (now === undefined || now === content) continue; // gone (its removal's), or still holding it (a copy: kept-copies.ts)
      listed.add(file);
      rest.push(path.join(reader.root, file));
    }
  }
  return rest;
}

/**
 * A chunk of a batch's files read (batch-read.ts `readChangedFiles`: `at`, its start and size), with the rest of a
 * rotation they show already on disk, each file read once. Not past LOOK_AT_MOST files: the batch is read over chunks.
 */
function readWithRest(
  reader: FolderReader & RotationReader,
  files: readonly string[],
  [from, size]: [number, number],
  known: (rel: string) => KnownNote | undefined,
  o: Parameters<typeof readChangedFiles>[3],
  listed: Set<string> | undefined,
): ReturnType<typeof readChangedFiles> {
  const read = readChangedFiles(files.slice(from, from + size), known, reader, o);
  if (!listed) return read;
  for (let more = read.changed; more.length; ) {
    const extra = readChangedFiles(rotationRest(reader, more, known, listed), known, reader, o);
    read.changed.push(...extra.changed);
    read.failed.push(...extra.failed);
    read.scanned += extra.scanned;
    more = extra.changed;
  }
  return read;
}

/** What `restReader` reads with: the folder and the store, what is known of each file, and how (readChangedFiles). */
export interface RestContext {
  reader: FolderReader & RotationReader;
  known: (rel: string) => KnownNote | undefined;
  o: Parameters<typeof readChangedFiles>[3];
  /** Told of each read: what it scanned and could not read (the batch's to count and record). */
  onRead: (read: ReturnType<typeof readChangedFiles>) => void;
  /** A first scan: the store knows no note before it, no new file's rest is looked for (one lookup a file saved). */
  firstRun: boolean;
}

/**
 * A batch's files (absolute paths) read a chunk at a time, each with the rest of the rotations it shows already on
 * disk (`rotationRest`): a known file's when read, a file new to the store's once its parse thread read it
 * (`parsed`: the rest read and parsed then, joining the chunk's files and entries). Not past LOOK_AT_MOST files.
 */
export function restReader(ctx: RestContext, files: readonly string[]): { read: (from: number, size: number) => ChangedFile[]; parsed: (changed: ChangedFile[], parse: (files: ChangedFile[]) => Promise<ParseEntry[]>) => Promise<ParseEntry[]> } {
  const listed = files.length > LOOK_AT_MOST ? undefined : new Set(files.map((abs) => toRelPath(ctx.reader.root, abs)));
  const readAt = (abss: readonly string[], at: [number, number]) => {
    const read = readWithRest(ctx.reader, abss, at, ctx.known, ctx.o, listed);
    ctx.onRead(read);
    return read.changed;
  };
  return {
    read: (from, size) => readAt(files, [from, size]),
    parsed: async (changed, parse) => {
      const entries = await parse(changed);
      for (let from = 0; listed && !ctx.firstRun && from < changed.length; ) {
        const rest = rotationRest(ctx.reader, threadRead(changed, entries, from), ctx.known, listed);
        from = changed.length;
        if (!rest.length) break;
        const more = readAt(rest, [0, rest.length]);
        changed.push(...more);
        entries.push(...(await parse(more)));
      }
      return entries;
    },
  };
}

/** Of a chunk's files from `from` on, those new to the store whose parse thread read them, with the digest it read. */
function threadRead(changed: readonly ChangedFile[], entries: readonly ParseEntry[], from: number): RestFile[] {
  return changed.slice(from).flatMap((c, i) => {
    const e = entries[from + i];
    return !c.known && e && isParsed(e) && e.read ? [{ ...c, hash: e.read.hash, bare: e.ok ? (e.note.bareHash ?? e.note.hash) : undefined }] : [];
  });
}
