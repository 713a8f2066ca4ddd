/**
 * How an answer and its question read together: an answer that names itself "the answer", and the
 * question proper of a long question. Pure.
 */
import { capitalise } from './chars.js';

/**
 * An answer naming itself as the answer ("The answer surprises: only 50 %.", "La respuesta es…", "Die
 * Antwort lautet…", "答案是…", "答えは…", "इसका जवाब…", "الجواب…"): the noun "answer" as its subject,
 * after at most an article and one adjective; what it answers is the question before it.
 */
const NAMES_ITSELF_ANSWER =
  /^(?:(?:the|a|la|le|l['’]|die|eine|una|a|o)\s*(?:\p{L}+\s+)?)?(?:answer|respuesta|réponse|antwort|resposta|risposta)(?!\p{L})|^(?:इसका\s+|इस\s+सवाल\s+का\s+)?(?:जवाब|उत्तर)(?!\p{L}|\p{M})|^(?:ال)?(?:جواب|إجابة)|^(?:答案|答え|回答|答复|答覆)/iu;

export function namesItselfAnswer(answer: string): boolean {
  return NAMES_ITSELF_ANSWER.test(answer.trimStart());
}

/**
 * The question proper of a sentence whose clauses before it set its scene: Spanish opens the question
 * itself with "¿" wherever it begins ("Si una prueba…, ¿qué probabilidad hay…?": RAE, Ortografía 2010,
 * §3.4.2, the signs go where the question begins); from there it is the question asked, capitalised.
 */
export function questionProper(question: string): string | undefined {
  const start = question.search(/(?<=[,;:]\s*)¿/u);
  return start > 0 ? `¿${capitalise(question.slice(start + 1))}` : undefined;
}
