/**
 * A sentence that a point worth showing leans on ("The browser now loads every extension…" before
 * "This ended a workaround…"): however little its own words come back in the note, it is what the
 * leaning sentence speaks of, and that one is shown only right after it (select.ts). Left at no
 * worth, it took the leaning one down with it, and the note lost its news (issue 23). Pure.
 */
import type { Candidate } from './walk.js';

/** The options, each right before one leaning wholly on it that is worth a place, that are worth none themselves. */
export function leanedOn<T extends { c: Candidate; place: number }>(options: readonly T[]): T[] {
  const out: T[] = [];
  for (let k = 1; k < options.length; k++) {
    const o = options[k]!;
    const before = options[k - 1]!;
    if (o.c.leansBack === 'wholly' && o.place > 0 && before.place === 0 && before.c.pos === o.c.pos - 1 && before.c.block === o.c.block) out.push(before);
  }
  return out;
}
