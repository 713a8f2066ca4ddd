/**
 * A line of prose that gives a total under its label ("Total time: 10 minutes", "Gesamtzeit: 10
 * Minuten", "合计：120 元"): the note's bottom line, as a table's row of totals is. Pure.
 */
import { hasNumber } from './chars.js';
import { isTotal } from './lists.js';

/** The longest label a total is given under: a few words ("Total cooking time"), no sentence. */
const MAX_LABEL = 24;

export function givesTotal(sentence: string): boolean {
  const colon = sentence.search(/[:：]/u);
  if (colon <= 0 || colon > MAX_LABEL) return false;
  return isTotal(sentence.slice(0, colon)) && hasNumber(sentence.slice(colon + 1));
}
