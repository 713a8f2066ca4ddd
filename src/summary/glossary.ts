/**
 * Glossary entries: a paragraph that opens with a term the writer set off in bold or as code, then
 * a dash, a colon or a spaced hyphen, and its definition ("**Branch** — a movable pointer…",
 * "**Commit**: a snapshot…", "`HEAD` - the commit…"). The term is what the entry is about: the words
 * before its dash are no reply's opening ("Right — …") to drop. Pure.
 */

/** Bold or code, of a few words, then the separator (raw Markdown, as the paragraph was written). */
const TERM_OPENING = /^\s*(?:\*\*[^*\n]{1,48}\*\*|__[^_\n]{1,48}__|`[^`\n]{1,48}`)\s*(?:[—–:：]|\s-\s|-\s)/u;

/** Whether a paragraph's raw Markdown (its token's `raw`: the plain text has lost the bold) opens a glossary entry with its term. */
export function opensWithTerm(raw: string): boolean {
  return TERM_OPENING.test(raw);
}
