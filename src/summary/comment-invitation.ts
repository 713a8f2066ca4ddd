/**
 * The reader sent to the page's comments with their questions (issue 23, F6): "Falls noch Fragen offen
 * sind, schreib sie gern in die Kommentare.", "اترك أسئلتك في التعليقات.", "有疑问的话可以在评论区提出来。",
 * "अपने सवाल कमेंट्स में लिखें।". Told by what the sentence is about, the conversation itself: its place
 * is the comment section and what goes there is the reader's questions (a noun of asking, in the
 * condition or the main clause) or an asking (a verb of asking), whatever the verb that sends them
 * and however the condition is put. A code comment is told apart by its questions: "Explain the why in
 * the comments" names none and stays. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { factsOf } from './sentence-facts.js';

/** Words at most in such a sentence: longer, it says something more. */
const MAX_WORDS = 24;

/**
 * Per language, the page's comment section as a place: the plural or the section ("in the comments", "in
 * die Kommentare", "en commentaire"); one comment ("whether the comment explains why") is as often code's.
 */
const COMMENTS: Rules = [
  [/^en/, /(?:^|\P{L})(?:comments|comment\s+(?:section|box|form))(?!\p{L})/iu],
  [/^de/, /(?:^|\P{L})Kommentar(?:e|en|bereich|feld|spalte)(?!\p{L})/iu],
  [/^fr/, /(?:^|\P{L})(?:commentaires|en\s+commentaire)(?!\p{L})/iu],
  [/^es/, /(?:^|\P{L})(?:comentarios|en\s+un\s+comentario)(?!\p{L})/iu],
  [/^pt/, /(?:^|\P{L})(?:comentários|em\s+um\s+comentário)(?!\p{L})/iu],
  [/^ja/, /コメント(?:欄|で|に|から)/u],
  [/^(zh|hant|yue)/, /评论区|評論區|留言区|留言區|留言|评论里|評論裡|评论中|評論中/u],
  [/^ar/, /(?:^|\s)(?:ال)?تعليق(?:ات)?(?=[\s,.،!?؟]|$)/u],
  [/^hi/, /(?:^|\s)(?:कमेंट|कमेंट्स|टिप्पणी|टिप्पणियों)(?=[\s,.।!?]|$)/u],
];

/**
 * Per language, the reader's asking: a noun of questions or doubts ("questions", "Fragen", "dudas", "疑问",
 * "أسئلتك" with its suffix, "सवाल") or thoughts offered, or a verb of asking ("ask", "frag", "pregunt-",
 * "聞いて", "提问", "اسأل", "पूछ").
 */
const ASKING: Rules = [
  [/^en/, /(?:^|\P{L})(?:questions?|doubts?|thoughts|feedback|ask(?!\s+yourself))(?!\p{L})/iu],
  [/^de/, /(?:^|\P{L})(?:Fragen?|Unklarheiten|Gedanken|Feedback|Anmerkungen|frag\p{L}*(?!\s+dich))(?!\p{L})/iu],
  [/^fr/, /(?:^|\P{L})(?:questions?|doutes?|remarques|avis|demande[rz]?)(?!\p{L})/iu],
  [/^es/, /(?:^|\P{L})(?:preguntas?|dudas?|opiniones|pregunt\p{L}*|pregúnt\p{L}*)(?!\p{L})/iu],
  [/^pt/, /(?:^|\P{L})(?:perguntas?|dúvidas?|opiniões|pergunt\p{L}*)(?!\p{L})/iu],
  [/^ja/, /質問|疑問|(?:わから|分から)ない(?:こと|点|ところ)|不明な点|ご意見|感想|聞いて|きいて|尋ねて/u],
  [/^(zh|hant|yue)/, /问题|問題|疑问|疑問|不懂|想法|意见|意見|看法|提问|提問|问我|問我/u],
  [/^ar/, /(?:^|\s)(?:أسئل\p{L}*|سؤال\p{L}*|استفسار\p{L}*|رأيك|اسأل\p{L}*)(?=[\s,.،!?؟]|$)/u],
  [/^hi/, /(?:^|\s)(?:सवाल|सवालों|प्रश्न|प्रश्नों|सुझाव|राय|पूछ\S*)(?=[\s,.।!?]|$)/u],
];

/** Whether a sentence sends the reader's questions to the comments, and says nothing else (no figure, no code). */
export function invitesToComment(s: string, locale: string): boolean {
  const comments = ruleFor(COMMENTS, locale);
  if (!comments?.test(s)) return false;
  const f = factsOf(s);
  if (f.words > MAX_WORDS || f.hasFigureOrCode) return false;
  return ruleFor(ASKING, locale)?.test(s) ?? false;
}
