/**
 * Which items of a long list are offered as points of their own. Pure.
 *
 * A list is read for its names only as far as its first items (walk.ts MAX_ITEMS), and only its
 * first few items were offered as points: in "100 key points for the exam" the subjects the list
 * keeps coming back to after its sixteenth item (determinants, eigenvalues) were never candidates,
 * so however often the note names them, no point could. Past its first items, a long list offers
 * the items that name most of what its other items come back to and no offered item names yet.
 */
import type { SpanTable } from './inline.js';
import { termsOf } from './salience.js';

/** A term in more than this share of the items is the list's grammar or its subject, named already: "矩阵" in "100 key points of matrices". */
const COMMON = 0.6;

/**
 * Indices of the items offered, in reading order: the first `first`, then up to `max` in all, each
 * the item whose terms recurring in the list (each weighed by the log of the items using it) the
 * items offered before it do not name yet, then the next in order. `texts`: each item's text ('' for
 * one without words); `locale`: whose grammar characters split CJK runs.
 */
export function itemsOffered(texts: readonly string[], spans: SpanTable, first: number, max: number, locale?: string): number[] {
  const terms = texts.map((t) => (t ? termsOf(t, spans, undefined, locale) : new Set<string>()));
  const uses = new Map<string, number>();
  for (const set of terms) for (const term of set) uses.set(term, (uses.get(term) ?? 0) + 1);
  const weight = (term: string) => {
    const n = uses.get(term) ?? 0;
    return n >= 2 && n <= COMMON * texts.length ? Math.log(n) : 0;
  };
  const offered = Array.from({ length: Math.min(first, texts.length) }, (_, i) => i); // a code-only item ('') among them too, as before
  const named = new Set<string>(offered.flatMap((i) => [...terms[i]!]));
  while (offered.length < max) {
    let best = -1;
    let bestGain = 0;
    terms.forEach((set, i) => {
      if (i < first || offered.includes(i)) return;
      let gain = 0;
      for (const term of set) if (!named.has(term)) gain += weight(term);
      gain /= Math.sqrt(set.size + 1); // what an item names for its length: a long item names much of anything
      if (gain > bestGain) [best, bestGain] = [i, gain];
    });
    if (best < 0) break;
    offered.push(best);
    for (const term of terms[best]!) named.add(term);
  }
  // Items naming nothing the list comes back to: the next ones in order, as a shorter list offers.
  for (let i = first; offered.length < max && i < texts.length; i++) if (!offered.includes(i)) offered.push(i);
  return offered.sort((a, b) => a - b);
}
