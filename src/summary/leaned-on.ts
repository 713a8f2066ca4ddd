/**
 * A sentence that a point worth showing leans on ("The browser now loads every extension…" before
 * "This ended a workaround…"): however little its own words come back in the note, it is what the
 * leaning sentence speaks of, and that one is shown only right after it (select.ts). Left at no
 * worth, it took the leaning one down with it, and the note lost its news (issue 23). Pure.
 */
import { leansInSection } from './section-subject.js';
import type { Candidate, Walk } from './walk.js';

/** The options, each right before one leaning wholly on it that is worth a place, that are worth none themselves. */
export function leanedOn<T extends { c: Candidate; place: number }>(options: readonly T[]): T[] {
  const out: T[] = [];
  for (let k = 1; k < options.length; k++) {
    const o = options[k]!;
    const before = options[k - 1]!;
    if (o.c.leansBack === 'wholly' && o.place > 0 && before.place === 0 && before.c.pos === (o.c.leansOn ?? o.c.pos - 1) && before.c.block === o.c.block) out.push(before);
  }
  return out;
}

/**
 * Whether the sentence before one in its paragraph made the walk's latest candidate (`before`: that
 * sentence as split): a sentence opening on a bare demonstrative ("Eso es…") leans on it, and after
 * one given no point (a question pair dropped, the writer's preface) says nothing alone, whatever
 * point came before it in the note (select.ts checks only the candidate before). A candidate ends
 * with its sentence, whatever went before it (a part's name, the question it answers).
 */
export function beforeMadeLatest(out: readonly Candidate[], block: number, before: string | undefined): boolean {
  const latest = out[out.length - 1];
  return before !== undefined && latest !== undefined && latest.block === block && latest.text.endsWith(before.trim());
}

/**
 * Whether a paragraph's first sentence, opening on a bare pronoun ("It is created with `ssh-keygen`.",
 * "Es wird mit … erzeugt."), leans on the last sentence of the paragraph right before it, and that
 * sentence is the walk's latest candidate: a paragraph break does not name its subject, so it comes
 * only with that sentence, as within a paragraph, where before it was dropped as a fragment when short
 * and shown alone when long (tester 21-2 F9).
 */
export function leansAcrossBreak(w: Walk, s: string): boolean {
  const end = w.paragraphBefore;
  if (end === undefined || end.block !== w.block - 1 || w.out[w.out.length - 1] !== end.made) return false;
  return leansInSection(s, w.locale, w.section > 0) === 'wholly';
}
