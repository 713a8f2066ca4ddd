/**
 * A lead-in sentence and what it announces (candidates.ts addParagraph): one point where the thing
 * announced is short enough to show with it, else none.
 */
import type { Token } from 'marked';
import { listContext } from './presenting.js';
import { ledBy } from './punctuation.js';
import { namesReadersOwn } from './tone.js';
import { isLeadIn, type Walk } from './walk.js';
import { shortCodeLine, shortFormula } from './announced-blocks.js';

/**
 * A lead-in's point with what it announces: a short display formula ("… is E = mc²") or a short
 * command, as a command is shown; else no point, and for a list or table after it, what that belongs to.
 */
export function withWhatItLeadsTo(w: Walk, s: string, next: Token | undefined, last: boolean, printed: boolean | undefined): { point?: string; formula?: string; context?: string } {
  const code = last && !printed ? shortCodeLine(next) : undefined;
  const formula = last ? shortFormula(next, w.spans) : undefined;
  if (last && isLeadIn(s) && next?.type === 'code') w.beforeBlock = { said: s.replace(/\s*[:：]$/, '') };
  if (formula !== undefined) return { point: isLeadIn(s) || /[.。]$/u.test(s) ? ledBy(s, formula) : `${s} ${formula}`, formula };
  if (code !== undefined) return { point: ledBy(s, w.spans.add({ text: code, style: 'code' })) };
  // What a list or table after it belongs to; "as follows" and a reply to the asker name nothing.
  const said = s.replace(/[:：]$/, '').trim();
  // The words presenting it go ("Voici une comparaison" → "Une comparaison"); a space the writer set before the colon (French) stays.
  if (last && (next?.type === 'list' || next?.type === 'table') && /[:：。.]$/u.test(s) && !namesReadersOwn(said, w.locale)) return { context: listContext(s.replace(/[:：]$/, ''), w.locale) };
  return {};
}
