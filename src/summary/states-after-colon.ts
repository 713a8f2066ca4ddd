/**
 * A sentence opening on a bare demonstrative that says after its colon what it points at ("This is
 * the planner's cost model at work: a sequential scan is cheaper when…", "这是…在起作用：…"): the
 * clause after the colon has its own subject and says the note's answer, so the sentence reads alone
 * even where the sentence before gave no point (a cheer, "Good question!"). One without such a clause
 * ("This is something every beginner runs into.") still leans wholly on what came before (issue 23,
 * F7). Told by structure in every language: a colon, then a clause of several words. Pure.
 */
import { beforeMadeLatest, leansAcrossBreak } from './leaned-on.js';
import { leansInSection } from './section-subject.js';
import { wordCount } from './tone.js';
import type { Candidate, Walk } from './walk.js';

/** Words at least after the colon for a clause that states something (not a label's value). */
const CLAUSE_WORDS = 5;

function statesAfterColon(s: string): boolean {
  const colon = /[:：]\s*/u.exec(s);
  if (!colon) return false;
  const after = s.slice(colon.index + colon[0].length);
  return wordCount(after) >= CLAUSE_WORDS;
}

/**
 * How a sentence leans on the one before it (`before`, none for a paragraph's first: then on the
 * paragraph before's last, leaned-on.ts leansAcrossBreak): an answer
 * shown with its question pointing back leans wholly; one leaning wholly on a sentence given no point
 * is no point itself ("Eso es…" after the writer's preface), unless it says after its colon what it
 * points at ("This is X at work: <the answer>" after "Good question!"): then it reads alone.
 */
export function leaningOf(w: Walk, s: string, answerLeans: boolean, before: string | undefined): Candidate['leansBack'] | 'no point' {
  if (answerLeans) return 'wholly';
  if (before === undefined) return leansAcrossBreak(w, s) ? 'wholly' : undefined;
  const leans = leansInSection(s, w.locale, w.section > 0);
  if (leans !== 'wholly' || beforeMadeLatest(w.out, w.block, before)) return leans;
  return statesAfterColon(s) ? undefined : 'no point';
}
