/**
 * A pronoun pointing back inside a sentence (tone.ts re-exports it), in a file of its own with the
 * words its rules cannot match without (sentence-facts.ts). Pure.
 */
import { ruleFor } from './locale-rules.js';
import { passesGate, type WordGates } from './sentence-facts.js';

/**
 * A pronoun pointing back inside a sentence, as what it is about ("Zuckerberg celebrated this in a
 * video", "feierte dies", "celebró esto", "a célébré cela", "これを称賛し", "بذلك", "इसे सेलिब्रेट किया"): a reaction to what
 * the sentence before said, which it does not say. Only forms that are pronouns and never determiners.
 */
export const POINTS_BACK_WITHIN: Array<[RegExp, RegExp]> = [
  [/^en/, /\s(?:this|that)(?=\s+(?:in|on|at|with|by|for|as|and|but|or|because|when|while)\b|\s*[,.;:!?]|$)/iu],
  [/^de/, /\sdies(?!\p{L})/iu],
  [/^es/, /\s(?:esto|eso|ello)(?!\p{L})/iu],
  [/^fr/, /\s(?:cela|ceci|ça)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /.(?:这一点|這一點|此事|这件事|這件事)/u],
  [/^ja/, /.(?:これ|それ)(?:を|に)/u],
  [/^ar/, /\s(?:بذلك|بهذا|لذلك|ذلك|هذا)(?=[\s،,.]|$)(?!\s+ال)/u],
  // Hindi's object forms of यह ("इसे", "इसको": "celebrated this") are pronouns only; "इस" before a noun is a determiner.
  [/^hi/, /\s(?:इसे|इसको)(?=[\s,.।!?]|$)/u],
];

/** Words POINTS_BACK_WITHIN cannot match without (sentence-facts.ts): most sentences hold none. */
export const POINTS_BACK_WITHIN_GATES: WordGates = [
  [/^en/, ['this', 'that']],
  [/^de/, ['dies']],
  [/^es/, ['esto', 'eso', 'ello']],
  [/^fr/, ['cela', 'ceci', 'ça']],
  [/^hi/, ['इसे', 'इसको']],
];

export function pointsBackWithin(s: string, locale: string): boolean {
  if (!passesGate(POINTS_BACK_WITHIN_GATES, locale, s)) return false;
  const rule = ruleFor(POINTS_BACK_WITHIN, locale);
  // An aside's pronoun points within the sentence ("(beyond that, …)").
  return rule !== undefined && rule.test(s) && rule.test(s.replace(/[(（][^()（）]*[)）]/gu, ''));
}
