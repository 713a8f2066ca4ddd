/**
 * The note's code as evidence of what it is about: a name the writer uses in prose and marks as
 * code ("javac" beside `javac`), or uses in a code span and again in a code block
 * (`javac` beside `javac Hello.java`), is a term the note keeps coming back to. Pure.
 */
import { categoryOf, LETTER, NUMBER } from './chars.js';
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

/**
 * An identifier's parts: runs of letters, digits and `_` (`/[\p{L}\p{N}_]+/gu`), sent in order
 * until `visit` returns false ("datetime.now()" → datetime, now). Found by the cached categories
 * (chars.ts): the regex over every code block was a notable share of a note's summary (issue 23).
 */
function eachIdentifierPart(text: string, visit: (part: string) => boolean): void {
  let from = -1; // where the current part began
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const inPart = cp < 128 ? (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95 : (categoryOf(cp) & (LETTER | NUMBER)) !== 0;
    if (inPart && from < 0) from = i;
    else if (!inPart && from >= 0) {
      if (!visit(text.slice(from, i))) return;
      from = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (from >= 0) visit(text.slice(from));
}

/** Code read for its parts, at most (a dump of output or data says no more past it). */
const CODE_READ = 4000;

/** The identifier parts of some code, each text read up to CODE_READ characters, lower-cased. */
function codeParts(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) eachIdentifierPart(t.slice(0, CODE_READ), (part) => !!out.add(part.toLowerCase()));
  return out;
}

/** Whether a term has identifier parts and `parts` holds every one. */
export function allIn(term: string, parts: ReadonlySet<string>): boolean {
  if (!parts.size) return false;
  let any = false;
  let all = true;
  eachIdentifierPart(term, (part) => {
    any = true;
    return (all = parts.has(part));
  });
  return any && all;
}
