/**
 * Places the coverage choice leaves free (issue 23, a short note: a list, then two plain statements
 * after it, gave the list alone and four places free). Those statements name nothing the note says
 * twice, so coverage weighs them at nothing, yet a reader given the list and empty places misses
 * them: a summary is never worse than the note's own first sentences. Pure.
 */
import type { Candidate } from './walk.js';
import { pointText, type SpanTable } from './inline.js';
import { speaksAsI, wordCount } from './tone.js';

/** Words a statement has at least to fill a place: a fragment ("See below.") says nothing alone. */
const MIN_WORDS = 4;

/**
 * Whether a sentence left out only because its words come once may fill a free place: a statement
 * of the note's own after its opening (the opening is judged by its own rule: in a note rich in
 * names, an opening naming nothing is small talk, "Happy to dig into this with you."), without an
 * exclamation or words to the reader or of the writer, not leaning on a sentence not shown
 * (`shownPos`: the positions of the points chosen), nor an alternative of a group already shown.
 */
export function fillsFreePlace(o: { c: Candidate; text: string }, spans: SpanTable, locale: string, shownPos: ReadonlySet<number>, shownGroups: ReadonlySet<number>): boolean {
  const { c } = o;
  if (c.kind !== 'sentence' || c.opening || c.chatty || c.toReader) return false;
  if (c.leansBack && !shownPos.has(c.leansOn ?? c.pos - 1)) return false;
  if (c.group !== undefined && shownGroups.has(c.group)) return false;
  const text = pointText(spans.expand(o.text));
  return wordCount(text) >= MIN_WORDS && !speaksAsI(text, locale);
}
