/**
 * A question asked indirectly, with no "?": the asker's "I wanted to know why…", "Quería saber si…",
 * "Je me demande pourquoi…", "Ich wollte wissen, warum…", "我想知道…". Each language's verbs of knowing,
 * asking or wondering followed by an interrogative word or "whether" that opens the clause asked about;
 * Japanese closes that clause with か, or names what is asked with a noun of reason or way ("理由を知りたい").
 * A dialogue's turn in this form asks, and a turn it follows did not get its answer. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

export const ASKS_INDIRECTLY: Rules = [
  [/^en/, /(?:^|[^\p{L}])(?:know|wonder(?:ing|ed)?|ask(?:ing|ed)?|understand|learn|find out)\s+(?:why|how|what|whether|if|when|where|which|who)(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])(?:saber|preguntar(?:le|te)?|entender|pregunto|preguntaba|pregunté)\s+(?:(?:también|además|yo)\s+)?(?:por\s+qué|cómo|qué|si|cuándo|dónde|cuál|cuánto|quién)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:saber|perguntar|entender|pergunto)\s+(?:por\s+que|porque|como|o\s+que|se|quando|onde|qual|quanto)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:savoir|demande|demandais|demandé|demander|comprendre)\s+(?:(?:aussi|également|alors)\s+)?(?:pourquoi|comment|si|s['’]il|quand|où|ce\s+qu|quel|quelle|combien|qui)(?!\p{L})/iu],
  [/^de/, /(?:^|[^\p{L}])(?:wissen|fragen|frage|fragte|gefragt|verstehen|erfahren)(?:\s+(?:mich|mir|uns))?(?:\s+(?:auch|außerdem|noch))?,?\s+(?:warum|wieso|weshalb|wie|ob|was|wann|wo|welche\p{L}*|wer)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /想(?:知道|问|問|请教|請教|了解)/u],
  [/^ja/, /(?:(?:か|かどうか)(?:を)?|(?:理由|原因|方法|やり方|仕方|わけ)を)(?:知りたい|教えて|伺いたい|お聞きしたい)/u],
  [/^hi/, /(?:जानना|पूछना)\s+(?:चाहता|चाहती|चाहते)|सोच\s+(?:रहा|रही|रहे)\s+(?:था|थी|थे|हूँ|हूं|हैं)\s+कि\s+क्या(?!\p{L})/u],
  [/^ar/, /(?:أعرف|أسأل|أفهم|أتساءل|تساءلت)\s+(?:لماذا|كيف|ماذا|هل|متى|أين|إن|إذا|ما\s+إذا)/u],
];

/**
 * What every form of a Latin-script language's rule above holds (its verb's stem), in a pattern
 * without the rule's leading boundary, which makes a regex try every position: most sentences fail
 * it at once (a dialogue asks it of each of its 300 turns' sentences). Same flags as the rule, so
 * case folding finds the same letters.
 */
const ASKS_INDIRECTLY_HINT: Rules = [
  [/^en/, /know|wonder|ask|understand|learn|find out/iu],
  [/^(es|pt)/, /saber|pregunt|pergunt|entender/iu],
  [/^fr/, /savoir|demand|comprendre/iu],
  [/^de/, /wissen|frag|verstehen|erfahren/iu],
];

export function asksIndirectly(sentence: string, locale: string): boolean {
  const hint = ruleFor(ASKS_INDIRECTLY_HINT, locale);
  if (hint && !hint.test(sentence)) return false;
  return ruleFor(ASKS_INDIRECTLY, locale)?.test(sentence) ?? false;
}
