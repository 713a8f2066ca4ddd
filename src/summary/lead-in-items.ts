/**
 * Items that go on from their lead-in's sentence ("The open track is for everyone else:" then
 * "- mature applicants returning…", "- transfer students…"): in a cased script they open in lower
 * case, words finishing the lead-in, no sentence of their own. Alone each is a fragment and the
 * lead-in, which says whose they are, is lost (issue 23): they read under it in one point (lists.ts).
 * Pure.
 */
import { inCasedScript } from './lower-start.js';
import { isProse } from './walk.js';

/** Opens in lower case in a script with cases: a word that goes on from what came before. */
const OPENS_LOWER = /^[^\p{L}\p{N}]*\p{Ll}/u;

/** The items' texts, without their closing stop, when they all go on from `lead`; else undefined. */
export function continuingLeadIn(lead: string | undefined, items: ReadonlyArray<{ text: string; code: string | undefined }>): string[] | undefined {
  if (lead === undefined || !isProse(lead) || items.length < 2) return undefined;
  // A Latin term opening an item in an uncased script ("npm 安装依赖") is its subject, not words going on (lower-start.ts).
  if (!items.every(({ text, code }) => code === undefined && OPENS_LOWER.test(text) && inCasedScript(text))) return undefined;
  return items.map(({ text }) => text.replace(/[.;,。；]$/u, ''));
}
