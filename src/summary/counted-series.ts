/**
 * A sentence that counts what the next one only lists ("There are three main strategies. Git Flow,
 * GitHub Flow and trunk-based development."): the list alone is verbless, names without what they
 * are, and the count alone says nothing; one sentence of the two reads as the writer meant, "There are
 * three main strategies: Git Flow, GitHub Flow and trunk-based development." Told by form: the second
 * sentence is only a series of names (punctuation.ts endsSeries), the first short and ending its
 * sentence. Pure.
 */
import { endsSeries, ledBy } from './punctuation.js';
import { wordCount } from './tone.js';

/** Most words the counting sentence may have: it introduces the names, it does not say much of its own. */
const MAX_LEAD_WORDS = 10;

/** Longest series read as names alone: a long sentence of short clauses is no list. */
const MAX_SERIES_CHARS = 120;

/** Only names in a series of three or more (a separator before the conjunction): no clause marks (a semicolon, a dash, a quote, an aside, a CJK clause comma). */
function isBareSeries(s: string): boolean {
  return s.length <= MAX_SERIES_CHARS && /[,،、]/u.test(s) && !/[，；;「」『』（）()—"“”]/u.test(s) && endsSeries(s);
}

/** The paragraph's sentences, each bare series of names joined to the short sentence before it. */
export function withSeriesNamed(sentences: string[]): string[] {
  if (sentences.length < 2) return sentences;
  const out: string[] = [];
  for (const s of sentences) {
    const before = out[out.length - 1];
    if (before !== undefined && /[.。]$/u.test(before) && isBareSeries(s) && wordCount(before) <= MAX_LEAD_WORDS && !endsSeries(before)) out[out.length - 1] = ledBy(before, s);
    else out.push(s);
  }
  return out;
}
