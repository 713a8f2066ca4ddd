/**
 * Spanish leaves out a subject the verb's ending already says: a sentence opening on a finite verb
 * of the third person ("Permite gestionar las dependencias…", "Sirve para proyectos grandes.",
 * "Es la opción segura…") speaks of the subject of the sentence before, or of its section's
 * heading, as "It lets you…" does in English. Alone it never says what it is about (issue 23, F12).
 * Told by the grammar: the first word has a verb's ending and is no word of a closed class (an
 * article, a preposition, an adverb), and the word after it opens the verb's complement (an article,
 * a preposition, an infinitive, a clitic), where a subject would be followed by its verb ("Maven usa…").
 * Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

/** A capitalised word of lower-case letters ending as a finite verb of the third person does: "Permite", "Sirve", "Usan", "Creó", "Guardaba". */
const VERB_FIRST: Rules = [[/^es/, /^(\p{Lu}\p{Ll}*(?:[aeáé]|[ae]n|[aá]n|ó|ió|aba|aban|ía|ían)|Es|Son)\s+(\S+)/u]];

/**
 * Spanish words of closed classes that end as verbs do: articles, determiners, prepositions,
 * conjunctions and adverbs ("Durante la noche…", "Cada archivo…", "Hasta el final…"); and an adverb in
 * "-mente" ("Finalmente, …").
 */
const NOT_A_VERB_ES = new Set(
  (
    'la una cada toda otra alguna ninguna cualquiera nuestra vuestra esta esa aquella mucha poca tanta cuanta ' +
    'durante mediante ante entre hacia contra desde sobre hasta para pese ' +
    'siempre entonces mientras apenas aunque porque donde cuando ahora nunca fuera dentro delante adelante detrás ya ' +
    'nada nadie alguien bastante gran tampoco quizá acá allá ahí aquí esto este ese ambos ambas'
  ).split(' '),
);

/** The word after a verb that opens its complement: an article or determiner, a preposition, a clitic, "que", an infinitive, a number. */
const COMPLEMENT_ES =
  /^(?:el|la|los|las|lo|le|les|se|un|una|unos|unas|su|sus|mi|mis|este|esta|estos|estas|ese|esa|a|al|de|del|en|con|para|por|sin|sobre|entre|desde|hasta|hacia|que|muy|más|menos|mucho|mucha|muchos|muchas|bien|también|solo|sólo|todo|toda|todos|todas|cada|varios|varias|dos|tres|cuatro|\p{Ll}+(?:ar|er|ir)(?:lo|la|los|las|le|les|se)?|\p{Ll}{3,}s|\p{N}[\p{N}.,]*)[,.;:]?$/u;

/** Whether the sentence opens on a verb whose subject it leaves out, in a language that drops subjects. */
export function dropsSubject(s: string, locale: string): boolean {
  const m = ruleFor(VERB_FIRST, locale)?.exec(s.trimStart());
  if (!m) return false;
  const verb = m[1]!.toLowerCase();
  if (NOT_A_VERB_ES.has(verb) || verb.endsWith('mente')) return false;
  return COMPLEMENT_ES.test(m[2]!) && m[2] !== 'es';
}
