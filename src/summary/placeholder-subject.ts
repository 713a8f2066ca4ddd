/**
 * A question whose "it" stands for what comes after it, not for a sentence before ("Is it safe to use
 * SQLite on a network drive?", "Would it be worth upgrading?", "Ist es sicher, SQLite … zu nutzen?"):
 * a copula with the placeholder pronoun, then an infinitive, "that" or "worth" carrying the real
 * subject. Such a question says what it asks and heads its answer. Languages that drop the subject
 * ("¿Es seguro usar…?", "…安全吗？") have no such pronoun to mistake. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

const PLACEHOLDER_SUBJECT: Rules = [
  [/^en/, /^(?:(?:why|when|how|where)\s+)?(?:is|was|isn['’]t|wasn['’]t|would|will|could|should|does|did)\s+it\s+(?:(?:be|make|seem|take|pay)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:to|that|whether|worth)\s/iu],
  // German puts the infinitive clause after a comma: "Ist es sinnvoll, … zu …", "Lohnt es sich, …".
  [/^de/, /^(?:(?:warum|wann|wie)\s+)?(?:ist|war|wäre|lohnt|empfiehlt)\s+es\s+(?:sich\s+)?(?:[\p{L}-]+\s+){0,3}?[\p{L}-]*\s*,.*(?:\szu\s|\sdass\s|\sob\s|\szu\p{L}+)/iu],
];

/** Whether a question's "it" ("es") is a placeholder for what follows it. */
export function hasPlaceholderSubject(question: string, locale: string): boolean {
  return ruleFor(PLACEHOLDER_SUBJECT, locale)?.test(question.trimStart()) ?? false;
}
