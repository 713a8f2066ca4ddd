/**
 * A list's point naming its items, where a step leads in to its command ("3. Start the server:" then
 * a block with `npm run dev`): the step is named with its command ("Start the server (npm run dev)"),
 * whole when every name still fits so, else by its program as code-step-name.ts shows a long one. A step
 * whose command that point shows whole is not a point again on its own ("Start the server: npm run
 * dev" right after it said the same, tester 21-2 F15); one shown by its program keeps its point: the
 * command the reader runs. Pure.
 */
import { commandNamer } from './code-step-name.js';
import { PLACEHOLDER, type SpanTable } from './inline.js';
import { ledBy } from './punctuation.js';
import { isLeadIn } from './walk.js';

interface Item {
  text: string;
  /** The one-line command a lead-in item holds (its block). */
  code: string | undefined;
}

/** An item's text with the command a lead-in item holds after it, as a label's text ("Start the server: `npm run dev`"). */
function withItsCommand({ text, code }: Item, spans: SpanTable): string {
  return code !== undefined && isLeadIn(text) ? ledBy(text, spans.add({ text: code, style: 'code' })) : text;
}

/** Whether an item may be named with a command (withItsCommand, code-step-name.ts stepCommand): its block's, or a code span in its text. */
export function mayHaveCommand({ text, code }: Item): boolean {
  return code !== undefined || PLACEHOLDER.test(text);
}

/**
 * The point naming the items (`compact` of the names `bareName` gives, each step with its command)
 * with whole commands where it shows every name so, else with short ones; and the indexes of the items
 * whose command it shows whole.
 */
export function namesWithCommands<T extends Item>(items: readonly T[], bareName: (item: T) => string | undefined, spans: SpanTable, compact: (names: string[]) => string | undefined): { point: string | undefined; commandShown: ReadonlySet<number> } {
  const bare = items.map(bareName);
  const given = (list: ReadonlyArray<string | undefined>) => list.filter((n): n is string => n !== undefined);
  // A command is named only from a block after its item or a code span in its text: a list with neither (most lists) is named by its bare names.
  if (!items.some(mayHaveCommand)) return { point: compact(given(bare)), commandShown: new Set() };
  const names = (whole: boolean) => {
    const withCommand = commandNamer(spans, whole);
    return items.map((item, i) => { const name = bare[i]; return name === undefined ? undefined : withCommand(name, withItsCommand(item, spans)); });
  };
  const whole = names(true);
  const withCommand = new Set(whole.flatMap((n, i) => (n !== undefined && n !== bare[i] ? [i] : [])));
  if (withCommand.size) {
    const point = compact(given(whole));
    if (point !== undefined && !point.endsWith('…')) return { point, commandShown: withCommand };
  }
  return { point: compact(given(names(false))), commandShown: new Set() };
}
