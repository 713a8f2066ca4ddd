/**
 * A reply's opening that judges the question it answers ("That's a really insightful question,
 * because…", "C'est une question que beaucoup se posent, et elle est très pertinente.", "这个问题提得
 * 非常有深度…", "これは…とても本質的な問いです。"): told by its structure, the question being the
 * sentence's subject or what its subject is said to be, within its first words, never by a list of
 * praising words. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { ranksTheQuestion } from './one-of-questions.js';
import { ASKING, pointsBack, pointsBackWithin } from './tone.js';
import { factsOf } from './sentence-facts.js';

/** Per language: the sentence opens on "this/that is (a/one) … question", "your/this question …", or its equivalents. */
const JUDGES_QUESTION: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^en/, /^(?:(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:an?|one|such an?|quite an?)\s+(?:\p{L}+\s+){0,3}|(?:your|such an?|what an?)\s+(?:\p{L}+\s+){0,2})(?:question|point|ask|observation|remark)(?!\p{L}|\s+of\s)/iu],
  [/^fr/, /^(?:c['’]est|voilà|votre|ta|cette|quelle)\s+(?:\p{L}+\s+){0,3}(?:question|remarque|observation)(?!\p{L}|\s+d[e'’])/iu],
  [/^es/, /^(?:es|esa|esta|tu|su|qué|vaya)\s+(?:\p{L}+\s+){0,3}(?:pregunta|observación)(?!\p{L}|\s+de\s)/iu],
  [/^pt/, /^(?:é|essa|esta|sua|que)\s+(?:\p{L}+\s+){0,3}(?:pergunta|observação)(?!\p{L}|\s+de\s)/iu],
  [/^de/, /^(?:das|dies|ihre|deine|was für)\s+(?:ist\s+)?(?:\p{L}+\s+){0,3}(?:Frage|Beobachtung)(?!\p{L})/iu],
  // 问题 is also "problem": only the question as asked, perhaps after a laugh or a cry (哈哈，, 哇，), ("这个问题提得…", "问得好") or one judged good ("这是一个很好的问题").
  [/^(zh|hant|yue)/, /^(?:(?:[哈呵嘿]{2,}|哇|噢|哦)[，,！!～~\s]*)?(?:(?:你|您)?(?:的|这个|這個)?(?:问题|問題)(?:提得|問得|问得)|(?:这|這)是(?:一个|一個|个|個)?[^，。,]{0,6}好的?(?:问题|問題))/u],
  // Japanese ends on what the question is ("…本質的な問いです").
  [/^ja/, /^(?:これは|それは|この|ご質問は)[^。！!]*(?:質問|問い)(?:です|だ)/u],
  // Hindi ends on the copula after what the question is ("यह एक बहुत अच्छा सवाल है"); Arabic puts the noun right after the pointer ("هذا سؤال مهم جدًا").
  [/^hi/, /^(?:यह|ये|आपका|तुम्हारा)\s+(?:\S+\s+){0,4}(?:सवाल|प्रश्न)\s+(?:है|हैं)[\s.।!]*$/u],
  [/^ar/, /^(?:هذا|إنه|إنّه)\s+سؤال(?:\s+[\p{L}\p{M}]+){1,3}[\s.!]*$/u],
];

export function judgesTheQuestion(sentence: string, locale: string): boolean {
  return (ruleFor(JUDGES_QUESTION, locale)?.test(factsOf(sentence).trimmed) ?? false) || ranksTheQuestion(sentence, locale);
}

/**
 * A verb of asking or of a question coming up, in each language's forms ("ask", "comes up", "gefragt",
 * "me preguntan", "问过", "聞かれます", "يسأل", "पूछते"): with the question or a pronoun for it as what
 * the sentence speaks of, the sentence is about the asking, not its answer.
 */
const ASKED: Rules = [
  [/^en/, /(?:^|\P{L})(?:ask|asks|asked|asking|comes?\s+up|came\s+up|hear|heard)(?!\p{L})/iu],
  [/^de/, /(?:^|\P{L})(?:fragen|fragt|gefragt|gestellt|stellen|höre|hört|taucht)(?!\p{L})/iu],
  [/^fr/, /(?:^|\P{L})(?:demand\p{L}*|pose|posent|posée|revient)(?!\p{L})/iu],
  [/^es/, /(?:^|\P{L})(?:pregunt\p{L}+|plantea\p{L}*)(?!\p{L})/iu],
  [/^pt/, /(?:^|\P{L})pergunt\p{L}+(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /[问問](?:过|過|到|起)|被[问問]|常[问問]|都在[问問]|提[过過到]/u],
  [/^ja/, /聞かれ|尋ねられ|質問され|よく聞く|よくある/u],
  [/^hi/, /पूछ/u],
  [/^ar/, /(?:^|\s)(?:يسأل|يسألون|سُئل|سئل|يُسأل|يطرح|يتكرر)/u],
];

/** Words at most in a remark on the asking ("这个问题很多人都问过。", "Lots of people ask this."). */
const REMARK_WORDS = 8;

/** A name in the sentence: a Latin word in a CJK or Arabic one ("Git 问题"), a capital after its first word (not in German). */
export function namesSomething(s: string, locale: string): boolean {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Devanagari}]/u.test(s)) return /\p{Script=Latin}/u.test(s);
  return !/^de/i.test(locale) && /\s\p{Lu}/u.test(s.slice(1));
}

/**
 * A sentence about the question being asked, not what it asks ("这个问题很多人都问过。", "This question
 * comes up a lot.", "Das werde ich oft gefragt.", "この質問はよく聞かれます。"): a verb of asking with the
 * question, or a pronoun standing for it, as what it speaks of, in a few words and no figure (issue 23, F9).
 */
export function remarksOnTheAsking(sentence: string, locale: string): boolean {
  const f = factsOf(sentence); // its words and figures are those of the trimmed text
  const s = f.trimmed;
  if (f.words > REMARK_WORDS || f.hasFigureOrCode || namesSomething(s, locale) || !(ruleFor(ASKED, locale)?.test(s) ?? false)) return false;
  return (ruleFor(ASKING, locale)?.test(s) ?? false) || pointsBack(s, locale) || pointsBackWithin(s, locale);
}

/**
 * The asker only asking for help, naming nothing ("Can you help me?", "क्या आप मेरी मदद कर सकते हैं?",
 * "你能帮我一下吗？"): a dialogue's opening, not its subject. The whole sentence is "you" + can + help + "me".
 */
const ASKS_FOR_HELP: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^en/, /^(?:can|could|would|will)\s+you\s+(?:please\s+)?help\s+me(?:\s+out)?(?:\s+please)?\s*\?$/iu],
  [/^es/, /^¿?(?:me\s+)?(?:puedes|podrías|puede|podría)\s+ayudarme(?:\s+por\s+favor)?\s*\?$/iu],
  [/^fr/, /^(?:pouvez-vous|peux-tu|pourriez-vous|pourrais-tu)\s+m['’]aider(?:\s+s['’]il\s+(?:vous|te)\s+plaît)?\s*\?$/iu],
  [/^de/, /^(?:kannst du|können Sie|könntest du|könnten Sie)\s+mir\s+(?:bitte\s+)?helfen\s*\?$/iu],
  [/^(zh|hant|yue)/, /^(?:你|您)?(?:能|可以|能不能|可不可以)(?:帮|幫)(?:我|帮我|幫我)(?:一下|个忙|個忙)?(?:吗|嗎)?[？?]$/u],
  [/^ja/, /^(?:助けて|手伝って)(?:もらえ|いただけ|くれ)ます(?:か)?[？?]?$/u],
  [/^hi/, /^क्या\s+(?:आप|तुम)\s+(?:मेरी|मुझे)\s+(?:मदद|सहायता)\s+(?:कर\s+(?:सकते|सकती)\s+(?:हैं|हो)|करेंगे|करोगे)\s*\?$/u],
  [/^ar/, /^(?:هل\s+)?(?:يمكنك|تستطيع)\s+(?:أن\s+)?(?:تساعدني|مساعدتي)\s*[؟?]$/u],
];

export function asksForHelp(sentence: string, locale: string): boolean {
  return ruleFor(ASKS_FOR_HELP, locale)?.test(factsOf(sentence).trimmed) ?? false;
}
