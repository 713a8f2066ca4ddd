/**
 * An unlabelled list item of several sentences whose first one is short ("Stop caffeine after noon.
 * Caffeine has a half-life of…"): that sentence is the item's lead and names it as a label would, so a
 * list of such items is named in one point under its lead-in ("These habits helped: Stop caffeine
 * after noon, Keep the bedroom cool, …"), where before the items had no names, the lead-in was no point
 * and the leads lost their place to the long explanations after them (tester 21-2 F11). Pure.
 */
import { readingWidth } from './chars.js';
import { codeStepName } from './code-step-name.js';
import type { SpanTable } from './inline.js';
import { splitSentences } from './sentences.js';
import { isQuestion } from './tone.js';
import { isLeadIn, isProse } from './walk.js';

/** Longest lead sentence read as an item's name, as a reader takes it in (readingWidth): a clause of twelve words or so ("Get up at the same time every day, weekends included"), longer than a label's name may be. */
const MAX_LEAD_NAME = 72;

/** The item's first sentence without its stop, when the item says more after it and that sentence is short enough for a name. */
function leadSentenceName(text: string, spans: SpanTable, locale: string): string | undefined {
  const [lead, next] = splitSentences(text, locale, 2);
  if (lead === undefined || next === undefined) return undefined;
  const name = lead.trim().replace(/[.。।]$/u, '');
  if (name === lead.trim() || readingWidth(name, spans.visibleLength(name)) > MAX_LEAD_NAME || !isProse(name) || isQuestion(lead) || isLeadIn(lead)) return undefined;
  return name;
}

/** The name of an item with no label and too long for a name: the commands it names (code-step-name.ts), else its lead sentence. */
export function unlabelledName(text: string, spans: SpanTable, locale: string): string | undefined {
  return codeStepName(text, spans, locale) ?? leadSentenceName(text, spans, locale);
}
