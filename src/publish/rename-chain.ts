/**
 * Renames in a chain (issue 25, round 4, finding 1). `mv part-2.md part-3.md; mv part-1.md part-2.md`
 * in one batch leaves the path part-2.md known with its content changed to exactly what part-1.md
 * had, and part-2's old content at a new path: taken as an edit of part-2 and a new part-3, Part two
 * was posted again and part-2's message showed Part one. So a known path whose new content is
 * exactly (digest) a note that went away in this batch, while its own old content turns up at
 * another changed path, is a link of a chain: each note moves to where its content went, the one at
 * the chain's end first (a note's id is its path: the next one's id must be free), so every message
 * follows the note it was posted for, whatever the family. A chain whose last note's content turns
 * up nowhere is an overwrite (`mv part-1.md part-2.md` alone), left an edit as before.
 *
 * A chain may also start at new content (issue 25, the model's seed 7): `mv intro.md a/intro.md`
 * and a new intro.md written in one batch left intro.md known with new content and its old content,
 * exactly, at a path new to the store. Taken as an edit of intro and a new note a/intro, the moved
 * note was announced a second time. Its content says where it went: it moves there, and the path it
 * left holds a new note (`freedPaths`). A copy and an edit of the original in one batch (`cp a.md
 * b.md`, then a.md edited) reads the same way: a's message then shows b, unchanged, and the edited
 * a.md is posted as a new note, where the edit reading posted a's old text a second time (as b).
 */
import type { KnownNote } from '../store/store.js';
import type { ChangedFile } from './batch-read.js';
import { newToStore } from './new-to-store.js';
import type { PendingRemovals } from './removals.js';

/** Whether the note of id `id` is recognisable in the changed file `at` (its title there, or most of its body), or `at` holds a note moved in from outside the batch (rename-match.ts). */
export type RecognisedAt = (id: string, at: ChangedFile) => boolean;

/**
 * Whether the changed file `at` is the note of id `id` moved there and edited, by README's identity rule (renames): a
 * name, title or URL shared, and most of the body kept (rename-match.ts sameNoteBy). Stricter than `RecognisedAt`,
 * which the chain's start may use: there the path itself is shared.
 */
export type SameNoteAt = (id: string, at: ChangedFile) => boolean;

/**
 * The content a changed file new to the store was kept back with as a copy (kept-copies.ts), its claim due in this
 * batch; undefined for any other file. The model's seed 1201 (copy-keys property): `setup-ja.md` copied to
 * `_posts/ja/setup.md`, then both saved in one batch (an outage): read as a new note and an edit, the original's
 * messages showed its edit, where a batch apart (the original first) they follow the copy, edited to its text.
 */
export type KeptWith = (c: ChangedFile) => string | undefined;

/** One note moved along a chain: from its old path (and id) to the changed file that has its content now. */
export interface ChainLink {
  from: string;
  fromId: string;
  to: ChangedFile;
}

/**
 * The chains among a batch's changed files, each as renames in the order they must be applied
 * (last link first). `taken`: pending removals already explained (they are added to it).
 */
export function chainRenames(
  changed: readonly ChangedFile[],
  known: (rel: string) => KnownNote | undefined,
  pending: PendingRemovals,
  taken: Set<string>,
  recognised: RecognisedAt,
  sameNoteAt: SameNoteAt = () => false,
  keptWith: KeptWith = () => undefined,
): ChainLink[] {
  // Known paths whose content changed: their old note may have moved on.
  const vacated = new Map<string, KnownNote>();
  for (const c of changed) {
    const k = known(c.rel);
    if (k && k.state !== 'deleted' && k.hash !== c.hash) vacated.set(c.rel, k);
  }
  if (!vacated.size) return [];
  const byHash = new Map<string, ChangedFile[]>();
  for (const c of changed) byHash.set(c.hash, [...(byHash.get(c.hash) ?? []), c]);
  // A copy kept back whose claim is due, edited in the same batch as its original: read as if written when the original
  // changed (README: the message follows the copy), it holds, for the chain, the content it was kept back with.
  for (const c of changed) {
    const kept = keptWith(c);
    if (kept !== undefined && kept !== c.hash && !byHash.has(kept)) byHash.set(kept, [c]);
  }
  const used = new Set<string>();
  const movedContent = new Set([...vacated.values()].map((k) => k.hash));
  const walk: Walk = { vacated, byHash, used, waitsAsRemoval: (rel) => pending.has(rel), newToStore: (c) => !c.known || newToStore(known(c.rel), c) };
  walk.editedOnto = editedOnto(changed, walk, (c) => movedContent.has(c.hash) || pending.byHash(c.hash, taken) !== undefined, sameNoteAt);
  const links: ChainLink[] = [];
  const take = (c: ChangedFile, head?: ChainLink) => {
    const chain = follow(c, walk, false, head !== undefined);
    if (!chain) return;
    for (const l of chain) used.add(l.to.rel);
    used.add(c.rel);
    links.push(...chain.reverse(), ...(head ? [head] : []));
    if (head) taken.add(head.from);
  };
  // Chains that start at a removed note, whose content is now at a known path.
  for (const c of changed) {
    if (!vacated.has(c.rel) || used.has(c.rel)) continue;
    const head = pending.byHash(c.hash, taken);
    if (head && head.rel !== c.rel) take(c, { from: head.rel, fromId: head.known.id, to: c });
  }
  // Chains that start at new content: no removed note's and no moved note's (a link further on, or a swap). Not where a
  // removed note held exactly the old content too: that note moved, and this path was edited in place (review rv32-c
  // R1: `a/setup.md`, a copy of `b/setup.md` that took its messages on b's edit, moved to `a/intro.md` within the
  // window; b/setup.md, joining as edited (held-rewrites.ts withEdited), was read as moved there, every message swapped).
  for (const c of changed) {
    if (vacated.has(c.rel) && !used.has(c.rel) && !movedContent.has(c.hash) && !pending.byHash(c.hash, taken) && !pending.byHash(vacated.get(c.rel)!.hash, taken)) take(c);
  }
  // Chains that turn back to where they started: notes swapped (`mv a t; mv b a; mv t b`), each path
  // holding another's exact content. Each note moves to where its content went (the publisher moves
  // one of them out of the way first: a cycle has no free id to start at), so every message follows
  // the note it was posted for instead of being edited to show the other (the model's swap).
  for (const c of changed) {
    if (!vacated.has(c.rel) || used.has(c.rel)) continue;
    const cycle = follow(c, walk, true);
    if (!cycle) continue;
    for (const l of cycle) used.add(l.to.rel);
    links.push(...cycle);
  }
  // Swaps with an edit: `mv a t; mv b a; mv t b`, then a.md edited. a's old content is at b, b's old
  // content nowhere, a's new content nobody's. Read as edits, both messages switched to show the other
  // note; read as a swap whose last link was edited, a's message follows its unchanged note to b and
  // b's message shows its note's new text at a. Only if b's note is recognisable at a (its title, or
  // most of its body: `recognised`), or a holds exactly another note whose file changed since (a rotation's
  // rest, not reported yet): `mv a b` over b and a new note at a (the tester's round 13) looks the same
  // on disk, and there b's note was overwritten (removed) and a.md is a new note, posted.
  for (const c of changed) {
    if (!vacated.has(c.rel) || used.has(c.rel) || movedContent.has(c.hash) || pending.byHash(c.hash, taken)) continue;
    const closed = follow(c, walk, recognised);
    if (!closed) continue;
    for (const l of closed) used.add(l.to.rel);
    links.push(...closed);
  }
  return links;
}

/** Paths a chain moved a note away from and none onto: each holds a new note now (a chain that started at new content). */
export function freedPaths(links: readonly ChainLink[]): Set<string> {
  const onto = new Set(links.map((l) => l.to.rel));
  return new Set(links.map((l) => l.from).filter((rel) => !onto.has(rel)));
}

/**
 * What a chain is followed through: `waitsAsRemoval`, whether a path's note waits with the pending removals;
 * `newToStore`, whether a changed path holds no note of the store (a deleted note's path counts: new-to-store.ts).
 */
interface Walk {
  vacated: ReadonlyMap<string, KnownNote>;
  byHash: ReadonlyMap<string, ChangedFile[]>;
  used: ReadonlySet<string>;
  waitsAsRemoval: (rel: string) => boolean;
  newToStore: (c: ChangedFile) => boolean;
  /** Where a note whose content is at no changed path went, edited (`editedOnto`), the paths the chain passed aside. */
  editedOnto?: (id: string, passed: ReadonlySet<string>) => ChangedFile | undefined;
}

/**
 * A rotation's link whose note was also edited (the split property's seed 31108: `mv a t; mv b a; mv c b; mv t c`, b's
 * note edited on its way): its content is at no changed path exactly, and the chain broke off there, the note posted
 * again at its new path. It went to the one changed file that is it by the identity rule (`sameNoteAt`) among those
 * holding content of no note's (not a moved note's exact content, nor a removed one's), whose own note, if any, is not
 * the one edited there in place; none or several: the chain breaks off as before.
 */
function editedOnto(changed: readonly ChangedFile[], walk: Walk, someonesContent: (c: ChangedFile) => boolean, sameNoteAt: SameNoteAt): NonNullable<Walk['editedOnto']> {
  return (id, passed) => {
    const found = changed.filter((c) => {
      if (passed.has(c.rel) || walk.used.has(c.rel) || someonesContent(c) || !sameNoteAt(id, c)) return false;
      const own = walk.vacated.get(c.rel);
      return own ? !sameNoteAt(own.id, c) : walk.newToStore(c);
    });
    return found.length === 1 ? found[0] : undefined;
  };
}

/**
 * From a path whose note moved on, the links to the chain's end (a path new to the store, a deleted note's
 * among them: seed 31020's chain onto the path of a note deleted before broke off there, and the note moved was
 * posted again; or one whose note went nowhere and waits as a removal: overwritten, held by held-rewrites.ts, its removal decided as any
 * other's; the tester's round 13 rotation `mv c t; mv b c; mv a b; rm t`, a new a); undefined if it breaks
 * off or turns back. With `cycle`, only a chain that turns back to `start` (its last link onto it);
 * with a `RecognisedAt`, only one whose last note's content is in no changed file and which is recognisable
 * at `start`: that note goes to `start` (edited there). Without, a note whose content is in no changed file, off a
 * path another note's content took (`startTaken`: `start`'s is a removed note's), goes on where it is, edited (`editedOnto`).
 */
function follow(start: ChangedFile, { vacated, byHash, used, waitsAsRemoval, newToStore: free, editedOnto: edited }: Walk, cycle: boolean | RecognisedAt = false, startTaken = false): ChainLink[] | undefined {
  const chain: ChainLink[] = [];
  const seen = new Set([start.rel]);
  for (let at = start; ; ) {
    const old = vacated.get(at.rel)!;
    const onto = byHash.get(old.hash) ?? [];
    if (cycle === true && at !== start && onto.some((d) => d.rel === start.rel)) return [...chain, { from: at.rel, fromId: old.id, to: start }];
    if (typeof cycle === 'function' && at !== start && !onto.length && cycle(old.id, start)) return [...chain, { from: at.rel, fromId: old.id, to: start }];
    // Followed edited only from a path another note's exact content took (its note surely left): at new content, it may be that note's edit in place.
    const next = onto.find((d) => !seen.has(d.rel) && !used.has(d.rel)) ?? (!cycle && !onto.length && (at !== start || startTaken) ? edited?.(old.id, seen) : undefined);
    if (!next) return !cycle && !onto.length && waitsAsRemoval(at.rel) ? chain : undefined;
    chain.push({ from: at.rel, fromId: old.id, to: next });
    if (!vacated.has(next.rel)) return !free(next) || cycle ? undefined : chain;
    seen.add(next.rel);
    at = next;
  }
}
