/**
 * An imperative to the reader with the writer as its object, opening the sentence: English puts a
 * verb of telling first with "me"/"us"; German the verb with "mir" ("uns" urges writer and reader
 * on: "Lass uns…"); Spanish, French and Portuguese join "me"/"moi" to the verb ("Cuéntame",
 * "Escríbeme", "Dis-moi", "Conte-me"; "-nos" urges: "Vámonos"); Arabic suffixes it ("أخبرني"); Hindi asks
 * "मुझे … बताइए/बताएं"; Chinese and Japanese ask to be told (告诉我, 跟我说, 教えてください). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

const TO_WRITER: Rules = [
  [/^en/, /^(?:please\s+|do\s+)?(?:tell|write|show|send|drop|ping|message|email|text)\s+(?:me|us)(?![\p{L}'’])/iu],
  // …and the formal imperative, its verb in -en before "Sie" ("Schreiben Sie mir", "Lassen Sie mich wissen").
  [/^de/, /^(?:bitte\s+)?(?:\p{L}+(?<!en)\s+mir|\p{L}+en\s+Sie\s+(?:mir|mich))(?!\p{L})/u],
  [/^es/, /^[¡¿]?(?:\p{L}*[áéíóú]\p{L}*me|dime|dame)(?!\p{L})/iu],
  [/^fr/, /^\p{L}+-moi(?!\p{L})/iu],
  [/^pt/, /^\p{L}+-me(?!\p{L})/iu],
  // The suffix ني on an imperative ("أخبرني", "صدقني", "تابعني"), never on an imperfect: an imperative
  // never carries the third person's prefix ي ("يعني", "يسعدني"), and a prefix ت/ن/أ with one root
  // letter before ني is the imperfect of a verb whose root ends in ن-ي ("تعني", it means; "أعني", "نبني").
  [/^ar/, /^(?!ي|[تنأ]\p{L}ني(?!\p{L}))\p{L}{2,}(?<!ا)ني(?!\p{L})/u],
  [/^hi/, /^(?:\S+\s+){0,2}मुझे\s+(?:\S+\s+){0,6}?(?:बताइए|बताइये|बताएं|बताएँ|बताना|बताओ|लिखिए|लिखें)/u],
  [/^(zh|hant|yue)/, /^(?:请|請|欢迎|歡迎)?(?:告诉我|告訴我|跟我说|跟我說|和我说|和我說|让我知道|讓我知道)/u],
  [/^ja/, /(?:教えて|聞かせて|知らせて)(?:ください|下さい|くださいね|ね)[。！!]?$/u],
];

/** Whether the sentence or clause opens with the reader told to tell, write or believe the writer ("Tell me…", "Glaub mir", "صدقني"). */
export function opensAskingWriter(s: string, locale: string): boolean {
  return ruleFor(TO_WRITER, locale)?.test(s.trimStart()) ?? false;
}
