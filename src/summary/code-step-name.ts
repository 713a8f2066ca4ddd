/**
 * A step of a list that names its commands in code ("Use `javac` to compile, `java` to run") has
 * no short name of its own (no label, too long for MAX_NAME): left out of the compacted names, the
 * list read as though that step were not there, and the commands the steps lead to were lost. Such
 * an item is named by its code spans, when they are names (a command, an identifier), not lines of code. Pure.
 */
import { isPlaceholder, type SpanTable } from './inline.js';
import { listJoiners } from './punctuation.js';
import { hasCjk } from './chars.js';

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

/** A command line's program: its first word, a plain name ("mongosh", "git", "npx"). */
const PROGRAM = /^[A-Za-z][\w.+-]*$/u;

/**
 * A step named by its label whose whole text past the label is a command ("Get connection string and
 * connect: `mongosh "mongodb+srv://…"`"): the label alone named the step and lost what a reader runs
 * for it. The command is named with it, whole when short, else by its program ("… and connect (mongosh)"),
 * once in a list: a program two steps run ("atlas clusters create …", "atlas accessLists …") is shown at the first.
 * `whole`: every command whole, however long (step-names.ts tries that first).
 */
export function commandNamer(spans: SpanTable, whole = false): (name: string, text: string) => string {
  const shown = new Set<string>();
  return (name, text) => {
    const command = stepCommand(name, text, spans, whole);
    if (command === undefined || shown.has(command)) return name;
    shown.add(command);
    const code = spans.add({ text: command, style: 'code' });
    return hasCjk(name.slice(-1)) ? `${name}（${code}）` : `${name} (${code})`; // full-width and unspaced after Chinese or Japanese, as timed steps
  };
}

/** The command of a "label: `command line`" item as a name shows it: whole when short, else its program. */
function stepCommand(name: string, text: string, spans: SpanTable, whole: boolean): string | undefined {
  if (!text.startsWith(name)) return undefined;
  const rest = text.slice(name.length).replace(/^\s*[:：]\s*/u, '').replace(/\s*[.。]$/u, '');
  const run = rest.length === 1 && isPlaceholder(rest) ? spans.get(rest) : undefined;
  const command = run?.style === 'code' ? run.text.trim() : '';
  // One identifier or none is no command line; nor is code with brackets or statements ("boolean test(T t)", "x = 1;").
  if (!/\s/u.test(command) || /[(){};]|\s=\s/u.test(command)) return undefined;
  const program = command.split(/\s/u)[0]!;
  if (!PROGRAM.test(program)) return undefined;
  return whole || command.length <= MAX_CODE_NAME ? command : program;
}
