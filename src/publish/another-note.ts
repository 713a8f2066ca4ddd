/**
 * Whether a held rewrite (held-rewrites.ts `rewritten`: another title, most of the body new) is another note at the
 * path, or an edit (issue 25, e25t). Its title and body alone cannot tell a short note's writer rewording its one
 * line from a new note: e25r's rule took such edits ("Second" → "Second, edited") for new notes and was reverted. So
 * the note's own evidence decides first (notes/identity.ts): a `date`, `permalink`, `slug` or family key kept (or a
 * shared tag) is the same note, one changed is another. With none written on either side, only bodies long enough to
 * judge count: both of at least JUDGED_RUNS three-word runs, titles sharing no word, under ANOTHER_BODY of the runs
 * kept. Anything else is an edit. Pure.
 */
import { bodyOverlap, wordHashes } from '../notes/body-sketch.js';
import { identityEvidence, noteIdentitySchema, type NoteIdentity } from '../notes/identity.js';
import type { BodySketch } from '../store/types.js';

/**
 * A body's distinct three-word runs (body-sketch.ts `n`) for a rewrite with no identity evidence to be judged: about
 * 40 words, a paragraph. The corpus's shortest note has 81; the tests' one-line notes, whose edits reword their one
 * sentence and title, have under 20.
 */
export const JUDGED_RUNS = 40;

/**
 * Under this share of the runs kept, long bodies are two notes. Of 2,192 pairs of corpus notes of different families
 * the most alike share 0.30 (Japanese, character runs); rename-match.ts BODY_ALIKE (0.6) is what a move with an edit keeps.
 */
const ANOTHER_BODY = 0.4;

/** One side of the comparison: a note's title, body sketch and written identity (undefined: not known, a record from before identities were kept). */
export interface NoteSide {
  title: string;
  body: BodySketch;
  identity: NoteIdentity | undefined;
}

/** A record's identity, read from the store's JSON: absent or malformed, not known. */
export function recordedIdentity(raw: unknown): NoteIdentity | undefined {
  const parsed = noteIdentitySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Whether two titles share a word (body-sketch.ts words: a CJK character is one). */
function shareAWord(a: string, b: string): boolean {
  const words = new Set(wordHashes(a));
  return wordHashes(b).some((w) => words.has(w));
}

/**
 * Of a rewrite beyond recognition (`rewritten`), whether `after` is another note than `before`. A side whose identity
 * is not known gives no identity evidence; with the other side's alone, the bodies decide.
 */
export function anotherNote(before: NoteSide, after: NoteSide): boolean {
  if (before.identity && after.identity) {
    const evidence = identityEvidence(before.identity, after.identity);
    if (evidence !== 'none') return evidence === 'changed';
  }
  if (before.body.n < JUDGED_RUNS || after.body.n < JUDGED_RUNS) return false;
  return !shareAWord(before.title, after.title) && bodyOverlap(before.body, after.body) < ANOTHER_BODY;
}
