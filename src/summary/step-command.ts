/**
 * A step whose words end in a colon and whose command comes right after the list, not indented under
 * it ("2. List all suspended jobs:" then a block with `jobs`): Markdown ends the list before the block,
 * yet the block is that step's command, as it would be indented under it (issue 23: the step was lost,
 * its lead-in pointing at nothing). Pure: the list is copied, never changed.
 */
import type { Token, Tokens } from 'marked';
import { isLeadIn, shortCodeLine } from './walk.js';

/** The list with the one-line code block after it as its last item's, when that item leads in to it; else the list. */
export function withCommandAfterLastItem(list: Tokens.List, next: Token | undefined): Tokens.List {
  if (next?.type !== 'code' || shortCodeLine(next) === undefined) return list;
  const last = list.items[list.items.length - 1];
  if (!last || !isLeadIn(last.text.trim()) || last.tokens.some((t) => t.type === 'code' || t.type === 'list')) return list;
  return { ...list, items: [...list.items.slice(0, -1), { ...last, tokens: [...last.tokens, next] }] };
}
