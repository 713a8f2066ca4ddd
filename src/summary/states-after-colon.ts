/**
 * A sentence opening on a bare demonstrative that says after its colon what it points at ("This is
 * the planner's cost model at work: a sequential scan is cheaper when…", "这是…在起作用：…"): the
 * clause after the colon has its own subject and says the note's answer, so the sentence reads alone
 * even where the sentence before gave no point (a cheer, "Good question!"). One without such a clause
 * ("This is something every beginner runs into.") still leans wholly on what came before (issue 23,
 * F7). Told by structure in every language: a colon, then a clause of several words. Pure.
 */
import { wordCount } from './tone.js';

/** Words at least after the colon for a clause that states something (not a label's value). */
const CLAUSE_WORDS = 5;

export function statesAfterColon(s: string): boolean {
  const colon = /[:：]\s*/u.exec(s);
  if (!colon) return false;
  const after = s.slice(colon.index + colon[0].length);
  return wordCount(after) >= CLAUSE_WORDS;
}
