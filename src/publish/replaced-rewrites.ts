/**
 * A path re-created with another note (issue 25: `rm a.md` and an unrelated new `a.md` within the quiet period, which
 * the watcher reports as one change of a.md). Its note's record and the new content share neither the title nor most
 * of the body (held-rewrites.ts `rewritten`), so the file was held a removal window, its note's old content free to
 * turn up elsewhere (a move). Still so when the window ends, and another note by the README's rule (another-note.ts:
 * its date, permalink, slug or key changed, or, with none written, long bodies with nothing in common), it is two notes,
 * as a removal and a new file are: the note that was there is removed (`publish.onDelete`: its messages kept, or
 * deleted) and its record set aside (rename-apply.ts), so the file is decided as a note new to the store, announced.
 * Taken for an edit, its messages were edited to show another note (the old title, link and text gone from the chat).
 * Any other held rewrite is an edit: a short note's writer rewording its title and line made one.
 */
import { applyRenames } from './rename-apply.js';
import { rewritten } from './held-rewrites.js';
import { anotherNote, sidesOf } from './another-note.js';
import type { CopyDeps } from './kept-copies.js';
import type { ChangedFile } from './batch-read.js';
import type { ParseResult } from './parse-pool.js';
import type { NoteRow } from '../store/types.js';

/** Whether the file's new content is another note than the record its path held (a rewrite beyond recognition, and `anotherNote`). */
function replacedBy(prev: NoteRow, r: ParseResult): boolean {
  const sides = rewritten(prev, r) ? sidesOf(prev, r) : undefined;
  return sides !== undefined && anotherNote(...sides);
}

/**
 * The held files (the removal window's end) whose content is another note: `remove` decides their note's removal; each
 * file is then new to the store. After the batch's renames (`renamedTo`): a file a note was found moved to is that note,
 * and one whose note moved away holds no record of its own to remove.
 */
export function replaceRewritten(deps: Pick<CopyDeps, 'store' | 'log'>, changed: readonly ChangedFile[], parsed: readonly ParseResult[], renamedTo: ReadonlySet<string>, remove: (rel: string) => void): void {
  changed.forEach((c, i) => {
    const r = parsed[i], prev = c.known && r?.ok && !renamedTo.has(c.rel) ? deps.store.getNote(r.note.id) : undefined;
    if (!r || !prev || prev.file !== c.rel || !replacedBy(prev, r)) return;
    deps.log.info({ file: c.rel, was: prev.info.title, now: r.ok ? r.note.title : undefined }, `${c.rel} holds another note now (another body, and another date, permalink or key, or another title and a long body with nothing in common): the note that was there is taken as removed (publish.onDelete) and the file is announced as a new note`);
    remove(c.rel);
    applyRenames(deps.store, [], [prev.id]);
    c.known = false;
  });
}
