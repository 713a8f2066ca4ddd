/**
 * Exact copies (issue 25, the tester's copy chain with pauses). `cp p3.md p4.md; cp p2.md p3.md;
 * rm p2.md`, each its own batch, shifts a series by one; taken as it came, p4 was announced as a new
 * note (a second message showing Part Two), p3's message was edited to Part One (shown twice, p2's
 * kept) and nothing tied them back. A batch cannot tell, when a copy appears, whether its source
 * will move on. So a file new to the store with exactly the content of a note announced and
 * published is recorded without announcing, as a copy of it (`copyOf`): nothing new to show. A copy
 * edited is announced then (decide.ts: a note never announced). When its source changes or goes,
 * the copy is read again in that batch as a file new to the store, so the source's note is found
 * moved there (rename-chain.ts: a chain from the source to the copy; rename-match.ts: a removal
 * whose content the copy has) and its messages follow, as in one batch.
 */
import path from 'node:path';
import { toRelPath } from '../notes/read.js';
import { announcedWithContent, silentCopies } from '../store/move-sources.js';
import type { KnownNote, Store } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import type { Decision } from './decide.js';

/** A note about to be announced for the first time (never announced before) while another announced note shows exactly its content: recorded as its copy. */
export function asCopy(store: Store, d: Decision, prev: NoteRow | undefined): Decision {
  if (d.action.type !== 'announce' || prev?.announced) return d;
  const source = announcedWithContent(store.sql, d.row.hash, d.row.id);
  if (source === undefined) return d;
  const row = { ...d.row, announced: false, info: { ...d.row.info, copyOf: source } };
  return { row, action: { type: 'none', why: `an exact copy of ${source}: announced once its text differs; if ${source} changes or goes, its messages follow this note` } };
}

/**
 * A batch's files with the copies of the notes it changes or removes added (absolute paths), and a
 * lookup that knows those copies as files new to the store, so rename detection may take them for
 * the source's note moved there. Copies already among the changed files are left as they are.
 */
export function withSilentCopies(store: Store, root: string, batch: { changed: readonly string[]; removed: readonly string[] }, known: (rel: string) => KnownNote | undefined): { files: string[]; known: (rel: string) => KnownNote | undefined } {
  const files = [...new Set(batch.changed)]; // a note listed twice would be decided twice: announced twice
  const listed = new Set(files.map((abs) => toRelPath(root, abs)));
  const hidden = new Set<string>();
  for (const abs of [...files, ...batch.removed]) {
    const k = known(toRelPath(root, abs));
    if (k?.state !== 'published') continue;
    for (const rel of silentCopies(store.sql, k.hash)) {
      if (listed.has(rel) || hidden.has(rel)) continue;
      hidden.add(rel);
      files.push(path.join(root, rel));
    }
  }
  return { files, known: hidden.size ? (rel) => (hidden.has(rel) ? undefined : known(rel)) : known };
}
