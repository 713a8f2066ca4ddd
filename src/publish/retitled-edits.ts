/**
 * An edit in place that changed a note's title may be half a move (issue 25, split-burst seed 31020, the old path
 * first): `mv _posts/ja/intro.md setup.md` (setup.md edited, its title kept) and a new `_posts/ja/intro.md` with
 * another title, `_posts/ja/intro.md` handed over a batch before setup.md. Decided at once, `_posts/ja/intro.md` was
 * the note retitled in place (its messages edited to show the new note), and setup.md, holding no known note's exact
 * content, a new note: posted twice. In one batch it is the note moved off its retitled path (moved-off-retitled.ts).
 * recent-edits.ts remembers an edit by the exact content before it; this remembers a retitled one by its title and
 * body too, so the batch that brings a new file keeping that title decides the edited path again with it
 * (held-rewrites.ts `withEdited`), known by its record before the edit, as one batch of the whole burst would.
 */
import type { KnownNote } from '../store/store.js';
import type { NoteInfo, NoteRow } from '../store/types.js';
import type { ParseResult } from './parse-pool.js';
import type { EditedPath } from './recent-edits.js';
import { titleIdentity } from './rename-match.js';

/** The record's info before an edit in place (`prev`, the record `before` names) when the edit changed the note's title; else undefined. */
export function retitledFrom(prev: NoteRow, before: KnownNote, result: ParseResult | undefined): NoteInfo | undefined {
  if (prev.hash !== before.hash || prev.state !== 'published' || !result?.ok) return undefined;
  return titleIdentity(prev.info.title) !== titleIdentity(result.note.title) ? prev.info : undefined;
}

/**
 * Whether a file new to the store may be where a retitled note went: its text names the title the note had. A cheap
 * look before the batch is parsed (no YAML read: a title written with escapes is missed, and the edit stays one);
 * what it lets in is decided by the batch with the whole evidence (moved-off-retitled.ts: the title and most of the body).
 */
export function namesRetitled(text: string, edits: readonly EditedPath[]): boolean {
  const inOneForm = text.normalize('NFC'); // titleIdentity's form
  return edits.some((e) => {
    const title = e.retitledFrom ? titleIdentity(e.retitledFrom.title) : '';
    return title !== '' && inOneForm.includes(title);
  });
}

/** For a batch the edited paths joined: each retitled note's record info before its edit, by note id (rename-match.ts reads the note so). */
export function infoBeforeEdits(joined: readonly EditedPath[]): (id: string) => NoteInfo | undefined {
  const byId = new Map(joined.flatMap((e) => (e.retitledFrom ? [[e.before.id, e.retitledFrom] as const] : [])));
  return (id) => byId.get(id);
}
