/**
 * What a note's own front matter says of which note it is (issue 25, e25t): its `date`, `permalink`, `slug`,
 * family key (`translationKey`, or `ref`), `tags` and `categories`, as written. Only what the author wrote counts:
 * a date or URL derived from the file's path is the same for any note at that path, so it tells no two notes apart.
 * Kept in the note's record (publish/decide.ts) so a file re-created with another note can be told from an edit
 * once the old text is gone (publish/another-note.ts). Pure.
 */
import { z } from 'zod';
import type { FrontMatter } from './frontmatter.js';

/** Identity fields a note's front matter wrote; absent keys were not written. */
export const noteIdentitySchema = z.object({
  date: z.string().optional(),
  permalink: z.string().optional(),
  slug: z.string().optional(),
  key: z.string().optional(),
  tags: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
});

export type NoteIdentity = z.output<typeof noteIdentitySchema>;

/** The identity fields `fm` writes, or undefined when it writes none. */
export function writtenIdentity(fm: FrontMatter): NoteIdentity | undefined {
  const key = fm.translationKey ?? fm.ref;
  const id: NoteIdentity = {
    ...(fm.date ? { date: fm.date.toISOString() } : {}),
    ...(fm.permalink ? { permalink: fm.permalink } : {}),
    ...(fm.slug ? { slug: fm.slug } : {}),
    ...(key ? { key } : {}),
    ...(fm.tags?.length ? { tags: fm.tags } : {}),
    ...(fm.categories?.length ? { categories: fm.categories } : {}),
  };
  return Object.keys(id).length ? id : undefined;
}

/**
 * `{ identity }` for a note's record: `{}` when its front matter writes no identity field, so a record that has none
 * at all was written before identities were kept, and says nothing either way (another-note.ts).
 */
export function identityField(fm: FrontMatter): { identity: NoteIdentity } {
  return { identity: writtenIdentity(fm) ?? {} };
}

/** Each field a note is one of a kind by: written on one side only, or otherwise, it changed. */
const SINGLE = ['date', 'permalink', 'slug', 'key'] as const;
/** Labels many notes share: they count only when both sides wrote some, kept if any is kept. */
const LABELS = ['tags', 'categories'] as const;

/**
 * What two notes' written identities say of whether they are one note: `kept` when any field both wrote is the same
 * (a date or permalink an edit kept, a shared tag), `changed` when some field was written and none is kept (another
 * date, permalink or key; written on one side only; tags sharing none), `none` when neither wrote any.
 */
export function identityEvidence(before: NoteIdentity | undefined, after: NoteIdentity | undefined): 'kept' | 'changed' | 'none' {
  const a = before ?? {}, b = after ?? {};
  let changed = false;
  for (const f of SINGLE) {
    if (a[f] !== undefined && a[f] === b[f]) return 'kept';
    if (a[f] !== undefined || b[f] !== undefined) changed = true;
  }
  for (const f of LABELS) {
    const [x, y] = [a[f], b[f]];
    if (!x || !y) continue;
    if (x.some((t) => y.includes(t))) return 'kept';
    changed = true;
  }
  return changed ? 'changed' : 'none';
}
