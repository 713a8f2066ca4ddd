/**
 * A closing wish to the reader, of any length, by its language's grammar of wishing, where nothing of
 * it is a statement: English, Spanish, French and Portuguese open on the adjective of well-wishing with
 * its noun ("Good luck", "Buena suerte", "Mucho éxito", "Bonne chance", "Boa sorte") and go on in
 * prepositional phrases only ("with your first loaf", "con tu huerto", "avec votre levain"), no verb;
 * Hindi ends, verb-final, on the noun of wishing with no verb after it ("…के लिए शुभकामनाएँ"); Arabic
 * opens on the optative accusative, an indefinite noun and its adjective both with tanwin ("حظًا
 * سعيدًا", "وقتًا ممتعًا"); German opens on its well-wishing adjective and noun and goes on in nouns,
 * articles, prepositions and their adjectives ("Viel Erfolg und gutes Gelingen mit Ihrem ersten Brot!");
 * Japanese closes on the optative "…ますように" or a request to enjoy or do well, Chinese opens on a verb of wishing for "you" ("希望你…",
 * "祝您…"). A figure or code is told apart before (reaction.ts signsOff). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

/** What may close the line: an exclamation's stops, emoji; a statement's full stop is no wish's. */
const END = String.raw`[\s!¡！\p{Extended_Pictographic}\uFE0F\u200D]*$`;

/**
 * A Latin-script wish: its opening adjective and noun, then prepositional phrases, each a preposition
 * (or "and" joining one more) and at most five words, none of them a preposition or "and"; the line
 * ends as an exclamation, not on a statement's full stop ("Buena parte del agua se evapora en el horno.").
 * A phrase's words can be split one way only, so a line that is no wish fails in linear time: with a
 * determiner slot before words that could also be determiners, "Good luck and with the the and with
 * the the …" backtracked exponentially (10 repeats: 1.9 s).
 */
function latinWish(opening: string, prepositions: string, and: string): RegExp {
  const word = String.raw`(?!(?:${prepositions}|${and})(?![\p{L}'’-]))[\p{L}'’-]+`;
  const phrase = String.raw`(?:\s*,?\s+(?:(?:${and})\s+(?:(?:${prepositions})\s+)?|(?:${prepositions})\s+)${word}(?:\s+${word}){0,4})`;
  return new RegExp(String.raw`^[¡]?(?:${opening})(?:\s+[\p{L}'’-]+){1,2}?${phrase}*${END}`, 'iu');
}

/** German's words that are neither noun nor adjective in a wish: conjunctions, prepositions, articles, determiners, "viel". */
const DE_FUNCTION = String.raw`(?:und|oder|viel|viele[nmrs]?|beim|bei|mit|zum|zur|für|im|am|in|an|auf|aus|vom|von|den|dem|der|die|das|des|ein|eine[mnrs]?|dein\p{L}*|euer|eure[mnrs]?|allen?)(?!\p{L})`;

/**
 * A German wish: the well-wishing adjective or quantifier with its noun ("Viel Erfolg", "Gutes Gelingen",
 * "Frohes Backen"), then nouns (capitalised), the words of DE_FUNCTION, and adjectives in lower case only
 * before a noun or another adjective ("mit Ihrem ersten eigenen Brot"); a verb is in lower case and none of
 * these ("Gutes Mehl macht den Unterschied!"). Each word parses one way only, so a line that is no wish
 * fails in linear time.
 */
function germanWish(): RegExp {
  const adjective = String.raw`(?!${DE_FUNCTION})\p{Ll}+e[mnrs]?`;
  const word = String.raw`(?:\p{Lu}[\p{L}-]*|${DE_FUNCTION}|${adjective}(?=\s+(?:\p{Lu}|${adjective}\s)))`;
  return new RegExp(String.raw`^(?:Viel|Viele[nm]?|Gute[snm]?|Frohe[snm]?|Schöne[snm]?|Alles|Herzliche[nm]?)(?:\s+${word}){1,15}${END}`, 'u');
}

/** Stops a wish by optative form may end on: its own full stop too ("美味しいパンが焼けますように。"). */
const OPTATIVE_END = String.raw`[\s。.!！\p{Extended_Pictographic}\uFE0F\u200D]*$`;

const WISH_FORM: Rules = [
  [/^en/, latinWish('good|best|happy', 'with|on|for|in|at|of', 'and')],
  [/^es/, latinWish('buen[ao]?s?|feliz|felices|much[oa]s?', 'con|en|para|de|del|a|al', 'y|e')],
  [/^fr/, latinWish('bon(?:ne)?s?|belles?', 'avec|pour|dans|à|au|aux|de|du|des|sur', 'et')],
  [/^pt/, latinWish('bo[ma]s?|bons|feliz|felizes|muit[oa]s?', 'com|no|na|nos|nas|em|para|de|do|da', 'e')],
  [/^de/, germanWish()],
  // Japanese: the optative "…ますように" closing the line ("may you…"; "…ように" inside a sentence is "so that"), or
  // a request of the verbs of wishing, to enjoy or to do well ("ぜひ楽しんでくださいね", "頑張ってください"), which act on nothing.
  // …or the writer's gladness on a condition of the answer helping ("参考になれば幸いです": I'd be glad if it helps), or
  // a request to spend one's time or keep well ("素敵な時間をお過ごしください", "ご自愛ください").
  [/^ja/, new RegExp(String.raw`^[^。！!？?]*(?:(?:ます|ません)ように|(?:楽しんで|頑張って|がんばって|お過ごし|ご自愛|お元気で)(?:ください|下さい)(?:ね|よ|ませ)?|(?:ば|たら)(?:幸い|嬉しい|うれしい)です(?:ね|よ)?)${OPTATIVE_END}`, 'u')],
  // Chinese: a verb of wishing with the reader in what is wished, its subject or its object ("希望你…", "祝你…", "希望这些建议能帮你…").
  [/^(zh|hant|yue)/, new RegExp(String.raw`^(?:希望|但愿|但願|祝愿|祝願|祝|愿|願)[^。！!？?，,]*(?:你|您)[^。！!？?]*${OPTATIVE_END}`, 'u')],
  // Hindi's noun of wishing closes it, no verb after it, so its full stop ends no statement ("आपको बहुत-बहुत शुभकामनाएँ।").
  [/^hi/, new RegExp(String.raw`^[^।.!?]*?(?:शुभकामनाएँ|शुभकामनाएं|शुभकामना|मंगलकामनाएँ|बधाई)[\s।!\p{Extended_Pictographic}\uFE0F\u200D]*$`, 'u')],
  [/^ar/, new RegExp(String.raw`^\p{L}+(?:\u064B\p{L}?|\p{L}\u064B)\s+\p{L}+(?:\u064B\p{L}?|\p{L}\u064B)(?:\s+[^\s.،,:؟?]+){0,8}${END}`, 'u')],
];

/**
 * The writer's hope opening the line, by its language's grammar of hoping: the verb in the first person or
 * impersonal ("I hope", "Ich hoffe", "J'espère", "Espero que", "أتمنى", "उम्मीद है": hope is), its adverb
 * ("Hopefully", "Hoffentlich") or the optative particle and subjunctive ("Ojalá…", "¡Que te salga…!",
 * "Pourvu que…"). Asked only of a closing line (reaction.ts signsOff): there it wishes the reader well,
 * whatever it hopes for.
 */
const HOPES: Rules = [
  [/^en/, /^(?:I\s+(?:really\s+|truly\s+|do\s+)?hope|hope|hopefully)(?![\p{L}'’])/iu],
  [/^de/, /^(?:ich\s+hoffe|hoffentlich|ich\s+wünsche\s+(?:dir|Ihnen|euch))(?!\p{L})/iu],
  [/^fr/, /^(?:j['’]espère|en\s+espérant|pourvu\s+que|je\s+(?:vous|te)\s+souhaite)(?!\p{L})/iu],
  [/^es/, /^[¡]?(?:espero\s+que|ojalá|que\s+(?:te|le|os|les)\s|(?:te|le|os)\s+deseo)(?!\p{L})/iu],
  [/^pt/, /^(?:espero\s+que|tomara|oxalá|desejo-(?:te|lhe))(?!\p{L})/iu],
  [/^ar/, /^و?(?:أتمنى|آمل|نتمنى|نأمل|أرجو\s+أن)(?=\s)/u],
  [/^hi/, /^(?:मुझे\s+|मैं\s+|हमें\s+)?(?:उम्मीद|आशा)\s+(?:है|हैं|करता|करती|करते)(?=[\s,.।!]|$)/u],
];

/** Whether a closing line is a wish to the reader by its language's form, whatever its length. */
export function wishesByForm(line: string, locale: string): boolean {
  return (ruleFor(WISH_FORM, locale)?.test(line) ?? false) || (ruleFor(HOPES, locale)?.test(line) ?? false);
}
