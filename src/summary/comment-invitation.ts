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
import { factsOf, passesGate, type WordGates } from './sentence-facts.js';

/** Words at most in such a sentence: longer, it says something more. */
const MAX_WORDS = 24;

/**
 * Per language, the page's comment section as a place: a locative phrase of the plural or the section ("in the
 * comments", "in die Kommentare", "en commentaire", "في التعليقات", "कमेंट्स में"); comments as a subject ("the comments
 * explain why") or one comment are as often code's.
 */
const COMMENTS: Rules = [
  [/^en/, /(?:^|\P{L})(?:(?:in|into|to)\s+the\s+comments|comment\s+(?:section|box|form))(?!\p{L})/iu],
  [/^de/, /(?:^|\P{L})(?:(?:in\s+(?:die|den)|unter\s+den)\s+Kommentar(?:e|en)|Kommentar(?:bereich|feld|spalte))(?!\p{L})/iu],
  [/^fr/, /(?:^|\P{L})(?:(?:dans\s+les|en|aux|en\s+section)\s+commentaires?)(?!\p{L})/iu],
  [/^es/, /(?:^|\P{L})(?:(?:en|a)\s+(?:los|la\s+sección\s+de)\s+comentarios|en\s+un\s+comentario)(?!\p{L})/iu],
  [/^pt/, /(?:^|\P{L})(?:nos|em\s+um)\s+comentários?(?!\p{L})/iu],
  [/^ja/, /コメント(?:欄|で|に|から)/u],
  [/^(zh|hant|yue)/, /评论区|評論區|留言区|留言區|留言|评论里|評論裡|评论中|評論中/u],
  [/^ar/, /(?:^|\s)(?:في|ب)\s*التعليقات(?=[\s,.،!?؟]|$)/u],
  [/^hi/, /(?:^|\s)(?:कमेंट|कमेंट्स|टिप्पणी|टिप्पणियों)\s+(?:में|बॉक्स)(?=[\s,.।!?]|$)/u],
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

/**
 * Per language, the verb of commenting as the whole invitation, with no object of its own ("Bei Fragen einfach
 * kommentieren.", "Commentez ci-dessous !", "気軽にコメントしてくださいね。", "欢迎留言讨论。", "कमेंट ज़रूर करें।"):
 * "Comment your code" has one and stays. German's words after the first are in lower case (no noun) but its asking's.
 */
const COMMENT_VERB: Rules = [
  [/^en/, /^(?:(?:please|just|feel\s+free\s+to|do)\s+)*(?:comment|leave\s+a\s+comment|drop\s+a\s+comment)(?:\s+(?:below|here|away|anytime))*[\s.!…]*$/iu],
  [/^de/, /^(?:(?:[Bb]ei|[Mm]it)\s+(?:\p{Ll}+\s+)?(?:Fragen|Unklarheiten|Anmerkungen)\s+)?(?:\p{Ll}+\s+){0,3}[Kk]ommentier(?:e|t|en)?(?:\s+\p{Ll}+){0,3}[\s.!…]*$/u],
  [/^fr/, /^(?:n['’]h[ée]sit(?:e|ez)\s+pas\s+à\s+)?(?:commente[rz]?|laisse[rz]?\s+un\s+commentaire)(?:\s+(?:ici|ci-dessous|en\s+dessous|librement))*[\s.!…]*$/iu],
  [/^es/, /^[¡]?(?:no\s+dudes\s+en\s+)?(?:comenta(?:d|r)?|deja(?:me)?\s+un\s+comentario)(?:\s+(?:aquí|abajo|libremente))*[\s.!…]*$/iu],
  [/^ja/, /^(?:お?気軽に|ぜひ|遠慮なく)?、?コメント(?:して|を(?:残して|して)?)?(?:ください|下さい)(?:ね|ませ)?[。！!]*$|コメント(?:を)?(?:お待ちしています|お待ちしております|待ってます)[。！!]*$/u],
  [/^(zh|hant|yue)/, /^(?:欢迎|歡迎)[^，,。！!？?]{0,10}(?:留言|在(?:下方)?(?:评论|評論)|评论区|評論區)[^，,。！!？?]{0,10}[。！!～~]*$|^(?:请|請)(?:在(?:下方|评论区|評論區))?(?:留言|评论|評論)/u],
  [/^ar/, /^(?:شاركنا|شاركونا|اترك(?:وا)?\s+تعليق[\p{L}\p{M}]*)(?=[\s.!،]|$)/u],
  [/^hi/, /(?:^|\s)(?:कमेंट|टिप्पणी)\s+(?:ज़रूर\s+|जरूर\s+)?(?:करें|कीजिए|करना\s+न\s+भूलें)[\s।.!]*$/u],
];

/** Words at most in a question naming only the reader's asking ("Habt ihr Fragen?", "¿Dudas?", "Une question ?"). */
const ASKING_QUESTION_WORDS = 5;

/** What COMMENTS and COMMENT_VERB cannot match without, in lower case: most sentences hold none, and no rule need run (offersMore asks of every sentence). */
const COMMENT_GATES: WordGates = [
  [/^en/, ['comment']],
  [/^de/, ['komment']],
  [/^fr/, ['comment']],
  [/^(es|pt)/, ['coment']],
  [/^ja/, ['コメント']],
  [/^(zh|hant|yue)/, ['评论', '評論', '留言']],
  [/^ar/, ['تعليق', 'شارك']],
  [/^hi/, ['कमेंट', 'टिप्पण']],
];

/** Whether a sentence sends the reader's questions to the comments, and says nothing else (no figure, no code). */
export function invitesToComment(s: string, locale: string): boolean {
  if (!passesGate(COMMENT_GATES, locale, s)) return false;
  const f = factsOf(s);
  if (f.words > MAX_WORDS || f.hasFigureOrCode) return false;
  if (ruleFor(COMMENT_VERB, locale)?.test(f.trimmed)) return true;
  return (ruleFor(COMMENTS, locale)?.test(s) ?? false) && (ruleFor(ASKING, locale)?.test(s) ?? false);
}

/**
 * The same when the asking is the question just before it, the sentence's pronoun standing for it: "Habt ihr Fragen?
 * Dann schreibt sie in die Kommentare.", "¿Dudas? Déjalas en los comentarios.", "Une question ? Posez-la en commentaire."
 */
export function invitesToCommentAfter(s: string, before: string | undefined, locale: string): boolean {
  if (before === undefined || !passesGate(COMMENT_GATES, locale, s) || !/[?？؟]\s*$/u.test(before) || factsOf(before).words > ASKING_QUESTION_WORDS || !(ruleFor(COMMENTS, locale)?.test(s) ?? false)) return false;
  return (ruleFor(ASKING, locale)?.test(before) ?? false) && !factsOf(s).hasFigureOrCode && factsOf(s).words <= MAX_WORDS;
}
