/**
 * Notes set aside while they parse (parse-aside.ts), decided in a batch of their own once their
 * results are in (issue 25, item 5): the notes saved with a pathological one, and the saves after
 * it, go on without waiting for its budget. What a set-aside note's decisions depend on goes with it,
 * so they are made on the same set as before: with removals waiting or rewrites held (a removal may
 * be its rename source, or a rewrite its copy) the whole chunk; with translations grouped, the notes
 * that may be of its family; always, the notes tied to it by content (a swap, a move, a copy over). The late batch reads its files again: a note whose content changed
 * meanwhile is parsed again, as any edit is, never decided on what it was.
 */
import path from 'node:path';
import { readNoteTextSync } from '../notes/read.js';
import { DisjointSets } from '../util/disjoint-sets.js';
import { isParsed, type ParseEntry } from './parse-aside.js';
import type { ParseJob, ParseResult, Parser } from './parse-pool.js';
import type { SlowNote } from './slow-notes.js';

/** What a batch read of a changed file (batch-read.ts ChangedFile): its text when read here, else its path, read on a parse thread. */
interface LateFile {
  rel: string;
  text?: string | undefined;
  path?: string | undefined;
  hash: string;
}

/** Where a batch reads its files (batch-read.ts FolderReader). */
interface FolderReader {
  root: string;
  realRoot: string;
  maxBytes: number;
}

/** A set-aside note's result by the digest of the text it was parsed from. */
export type PreParsed = ReadonlyMap<string, { hash: string; result: ParseResult }>;

/** A late batch: its files (absolute), their results, and when the watcher reported the batch they came in. */
export interface LateBatch {
  files: string[];
  preParsed: PreParsed;
  reportedAt: number | undefined;
}

interface Group {
  notes: { changed: LateFile; entry: ParseEntry }[];
  reportedAt: number | undefined;
}

/** What a set-aside note takes with it (see above). */
export interface Dependence {
  whole: boolean;
  grouped: boolean;
  /** The content digest the store's record of a path holds: a note holding exactly what another's path held is tied to it (`tiedByContent`). */
  recorded?: ((rel: string) => string | undefined) | undefined;
}

export class LateNotes {
  /** Set-aside notes' files (relative) → their group's files a later batch took (`take`). */
  private readonly aside = new Map<string, Set<string>>();
  /** When each set-aside note was set aside (slow-notes.ts: `status` says them). */
  private readonly since = new Map<string, number>();
  /** The digest of the text each set-aside note is parsed from, once known (`take`): its batch's, or its thread's read. */
  private readonly parsedHash = new Map<string, () => string | undefined>();

  /** `root`: the notes folder; `ready`: given a late batch once all its notes' results are in; `changed`: told the notes set aside whenever they change, with those just set aside. */
  constructor(
    private readonly root: string,
    private readonly ready: (late: LateBatch) => void,
    private readonly changed: (now: SlowNote[], added: string[]) => void = () => undefined,
  ) {}

  private tell(added: string[] = []): void {
    for (const rel of this.since.keys()) if (!this.aside.has(rel)) this.since.delete(rel);
    this.changed([...this.since].map(([file, since]) => ({ file, since })), added);
  }

  /** Notes set aside whose batch is not queued yet. */
  get size(): number {
    return this.aside.size;
  }

  /** Their files (absolute). */
  files(): string[] {
    return [...this.aside.keys()].map((rel) => path.join(this.root, rel));
  }

  /**
   * A batch's paths (absolute): those set aside are its now, on their content now (an edit of a slow note is not held
   * back by the parse of what it was), and their late batch leaves them out. But one whose file still holds the text it
   * is parsed from stays aside, and the batch leaves it out (returned): a report that changed nothing (the same text
   * saved again, a touch, a look-over's second report of a note written just before the watcher listed its folder) would
   * else parse it again, past its soft bound, and set it aside twice (issue 25: slow-note-scan.test.ts's CI failure).
   */
  take(paths: readonly string[], reader: FolderReader): Set<string> {
    const left = new Set<string>();
    if (!this.aside.size) return left;
    for (const abs of paths) {
      const rel = path.relative(this.root, abs).split(path.sep).join('/');
      const group = this.aside.get(rel);
      if (!group) continue;
      if (holdsText(reader, abs, rel, this.parsedHash.get(rel)?.())) {
        left.add(abs);
        continue;
      }
      group.add(rel);
      this.aside.delete(rel);
      this.parsedHash.delete(rel);
    }
    this.tell();
    return left;
  }

  /** Sets a group of notes aside (`splitLate`) until all their results are in. */
  add(notes: Group['notes'], reportedAt: number | undefined): void {
    const taken = new Set<string>();
    const at = Date.now();
    for (const { changed: c, entry } of notes) {
      this.aside.set(c.rel, taken);
      this.since.set(c.rel, at);
      this.parsedHash.set(c.rel, () => c.hash || (isParsed(entry) ? entry.read?.hash : entry.readHash));
    }
    this.tell(notes.map((n) => n.changed.rel));
    void Promise.all(notes.map((n) => (isParsed(n.entry) ? n.entry : n.entry.result))).then((results) => {
      for (const { changed: c } of notes) {
        if (taken.has(c.rel)) continue;
        this.aside.delete(c.rel);
        this.parsedHash.delete(c.rel);
      }
      this.tell();
      const left = notes.flatMap((n, i) => (taken.has(n.changed.rel) ? [] : [{ n, r: results[i]! }]));
      if (left.length) this.ready(lateBatch(this.root, { notes: left.map((l) => l.n), reportedAt }, left.map((l) => l.r)));
    });
  }
}

/**
 * A chunk's parse: the notes to decide now; those still parsing, and those depending on them, set
 * aside in `late` (without it, every entry is a result: Parser.parse).
 */
export function splitLate<C extends LateFile>(late: LateNotes | undefined, changed: C[], entries: ParseEntry[], dep: Dependence, reportedAt: number | undefined): { changed: C[]; results: ParseResult[] } {
  const groups = lateGroups(changed, entries, dep);
  if (!groups.length || !late) return { changed, results: entries.filter(isParsed) };
  for (const g of groups) late.add(g.map((i) => ({ changed: changed[i]!, entry: entries[i]! })), reportedAt);
  const later = new Set(groups.flat());
  const now = changed.flatMap((c, i) => (later.has(i) ? [] : [{ c, r: entries[i]! }]));
  return { changed: now.map((n) => n.c), results: now.map((n) => n.r).filter(isParsed) };
}

/** A chunk's jobs parsed: a set-aside note's result taken as it is when its file still holds the text it was parsed from, else parsed again. */
export async function parseChunk<C extends LateFile>(parser: Parser, changed: C[], jobOf: (c: C) => ParseJob, o: { reader: FolderReader; preParsed?: PreParsed | undefined; aside: boolean }): Promise<ParseEntry[]> {
  const known = changed.map((c) => preParsedOf(c, o.reader, o.preParsed));
  const toParse = changed.filter((_, i) => !known[i]).map(jobOf);
  const parsed = !toParse.length ? [] : o.aside ? await parser.parseAside(toParse) : await parser.parse(toParse);
  let next = 0;
  return known.map((k) => k ?? parsed[next++]!);
}

/** Whether the note's file holds the text of digest `hash` now (unknown digest, or unreadable: no). */
function holdsText(reader: FolderReader, abs: string, rel: string, hash: string | undefined): boolean {
  if (!hash) return false;
  try {
    return readNoteTextSync(reader.root, abs, rel, reader.maxBytes, reader.realRoot).hash === hash;
  } catch {
    return false; // gone or unreadable: the batch reads it, and says why
  }
}

function preParsedOf(c: LateFile, reader: FolderReader, preParsed: PreParsed | undefined): ParseResult | undefined {
  const pre = preParsed?.get(c.rel);
  if (!pre) return undefined;
  if (c.text !== undefined) return c.hash === pre.hash ? pre.result : undefined;
  try {
    // A file the store has no record of is read on a parse thread: its digest is taken here to compare.
    return readNoteTextSync(reader.root, c.path!, c.rel, reader.maxBytes, reader.realRoot).hash === pre.hash ? pre.result : undefined;
  } catch {
    return undefined; // unreadable now: parsed again, which says why
  }
}

/**
 * The chunk's notes that go later, in groups decided together: each note still parsing, with what
 * depends on it (see above); a group is decided once all its notes are parsed.
 */
function lateGroups(changed: LateFile[], entries: ParseEntry[], dep: Dependence): number[][] {
  const slow = entries.flatMap((e, i) => (isParsed(e) ? [] : [i]));
  if (!slow.length) return [];
  if (dep.whole) return [[...changed.keys()]];
  return tiedByContent(changed, entries, dep.grouped ? familyGroups(changed, entries, slow) : slow.map((i) => [i]), dep.recorded);
}

/** The groups of a chunk's slow notes (`slow`, indices) by family: a note that may be of a slow note's family goes with it. */
function familyGroups(changed: LateFile[], entries: ParseEntry[], slow: number[]): number[][] {
  // A slow note's family is not known before it is parsed: its file name's is, the key it has without a `translationKey`.
  const stems = new DisjointSets<string>(); // the slow notes' stems, joined when one note is of two of their families
  for (const i of slow) stems.add(familyStem(changed[i]!.rel));
  const joins = entries.map((e, i) => [...new Set([familyStem(changed[i]!.rel), ...(isParsed(e) && e.ok ? [e.note.translationKey.toLowerCase()] : [])])].filter((k) => stems.has(k)));
  // A parsed note of two slow notes' families (its file name one's, its key the other's): both decided with it.
  for (const ks of joins) for (const k of ks.slice(1)) stems.join(ks[0]!, k);
  const groups = new Map<string, number[]>();
  joins.forEach((ks, i) => {
    if (ks.length) groups.set(stems.root(ks[0]!), [...(groups.get(stems.root(ks[0]!)) ?? []), i]);
  });
  return [...groups.values()];
}

/**
 * The groups widened to the notes tied to theirs by content (issue 25, tester 18: posted a.md and b.md swapped in one
 * save, b.md slow; a.md, holding exactly b's content, decided alone was an edit of a into b's text, and b past its
 * budget left it so: b shown twice). A note whose content is exactly what another chunk note's record holds (a swap,
 * a move, a copy over) is decided with it, as one batch would: never on half of the save. `recorded`: the digest a
 * path's record holds (none: the groups as they are).
 */
function tiedByContent(changed: LateFile[], entries: ParseEntry[], groups: number[][], recorded: Dependence['recorded']): number[][] {
  if (!recorded) return groups;
  const sets = new DisjointSets<number>(); // the chunk's notes, by index
  const root = (i: number): number => sets.root(i);
  const join = (i: number, j: number) => sets.join(i, j);
  for (const g of groups) for (const i of g.slice(1)) join(g[0]!, i);
  const heldBefore = new Map<string, number[]>(); // a record's digest → the chunk's notes whose path held it
  changed.forEach((c, i) => {
    const h = recorded(c.rel);
    if (h) heldBefore.set(h, [...(heldBefore.get(h) ?? []), i]);
  });
  changed.forEach((c, i) => {
    const e = entries[i]!;
    const now = c.hash || (isParsed(e) ? e.read?.hash : undefined); // a file read on a thread has its digest from that read
    for (const j of (now && heldBefore.get(now)) || []) if (j !== i) join(j, i);
  });
  const late = new Set(groups.flat().map(root));
  const out = new Map<number, number[]>();
  changed.forEach((_, i) => {
    if (late.has(root(i))) out.set(root(i), [...(out.get(root(i)) ?? []), i]);
  });
  return [...out.values()];
}

function lateBatch(root: string, group: Group, results: ParseResult[]): LateBatch {
  const preParsed = new Map<string, { hash: string; result: ParseResult }>();
  group.notes.forEach(({ changed: c }, i) => {
    const r = results[i]!;
    const hash = c.text !== undefined ? c.hash : r.read?.hash;
    if (hash) preParsed.set(c.rel, { hash, result: r });
  });
  return { files: group.notes.map(({ changed: c }) => c.path ?? path.join(root, c.rel)), preParsed, reportedAt: group.reportedAt };
}

/** A file name without its extension and a language suffix (`setup-ja.md` → `setup`): the family key it has by default, or a wider one. */
function familyStem(rel: string): string {
  return path.posix.basename(rel).replace(/\.[^.]+$/, '').replace(/[-_.][a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/i, '').toLowerCase();
}

