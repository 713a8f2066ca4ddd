/**
 * A note's file rewritten beyond recognition may be a move's other half. `mv intro.md a/intro.md`
 * and a new intro.md written at once, with intro.md reported a batch before a/intro.md (issue 25,
 * the reverse of the model's seed 7), or a chain split over two batches (`mv b.md c.md; mv a.md
 * b.md`, b.md reported first): decided at once, the path was an edit of the note that moved, its
 * messages edited to show another note, and the moved file, reported next, a new note posted again.
 * One batch sees both halves (rename-chain.ts); two batches need the first to wait.
 *
 * So a known published note whose new content shares neither its title nor most of its body
 * (rename-match.ts BODY_ALIKE: what a move with an edit keeps), or keeps the title but says it is another
 * note with a new body (another-note.ts beyondRecognition), is held, and its old record joins
 * the pending removals (removals.ts) for as long as they wait: content or identity turning up
 * elsewhere meanwhile is that note moved (rename-match.ts), and the held file is then a new note.
 * Held files are decided first when the removals are applied: still beyond recognition of the note
 * there and another note by what it says of itself, or by a long body (another-note.ts), that note is
 * removed and the file is a new note (replaced-rewrites.ts), unless the note moved; else an edit.
 * The cost: a wholesale rewrite is announced a removal window (`publish.digest.windowMs`) later.
 *
 * An edit in place that is not held is remembered for the window (recent-edits.ts): should its
 * note's old content turn up at another path meanwhile, the batch that brings it decides the edited
 * path again with it (`withEdited`), as one batch of the whole burst would.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { KnownNote } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import type { ChangedFile } from './batch-read.js';
import type { ParseResult } from './parse-pool.js';
import type { PendingRemovals } from './removals.js';
import { beyondRecognition, sidesOf } from './another-note.js';
import { RecentEdits, removalWindowMs, type EditedPath } from './recent-edits.js';
import { readNoteTextSync, toRelPath } from '../notes/read.js';
import type { Config } from '../config/schema.js';
import { writeHeldFiles, type HeldFile } from './held-files.js';
import type { Store } from '../store/store.js';
import type { NoteInfo } from '../store/types.js';
import { infoBeforeEdits, namesRetitled, retitledFrom } from './retitled-edits.js';

/** Above this many files a batch is read over several chunks (publisher.ts): the edited paths join it without a look, which would read each file twice. */
const LOOK_AT_MOST = 500;

/** Where the notes are read from (a batch's files are looked at before they are read: `withEdited`). */
export interface NotesReader {
  realRoot: string;
  maxBytes: number;
}

/** Whether a published note's record and its file's new content are beyond recognition of each other (another-note.ts beyondRecognition): held (replaced-rewrites.ts: two notes if another-note.ts says so). */
export function rewritten(prev: NoteRow, result: ParseResult): boolean {
  if (prev.state !== 'published' || !prev.announced) return false;
  // A record without a well-formed sketch gives no evidence: decided at once, as before.
  const sides = sidesOf(prev, result);
  return sides !== undefined && beyondRecognition(...sides);
}

/** A batch's files with the edited paths that joined it, each known by its record before the edit (`withEdited`), and a retitled one's info before it. */
export interface EditedJoined {
  files: string[];
  known: (rel: string) => KnownNote | undefined;
  infoBefore?: (id: string) => NoteInfo | undefined;
}

export class HeldRewrites {
  /** Held files (absolute paths), each with the content it was held with. */
  private readonly files = new Map<string, string>();
  /** The same files as `record` is told of them (held-files.ts: `status` says them). */
  private readonly told = new Map<string, HeldFile>();
  /** Edits in place decided at once, remembered for the removal window. */
  private readonly edits: RecentEdits;

  constructor(
    private readonly root: string,
    config: Pick<Config, 'publish' | 'watch'>,
    private readonly now: () => number,
    private readonly reader: NotesReader,
    /** Where the held files are recorded whenever they change (held-files.ts), and none at first: a record an earlier run left is void. */
    private readonly store?: Pick<Store, 'getMeta' | 'setMeta'>,
  ) {
    this.edits = new RecentEdits(removalWindowMs(config), now);
    this.record([]);
  }

  private record(held: HeldFile[]): void {
    if (this.store) writeHeldFiles(this.store, held);
  }

  get size(): number {
    return this.files.size;
  }

  /**
   * For a chunk's changed files: whether to hold one, given the record it would replace (asked as
   * each is decided: the record is read once). Held: a known note rewritten beyond recognition, not
   * already explained by a rename in this batch (`renamedTo`); its old record waits with the
   * pending removals. So is a note whose file now holds another note's exact content, or another note moved over it
   * and edited (`overwritten`: kept-copies.ts overwrittenByAnother). Any other edit in place is remembered (`withEdited`), and so is every held
   * rewrite decided an edit when released (`waits` not given): a rotation whose second half comes after
   * the removal window (split-bursts.test.ts, late) brings its note's old content after that.
   * A file new to the store (no record) is held while an announced note it may be moved from is still
   * there (`beside`: rename-match.ts besideOriginal): released, it is that note moved if its file went
   * meanwhile, else a note of its own. It counts as waiting (`size`), so the service is not idle.
   */
  holder(
    changed: readonly ChangedFile[],
    results: readonly ParseResult[],
    known: (rel: string) => KnownNote | undefined,
    pending: PendingRemovals,
    renamedTo: ReadonlySet<string>,
    waits?: { overwritten: (i: number, prev: NoteRow) => boolean; beside: (i: number) => string | undefined },
  ): (i: number, prev: NoteRow | undefined) => boolean {
    return (i, prev) => {
      const c = changed[i]!;
      const original = prev ? undefined : waits?.beside(i);
      if (!prev) return original !== undefined && this.hold(c, original);
      const k = renamedTo.has(c.rel) ? undefined : known(c.rel);
      if (!k || k.hash === c.hash || k.id !== prev.id || k.state === 'deleted') return false;
      // Released (`waits` not given: the removal window's end): an edit now, remembered as any other.
      if (!waits || (!rewritten(prev, results[i]!) && !waits.overwritten(i, prev))) return (this.edits.remember(c.rel, k, c.hash, retitledFrom(prev, k, results[i])), false);
      if (!pending.has(c.rel)) pending.add(c.rel, k);
      return this.hold(c);
    };
  }

  /** `original`: a new file's, the announced note it may be moved from. */
  private hold(c: ChangedFile, original?: string): true {
    this.files.set(path.join(this.root, c.rel), c.hash);
    this.told.set(c.rel, { file: c.rel, since: this.told.get(c.rel)?.since ?? this.now(), ...(original === undefined ? {} : { original }) });
    this.record([...this.told.values()]);
    return true;
  }

  /**
   * A batch's files (absolute paths) and what the store knows of each. When the batch moves content
   * an edited path held or holds (`linked`), each path edited in place within the window and unchanged
   * since (its record the one the edit wrote) joins, known by its content before the edit
   * (recent-edits.ts); one the batch lists again is known so while it holds what the edit wrote (`reportedAgain`). Known paths count too, not only paths new to the store: a rotation's rest,
   * reported after its first path was decided an edit, comes to known paths (`mv a t; mv b a; mv c b;
   * mv t c`, a.md first): with a.md known as before, it is a cycle again. Not every batch: each one
   * within the window parsed every edited path again, a burst of k saves over n batches n·k parses
   * (issue 25, e25c: controls-property.test.ts took 18.7-25.7 s of CPU instead of 11.8-13.7 s).
   */
  withEdited(files: string[], known: (rel: string) => KnownNote | undefined): EditedJoined {
    const edits = this.edits.edited();
    const rels = new Set(files.map((f) => toRelPath(this.root, f)));
    if (!edits.length || !rels.size) return { files, known };
    const before = new Map<string, EditedPath>(), again: EditedPath[] = [];
    for (const e of edits) {
      const now = known(e.rel);
      if (now?.id !== e.before.id || now.hash !== e.hash || now.state === 'deleted') continue;
      // Its file still there: one gone meanwhile is its removal's to decide (read here, it would be recorded as unreadable).
      if (rels.has(e.rel)) again.push(e);
      else if (existsSync(path.join(this.root, e.rel))) before.set(e.rel, e);
    }
    if (!(before.size + again.length) || !this.linked(files, known, [...before.values(), ...again])) return { files, known };
    for (const e of again) if (this.reportedAgain(e)) before.set(e.rel, e);
    const joining = [...before.keys()].filter((rel) => !rels.has(rel)).map((rel) => path.join(this.root, rel));
    return { files: [...files, ...joining], known: (rel) => before.get(rel)?.before ?? known(rel), infoBefore: infoBeforeEdits([...before.values()]) };
  }

  /**
   * An edited path the batch lists again, still holding what the edit wrote: the watcher reported the burst's other
   * events for it later (@parcel/watcher hands a burst's first event over at once: the model's "moved to setup-ja.md
   * and a new _posts/ja/intro.md" case, `_posts/ja/intro.md` in both batches). It is known by its content before the
   * edit too, as a path that joins is; one saved again since is a new edit, decided from its record.
   */
  private reportedAgain(e: EditedPath): boolean {
    return this.hashOf(path.join(this.root, e.rel), e.rel) === e.hash;
  }

  /**
   * Whether a batch's file holds now exactly what an edited path held before the edit, or held before
   * exactly what an edited path holds now: the only ways an edited path is a link of a chain or cycle
   * with the batch's files (rename-chain.ts follows a note by its exact content), whatever the links
   * among the edited paths themselves (each was looked at so when the later of two came). A path saved again is
   * not linked by its own edit (a burst of saves, one batch each, would decide every edited path again each time).
   */
  private linked(files: readonly string[], known: (rel: string) => KnownNote | undefined, edits: readonly EditedPath[]): boolean {
    if (files.length > LOOK_AT_MOST) return true;
    return files.some((abs) => {
      const rel = toRelPath(this.root, abs), k = known(rel), read = this.textOf(abs, rel);
      if (read === undefined || read.hash === k?.hash) return false; // unreadable (its error is the batch's to record), or unchanged
      const others = edits.filter((e) => e.rel !== rel);
      // A new file naming a retitled note's old title may be that note moved, edited (retitled-edits.ts).
      if (!k && namesRetitled(read.text, others)) return true;
      const holds = k !== undefined && k.state !== 'deleted' ? k.hash : undefined;
      return others.some((e) => e.before.hash === read.hash || e.hash === holds);
    });
  }

  private hashOf(abs: string, rel: string): string | undefined {
    return this.textOf(abs, rel)?.hash;
  }

  private textOf(abs: string, rel: string): { text: string; hash: string } | undefined {
    try {
      return readNoteTextSync(this.root, abs, rel, this.reader.maxBytes, this.reader.realRoot);
    } catch {
      return undefined;
    }
  }

  /** The held files, relative to the root, with the content each was held with (kept-copies.ts: a copy of that content is a copy). */
  heldFiles(): { rel: string; hash: string }[] {
    return [...this.files].map(([abs, hash]) => ({ rel: toRelPath(this.root, abs), hash }));
  }

  /** Every held file, emptied (to be decided now). */
  take(): string[] {
    const all = [...this.files.keys()];
    this.files.clear();
    if (this.told.size) {
      this.told.clear();
      this.record([]);
    }
    return all;
  }
}
