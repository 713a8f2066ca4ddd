/**
 * A question told by its form, not only by its "?": chat answers close with offers whose mark was
 * lost or never written ("Shall I sketch the next case.", "要不要我再补充一个例子呢"). Each language's
 * interrogative form: English and German put the verb before "I/you"; Spanish opens with "¿";
 * Chinese asks by A-not-A (要不要) or the particle 吗; Japanese ends on the particle か; Arabic
 * and Hindi open on their yes/no particles (هل, क्या); French inverts verb and pronoun. Pure.
 */
import { ruleFor } from './locale-rules.js';
import { factsOf } from './sentence-facts.js';

const ASKS_BY_FORM: ReadonlyArray<readonly [RegExp, RegExp]> = [
  // "Should it overflow, …" is a condition: only I/we/you after the verb, and no comma-led clause after.
  [/^en/, /^(?:shall|should|may|can|could|do|would|will)\s+(?:I|we|you)\s+(?![^,]*,)|^want me to\s/iu],
  [/^de/, /^(?:soll|sollen|möchtest|möchten|willst|wollen|kann|darf)\s+(?:ich|du|Sie|wir)\s(?![^,]*,)/u],
  // "-vous"/"-nous" also end imperatives ("Assurez-vous que…"): only verbs of wishing ask with them.
  [/^fr/, /^\p{L}+-(?:je|tu)(?!\p{L})|^(?:voulez|souhaitez|voudriez|aimeriez)-vous(?!\p{L})|^est-ce que/iu],
  [/^es/, /^¿/u],
  [/^(zh|hant|yue)/, /^(?:[你您我](?:们|們)?)?(?:要不要|需不需要|想不想|用不用|能不能|可不可以)|[吗嗎][。.]?$/u],
  [/^ja/, /(?:ます|です|ましょう|でしょう)か[。.]?$/u],
  [/^ar/, /^هل(?=\s)/u],
  [/^hi/, /^क्या(?=\s)/u],
];

export function asksByForm(sentence: string, locale: string): boolean {
  return ruleFor(ASKS_BY_FORM, locale)?.test(factsOf(sentence).trimmed) ?? false;
}
