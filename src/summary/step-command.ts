/**
 * A step whose words end in a colon and whose command comes right after the list, not indented under
 * it ("2. List all suspended jobs:" then a block with `jobs`): Markdown ends the list before the block,
 * yet the block is that step's command, as it would be indented under it (issue 23: the step was lost,
 * its lead-in pointing at nothing). A step announcing output instead ("3. You should see:", "3. 输出如下：")
 * is no step: the block after it (or under it) is what the steps before it printed, and the step goes
 * with it, as an announced output and its lead-in do in prose (tester 21-2 F12). Pure: the list is copied, never changed.
 */
import type { Token, Tokens } from 'marked';
import { announcesOutput } from './output-lead-in.js';
import { isLeadIn } from './walk.js';
import { shortCodeLine } from './announced-blocks.js';

/** The list with the one-line code block after it as its last item's, when that item leads in to it; else the list (less its steps announcing output). */
export function withCommandAfterLastItem(list: Tokens.List, next: Token | undefined, locale: string): Tokens.List {
  const steps = withoutOutputSteps(list, next, locale);
  if (steps !== list) return steps;
  if (next?.type !== 'code' || shortCodeLine(next) === undefined) return list;
  const last = list.items[list.items.length - 1];
  if (!last || !isLeadIn(last.text.trim()) || last.tokens.some((t) => t.type === 'code' || t.type === 'list')) return list;
  return { ...list, items: [...list.items.slice(0, -1), { ...last, tokens: [...last.tokens, next] }] };
}

/** The words of an item before its first block ("You should see:" over its code block). */
function ownWords(item: Tokens.ListItem): string {
  const first = item.tokens[0];
  return first && (first.type === 'text' || first.type === 'paragraph') ? (first as Tokens.Text).text.trim() : '';
}

/**
 * The list without its items that announce output a block shows: one holding the block, or the last
 * with the block right after the list. Kept whole when that would leave it empty (the note's words, not a step's).
 */
function withoutOutputSteps(list: Tokens.List, next: Token | undefined, locale: string): Tokens.List {
  const last = list.items.length - 1;
  const kept = list.items.filter((item, i) => {
    const words = ownWords(item);
    const shown = item.tokens.some((t) => t.type === 'code') || (i === last && next?.type === 'code');
    return !(shown && isLeadIn(words) && announcesOutput(words, locale));
  });
  return kept.length === list.items.length || kept.length === 0 ? list : { ...list, items: kept };
}
