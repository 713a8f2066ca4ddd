/**
 * A reply that opens on a pronoun and a copula before its causal conjunction ("This is because…",
 * "C'est parce que…", "Eso es porque…", "Das liegt daran, dass…", "这是因为…", "ऐसा इसलिए है
 * क्योंकि…", "هذا لأن…"): the pronoun stands for the question's subject, so the reply says a cause
 * of something it does not name, as "Because…" does, and is no point without its question (issue 23,
 * F7). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

const POINTER_CAUSE: Rules = [
  [/^en/, /^(?:this|that|it)(?:'s|’s|\s+is|\s+was|\s+happens)\s+(?:just\s+|simply\s+|mainly\s+)?because(?!\p{L})/iu],
  [/^de/, /^(?:(?:das|dies|es)\s+(?:liegt|lag)\s+(?:\p{L}+\s+)?daran,?\s+dass|(?:das|dies)\s+ist(?:\s+so)?,?\s+weil)(?!\p{L})/iu],
  [/^es/, /^(?:(?:eso|esto)\s+)?(?:es|era|ocurre|pasa|sucede)\s+(?:así\s+)?porque(?!\p{L})/iu],
  [/^fr/, /^(?:c['’]est|(?:cela|ça)\s+(?:est|arrive|se\s+produit))\s+(?:simplement\s+)?parce\s+qu/iu],
  [/^pt/, /^(?:isso|isto)\s+(?:é|acontece)\s+porque(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /^(?:这|這|那|此)(?:是|就是)?(?:因为|因為)/u],
  [/^hi/, /^(?:ऐसा|यह)\s+(?:\S+\s+){0,3}क्योंकि/u],
  [/^ar/, /^(?:و)?(?:هذا|ذلك)\s+(?:لأن|لان|لأنّ|بسبب)/u],
];

export function opensOnPointerCause(s: string, locale: string): boolean {
  return ruleFor(POINTER_CAUSE, locale)?.test(s.trimStart()) ?? false;
}
