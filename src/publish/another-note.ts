/**
 * Whether a held rewrite (held-rewrites.ts `rewritten`: another title, most of the body new; or the title kept, the
 * note saying it is another, `sameTitleAnother`) is another note at the path, or an edit (issue 25, e25t). Its title and body alone cannot tell a short note's writer rewording its one
 * line from a new note: e25r's rule took such edits ("Second" → "Second, edited") for new notes and was reverted. So
 * the note's own evidence decides first (notes/identity.ts): a `date`, `permalink`, `slug` or family key kept (or a
 * shared tag) is the same note, one changed is another. With none written on either side, only bodies long enough to
 * judge count: both of at least JUDGED_RUNS three-word runs, titles sharing no word, under ANOTHER_BODY of the runs
 * kept. The title kept is the same note unless its identity changed (none kept) and both bodies are long enough to
 * judge and under ANOTHER_BODY kept: a weekly note re-created under its title with a new date and permalink (issue 25,
 * fx25l F2). Anything else is an edit. Pure.
 */
import { bodyOverlap, wordHashes } from '../notes/body-sketch.js';
import { identityEvidence, identityField, noteIdentitySchema, type NoteIdentity } from '../notes/identity.js';
import type { BodySketch, NoteRow } from '../store/types.js';
import type { ParseResult } from './parse-pool.js';
import { BODY_ALIKE, titleIdentity } from './rename-match.js';

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
function recordedIdentity(raw: unknown): NoteIdentity | undefined {
  const parsed = noteIdentitySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A record and its file's new content as the two sides compared, both identities read one way (the new side's as its
 * record would keep it, decide.ts); undefined when the content did not parse or the record has no well-formed body
 * sketch (no evidence).
 */
export function sidesOf(prev: NoteRow, r: ParseResult): [NoteSide, NoteSide] | undefined {
  const body = prev.info.body;
  if (!r.ok || !body || !Number.isInteger(body.n) || typeof body.mins !== 'string') return undefined;
  const before = { title: prev.info.title, body, identity: recordedIdentity(prev.info.identity) };
  return [before, { title: r.note.title, body: r.body, ...identityField(r.note.frontMatter) }];
}

/** Whether two titles share a word (body-sketch.ts words: a CJK character is one). */
function shareAWord(a: string, b: string): boolean {
  const words = new Set(wordHashes(a));
  return wordHashes(b).some((w) => words.has(w));
}

const sameTitle = (a: NoteSide, b: NoteSide): boolean => titleIdentity(a.title) === titleIdentity(b.title);
const judged = (a: NoteSide, b: NoteSide): boolean => a.body.n >= JUDGED_RUNS && b.body.n >= JUDGED_RUNS;

/** What both sides' written identities say; a side not known says nothing. */
function evidenceOf(before: NoteSide, after: NoteSide): 'kept' | 'changed' | 'none' {
  return before.identity && after.identity ? identityEvidence(before.identity, after.identity) : 'none';
}

/**
 * With the title kept, another note only when it says so and its body is new: an identity written and changed, none
 * kept (another `date` and `permalink`), and both bodies long enough to judge with under ANOTHER_BODY of the runs kept.
 * A typo fix, a date kept or a short note's line reworded stay edits.
 */
function sameTitleAnother(before: NoteSide, after: NoteSide): boolean {
  return evidenceOf(before, after) === 'changed' && judged(before, after) && bodyOverlap(before.body, after.body) < ANOTHER_BODY;
}

/**
 * Whether `after`, written at `before`'s path, is beyond recognition of it (held-rewrites.ts holds it a removal window,
 * its old content free to turn up elsewhere): most of the body new (under rename-match.ts BODY_ALIKE kept), and another
 * title or, the title kept, a note that says it is another (`sameTitleAnother`).
 */
export function beyondRecognition(before: NoteSide, after: NoteSide): boolean {
  if (bodyOverlap(before.body, after.body) >= BODY_ALIKE) return false;
  return !sameTitle(before, after) || sameTitleAnother(before, after);
}

/**
 * Of a rewrite beyond recognition (`beyondRecognition`), whether `after` is another note than `before`. A side whose identity
 * is not known gives no identity evidence; with the other side's alone, the bodies decide.
 */
export function anotherNote(before: NoteSide, after: NoteSide): boolean {
  if (sameTitle(before, after)) return sameTitleAnother(before, after);
  const evidence = evidenceOf(before, after);
  if (evidence !== 'none') return evidence === 'changed';
  if (!judged(before, after)) return false;
  return !shareAWord(before.title, after.title) && bodyOverlap(before.body, after.body) < ANOTHER_BODY;
}
