/**
 * A subject that only holds the place of one that comes later: "There are two choices", "It is safe
 * to reheat…", "Is it worth…?", "Es gibt…", "Il y a…", "Il faut…". Such an "it" or "there" points
 * at nothing before it, so the sentence reads alone and a question of that form is no question about
 * what came before (issue 23: "There are two popular choices: Hugo and Jekyll." was dropped as a
 * continuation, "Is it safe to reheat…? No." lost its answer). Told by grammar: the expletive with
 * its verb, and for "it" the clause it stands for ("to …", "that …", "worth …"); in a question, the
 * verb before it ("Is it worth…?", "Would it be wise to…?", "Lohnt es sich, … zu …?"). One rule per
 * language serves the statement (tone.ts pointsBack) and the question held for its answer (answers.ts). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

/** English copulas and verbs an expletive "it" takes before the clause it stands for. */
const EN_BE = "(?:is|was|isn['’]t|wasn['’]t|['’]s|will be|would be|can be|could be|may be|might be|should be|must be|seems|seemed|becomes|became|remains)";
/** Words between the verb and the clause: an adjective or noun, with an adverb or article before it. */
// Not a participle: "It is used to build…", "It was made to…" speak of what came before.
const EN_PREDICATE = "(?:(?:not|very|quite|really|still|often|usually|always|also|generally|a|an|the|much|more|less|far)\\s+){0,2}(?![\\p{L}-]*ed\\s)(?!(?:built|made|written|meant|known|sent|set|run|done|given|taken|shown|going|able|about)\\s)[\\p{L}-]+(?:\\s+(?:idea|practice|way))?";
const EN_CLAUSE = '(?:to|that|whether|if|how|when|why)';

/**
 * English with the expletive first ("There are…", "It is wise to…", "It pays to…"), and in a question after its
 * verb, perhaps after a "why" ("Is there…?", "Is it worth…?", "Why would it be wise to…?", "Does it make sense
 * to…?": issue 23, tester 18 F7). Languages that drop the subject ("¿Es seguro usar…?", "…安全吗？") have no such
 * pronoun to mistake.
 */
const EN_STATEMENT =
  `there\\s+(?:(?:is|are|was|were|isn['’]t|aren['’]t|will be|would be|can be|could be|may be|might be|must be|has been|have been|seems? to be|remains?|exists?)(?!\\p{L})|['’]s\\s)` +
  `|it\\s+${EN_BE}\\s+${EN_PREDICATE}\\s+${EN_CLAUSE}\\s|it\\s+${EN_BE}\\s+worth\\s|it\\s+(?:pays|makes sense)\\s+to\\s`;
const EN_QUESTION =
  `(?:is|are|was|were|isn['’]t|aren['’]t|will|would|can|could|should)\\s+(?:there|it\\s+(?:(?:be|still|really|ever|always|also)\\s+){0,2}(?:${EN_PREDICATE}\\s+${EN_CLAUSE}|worth)\\s)` +
  `|(?:(?:why|when|how|where)\\s+)?(?:is|was|isn['’]t|wasn['’]t|would|will|could|should|does|did)\\s+it\\s+(?:(?:be|make|seem|take|pay)\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:to|that|whether|worth)\\s`;

const PLACEHOLDER: Rules = [
  [/^en/, new RegExp(`^(?:${EN_STATEMENT}|${EN_QUESTION})`, 'iu')],
  // "Es gibt", "Gibt es", "Es lohnt sich", "Es kommt darauf an"; "Es ist sicher, … zu …" (the clause after a comma:
  // "Es ist leicht zu bedienen" speaks of what came before); asked, perhaps after a "warum": "Lohnt es sich, … zu …?",
  // "Ist es sinnvoll, … aufzuräumen?" (the infinitive's "zu" inside it).
  [
    /^de/,
    /^(?:es\s+(?:gibt|geht\s+um|lohnt\s+sich|kommt\s+darauf\s+an)(?!\p{L})|(?:es\s+(?:ist|war|wäre)|(?:ist|war|wäre)\s+es)\s+(?:\p{L}+\s+){0,2}?\p{L}+,\s*(?:dass|ob|wenn|[^.?!]*?\szu\s+\p{L}+en(?!\p{L}))|gibt\s+es(?!\p{L})|(?:(?:warum|wann|wie)\s+)?(?:ist|war|wäre|lohnt|empfiehlt)\s+es\s+(?:sich\s+)?(?:[\p{L}-]+\s+){0,3}?[\p{L}-]*\s*,.*(?:\szu\s|\sdass\s|\sob\s|\szu\p{L}+))/iu,
  ],
  // "Il y a", "Il faut", "Il existe", "Il suffit", "Il vaut mieux", "Il s'agit", "Il est … de/d'/que", and as spoken,
  // "C'est … de/que" ("C'est utile de…"; not "C'est ce que…", whose "ce" is what it says).
  [/^fr/, /^(?:il\s+(?:(?:y\s+a|y\s+avait|faut|fallait|existe|suffit|vaut\s+mieux)(?!\p{L})|s['’]agit|est\s+(?:(?:très|plus|moins|bien|pas|souvent|parfois|toujours|aussi)\s+)?\p{L}+\s+(?:de\s|d['’]|que\s|qu['’]))|c['’]est\s+(?:(?:très|plus|moins|bien|pas|souvent|parfois|toujours|aussi)\s+)?(?!(?:ce|cela|ça|là|lui|elle|eux|celui|celle|ceux|celles)\s)\p{L}+\s+(?:de\s|d['’]|que\s|qu['’]))/iu],
];

/** Whether the sentence (or question) opens on a subject that only holds the place of a later one. */
export function opensOnPlaceholder(s: string, locale: string): boolean {
  return ruleFor(PLACEHOLDER, locale)?.test(s.trimStart()) ?? false;
}
