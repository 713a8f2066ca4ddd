/**
 * How a sentence speaks, decided from its form and its language's pronouns, never from a list of
 * whole phrases: a question, an exclamation, the writer speaking of themself ("I'll keep it
 * short", "Let me know"), a sentence that leans on the one before it ("They …"), and a short
 * interjection in front of the real sentence ("Absolutely, spot on — …", "没错，…"). Chat answers
 * wrap their substance in these; a reader's summary leaves them out. Pure.
 */
import { writersOwnWords } from './quotation.js';
import { capitalise } from './chars.js';
import { ruleFor, type Rules } from './locale-rules.js';
import { asksByForm } from './question-form.js';
import { givesOwnView } from './own-view.js';
import { endsSeries } from './punctuation.js';
import { standsAlone } from './stands-alone.js';
import { goesThrough, looksInto, openingAddress, setsOff } from './setting-off.js';
import { offersMore } from './offers-more.js';
import { opensAskingWriter } from './asks-writer.js';
import { opensOnPlaceholder } from './placeholder-subject.js';
import { factsOf, passesGate, type WordGates } from './sentence-facts.js';
import { OTHER_SCRIPTS, scriptLanguages } from './script-languages.js';

export { ruleFor, type Rules };

/** Questions end with ?, ？ or ؟, perhaps before a closing quote, bracket or emoji. */
const QUESTION = /[?？؟][\s"'”’»)）\]」』\p{Extended_Pictographic}\uFE0F]*$/u;
const EXCLAIM = /[!！][\s"'”’»)）\]」』\p{Extended_Pictographic}\uFE0F]*$/u;

export function isQuestion(s: string, locale?: string): boolean {
  return QUESTION.test(s) || (locale !== undefined && asksByForm(s, locale));
}

export function isExclamation(s: string): boolean {
  return EXCLAIM.test(s);
}

/**
 * The writer as "I" doing a chat assistant's talk: promising, offering ("Let me explain", "让我…", "説明しますね",
 * "I hope this helps"). Their own view is an answer's point and stays ("I'd recommend X", "I think…", "我建议",
 * "おすすめします"), as do a blogger's facts ("it cost me 23.5 CNY") and "we" ("Let's cover DFS, BFS…" begins overviews).
 */
export const FIRST_PERSON: Array<[RegExp, RegExp]> = [
  [/^en/, /(?:^|[^\p{L}'’])(?:I['’]ll|I will|I['’]d (?:be|like|love)|I would (?:be|like|love)|I can|I could|I['’]m going to|I hope|I['’]ve (?:put|made|written|added|kept|created|included|outlined|listed)|I['’]m (?:always |more than |very |so )?(?:happy|glad) (?:to|you)|let me|allow me)(?![\p{L}'’])/iu],
  [/^de/, /(?:^|[^\p{L}])(?:ich (?:werde|kann|könnte|würde (?:mich|gern)|hoffe|habe (?:hier|dir|Ihnen)|\p{L}+e (?:es |das )?(?:dir|Ihnen|euch))|\p{L}+e ich (?:dir|Ihnen|euch)|lass mich|lassen Sie mich)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:je (?:vais|peux|pourrais|vous|te|garde)|j['’](?:espère|ai (?:inclus|ajouté|gardé))|laissez-moi|permettez-moi|laisse-moi|permets-moi)(?![\p{L}])/iu],
  // "podría" is also "it could" ("una segunda referencia podría…"): the writer's only with no subject before it in its clause, or "yo", or the reader's pronoun ("Si quiere, le podría…").
  [/^es/, /(?:^|[^\p{L}])(?:(?:yo )?(?:voy a|puedo|espero|mantendré|explicaré)|déjame|permíteme)(?!\p{L})|(?:^|[¿¡,;:]\s*|(?:^|[^\p{L}])(?:yo|te|le|les|os)\s+)podría(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:vou|posso|poderia|espero|acho que|deixe-me|permita-me)(?!\p{L})/iu],
  // …and the sign-off inviting more questions ("还有什么问题随时问我", "欢迎随时问我": ask me any time).
  [/^(zh|hant|yue)/, /我(?:会|會|将|將|可以|来|來|想|希望|为你|為你|为您|為您|给你|給你|帮你|幫你)|^(?:让|讓)我(?![们們])|(?:随时|隨時|尽管|儘管|欢迎|歡迎)[^。！!]{0,4}(?:问|問|找)我/u],
  [/^ja/, /(?:私|僕|わたし)(?:は|が|も)(?![^。]{0,30}(?:すすめ|勧め|推奨))[^。]{0,30}(?:ましょう|ます(?!た))|説明しましょう|ご説明します|(?:説明|解説)(?:します|いたします)(?:ね|よ)?[。.！!]?$/u],
  [/^ko/, /(?:제가|저는|내가|나는)/u],
  [/^hi/, /(?:^|\s)(?:मैं|मुझे)(?=[\s,.।!?]|$)/u],
  // Arabic: the first-person future prefix on a verb ("سأحافظ", I will keep), "let me", and "me" on a verb then "that I…" ("يسعدني أن أشرح", it pleases me that I explain).
  [/^ar/, /(?:^|\s)(?:سأ\p{L}+|دعني|اسمح لي|\p{L}+ني\s+أن\s+أ\p{L}+)(?=[\s,.،!?؟]|$)/u],
  [/^ru/, /(?:^|[^\p{L}])(?:я (?:могу|буду|надеюсь)|позвольте мне)(?!\p{L})/iu],
];

/**
 * What every form of a language's rule above holds ("ich " or "lass" in German), in a pattern
 * without the rule's leading boundary, which makes a regex try every position: most sentences
 * fail it at once. Same flags as the rule, so case folding finds the same letters.
 */
export const FIRST_PERSON_HINT: Rules = [
  [/^de/, /ich |lass/iu],
  [/^fr/, /je |j['’]|moi/iu],
  [/^es/, /voy a|puedo|podría|espero|mantendré|explicaré|déjame|permíteme/iu],
];

function firstPerson(s: string, lang: string): boolean {
  const hint = ruleFor(FIRST_PERSON_HINT, lang);
  if (hint && !hint.test(s)) return false;
  return ruleFor(FIRST_PERSON, lang)?.test(s) ?? false;
}

/** What every English first-person form above holds ("I" then ' or a space, "let me", "allow me"),
 * in a pattern without Unicode classes: most sentences fail it at once. */
export const MAYBE_ENGLISH_I = /(?:^|[^a-z'’])i['’ ]|let me|allow me/i;

/** What MAYBE_ENGLISH_I cannot match without, in lower case: most sentences hold none, and the regex need not run. */
export const ENGLISH_I_WORDS = ["i'", 'i’', 'i ', 'let me', 'allow me'];

function englishI(s: string): boolean {
  return factsOf(s).mayHave(ENGLISH_I_WORDS) && MAYBE_ENGLISH_I.test(s) && (ruleFor(FIRST_PERSON, 'en')?.test(s) ?? false);
}

export function speaksAsI(sentence: string, locale: string): boolean {
  // An "I" inside quotation marks is the person quoted, not the writer talking to the reader.
  const s = writersOwnWords(sentence);
  if ((/^en/i.test(locale) ? englishI(s) : firstPerson(s, locale)) || offersMore(s, locale)) return true;
  // A translation leaves bits in another script: another script's "I" in a Latin-script note, an
  // English sentence in any other.
  if (LATIN_LOCALE.test(locale)) {
    if (NON_LATIN.test(s)) return OTHER_SCRIPTS.test(s) && scriptLanguages(s).some((lang) => ruleFor(FIRST_PERSON, lang)?.test(s)); // one test before the six
    return !/^en/i.test(locale) && englishI(s);
  }
  return !NON_LATIN_TEXT.test(s) && englishI(s);
}

const LATIN_LOCALE = /^(?:en|es|fr|de|pt|it|nl|pl|tr|vi|id|sv|da|no|nb|fi|cs|ro|hu)(?:$|-)/i;
const NON_LATIN = /[^\u0000-\u024F\u2000-\u206F]/;
/** NON_LATIN, placeholders (private use) aside: no string without them need be built. */
const NON_LATIN_TEXT = /[^\u0000-\u024F\u2000-\u206F\uE000-\uF8FF]/;

/** The reader as "you" near the start: the answer talks about the asker ("You're right", "Your guess of…"). */
export const SECOND_PERSON_START: Array<[RegExp, RegExp]> = [
  [/^en/, /^(?:\P{L}*\p{L}+\P{L}+){0,2}(?:you|your|you're|you’re|yours)(?!\p{L})/iu],
  [/^de/, /^(?:\P{L}*\p{L}+\P{L}+){0,2}(?:du|dein\w*|Ihr\w*|Sie haben|Sie sind)(?!\p{L})/u],
  [/^fr/, /^(?:\P{L}*\p{L}+\P{L}+){0,2}(?:tu|vous|votre|vos|ton|ta|tes)(?!\p{L})/iu],
  [/^es/, /^(?:\P{L}*\p{L}+\P{L}+){0,2}(?:tú|tu|tus|usted|ustedes|vosotros)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /^.{0,4}[你您]/u],
  [/^ja/, /^.{0,4}(?:あなた|君|貴方)/u],
  [/^hi/, /^(?:\S+\s+){0,2}(?:आप|तुम|आपका|आपकी|आपके)(?=[\s,.।!?]|$)/u],
  [/^ar/, /^(?:\S+\s+){0,2}(?:أنت|أنتِ|لديك|مثالك)(?=[\s,.،!?؟]|$)/u],
];

/** The asker's own things named first ("Your example…", "From your output…"): an answer's reply to them, not the note's substance. */
export const READERS_OWN_START: Array<[RegExp, RegExp]> = [
  [/^en/, /^(?:\P{L}*\p{L}+\P{L}+){0,1}(?:your)(?!\p{L})/iu],
  [/^de/, /^(?:\P{L}*\p{L}+\P{L}+){0,1}(?:dein\w*|Ihr\w*)(?!\p{L})/u],
  [/^fr/, /^(?:\P{L}*\p{L}+\P{L}+){0,1}(?:votre|vos|ton|ta|tes)(?!\p{L})/iu],
  [/^es/, /^(?:\P{L}*\p{L}+\P{L}+){0,1}(?:tu|tus|vuestro|vuestra)(?!\p{L})/iu],
  [/^pt/, /^(?:\P{L}*\p{L}+\P{L}+){0,1}(?:seu|sua|teu|tua)(?!\p{L})/iu],
  // Chinese: before "your" at most a reply word and its comma ("嗯，你的…") or a preposition or connective ("从你的输出看",
  // "所以你的…"); a subject and its verb before it make it an object ("变基把你的提交…").
  [/^(zh|hant|yue)/, /^(?:[^，,。]{1,3}[，,]\s*)?(?:从|從|在|对|對|按|照|据|據|根据|根據|关于|關於|至于|至於|就|看|那|所以|其实|其實|但|而|这是|這是)?(?:你的|您的)/u],
  [/^ja/, /^.{0,3}(?:あなたの)/u],
  // Hindi puts the subject first and the object before its verb: a word before "your" is a connective or an
  // interjection ("तो आपके…", "अच्छा, आपका…"), never a subject ("रीबेस आपकी ब्रांच का इतिहास… लिखता है") nor "if".
  [/^hi/, /^(?:(?:तो|हाँ|हां|और|लेकिन|पर|अब|वैसे|दरअसल|यानी|जी|अच्छा)\s+|\S+[,،]\s+)?(?:आपका|आपकी|आपके|तुम्हारा|तुम्हारी)(?=[\s,.।!?]|$)/u],
];

/** Words SECOND_PERSON_START and READERS_OWN_START cannot match without (sentence-facts.ts). */
export const SECOND_PERSON_GATES: WordGates = [[/^en/, ['you']]];
export const READERS_OWN_GATES: WordGates = [[/^en/, ['your']]];

export function namesReadersOwn(s: string, locale: string): boolean {
  return passesGate(READERS_OWN_GATES, locale, s) && (ruleFor(READERS_OWN_START, locale)?.test(s) ?? false);
}

/** Talks to the reader: "you" near the start, or a leading clause to them that cannot go (its rest no sentence). */
export function addressesReader(s: string, locale: string): boolean {
  if (passesGate(SECOND_PERSON_GATES, locale, s) && ruleFor(SECOND_PERSON_START, locale)?.test(s)) return true;
  const rest = afterReplyClause(s, locale);
  return rest !== undefined && !standsAlone(rest, locale);
}

/** A sentence opening on a word pointing back ("They …", "それは…"), not a placeholder ("There are…", placeholder-subject.ts): alone it points at nothing. */
const POINTS_BACK: Array<[RegExp, RegExp]> = [
  [/^en/, /^(?:this|that|these|those|it|its|they|their|them|he|she|such|both|here|there)(?!\p{L})/iu],
  [/^de/, /^(?:dies|diese[rsmn]?|das|es|sie|er|solche[rsmn]?|beide|hier)(?!\p{L})/iu],
  // The demonstrative pronouns ("celle-là") stand for a noun as "cela" does; "c'" is "ce" elided before a vowel ("C'est…").
  [/^fr/, /^(?:(?:ce|cela|ceci|ça|ces|cette|cet|il|ils|elle|elles|tous deux|les deux|cel(?:ui|le|les)-(?:ci|là)|ceux-(?:ci|là))(?!\p{L})|c['’](?:est|était|étaient|a été|sera)(?!\p{L}))/iu],
  [/^es/, /^(?:esto|este|esta|estos|estas|eso|ese|esa|ello|ambos|ambas|aquí)(?!\p{L})/iu],
  // A Chinese clause opening on an adverb, which stands after its subject ("也…", "却…"; not the words they begin, "并发"),
  // or on a predicate of what a thing suits or brings about ("适合…", "意味着…") has dropped its subject: the topic of the
  // sentence before (a topic chain).
  [/^(zh|hant|yue)/, /^(?:这|這|它|他们|他們|她们|她們|此|两者|兩者|这些|這些|也(?!许|許)|还(?!有|原)|還(?!有|原)|又|却|卻|仍|并(?!发|行|列)|並(?!發|行|列)|亦|适合|適合|适用|適用|用于|用於|意味着|意味著|导致|導致|使得)/u],
  [/^ja/, /^(?:これ|それ|この|その|あれ|あの|こう|そう)/u],
  [/^hi/, /^(?:यह|ये|वह|वे|इस|इन|उस|उन|दोनों|(?:इस|उस|इन|उन)(?:में|का|की|के|से|ने|पर)|इसे|उसे|इन्हें|उन्हें)(?=[\s,]|$)/u], // with a postposition joined ("इसमें", "उसकी") too
  [/^ar/, /^[وف]?(?:هذا|هذه|ذلك|تلك|هؤلاء|هو|هي|هم|كلاهما)(?=[\s,،]|$)/u], // "and" or "so" is written joined to it: "وهو", "فهي"
];

export function pointsBack(s: string, locale: string): boolean {
  return (ruleFor(POINTS_BACK, locale)?.test(s.trimStart()) ?? false) && !opensOnPlaceholder(s, locale);
}

/**
 * A demonstrative with its noun ("This pivot aligned with…", "Diese Neuausrichtung…", "这一转变…",
 * "この方向転換は…"): the sentence names what it points back to, and reads alone; a bare pronoun
 * ("This put the project off…", "Dies warf…", "それは…") does not. Told from the word after it:
 * a verb or auxiliary there ("This means", "This is", "Esta es") makes it a pronoun.
 */
const NAMES_WHAT_IT_POINTS_AT: Array<[RegExp, RegExp]> = [
  [/^en/, /^(?:this|that|these|those|such)\s+(?!(?:is|was|are|were|has|have|had|will|would|can|could|may|might|must|should|does|did|do|also|not|just|only|one|way|said|put|set|let|led|left|made|gave|took|kept|meant|brought|became|came|went|got|sent|cut|won|lost|held|ran|saw|in|on|at|to|by|for|with|of|and|or|but)\b)[a-z][a-z-]*(?<!ed|[^siu]s)\s/iu],
  // German writes every noun with a capital: an article or demonstrative before one is no pronoun ("Das Kernproblem").
  [/^de/, /^(?:[Dd]iese[rsmn]?|[Dd]as|[Dd]ie|[Dd]er|[Ss]olche[rsmn]?)\s+\p{Lu}/u],
  [/^es/, /^(?:este|esta|estos|estas|ese|esa|esos|esas)\s+(?!(?:es|era|fue|son|eran|ha|han|puede|será|no|se|lo|la)\b)\p{L}/iu],
  [/^fr/, /^(?:ce|cet|cette|ces)\s+(?!(?:qui|que|qu|dont|n|ne|sont|est|fut|sera)\b)\p{L}/iu],
  [/^(zh|hant|yue)/, /^(?:这|這|此)(?:一|个|個|些|种|種|类|類|项|項|次|样|樣)\p{Script=Han}/u],
  // Not before a formal noun, which names nothing ("そのために…", "その後、…", "その場合…": for that, after that).
  [/^ja/, /^(?:この|その|あの)(?!(?:ため|為|後|あと|上|うえ|場合|際|結果|うち|よう|まま|代わり|一方|点|時|とき|ころ)(?![\p{Script=Han}\p{Script=Katakana}]))/u],
  [/^hi/, /^(?:यह|ये|वह|वे|इस|इन|उस|उन)\s+(?!(?:है|हैं|था|थे|थी|भी|एक|तो|सब|ही)(?=[\s,.।]|$))\p{L}/u],
  [/^ar/, /^[وف]?(?:هذا|هذه|ذلك|تلك|هؤلاء)\s+ال/u],
];

export function namesWhatItPointsAt(s: string, locale: string): boolean {
  return ruleFor(NAMES_WHAT_IT_POINTS_AT, locale)?.test(s.trimStart()) ?? false;
}

export { pointsBackWithin } from './points-back-within.js';

/** Words of a sentence, CJK characters counted two to a word: counted once per sentence for every rule that asks (sentence-facts.ts). */
export function wordCount(s: string): number {
  return factsOf(s).words;
}

/**
 * A short interjection before a dash, an exclamation mark or (in CJK) a comma that opens a sentence:
 * "Absolutely, spot on — the cheat sheet…" → "The cheat sheet…", "没错，它…" → "它…". Returns the
 * sentence without it, or the sentence itself. Only up to three words (six CJK characters) go: a
 * longer opening clause carries meaning.
 */
/** A reply's first word agreeing or cheering ("Sure, …", "Claro, …", "Genau, …"), before a comma. */
const INTERJECTION: Array<[RegExp, RegExp]> = [
  [/^en/, /^(?:yes|yeah|yep|sure|absolutely|certainly|exactly|indeed|right|great|okay|ok|of course|definitely|totally|correct|good|nice|alright|perfect|spot on|honestly|frankly|truthfully|to be honest|in all honesty)\s?[,!—–]\s*/iu],
  [/^es/, /^(?:sí|claro|exacto|exactamente|por supuesto|desde luego|correcto|bueno|perfecto|vale|efectivamente|sinceramente|francamente|honestamente)\s?[,!—–]\s*/iu],
  [/^fr/, /^(?:oui|bien sûr|absolument|exactement|tout à fait|certes|d['’]accord|parfait|effectivement|franchement|honnêtement|sincèrement|pour être honnête)\s?[,!—–]\s*/iu],
  [/^de/, /^(?:ja|genau|natürlich|absolut|richtig|klar|sicher|gut|perfekt|okay|stimmt|ehrlich gesagt|offen gesagt)\s?[,!—–]\s*/iu],
  [/^pt/, /^(?:sim|claro|exato|exatamente|com certeza|certo|perfeito)\s?[,!—–]\s*/iu],
  [/^hi/, /^(?:हाँ|हां|जी हाँ|बिल्कुल|ठीक है|सही|ज़रूर|जरूर)\s?[,!—–]\s*/u],
  [/^ar/, /^(?:نعم|بالتأكيد|بالضبط|صحيح|حسنًا|حسنا|طبعًا|طبعا)\s?[،,!—–]\s*/u],
  [/^ru/, /^(?:да|конечно|точно|верно|отлично)\s?[,!—–]\s*/iu],
  // Only replies go: a short word before a comma is as often the note's ("免费，", "默认，", "首先，").
  [/^(zh|hant|yue)/, /^(?:没错|沒錯|对|對|是的|是啊|当然|當然|确实|確實|的确|的確|好问题|好問題|好的|嗯|正是|说得对|說得對|没问题|沒問題|说实话|說實話|老实说|老實說|坦白说|坦白說)\s?[，,！!—–]\s*/u],
  [/^ja/, /^(?:はい|ええ|そうです(?:ね)?|その通り(?:です)?|確かに|もちろん|なるほど|いい質問(?:です(?:ね)?)?)\s?[、，,！!—–]\s*/u],
];

/** What the opening-break regex of withoutOneInterjection cannot match without. */
export const OPENING_BREAK = /[—–!！]|--/;

export function withoutInterjection(s: string, locale: string, opensParagraph = true): string {
  // Replies stack their openings ("Right — good catch, …", "没错，你说得对，…"): each layer goes, until
  // none is left. Every pass that changes the sentence shortens it, so this ends.
  for (let out = s; ; ) {
    const next = withoutOneInterjection(out, locale, opensParagraph);
    if (next === out) return out;
    out = next;
  }
}

function withoutOneInterjection(s: string, locale: string, opensParagraph: boolean): string {
  const word = ruleFor(INTERJECTION, locale)?.exec(s) ?? openingAddress(s, locale);
  if (word && /\p{L}/u.test(s.slice(word[0].length))) return capitalise(s.slice(word[0].length));
  // Any short opening before a dash only where a reply opens; later, "Rust — a language —" is prose. The reader told
  // to believe the writer ("…. Glaub mir, die Gare dauert…") sets off a statement wherever it stands.
  if (!opensParagraph) return opensAskingWriter(s, locale) ? withoutReplyClause(s, locale) : s;
  // The regex below needs a dash or "!" (most sentences have none; it then tries 40 characters' splits).
  if (!OPENING_BREAK.test(s)) return withoutReplyClause(s, locale);
  // An en dash or "--" with no space on either side joins words or numbers ("Mass–energy", "1990–2000"): no break.
  const m = /^([^—–!！:：.。?？]{1,40}?)(?:\s*(?:——|—|!|！)\s*|\s+(?:–|--)\s*|(?:–|--)\s+)(.+)$/u.exec(s);
  if (m && wordCount(m[1]!) <= 4 && /\p{L}/u.test(m[2]!)) return capitalise(m[2]!);
  return withoutReplyClause(s, locale);
}

/**
 * The writer or the reader named in a leading clause ("You're absolutely right", "Vous avez tout à
 * fait raison", "Da haben Sie völlig recht", "おっしゃる通りです", "आप बिल्कुल सही हैं", "this is one of
 * my favourite topics"): each language's pronouns of address and of the speaker, and the few verbs
 * that carry the person alone where the pronoun is dropped (es "tienes", "estás").
 */
const PERSON_IN_CLAUSE: Rules = [
  [/^en/, /(?:^|[^\p{L}'’])(?:you|you['’](?:re|ve)|your|i|i['’]m|my|me)(?![\p{L}'’])/iu],
  [/^es/, /(?:^|[^\p{L}])(?:tú|tu|usted|ustedes|te|yo|mi|me|tienes|tenéis|estás|eres|has)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:vous|tu|te|je|mon|ma|mes|votre|ton|ta)(?!\p{L})|(?:^|[^\p{L}])j['’]/iu],
  [/^de/, /(?:^|[^\p{L}])(?:Sie|Ihnen|du|dir|dich|ich|[Mm]ein\p{L}*|[Dd]ein\p{L}*)(?!\p{L})/u],
  [/^(zh|hant|yue)/, /[你您]|我(?![们們])/u], // 我们 is "we", the note's own voice, as English leaves "we" out
  // Japanese names the reader by honorific verbs and nouns of their speech rather than by a pronoun.
  [/^ja/, /あなた|おっしゃ|ご指摘|ご質問|私|僕/u],
  [/^hi/, /(?:^|\s)(?:आप|तुम|मैं|मेरा|मेरी|मेरे)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:أنت|أنتِ|أنتم|أنا)(?=[\s,.،!?؟]|$)/u],
  [/^ru/, /(?:^|[^\p{L}])(?:вы|ты|я|мой|моя)(?!\p{L})/iu],
];

/**
 * A clause that depends on another: a condition or circumstance ("If you use Docker, …", "Cuando
 * reinicias, …", "再起動すれば、"), or a purpose after the comma (", um den Cache zu leeren"). Before
 * the comma it is the substance; after it, what came before the comma was.
 */
const SUBORDINATE: Rules = [
  [/^en/, /^(?:if|when|whenever|once|after|before|as|since|because|unless|while|although|though|to|for|in|on|with|by|from|so|and|but|then|which|that)(?!\p{L})/iu],
  [/^es/, /^(?:si|cuando|para|como|aunque|porque|en|con|y|pero|luego|que)(?!\p{L})/iu],
  [/^fr/, /^(?:si|quand|lorsque|pour|comme|avec|dans|en|et|mais|puis|qui|que)(?!\p{L})/iu],
  [/^de/, /^(?:wenn|falls|als|um|weil|mit|in|bei|nach|und|aber|dann|damit|dass|wie|da(?=\s+(?:du|Sie|ihr|ich|wir|man|e[rs]|sie|der|die|das|\p{L}*ein\p{L}*)\s)|ob|obwohl|obgleich|bevor|ehe|bis|nachdem|seit|seitdem|sobald|solange|sofern|soweit|während|indem)(?!\p{L})/iu], // a German subordinate clause fills the place before the verb: cut, it leaves the verb first; "da" + verb ("Da hast du recht") is a main clause
  [/^(zh|hant|yue)/, /^(?:如果|若|当|當|要是|在|等|先|再|以便|从而|從而)|(?:的话|的話|时|時|后|後)$/u],
  [/^ja/, /(?:ば|たら|なら|と|ので|から|て|で|には|では)$/u],
  [/^hi/, /^(?:अगर|यदि|जब|जैसे|क्योंकि|ताकि)(?=\s)/u],
  [/^ar/, /^(?:إذا|عندما|لو|إن|لأن|بعد|قبل|ل\p{L}+)(?=\s)/u],
];

/**
 * The reader told what they can or must do ("You can run it with pip, …", "Starten Sie ihn neu, …"):
 * their person is the reader acting in the note's subject, not the reader agreed with.
 */
export const TELLS_READER: Rules = [
  [/^en/, /(?:^|\s)(?:can|could|should|must|need|needs|have to|will|would|might|may|want|use|run|install)(?!\p{L})/iu],
  [/^es/, /(?:^|\s)(?:puedes|debes|necesitas|quieres|usa|ejecuta)(?!\p{L})/iu],
  [/^fr/, /(?:^|\s)(?:pouvez|devez|peux|dois|voulez|utilisez)(?!\p{L})/iu],
  // German puts an imperative's verb before "Sie" ("Starten Sie …").
  [/^de/, /^\p{L}+en\s+Sie(?!\p{L})|(?:^|\s)(?:können|müssen|sollten|kannst|musst|wollen|brauchen)(?!\p{L})/u],
  [/^(zh|hant|yue)/, /可以|需要|应该|應該|必须|必須|要/u],
  [/^ja/, /できます|必要|ください/u],
  [/^hi/, /सकते|चाहिए|करें|चलाएँ/u],
  [/^ar/, /يمكنك|عليك/u],
];

/** Praise of the asker's words, an evaluative adjective and one noun ("Good catch", "Great point"). */
const PRAISE = /^(?:what an? |an? )?(?:good|great|nice|excellent|fair|brilliant|fantastic|interesting|wonderful|smart|sharp|astute)\s+\p{L}+$/iu;

/**
 * Each language's nouns for what the asker said (their question, remark, point): a short sentence
 * or clause naming it and nothing of the subject ("Très bonne question.", "Buena pregunta.", "Gute
 * Frage.", "अच्छा सवाल है।", "سؤال رائع.", "好问题。", "いい質問ですね。") speaks of the asking.
 */
export const ASKING: Rules = [
  [/^en/, /(?:^|\P{L})(?:question|point|catch|observation|remark)s?(?!\p{L})/iu],
  [/^fr/, /(?:^|\P{L})(?:question|remarque|observation)s?(?!\p{L})/iu],
  [/^es/, /(?:^|\P{L})(?:pregunta|observación|apunte)s?(?!\p{L})/iu],
  [/^pt/, /(?:^|\P{L})(?:pergunta|observação)s?(?!\p{L})/iu],
  [/^de/, /(?:^|\P{L})(?:Frage|Einwand|Beobachtung|Punkt)(?!\p{L})/iu],
  [/^hi/, /(?:^|\s)(?:सवाल|प्रश्न)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:سؤال|ملاحظة)(?=[\s,.،!?؟]|$)/u],
  [/^(zh|hant|yue)/, /问题|問題|提问|提問/u],
  [/^ja/, /質問|ご指摘/u],
];

/** A sentence or clause of at most four words (eight CJK characters) praising or naming what was asked, and nothing else. */
export function speaksOfAsking(s: string, locale: string): boolean {
  const f = factsOf(s);
  if (f.words > 4 || f.hasFigureOrCode) return false;
  return (ruleFor(ASKING, locale)?.test(s) ?? false) || (/^en/i.test(locale) && PRAISE.test(s.replace(/[.!。]$/u, '')));
}

/**
 * "You're absolutely right, making tea…" → "Making tea…": a short leading clause before the first comma or dash
 * that speaks to the reader or of the writer (agreeing, praising, feeling) and names nothing of the subject (no
 * code, no figure) goes; the substance after it stays, where it has a verb of its own (else the sentence stays
 * whole). A clause doing the note's work (a condition, what the reader can do, the writer's own view) stays.
 */
function withoutReplyClause(s: string, locale: string): string {
  const rest = afterReplyClause(s, locale);
  return rest !== undefined && standsAlone(rest, locale) ? capitalise(rest) : s;
}

/** What follows such a leading clause, whether or not it could stand alone; the last sentence's kept, as the walk asks twice (withoutInterjection, addressesReader). */
let lastReply: { s: string; locale: string; rest: string | undefined } | undefined;
function afterReplyClause(s: string, locale: string): string | undefined {
  if (lastReply?.s !== s || lastReply.locale !== locale) lastReply = { s, locale, rest: readReplyClause(s, locale) };
  return lastReply.rest;
}
function readReplyClause(s: string, locale: string): string | undefined {
  for (const sep of [/[,،，、]/u, /\s[—–]\s|——|\s--\s/u]) {
    const at = sep.exec(s);
    if (!at) continue;
    const clause = s.slice(0, at.index).trim();
    const rest = s.slice(at.index + at[0].length).trim();
    if (wordCount(clause) > 8 || /[\d\uE000-\uF8FF]/u.test(clause)) continue;
    // "Glaub mir", "Crois-moi", "صدقني": the reader told to believe or tell the writer speaks of the exchange as a pronoun of address does.
    const person = ((ruleFor(PERSON_IN_CLAUSE, locale)?.test(clause) ?? false) || opensAskingWriter(clause, locale)) && !givesOwnView(clause, locale); // the short clause first: most name no person, and the long rest's tests need not run (issue 23)
    if (!(person || speaksOfAsking(clause, locale)) || wordCount(rest) < 3 || endsSeries(rest)) continue;
    if (!(ruleFor(SUBORDINATE, locale)?.test(clause) || ruleFor(SUBORDINATE, locale)?.test(rest) || ruleFor(TELLS_READER, locale)?.test(clause))) return rest;
  }
  return undefined;
}

/** A sentence that sends the reader elsewhere ("For more, check…", "See the docs"): a pointer, not a point. */
const ELSEWHERE = /^(?:for (?:more|further|details|full|deeper)|where to (?:find|learn|read|go) (?:more|next)|learn more|(?:more|further|additional) resources|see (?:also|the)|check out|refer to|weitere|mehr dazu|siehe|para (?:más|obtener más)|consulta|pour (?:plus|en savoir)|voir (?:aussi|la)|更多|详情|詳情|詳しくは|詳細は|अधिक जानकारी|لمزيد)/iu;

export function pointsElsewhere(s: string): boolean {
  return ELSEWHERE.test(s.trimStart());
}

/** A sentence that only presents what comes next ("Below is a quick breakdown…", "Here's how:", "以下是…"). */
export const PRESENTS = /^(?:(?:below|here)(?:['’]s| is| are)|the following|a continuación|aquí (?:tienes|está|están)|voici|voilà|ci-dessous|hier (?:ist|sind)|unten|im folgenden|folgende|以下(?:是|は|が|に)|下面|如下|नीचे|यहाँ (?:है|हैं)|فيما يلي|إليك)/iu;

/**
 * "We" proposing to go through the note itself, its object a pronoun and no term of its own ("Let's
 * look at this step by step", "Schauen wir uns das an", "आइए इसे देखते हैं", "让我们一步步来看"): each
 * language's hortative (let's, verb + wir, आइए, -ons, -emos/-amos, 让我们, ましょう) with "this".
 */
const WALKS_THROUGH: Rules = [
  [/^en/, /^let['’]s\s+(?:\p{L}+\s+){0,2}(?:this|it|that|these|them)(?!\p{L})/iu],
  [/^de/, /^\p{L}+en\s+wir\s+(?:uns\s+)?(?:das|dies|es|diese[sn]?)(?!\p{L})/iu],
  [/^fr/, /^\p{L}+ons(?:-(?:le|la|les))?\s+(?:cela|ça|ceci)?\s*(?:étape|point|pas|ensemble|de plus près)/iu],
  [/^es/, /^\p{L}+(?:emos|amos)(?:lo|la|los|las)\b|^\p{L}+(?:emos|amos)\s+(?:esto|eso)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /^(?:让|讓)我[们們](?:一步步|逐步|一起|来|來)*(?:看看?|分析|拆解)(?:一下)?(?:这个|這個|它|这些|這些)?[。.！!]?$/u],
  [/^ja/, /^(?:これ|それ|順番|一つずつ|ひとつずつ)[^。]{0,12}(?:いきましょう|みましょう)/u],
  [/^hi/, /^आइए\s+(?:इसे|इन्हें|इस|यह|इनको)(?=\s)/u],
];

/**
 * "Here" opening a short Hindi sentence without a term of its own ("यहाँ संक्षेप में बताया गया है।",
 * here it is told in brief): it presents the answer, as "Here's the short version" does.
 */
const HINDI_HERE = /^(?:यहाँ|यहां)\s[^\d\uE000-\uF8FFA-Za-z]*$/u;

export function presentsWhatFollows(s: string, locale = ''): boolean {
  const trimmed = s.trimStart();
  const f = factsOf(s); // its words and figures are those of `trimmed`: white space has none
  if (PRESENTS.test(trimmed) || (HINDI_HERE.test(trimmed) && f.words <= 8) || setsOff(trimmed, locale) || goesThrough(trimmed, locale) || looksInto(trimmed, locale)) return true;
  return f.words <= 10 && !f.hasFigureOrCode && (ruleFor(WALKS_THROUGH, locale)?.test(trimmed) ?? false);
}

/** A line labelled as a program's output ("Output: …", "输出：…"): what ran, not what the note says. */
const OUTPUT_LABEL = /^(?:output|result|results|sortie|résultat|ausgabe|ergebnis|salida|resultado|输出|結果|结果|出力|实行结果|आउटपुट|परिणाम|الناتج|المخرجات)(?:\s*\([^)]*\))?\s*[:：]/iu;

export function labelledOutput(s: string): boolean {
  return OUTPUT_LABEL.test(s.trimStart());
}
