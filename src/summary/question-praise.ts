/**
 * A reply's opening that judges the question it answers ("That's a really insightful question,
 * because…", "C'est une question que beaucoup se posent, et elle est très pertinente.", "这个问题提得
 * 非常有深度…", "これは…とても本質的な問いです。"): told by its structure, the question being the
 * sentence's subject or what its subject is said to be, within its first words, never by a list of
 * praising words. Pure.
 */

/** Per language: the sentence opens on "this/that is (a/one) … question", "your/this question …", or its equivalents. */
const JUDGES_QUESTION: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^en/, /^(?:(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:an?|one|such an?|quite an?)\s+(?:\p{L}+\s+){0,3}|(?:your|such an?|what an?)\s+(?:\p{L}+\s+){0,2})(?:question|point|ask|observation|remark)(?!\p{L}|\s+of\s)/iu],
  [/^fr/, /^(?:c['’]est|voilà|votre|ta|cette|quelle)\s+(?:\p{L}+\s+){0,3}(?:question|remarque|observation)(?!\p{L}|\s+d[e'’])/iu],
  [/^es/, /^(?:es|esa|esta|tu|su|qué|vaya)\s+(?:\p{L}+\s+){0,3}(?:pregunta|observación)(?!\p{L}|\s+de\s)/iu],
  [/^pt/, /^(?:é|essa|esta|sua|que)\s+(?:\p{L}+\s+){0,3}(?:pergunta|observação)(?!\p{L}|\s+de\s)/iu],
  [/^de/, /^(?:das|dies|ihre|deine|was für)\s+(?:ist\s+)?(?:\p{L}+\s+){0,3}(?:Frage|Beobachtung)(?!\p{L})/iu],
  // 问题 is also "problem": only the question as asked ("这个问题提得…", "问得好") or one judged good ("这是一个很好的问题").
  [/^(zh|hant|yue)/, /^(?:你|您)?(?:的|这个|這個)?(?:问题|問題)(?:提得|問得|问得)|^(?:这|這)是(?:一个|一個|个|個)?[^，。,]{0,6}好的?(?:问题|問題)/u],
  // Japanese ends on what the question is ("…本質的な問いです").
  [/^ja/, /^(?:これは|それは|この|ご質問は)[^。！!]*(?:質問|問い)(?:です|だ)/u],
];

export function judgesTheQuestion(sentence: string, locale: string): boolean {
  const lang = locale.toLowerCase();
  return JUDGES_QUESTION.find(([when]) => when.test(lang))?.[1].test(sentence.trim()) ?? false;
}
