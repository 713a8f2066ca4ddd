/**
 * A sign-off offering more, told by its form: a condition on the reader's wish ("if you like", "si
 * quieres", "wenn du magst", "…的话", "若想…", "…たければ", "よければ", "अगर आप चाहें", "إذا أردت") with,
 * in the same sentence, the writer offering ("te preparo…", "我再帮你…", "…書きますよ", "يمكنني…") or
 * asking to be told ("告诉我", "留言跟我说", "教えてくださいね", "dime"). It speaks of the chat, not of
 * the note's subject. A condition on a need alone ("If needed, restart it") is an instruction and stays. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { factsOf, passesGate, type WordGates } from './sentence-facts.js';
import { invitesQuestions } from './invites-questions.js';
import { invitesToComment } from './comment-invitation.js';

export const READER_WISHES: Rules = [
  [/^en/, /(?:^|[^\p{L}])(?:if|should)\s+you\s+(?:want|wish|like|prefer|['’]d\s+like|would\s+like|are\s+interested|['’]re\s+interested)(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])si\s+(?:quieres|queréis|lo\s+deseas?|te\s+interesa|os\s+interesa|le\s+interesa|prefieres|te\s+apetece|gustas)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])se\s+(?:você\s+)?(?:quiser|preferir|tiver\s+interesse)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])si\s+(?:tu\s+(?:veux|le\s+souhaites)|vous\s+(?:voulez|le\s+souhaitez)|ça\s+t['’]intéresse|cela\s+vous\s+intéresse)(?!\p{L})/iu],
  // German puts the verb last: "wenn du magst".
  [/^de/, /(?:^|[^\p{L}])(?:wenn|falls)\s+(?:du|Sie|ihr)\s+(?:magst|möchtest|willst|mögen|möchten|wollen|wünschen|Lust)(?!\p{L})/iu],
  // Chinese: a wish (想, 需要, 感兴趣) in a clause opened by 如果/若/要是 or closed by 的话; 问题 is also "a problem", so having one only with an offer.
  [/^(zh|hant|yue)/, /(?:^|[，,。])(?:如果|若|要是|假如|倘若)[^，,。]{0,4}(?:想|需要|感兴趣|感興趣|有兴趣|有興趣|有(?:任何|什么|什麼)?(?:问题|問題))|(?:想|需要|感兴趣|感興趣|有兴趣|有興趣)[^，,。]{0,20}(?:的话|的話)/u],
  [/^ja/, /(?:たければ|たいなら|たかったら|よければ|よろしければ|よかったら|ご希望(?:なら|でしたら|があれば)|興味があれば)/u],
  [/^hi/, /(?:^|\s)(?:अगर|यदि)\s+(?:आप|तुम)\s+(?:चाहें|चाहते|चाहती|चाहो)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:إذا|إن|لو)\s+(?:أردت|أردتَ|أردتِ|رغبت|أحببت|كنت\s+تريد)(?=[\s,.،!?؟]|$)/u],
];

/**
 * A condition on the reader having (more) questions, in the familiar or the formal "you" ("If you have
 * more questions", "Si tiene más dudas", "Falls Sie noch Fragen haben", "如果您还有疑问", "ご質問があれば",
 * "अगर आपके कोई सवाल हैं", "إذا كانت لديك أسئلة"): whatever follows it, it offers more of the chat, no point
 * of the note. Each language's noun for a question asked, never "problem" (如果还有问题，请重启 is an instruction).
 */
export const QUESTIONS_LEFT: Rules = [
  [/^en/, /(?:^|[^\p{L}])(?:if|should)\s+you\s+(?:still\s+)?(?:have|got)\s+(?:\p{L}+\s+){0,2}questions(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])si\s+(?:\p{L}+\s+)?(?:tienes|tiene|tenéis|tienen|te\s+queda|le\s+queda|surge)\s+(?:\p{L}+\s+){0,2}(?:dudas?|preguntas?)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])se\s+(?:você\s+)?(?:tiver|tem|ficar\s+com)\s+(?:\p{L}+\s+){0,2}(?:dúvidas?|perguntas?)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])si\s+(?:tu\s+as|vous\s+avez)\s+(?:\p{L}+['’\s]+){0,2}(?:questions?|doutes?)(?!\p{L})/iu],
  // German puts the verb last: "falls Sie noch Fragen haben".
  [/^de/, /(?:^|[^\p{L}])(?:wenn|falls|sofern)\s+(?:du|Sie|ihr)\s+(?:\p{L}+\s+){0,2}Fragen?\s+(?:hast|haben|habt)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /(?:如果|若|要是|假如|倘若)[^，,。]{0,6}(?:疑问|疑問)/u],
  [/^ja/, /(?:ご?質問|ご不明な点)(?:が|は|など)?(?:あれば|ありましたら|ございましたら)/u],
  [/^hi/, /(?:^|\s)(?:अगर|यदि)\s+(?:आपके|आपका|तुम्हारे)\s+(?:\S+\s+){0,2}(?:सवाल|प्रश्न)/u],
  [/^ar/, /(?:^|\s)(?:إذا|إن|لو)\s+(?:\S+\s+){0,2}(?:أسئلة|أي\s+سؤال|استفسار\p{L}*)/u],
];

/** The writer offering, or asking the reader to tell or ask them. */
const WRITER_OFFERS: Rules = [
  [/^en/, /(?:^|[^\p{L}])(?:I|me|just\s+ask|ask\s+away|leave\s+a\s+comment|drop\s+a\s+comment)(?![\p{L}'’])/u],
  // Spanish: a pronoun for "you" before a verb in the first person ("te preparo", "os escribo"), "I can", "tell me".
  // …and "me" joined to an infinitive ("preguntarme", "escribirme").
  [/^es/, /(?:^|[^\p{L}])(?:(?:te|os|le)\s+(?:lo\s+|la\s+)?\p{L}+o|puedo|dime|avísame|pregúntame|escríbeme|cuéntame|\p{L}+(?:ar|er|ir)me)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:eu|posso|me\s+(?:avise|diga|fale|conte)|fale\s+comigo)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:je|me|moi|dis-moi|dites-moi)(?!\p{L})|(?:^|[^\p{L}])[jm]['’]/iu],
  [/^de/, /(?:^|[^\p{L}])(?:ich|mir|mich|sag\s+Bescheid|melde\s+dich|sagen\s+Sie\s+Bescheid|melden\s+Sie\s+sich)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /(?:告诉|告訴|跟|和|问|問|找|联系|聯繫|私信|通知)我(?![们們])|我(?![们們])[^，,。！!]{0,3}(?:帮|幫|给|給|为|為|替)(?:你|您)|我(?:再|来|來|可以)/u],
  [/^ja/, /教えて(?:ください|下さい|くださいね|ね)|お知らせください|(?:コメント|メッセージ|連絡)(?:で|を|して|ください)|ます(?:よ|ね)[！!。]?$|ましょうか/u],
  [/^hi/, /(?:^|\s)(?:मैं|मुझे|मुझसे|बताइए|बताएँ|बताएं|पूछें|पूछिए)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:يمكنني|بإمكاني|أستطيع|سأ\p{L}+|أخبرني|اسألني|أعلمني|لك)(?=[\s,.،!?؟]|$)/u],
];

/**
 * What every form of a Latin-script language's wish above holds, in a pattern without the rule's
 * leading boundary (which makes a regex try every position): most sentences fail it at once. Same
 * flags as the rule, so case folding finds the same letters.
 */
const READER_WISHES_HINT: Rules = [
  [/^(es|fr)/, /si\s/iu],
  [/^pt/, /se\s/iu],
  [/^de/, /(?:wenn|falls|sofern)\s/iu],
];

/** English's hint as a word of the sentence's shared lower case (sentence-facts.ts), read by other rules too. */
export const READER_WISHES_GATES: WordGates = [[/^en/, ['you']]];

/**
 * Words QUESTIONS_LEFT and READER_WISHES cannot match without: the condition's "if" or "should" (English, besides "you"),
 * and in the languages READER_WISHES_HINT has no pattern for, each rule's conditional (如果…, …的话; 質問, よければ, …;
 * अगर/यदि; إذا/إن/لو). Most sentences hold none, and neither rule need run. Scripts without case: the lower case keeps them.
 */
export const CONDITION_GATES: WordGates = [
  [/^en/, ['if', 'should']],
  [/^(zh|hant|yue)/, ['如果', '若', '要是', '假如', '倘若', '的话', '的話']],
  [/^ja/, ['質問', 'ご不明な点', 'たければ', 'たいなら', 'たかったら', 'よければ', 'よろしければ', 'よかったら', 'ご希望', '興味があれば']],
  [/^hi/, ['अगर', 'यदि']],
  [/^ar/, ['إذا', 'إن', 'لو']],
];

export function offersMore(s: string, locale: string): boolean {
  if (invitesQuestions(s, locale) || invitesToComment(s, locale)) return true;
  if (!passesGate(READER_WISHES_GATES, locale, s) || !passesGate(CONDITION_GATES, locale, s)) return false;
  const hint = ruleFor(READER_WISHES_HINT, locale);
  if (hint && !hint.test(s)) return false;
  const questionsLeft = ruleFor(QUESTIONS_LEFT, locale)?.exec(s);
  if (questionsLeft) return !namesOutsideCondition(s, questionsLeft.index);
  return (ruleFor(READER_WISHES, locale)?.test(s) ?? false) && (ruleFor(WRITER_OFFERS, locale)?.test(s) ?? false);
}

/** Where a condition's clause ends: a comma of any script, or Hindi's "तो" (then). */
const CLAUSE_END = /[,，、،]|\sतो\s/u;

/**
 * Whether the sentence, its condition at `from` aside, gives a figure or code: the main clause of "If you
 * have questions about your file, call the consulate at +33 1 …" sends the reader somewhere, an
 * instruction; "…, feel free to ask" offers only more of the chat.
 */
function namesOutsideCondition(s: string, from: number): boolean {
  if (!factsOf(s).hasFigureOrCode) return false;
  const end = CLAUSE_END.exec(s.slice(from));
  const outside = s.slice(0, from) + (end ? s.slice(from + end.index) : '');
  return /[\p{N}\uE000-\uF8FF]/u.test(outside);
}
