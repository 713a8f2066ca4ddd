/**
 * Filler told by a sentence's structure in the note's language, never by its phrases: the note's
 * first sentence reacting to the question asked before the note ("Oh, this one bugs a lot of
 * bakers.", "Ach, das kennen viele."), an interjection's place with a bare pronoun after it that
 * points at nothing yet; and a closing imperative asking the reader to write back ("Tell me how it
 * turns out!", "Cuéntame qué tal te fue.", "Schreib mir, wie es geklappt hat!", "Schreiben Sie mir, …"), the writer the
 * object of the reader's telling. Pure.
 */
import { capitalise } from './chars.js';
import { ruleFor, type Rules } from './locale-rules.js';
import { namesSomething } from './question-praise.js';
import { afterOpening, afterShortInterjection, judgesEaseOrCommon, substanceStands } from './reaction-remark.js';
import { namesWhatItPointsAt, pointsBack, wordCount } from './tone.js';
import { remarksHowWidelyMet } from './widely-met.js';
import { wishesByForm } from './wish-form.js';
import { opensAskingWriter } from './asks-writer.js';

/**
 * One short word before a comma or exclamation mark opening a sentence: where an interjection stands
 * ("Oh, …", "Ach, …", "¡Uy, …", "嗯，…", "अरे, …", "أوه، …"); Devanagari writes its vowels as marks, Arabic its own comma.
 */
const INTERJECTION_PLACE = /^[¡¿]?[\p{L}\p{M}]{1,6}\s?[,，、،!！]\s*/u;

/**
 * Whether the note's first sentence opens with an interjection and then a bare pronoun ("this
 * one", "das", "esto"): at the note's start it points at the question asked before it, a reaction
 * that names nothing of the note. A demonstrative with its noun ("Oh, this guide covers…") names it,
 * unless the few words after it only say how common the thing is ("Oh, this question comes up a lot",
 * "哎呀，这个问题很多人都遇到过", "آه، هذه المشكلة يعرفها كثيرون").
 */
export function reactsToTheAsking(s: string, locale: string): boolean {
  const rest = afterInterjection(s);
  if (rest === undefined || !pointsBack(rest, locale)) return false;
  return !namesWhatItPointsAt(rest, locale) || saysHowCommon(rest, locale);
}

/** What follows an interjection opening s, if one does. */
function afterInterjection(s: string): string | undefined {
  return afterOpening(s, INTERJECTION_PLACE);
}

/**
 * Each language's words for how often a thing happens or how many meet it: quantifiers of people
 * ("many", "beaucoup", "viele", "很多人", "कई", "كثيرون") and adverbs of frequency or commonness
 * ("often", "souvent", "häufig", "经常", "よく", "अक्सर", "شائع"). Not nouns: they name nothing of a topic.
 */
const HOW_COMMON: Rules = [
  [/^en/, /(?:^|\P{L})(?:a\s+lot|lots|many|most|often|common|everyone|everybody|all\s+the\s+time)(?!\p{L})/iu],
  [/^fr/, /(?:^|\P{L})(?:beaucoup|souvent|courante?|fréquente?|tout\s+le\s+monde|nombreu(?:x|ses)|la\s+plupart)(?!\p{L})/iu],
  [/^es/, /(?:^|\P{L})(?:much(?:os|as|a\s+gente)|a\s+menudo|común|frecuente|todo\s+el\s+mundo|casi\s+todos)(?!\p{L})/iu],
  [/^pt/, /(?:^|\P{L})(?:muit(?:os|as|a\s+gente)|frequente|comum|todo\s+mundo)(?!\p{L})/iu],
  [/^de/, /(?:^|\P{L})(?:viele[nm]?|oft|häufig|ständig|allen?)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /很多人|好多人|不少人|许多人|許多人|大家|常见|常見|经常|經常|常常/u],
  [/^ja/, /よく|多くの|多い|みんな|皆さん|ありがち/u],
  [/^hi/, /(?:^|\s)(?:बहुत|अक्सर|कई|आम|ज़्यादातर|ज्यादातर)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:ل?لكثير[\p{L}\p{M}]*|ل?كثير[\p{L}\p{M}]*|شائع[\p{L}\p{M}]*|غالب[\p{L}\p{M}]*)(?=[\s,.،!?؟]|$)/u],
];

/** Words at most in such a remark ("celle-là, beaucoup de pâtissiers la connaissent"): more says something. */
const REMARK_WORDS = 8;

/** A few words, no figure or name, saying only how common the thing pointed at is. */
function saysHowCommon(rest: string, locale: string): boolean {
  if (wordCount(rest) > REMARK_WORDS || /[\p{N}\uE000-\uF8FF]/u.test(rest) || namesSomething(rest, locale)) return false;
  return ruleFor(HOW_COMMON, locale)?.test(rest) ?? false;
}

/** French elides "ce" before "est" ("c'est simple"): a bare pronoun too, though "C'est un outil…" opens sentences of substance, so only here. */
const ELIDED_POINTER: Rules = [[/^fr/, /^c['’](?=est|était)/iu]];

/**
 * The substance after a reaction's colon, at the note's start ("Ah, it's simple: bake the cheesecake…"
 * → "Bake the cheesecake…", "Ah, c'est simple : …", "Ach, das ist einfach: …", "¡Ah, sencillo: …"): an
 * interjection, a few words on a bare pronoun or with none (barePredicate), then what the reaction
 * announced, which is the note's point.
 */
export function reactionsSubstance(s: string, locale: string): string | undefined {
  const rest = afterShortInterjection(s);
  const colon = rest === undefined ? null : /\s?[:：]\s*/u.exec(rest);
  if (rest === undefined || !colon) return undefined;
  const remark = rest.slice(0, colon.index);
  const substance = rest.slice(colon.index + colon[0].length);
  const pointerRemark = wordCount(remark) <= 4 && !/[\p{N}\uE000-\uF8FF]/u.test(remark) && (pointsBack(remark, locale) || (ruleFor(ELIDED_POINTER, locale)?.test(remark) ?? false) || barePredicate(remark));
  if (!(pointerRemark || judgesEaseOrCommon(remark, locale) || remarksHowWidelyMet(remark, locale)) || !substanceStands(substance)) return undefined;
  // The exclamation was the reaction's ("¡Ah, sencillo: …!"): the substance is a statement, ended as one.
  return capitalise(substance.replace(/\s*!+$/u, '.').replace(/！+$/u, '。'));
}

/** Words at most in a remark whose subject is unsaid ("sencillo", "bem simples", "easy"). */
const PREDICATE_WORDS = 2;

/**
 * A remark with its subject unsaid, as Spanish and Portuguese leave it ("¡Ah, sencillo: …", "Nossa,
 * bem simples: …") and any language's short reply may ("Oh, easy: …"): a word or two, all in lower
 * case; a capital marks a name, which the sentence is about ("Ah, Neapolitan: …").
 */
function barePredicate(remark: string): boolean {
  return wordCount(remark) <= PREDICATE_WORDS && /^\p{Ll}/u.test(remark) && !/\p{Lu}/u.test(remark);
}

/** Whether a sentence asks the reader to tell or write the writer back: a sign-off, no point wherever it stands. */
export function asksToHearBack(s: string, locale: string): boolean {
  // Set off before a statement ("Glaub mir, die Gare dauert…"), such a clause is no request: tone.ts withoutInterjection drops it first.
  return opensAskingWriter(s, locale);
}

/** A closing line of at most this many words that ends on no stop: a sign-off ("Happy baking 🍞", "Cheers", "¡Buen provecho 😊"). */
const SIGN_OFF_WORDS = 3;

/**
 * Whether a line of the closing paragraph is a sign-off: a few words ending on no stop (a letter or
 * an emoji), no sentence; a figure or code names something. Or, a little longer, a wish to the reader
 * by its language's form (WISHES_WELL), or of any length by the form of wish-form.ts.
 */
export function signsOff(s: string, locale: string): boolean {
  const line = s.trim();
  if (/[\p{N}\uE000-\uF8FF]/u.test(line)) return false;
  if (wishesByForm(line, locale)) return true; // whatever its length (wish-form.ts)
  if (/[.?。？؟।:：;)\]"'”»]$/u.test(line)) return false;
  return (wordCount(line) <= SIGN_OFF_WORDS && !/[!！]$/u.test(line)) || (wordCount(line) <= WISH_WORDS && (ruleFor(WISHES_WELL, locale)?.test(line) ?? false));
}

/** A wish to the reader is at most this many words (two CJK characters a word): "Viel Erfolg beim Gärtnern", "楽しいガーデニングを". */
const WISH_WORDS = 6;

/**
 * A wish to the reader by form, with no verb of the note's: German a phrase of nouns whose only words
 * in lower case are prepositions, articles and determiners, and adjectives between an article and its
 * noun ("Viel Spaß beim Backen", "Gute Fahrt mit dem neuen Rad"; a verb is in lower case: "Viel Salz hilft"); Japanese an object left without
 * its verb ("楽しいパン作りを", the wish's "お過ごしください" unsaid) or a bare request with no object
 * or place ("頑張ってください"); Chinese a line opening on 祝 (wishing: "祝烘焙愉快").
 */
const WISHES_WELL: Rules = [
  // An adjective, in lower case, only between an article and its noun ("mit dem neuen Rad").
  [/^de/, /^\p{Lu}\p{L}*(?:\s+(?:\p{Lu}\p{L}*|(?:beim|bei|mit|zum|zur|für|und|im|am|in|an|auf|aus|vom|von|den|dem|der|die|das|des|ein|eine[mnrs]?|dein\p{L}*|euer|eure[mnrs]?|allen?)(?:\s+\p{Ll}+e[mnrs]?(?=\s+\p{Lu}))?)){1,5}[\s!\p{Extended_Pictographic}\uFE0F\u200D]*$/u],
  [/^ja/, /^(?:[^。、，,！!？?]{1,14}を|[^をにでがはと。、，,！!？?]{1,6}て(?:ください|下さい|ね))[\s！!\p{Extended_Pictographic}\uFE0F\u200D]*$/u],
  [/^(zh|hant|yue)/, /^祝[^。，,！!？?]{1,12}[\s！!\p{Extended_Pictographic}\uFE0F\u200D]*$/u],
];
