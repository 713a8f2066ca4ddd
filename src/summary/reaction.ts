/**
 * Filler told by a sentence's structure in the note's language, never by its phrases: the note's
 * first sentence reacting to the question asked before the note ("Oh, this one bugs a lot of
 * bakers.", "Ach, das kennen viele."), an interjection's place with a bare pronoun after it that
 * points at nothing yet; and a closing imperative asking the reader to write back ("Tell me how it
 * turns out!", "Cuéntame qué tal te fue.", "Schreib mir, wie es geklappt hat!"), the writer the
 * object of the reader's telling. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { namesWhatItPointsAt, pointsBack, wordCount } from './tone.js';

/** One short word before a comma or exclamation mark opening a sentence: where an interjection stands ("Oh, …", "Ach, …", "¡Uy, …", "嗯，…"). */
const INTERJECTION_PLACE = /^[¡¿]?\p{L}{1,6}\s?[,，、!！]\s*/u;

/**
 * Whether the note's first sentence opens with an interjection and then a bare pronoun ("this
 * one", "das", "esto"): at the note's start it points at the question asked before it, a reaction
 * that names nothing of the note. A demonstrative with its noun ("Oh, this guide covers…") names it.
 */
export function reactsToTheAsking(s: string, locale: string): boolean {
  const opening = INTERJECTION_PLACE.exec(s.trimStart());
  if (!opening) return false;
  const rest = s.trimStart().slice(opening[0].length);
  return pointsBack(rest, locale) && !namesWhatItPointsAt(rest, locale);
}

/**
 * An imperative to the reader with the writer as its object, opening the sentence: English puts a
 * verb of telling first with "me"/"us"; German the verb with "mir" ("uns" urges writer and reader
 * on: "Lass uns…"); Spanish, French and Portuguese join "me"/"moi" to the verb ("Cuéntame",
 * "Escríbeme", "Dis-moi", "Conte-me"; "-nos" urges: "Vámonos"); Arabic suffixes it ("أخبرني"); Hindi asks
 * "मुझे … बताइए/बताएं"; Chinese and Japanese ask to be told (告诉我, 跟我说, 教えてください).
 */
const ASKS_TO_HEAR: Rules = [
  [/^en/, /^(?:please\s+|do\s+)?(?:tell|write|show|send|drop|ping|message|email|text)\s+(?:me|us)(?![\p{L}'’])/iu],
  [/^de/, /^(?:bitte\s+)?\p{L}+(?<!en)\s+mir(?!\p{L})/u],
  [/^es/, /^[¡¿]?(?:\p{L}*[áéíóú]\p{L}*me|dime|dame)(?!\p{L})/iu],
  [/^fr/, /^\p{L}+-moi(?!\p{L})/iu],
  [/^pt/, /^\p{L}+-me(?!\p{L})/iu],
  [/^ar/, /^\p{L}{2,}(?<!ا)ني(?!\p{L})/u],
  [/^hi/, /^(?:\S+\s+){0,2}मुझे\s+(?:\S+\s+){0,6}?(?:बताइए|बताइये|बताएं|बताएँ|बताना|बताओ|लिखिए|लिखें)/u],
  [/^(zh|hant|yue)/, /^(?:请|請|欢迎|歡迎)?(?:告诉我|告訴我|跟我说|跟我說|和我说|和我說|让我知道|讓我知道)/u],
  [/^ja/, /(?:教えて|聞かせて|知らせて)(?:ください|下さい|くださいね|ね)[。！!]?$/u],
];

/** Whether a sentence asks the reader to tell or write the writer back: a sign-off, no point wherever it stands. */
export function asksToHearBack(s: string, locale: string): boolean {
  return ruleFor(ASKS_TO_HEAR, locale)?.test(s.trimStart()) ?? false;
}

/** A closing line of at most this many words that ends on no stop: a sign-off ("Happy baking 🍞", "Cheers", "¡Buen provecho 😊"). */
const SIGN_OFF_WORDS = 3;

/**
 * Whether a line of the closing paragraph is a sign-off: a few words ending on no stop (a letter or
 * an emoji), no sentence; a figure or code names something.
 */
export function signsOff(s: string): boolean {
  const line = s.trim();
  return wordCount(line) <= SIGN_OFF_WORDS && !/[.!?。！？؟।:：;)\]"'”»\p{N}\uE000-\uF8FF]$/u.test(line) && !/[\p{N}\uE000-\uF8FF]/u.test(line);
}
