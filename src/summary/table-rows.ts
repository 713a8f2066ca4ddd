/**
 * Rows of a table of figures as points (a note of a table alone): taken in the writer's order, so
 * when not all fit the last go, not the top of a ranking; and one whose words other points name
 * is still worth a little, for its figures are said by no other point (issue 23). Pure.
 */
import { hasNumber } from './chars.js';
import type { Candidate } from './walk.js';

interface RowOption {
  c: Candidate;
  text: string;
  place: number;
  ids: readonly number[];
  taken?: boolean;
}

/**
 * What a row giving figures is worth when other points name all its words ("Delhi: Delhi · 3.2"
 * beside "Cities: Mumbai, Delhi, …"): less than any word, so a row naming more wins.
 */
export const OWN_FIGURES_GAIN = 0.05;

/**
 * Whether a row's figures are worth a place when other points name all its words: only where the note
 * is its table, with at most one line of prose to lead it in (`prose`: the note's sentences and items).
 * Where the writer goes on to say what the figures mean ("the smaller clouds are less than half the
 * price"), that is the point; a row only repeating a name the table's point gave, with its figure, took
 * its place (tester 23-2 F17).
 */
export function figuresWorthPlace(o: RowOption, prose: number): boolean {
  return prose <= 1 && givesOwnFigures(o);
}

/**
 * Whether a term of a row is a figure ("6.88", "42%") that counts as what the row says: only where
 * figuresWorthPlace holds, that is where the note is its table. Elsewhere each row's figure was a
 * term of its own no other point named, so every row outranked the writer's conclusion under the
 * table, whose words come once.
 */
export function rowFigureCounts(term: string, prose: number): boolean {
  return prose <= 1 || !/^[^\p{L}]*\p{N}[^\p{L}]*$/u.test(term);
}

/** Whether `o` is a row giving figures, which no other point says. */
function givesOwnFigures(o: RowOption): boolean {
  return o.c.kind === 'row' && hasNumber(o.text);
}

/**
 * Whether an earlier row of the same table giving figures is still to be taken: `o` waits for it.
 * A row of totals waits for none: it is the table's bottom line, wherever it stands.
 */
export function rowWaits(o: RowOption, options: readonly RowOption[]): boolean {
  if (!givesOwnFigures(o) || o.c.sumsUp) return false;
  return options.some((e) => e !== o && !e.taken && !e.c.sumsUp && e.c.block === o.c.block && e.c.pos < o.c.pos && e.place > 0 && e.ids.length > 0 && givesOwnFigures(e));
}
