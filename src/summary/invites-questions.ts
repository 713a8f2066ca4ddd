/**
 * A sign-off inviting the reader to ask again, told by its structure: a condition (the language's
 * conditional: "if/should …", "falls …", "bei weiteren …", "si …", "cualquier … que", "有…的话", "…あれば",
 * "… तो", "إذا …") and a main clause that does nothing but invite the reader to come back to the writer:
 * a verb of asking, writing, commenting or contacting with the writer or no one as its object, or the
 * writer saying they are there ("Should anything stay unclear, just ping me.", "Bei Unklarheiten fragen
 * Sie gern nach.", "有看不懂的可以留言问我。", "कोई बात अटके तो बेझिझक पूछिए।"). A main clause that names
 * anyone or anything else ("call the consulate at +33 …", "ask your administrator") is an instruction and
 * stays. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { factsOf, passesGate, type WordGates } from './sentence-facts.js';

/** Words at most in such a sign-off (CJK characters two to a word): longer, it says something more. */
const MAX_WORDS = 20;

/** Per language, a main clause that only invites the reader back, to be placed where INV stands in CONDITIONED. */
const INVITATION: Record<string, string> = {
  en: String.raw`(?:(?:please|just|so|then|simply)\s+)*(?:(?:feel\s+free|don['’]t\s+hesitate|do\s+not\s+hesitate)\s+to\s+)?(?:(?:ask|comment|write|reach\s+out|get\s+in\s+touch)(?:\s+(?:me|us))?|(?:drop|send|ping|message|email|tell|contact|text)\s+(?:me|us)(?:\s+a\s+(?:line|note|message|comment))?|let\s+(?:me|us)\s+know|leave\s+(?:me\s+)?a\s+(?:comment|note|message)|I['’]m\s+(?:here|happy\s+to\s+help)|I\s+am\s+here)(?:\s+(?:away|again|anytime|any\s+time|below|here|in\s+the\s+comments))*`,
  de: String.raw`(?:(?:meld(?:e)?\s+dich|melden\s+Sie\s+sich|frag(?:e)?|fragen\s+Sie|schreib(?:e)?|schreiben\s+Sie|kontaktier(?:e)?|kontaktieren\s+Sie|sag|sagen\s+Sie|hinterlass(?:e)?|hinterlassen\s+Sie)(?:\s+(?:mir|mich|uns))?(?:\s+(?:gern|gerne|einfach|jederzeit|ruhig|nach|bei\s+mir|Bescheid|einen\s+Kommentar|in\s+den\s+Kommentaren))*|ich\s+(?:bin\s+für\s+(?:dich|Sie)\s+da|helfe\s+gern(?:e)?))`,
  es: String.raw`[¡]?(?:(?:no\s+dudes?\s+en|siéntete\s+libre\s+de)\s+)?(?:pregúnta(?:me|nos)|pregunta(?:r(?:me|nos)?)?|escríbe(?:me|nos)|escribir(?:me|nos)|avísa(?:me|nos)|avisar(?:me|nos)|dime|déja(?:me)?\s+un\s+comentario|comenta|contácta(?:me|nos)|contactar(?:me|nos)|aquí\s+estoy|estoy\s+aquí|me\s+(?:dices|avisas|escribes|preguntas))(?:\s+(?:sin\s+problema|cuando\s+quieras|por\s+aquí|en\s+los\s+comentarios|de\s+nuevo))*`,
  fr: String.raw`(?:n['’]h[ée]sit(?:e|ez)\s+pas\s+à\s+)?(?:(?:me|nous)\s+)?(?:demande[rz]?|écri(?:s|vez|re)|contacte[rz]?|commente[rz]?|laisse[rz]?\s+un\s+commentaire|pose[rz]?\s+(?:tes|vos)\s+questions|(?:dis|dites|écris|écrivez|demande|demandez|contacte|contactez)-moi|je\s+suis\s+là)(?:\s+(?:en\s+commentaire|dans\s+les\s+commentaires|ici))*`,
  pt: String.raw`(?:(?:não\s+hesite\s+em|fique\s+à\s+vontade\s+para)\s+)?(?:pergunt(?:e|a|ar)|me\s+(?:pergunte|chame|avise|escreva)|escreva(?:-me)?|comente|deixe\s+um\s+comentário|fale\s+comigo|estou\s+(?:aqui|à\s+disposição))(?:\s+(?:nos\s+comentários|aqui))*`,
  zh: String.raw`(?:可以|欢迎|歡迎|请|請|尽管|儘管|随时|隨時|再|直接|都|就)*(?:问我|問我|找我|告诉我|告訴我|留言(?:问我|問我|告诉我|告訴我)?|评论|評論|私信我|联系我|聯繫我)(?:吧|哦|喔)?`,
  ja: String.raw`(?:いつでも|お?気軽に|遠慮なく|ぜひ)?、?(?:聞いて|きいて|質問して|ご?質問|コメントして|コメント|ご?連絡|連絡して|お問い合わせ|メッセージして|教えて|お知らせ)(?:ください|下さい)(?:ね|ませ)?`,
  hi: String.raw`(?:बेझिझक\s+|ज़रूर\s+|जरूर\s+|कभी\s+भी\s+)?(?:(?:मुझसे|मुझे)\s+)?(?:कमेंट\s+में\s+|कमेंट्स\s+में\s+)?(?:पूछें|पूछिए|पूछिये|पूछ\s+लें|पूछ\s+सकते\s+हैं|बताइए|बताइये|बताएं|बताएँ|लिखें|लिखिए|संपर्क\s+करें|कमेंट\s+करें)`,
  ar: String.raw`ف?(?:لا\s+تتردد\s+في\s+(?:السؤال|التواصل|طرحها|الاستفسار|سؤالي|التعليق)|اسألني|راسلني|تواصل\s+معي|أخبرني|اترك\s+تعليقًا|أنا\s+هنا)`,
};

/**
 * Per language, the condition and, where INV stands, the invitation as the whole main clause, on
 * whichever side of the condition the language puts it.
 */
const CONDITIONED: Array<[RegExp, string, string]> = [
  [/^en/, 'en', String.raw`(?:(?:if|should|in\s+case|whenever)\s+[^,]+,\s*INV|INV,?\s+(?:if|in\s+case|whenever|should)\s+[^,]+?)`],
  // German: a clause of wenn/falls/sofern before its comma, or "bei" and a noun phrase with the finite verb after it.
  [/^de/, 'de', String.raw`(?:(?:wenn|falls|sofern)\s+[^,]+,\s*INV|bei\s+(?:\p{L}+\s+){1,3}?INV|INV,\s+(?:wenn|falls|sofern)\s+[^,]+?)`],
  [/^es/, 'es', String.raw`[¡¿]?(?:(?:si|en\s+caso\s+de|cualquier|ante\s+cualquier)\s+[^,]+,\s*INV|INV,?\s+(?:si|en\s+caso\s+de)\s+[^,]+?)`],
  [/^fr/, 'fr', String.raw`(?:(?:si\s|s['’]il|en\s+cas\s+d|pour\s+toute)[^,]+,\s*INV|INV,?\s+(?:si\s|s['’]il|en\s+cas\s+d)[^,]+?)`],
  [/^pt/, 'pt', String.raw`(?:(?:se|caso|qualquer|em\s+caso\s+de)\s+[^,]+,\s*INV|INV,?\s+(?:se|caso)\s+[^,]+?)`],
  // Chinese: 如果/若… or …的话 before a comma, or "有…" (there being something), with or without 的话 and a comma.
  [/^(zh|hant|yue)/, 'zh', String.raw`(?:(?:如果|若|要是|假如|倘若)[^。！!，,]{1,16}[，,]|[^。！!，,]{1,16}(?:的话|的話)[，,]|(?:如果|若|要是|假如|倘若|如)?(?:你|您)?(?:还|還)?有[^。！!，,]{1,12}?(?:的话|的話)?[，,]?)\s*INV`],
  [/^ja/, 'ja', String.raw`[^。！!]{1,24}?(?:あれば|あったら|ありましたら|ございましたら|たら|なら)[、,，]?\s*INV`],
  // Hindi: the condition ends on तो ("then"), with or without अगर/यदि before it.
  [/^hi/, 'hi', String.raw`[^।!?]{1,80}?\s+तो\s+INV`],
  [/^ar/, 'ar', String.raw`و?(?:إذا|إن|لو)\s+[^،,]+[،,]\s*INV`],
];

/** Ends of the sentence after the invitation: stops, emoji. */
const END = String.raw`[\s.!¡！。।…~～\p{Extended_Pictographic}\uFE0F\u200D]*$`;

/** Per language, the whole sentence as a condition and an invitation. */
const INVITES_ON_CONDITION: Rules = CONDITIONED.map(([when, lang, form]) => [when, new RegExp(`^${form.replaceAll('INV', `(?:${INVITATION[lang]})`)}${END}`, 'iu')] as const);

/** What each language's condition cannot match without, in lower case (sentence-facts.ts): most sentences hold none. */
const CONDITION_GATES: WordGates = [
  [/^en/, ['if ', 'should ', 'in case', 'whenever']],
  [/^de/, ['wenn ', 'falls ', 'sofern ', 'bei ']],
  [/^es/, ['si ', 'en caso', 'cualquier']],
  [/^fr/, ['si ', "s'il", 's’il', 'en cas', 'pour toute']],
  [/^pt/, ['se ', 'caso', 'qualquer']],
  [/^(zh|hant|yue)/, ['有', '的话', '的話', '如果', '若', '要是', '假如', '倘若']],
  [/^ja/, ['あれば', 'あったら', 'ありましたら', 'ございましたら', 'たら', 'なら']],
  [/^hi/, ['तो']],
  [/^ar/, ['إذا', 'إن', 'لو']],
];

/** What each language's invitation cannot match without, in lower case: with the condition's gate, few sentences hold both. */
const INVITATION_GATES: WordGates = [
  [/^en/, ['ask', 'comment', 'write', 'leave', 'reach out', 'in touch', ' me', ' us', 'know', 'here']],
  [/^de/, ['meld', 'frag', 'schreib', 'kontakt', 'sag', 'hinterlass', 'ich ']],
  [/^es/, ['pregunt', 'pregúnt', 'escrib', 'escríb', 'avís', 'avisa', 'dime', 'comenta', 'contact', 'contáct', 'estoy', 'me ']],
  [/^fr/, ['demande', 'écri', 'contact', 'comment', 'questions', '-moi', 'je suis']],
  [/^pt/, ['pergunt', 'me ', 'escreva', 'comente', 'comentário', 'comigo', 'estou']],
  [/^(zh|hant|yue)/, ['问我', '問我', '找我', '告诉我', '告訴我', '留言', '评论', '評論', '私信我', '联系我', '聯繫我']],
  [/^ja/, ['ください', '下さい']],
  [/^hi/, ['पूछ', 'बता', 'लिख', 'संपर्क', 'कमेंट']],
  [/^ar/, ['تتردد', 'اسألني', 'راسلني', 'تواصل', 'أخبرني', 'تعليق', 'هنا']],
];

/** Whether a sentence is a condition and an invitation to ask the writer again, and nothing else. */
export function invitesQuestions(s: string, locale: string): boolean {
  if (!passesGate(CONDITION_GATES, locale, s) || !passesGate(INVITATION_GATES, locale, s)) return false;
  const facts = factsOf(s);
  if (facts.hasFigureOrCode || facts.words > MAX_WORDS) return false;
  return ruleFor(INVITES_ON_CONDITION, locale)?.test(facts.trimmed) ?? false;
}
