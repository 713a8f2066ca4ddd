/**
 * The note's code as evidence of what it is about: a name the writer uses in prose and marks as
 * code ("javac" beside `javac`), or uses in a code span and again in a code block
 * (`javac` beside `javac Hello.java`), is a term the note keeps coming back to. Pure.
 */
import type { SpanTable } from './inline.js';

/**
 * The identifier parts of a note's code blocks. A code block shown as the span of
 * the sentence leading into it ("List them: `jobs`") is that span, not a second use.
 */
export function inCodeOf(codeBlocks: readonly string[], spans: SpanTable): InCode {
  const spanTexts = new Set(spans.codeTexts().map((t) => t.trim()));
  const read = codeBlocks.filter((b) => !spanTexts.has(b.trim()));
  let blocks: ReadonlySet<string> | undefined;
  // Read when a code span's term is weighed: most notes have none.
  return {
    get blocks() {
      return (blocks ??= codeParts(read));
    },
  };
}

/** The identifier parts of the note's code blocks. */
export interface InCode {
  blocks: ReadonlySet<string>;
}

export const NO_CODE: InCode = { blocks: new Set() };

/** How much more a term weighs when the note uses it as code and again elsewhere: an identifier it keeps coming back to. */
export const ECHOED = 1.5;

/** An identifier's parts: runs of letters, digits and `_`, lower-cased ("datetime.now()" → datetime, now). */
const IDENTIFIER_PART = /[\p{L}\p{N}_]+/gu;

/** Code read for its parts, at most (a dump of output or data says no more past it). */
const CODE_READ = 4000;

/** The identifier parts of some code, each text read up to CODE_READ characters. */
function codeParts(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.slice(0, CODE_READ).matchAll(IDENTIFIER_PART)) out.add(m[0].toLowerCase());
  return out;
}

/** Whether a term has identifier parts and `parts` holds every one. */
export function allIn(term: string, parts: ReadonlySet<string>): boolean {
  if (!parts.size) return false;
  let any = false;
  for (const m of term.matchAll(IDENTIFIER_PART)) {
    if (!parts.has(m[0])) return false;
    any = true;
  }
  return any;
}
