/**
 * A step of a list that names its commands in code ("Use `javac` to compile, `java` to run") has
 * no short name of its own (no label, too long for MAX_NAME): left out of the compacted names, the
 * list read as though that step were not there, and the commands the steps lead to were lost. Such
 * an item is named by its code spans, when they are names (a command, an identifier), not lines of code. Pure.
 */
import { isPlaceholder, type SpanTable } from './inline.js';
import { listJoiners } from './punctuation.js';

/** Longest code span read as a name: a command or identifier, not a command line. */
const MAX_CODE_NAME = 24;
/** Code spans an item names at most. */
const MAX_CODE_NAMES = 3;

/** The item's code spans, joined as the language joins names, when it has one to three and each is a short name. */
export function codeStepName(text: string, spans: SpanTable, locale: string): string | undefined {
  const code: string[] = [];
  for (const ch of text) {
    if (!isPlaceholder(ch)) continue;
    const run = spans.get(ch);
    if (run?.style !== 'code') continue;
    if (run.text.trim().length > MAX_CODE_NAME || code.length === MAX_CODE_NAMES) return undefined;
    code.push(ch);
  }
  return code.length ? code.join(listJoiners('', code, locale).comma) : undefined;
}
