/**
 * A reply's opening that ranks the question among others ("This is one of the most common questions
 * when you start…", "Das ist eine der häufigsten Fragen", "C'est une des questions les plus
 * fréquentes", "Es una de las dudas más comunes", "هذا من أكثر الأسئلة شيوعًا", "यह सबसे आम सवालों में
 * से एक है", "这是…最常见的问题之一", "これは…最もよく聞かれる質問の一つです"): told by its structure, a pointer (or Spanish's dropped subject),
 * the copula, then "one of the … questions" in each language's plural, a remark on the asking and no
 * point (README). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

const RANKS_THE_QUESTION: Rules = [
  [/^en/, /^(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:\p{L}+ly\s+)?one\s+of\s+(?:the|my)\s+(?:\p{L}+\s+){0,3}(?:questions|doubts)(?!\p{L})/iu],
  [/^de/, /^(?:das|dies|es)\s+ist\s+(?:\p{L}+\s+)?eine\s+(?:der|von\s+den)\s+(?:\p{L}+\s+){0,2}Fragen(?!\p{L})/iu],
  [/^fr/, /^(?:c['’]est|voilà|ce\s+sont)\s+(?:l['’]une|une)\s+des\s+(?:\p{L}+\s+){0,2}questions(?!\p{L})/iu],
  [/^es/, /^(?:(?:esta|esa|esto|eso)\s+)?es\s+una\s+de\s+las\s+(?:\p{L}+\s+){0,2}(?:preguntas|dudas)(?!\p{L})/iu],
  [/^pt/, /^(?:(?:essa|esta|isso|isto)\s+)?é\s+uma\s+das\s+(?:\p{L}+\s+){0,2}(?:perguntas|dúvidas)(?!\p{L})/iu],
  // Arabic "this is among the most … questions": من + a superlative or "one" before the plural.
  [/^ar/, /^(?:هذا|هذه|ذلك|تلك|هو|هي)\s+(?:(?:واحد|واحدة)\s+)?من\s+(?:[\p{L}\p{M}]+\s+){0,2}(?:الأسئلة|أسئلة|التساؤلات)(?=[\s,.،!?؟]|$)/u],
  // Hindi ends on "one of the … questions" ("सवालों में से एक है"), its pointer after a time clause; a clause may follow the comma.
  [/^hi/, /(?:^|\s)(?:यह|ये)\s+(?:\S+\s+){0,3}(?:सवालों|प्रश्नों)\s+में\s+से\s+एक\s+(?:है|हैं)(?=[\s,.।!]|$)/u],
  [/^(zh|hant|yue)/, /^(?:这|這)(?:是|算是)[^，。,]{0,14}(?:问题|問題)之一/u],
  // Japanese puts the topic first with は (a pointer, "これは", or the question itself, "パンが重くなるのは") and ends on
  // "one of the … questions" ("…質問の一つです"); what ranks a thing of the note ("工程の一つです") is no question.
  [/^ja/, /^[^。！!？?]*?は[^。！!？?]*(?:質問|疑問|問い合わせ|問い)の(?:一つ|ひとつ|1つ|１つ)(?:です|だ|である|となっています)[。！!]?$/u],
];

export function ranksTheQuestion(sentence: string, locale: string): boolean {
  return ruleFor(RANKS_THE_QUESTION, locale)?.test(sentence.trim()) ?? false;
}
