/**
 * A note moved and edited while a new note is written at its old path, seen in one batch (issue 25, split-burst
 * seed 31020): `mv _posts/ja/intro.md setup.md` (setup.md edited, its title kept) and a new `_posts/ja/intro.md`
 * with another title. The known path's new content lost the note's title; the new file keeps it and most of its
 * body. Read as an edit in place and a new note, the note's messages were edited to show the other note and the
 * moved note was posted a second time. A chain that starts at new content (rename-chain.ts) follows a note by its
 * exact content; this is that chain with the moved note edited on the way: the note moves to where its title went,
 * and the path it left holds a new note. As with `cp a.md b.md` and `a.md` edited (README, renames), the file that
 * keeps what the blog knows the note by is the note.
 *
 * Only where the evidence has one reading: the known path's title changed, exactly one new file of the batch keeps
 * that title with most of the note's body (rename-match.ts `sameNoteBy`), and that file is no other such path's
 * candidate. A retitle alone (no new file keeping the old title) stays an edit in place.
 */
import type { KnownNote } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import type { ChangedFile } from './batch-read.js';
import type { ParseResult } from './parse-pool.js';
import type { ChainLink } from './rename-chain.js';

/** rename-match.ts's evidence, given by it: a record's note, two titles compared as identities, and what a record and a new file share with their bodies alike (none when not). */
export interface RenameEvidence {
  storedNote: (id: string) => NoteRow | undefined;
  sameTitle: (a: string, b: string) => boolean;
  shared: (row: NoteRow, at: { rel: string; result: ParseResult & { ok: true } }) => readonly string[] | undefined;
}

/** Of a batch's changed files (`used`: paths a chain took already), each known note that moved off its retitled path, edited, as a link to where it went. */
export function movedOffRetitled(
  changed: readonly ChangedFile[],
  results: readonly ParseResult[],
  known: (rel: string) => KnownNote | undefined,
  used: ReadonlySet<string>,
  { storedNote, sameTitle, shared }: RenameEvidence,
): ChainLink[] {
  const fresh = changed.flatMap((c, i) => {
    const r = results[i];
    // A draft too (tester 23-1 F7: moved, edited and drafted at once): which note a file is does not depend on whether
    // it is to be posted; left out, the path it left was the note edited in place, its messages showing the new note.
    return !known(c.rel) && !used.has(c.rel) && r?.ok ? [{ c, r }] : [];
  });
  if (!fresh.length) return [];
  const candidates = new Map<string, { from: ChainLink[]; to: ChangedFile }>();
  changed.forEach((c, i) => {
    const k = known(c.rel), r = results[i];
    if (!k || k.state === 'deleted' || k.hash === c.hash || used.has(c.rel) || !r?.ok) return;
    const row = storedNote(k.id);
    if (row?.state !== 'published' || sameTitle(row.info.title, r.note.title)) return;
    const to = fresh.filter((f) => sameTitle(f.r.note.title, row.info.title) && shared(row, { rel: f.c.rel, result: f.r })?.includes('title'));
    if (to.length !== 1) return;
    const at = to[0]!.c;
    const entry = candidates.get(at.rel) ?? { from: [], to: at };
    entry.from.push({ from: c.rel, fromId: k.id, to: at });
    candidates.set(at.rel, entry);
  });
  return [...candidates.values()].flatMap((e) => (e.from.length === 1 ? e.from : []));
}
