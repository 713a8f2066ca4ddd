/**
 * The writer acknowledging the reader's situation before answering (issue 23, F2): told by the
 * sentence's grammar, never by its phrases. Either the writer is the subject of a verb of understanding
 * or sympathy, by pronoun or, where the language drops it, by the verb's own first person ("I totally
 * understand…", "Entiendo perfectamente la frustración…", "أتفهم موقفك", "समझ सकता हूँ…", "很能理解…",
 * "お困りの状況、よく理解できます。"); or a bare pointer (what the reader told) is the subject of a verb of
 * perceiving it, with no more than a judgement after it ("That sounds really frustrating.", "Das klingt
 * ärgerlich.", "Suena frustrante.", "听起来真的很让人头疼。"). Only asked of the note's opening sentences,
 * before anything was taken: there it reacts to the question asked before the note. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { factsOf } from './sentence-facts.js';

/** Words at most in such a sentence: longer, it goes on to say something of the subject. */
const MAX_WORDS = 14;

/** Stops an acknowledgement may end on. */
const END = String.raw`[\s.!。！।…]*$`;

/**
 * Per language, the writer understanding or sympathising: English "I" and the verb; Spanish and Arabic the
 * verb's first person with no pronoun ("Entiendo", "Comprendo", "أفهم", "أتفهم"); French "je"; Hindi the
 * verb with the first person's auxiliary "हूँ"; Chinese a degree adverb or "我" before the verb, its subject
 * the speaker's dropped one ("很能理解", "完全明白"); Japanese the speaker's verb of understanding after a
 * topic set off by a comma or an honorific of the reader's state ("お困りの…", "お気持ち…"). English's object is
 * the reader or their state ("how…", "your…", "the frustration"), not a thing of the subject ("I see two bugs").
 */
const UNDERSTANDS: Rules = [
  [/^en/, /^I\s+(?:(?:\p{L}+ly|can|do|totally|really|so|fully|definitely)\s+)*(?:understand|get|see|hear|feel|know)\s+(?:you|your|how|why|what|where|that|this|it|the\s+(?:\p{L}+\s+)?(?:frustration|confusion|struggle|worry|concern|feeling|pain|stress))(?![\p{L}'’])/iu],
  // Spanish: the verb with no object, or "lo" for what the reader told ("Lo entiendo perfectamente."), or the reader's.
  [/^es/, /^(?:(?:te|le|os|lo|yo)\s+)?(?:entiendo|comprendo|imagino|me\s+imagino)(?:\s+(?:\p{L}+mente|bien|muy\s+bien))*(?:\s+(?:te|tu|tus|lo|cómo|por\s+qué|qué|la\s+(?:frustración|preocupación|confusión|situación|duda|molestia)|el\s+(?:problema|agobio|miedo))(?!\p{L})|[\s.!…]*$)/iu],
  // French: "je comprends" whatever follows; "je vois" only with what the reader means or feels; regret ("Désolé d'apprendre ça").
  [/^fr/, /^(?:je\s+(?:(?:\p{L}+ment|bien|tout\s+à\s+fait|très\s+bien)\s+)*(?:comprends|conçois|imagine|vois(?:\s+(?:\p{L}+ment|bien|tout\s+à\s+fait))*\s+(?:ce\s+qu(?:e|i|['’]\p{L}+)|pourquoi|comment|votre|vos|ta|ton|tes))|(?:désolée?|navrée?)\s+(?:d['’]apprendre|de\s+lire|d['’]entendre|que|pour))(?!\p{L})/iu],
  // Arabic's object is the reader's, "your" suffixed to it ("إحباطك", "موقفك"), or a clause of how or what they feel.
  [/^ar/, /^(?:أنا\s+)?(?:(?:أفهم|أتفهم|أتفهّم|أدرك|أقدّر|أقدر|أشعر)\s+(?:[\p{L}\p{M}]+\s+)?(?:[\p{L}\p{M}]+كَ?|كم|ما|لماذا|كيف|بما)|(?:أعلم|أعرف|أدرك)\s+أن\s+(?:هذا|ذلك|الأمر))(?=[\s,.،!؟]|$)/u],
  [/^hi/, /^[^।?!]*(?:समझ|महसूस\s+कर)\s*(?:सकता|सकती|रहा|रही|पा\s+रहा|पा\s+रही|ता|ती)?\s*(?:हूँ|हूं)/u],
  [/^(zh|hant|yue)/, /^我?(?:完全|很|非常|真的|特别|特別|十分|确实|確實|太)+(?:能|可以)?(?:理解|明白|懂|体会|體會)|^我(?:能|可以)?(?:理解|明白|懂|体会|體會)/u],
  [/^ja/, /^(?:[^。、！!？?]{1,20}、|お\p{Script=Han}[^。、！!？?]{0,12})(?:よく|とても|本当に|すごく|痛いほど|十分)*(?:わかり|分かり|理解でき|理解し|共感でき|共感し|お察しし)ます|^お\p{Script=Han}[^。、！!？?]{0,12}ことと(?:思い|存じ)ます/u],
];

/**
 * Per language, a bare pointer perceived ("That sounds…", "Das klingt…", "Eso suena…", "Ça a l'air…", "听起来…",
 * "يبدو هذا…"), then only a judgement: a few words with no noun (German's nouns are capitalised), no "like"
 * or "that" opening a clause of the subject ("This looks like a caching issue", "Parece que el horno…").
 */
const PERCEIVES_REPORT: Rules = [
  [/^en/, new RegExp(String.raw`^(?:(?:that|this|it)\s+(?:sounds|seems|looks|must\s+(?:be|feel))|(?:that|this)['’]s\s+(?:so|really|very|incredibly|super|truly)(?=\s))(?:\s+(?!like|as|if)\p{L}+){1,3}${END}`, 'iu')],
  [/^de/, new RegExp(String.raw`^(?:Das|Es)\s+(?:klingt|scheint|wirkt|muss)(?:\s+\p{Ll}+){1,3}${END}`, 'u')],
  [/^es/, new RegExp(String.raw`^(?:(?:eso|esto)\s+)?(?:suena|parece|debe\s+(?:de\s+)?ser)(?:\s+(?!que|como)\p{L}+){1,3}${END}`, 'iu')],
  [/^fr/, new RegExp(String.raw`^(?:ça|cela)\s+(?:a\s+l['’]air|semble|doit\s+être)(?:\s+(?!que|comme)\p{L}+){1,3}${END}`, 'iu')],
  // Chinese, Arabic and Hindi also put the pointer with a reaction's degree word and what it makes one feel: "这确实很让人头疼。",
  // "هذا محبط بالفعل.", "यह सच में परेशान करने वाला है।" (-जनक, "करने वाला": causing).
  [/^(zh|hant|yue)/, new RegExp(String.raw`^(?:(?:这|這|那)?(?:听起来|聽起來)(?:真的|确实|確實)?(?:很|挺|太|真|非常)[^，,。！!？?]{1,8}|(?:这|這|那)(?:个|個)?(?:确实|確實|真的|实在|實在)?(?:很|挺|太|真|非常)?(?<=[实實的很挺太真常])(?:让人|讓人|令人)[^，,。！!？?]{1,4})${END}`, 'u')],
  [/^ar/, new RegExp(String.raw`^(?:يبدو\s+(?:(?:هذا|ذلك)\s+)?(?!أن)[\p{L}\p{M}]+(?:\s+(?:جدًا|جدا|حقًا|حقا|فعلًا|فعلا))?|(?:هذا|ذلك|هذه)\s+(?!سؤال)[\p{L}\p{M}]+\s+(?:جدًا|جدا|حقًا|حقا|فعلًا|فعلا|بالفعل))${END}`, 'u')],
  [/^hi/, new RegExp(String.raw`^(?:यह|ये)\s+(?:सच\s+में|वाकई|सचमुच|बहुत|काफ़ी|काफी)\s+(?:\S+\s+){0,2}(?:करने\s+वाला|करने\s+वाली|\S+जनक)\s+(?:है|हैं)${END}`, 'u')],
];

/** Whether an opening sentence only acknowledges the reader's situation. */
export function acknowledgesReader(s: string, locale: string): boolean {
  const f = factsOf(s);
  if (f.words > MAX_WORDS || f.hasFigureOrCode || /[:：]\s*$/u.test(f.trimmed)) return false;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Devanagari}]/u.test(f.trimmed) && /\p{Script=Latin}/u.test(f.trimmed)) return false; // a name ("Git") in a sentence of another script: it says something of the subject
  return (ruleFor(UNDERSTANDS, locale)?.test(f.trimmed) ?? false) || (ruleFor(PERCEIVES_REPORT, locale)?.test(f.trimmed) ?? false);
}
