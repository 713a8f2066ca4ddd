/**
 * A lead-in that presents a list or table, without its presenting words: what it names is kept
 * before the list's names (README: "its lead-in and the names of its items make one point"). Pure.
 */
import { capitalise } from './chars.js';
import { PRESENTS, presentsWhatFollows, speaksAsI, wordCount } from './tone.js';
import { closedSentence } from './punctuation.js';
import { isFunctionWord } from './salience.js';
import { saysBeforeFollowing } from './said-before-following.js';

/**
 * A lead-in without the words that present it ("Voici une comparaison" → "Une comparaison", "以下是关于…的100个关键点"
 * → "关于…的100个关键点", "Here are the key features" → "The key features"); undefined when what is left
 * names nothing ("Voici comment", "Here's how").
 */
function withoutPresenting(s: string): string | undefined {
  const trimmed = s.trimStart();
  const hindi = HINDI_HERE_IS.exec(trimmed);
  if (hindi) return capitalise(hindi[1]!);
  const m = PRESENTS.exec(trimmed);
  if (!m) return s;
  // Punctuation of any script between the presenting words and the rest goes with them ("以下は、…", "以下是，…"); an opening bracket or quote stays.
  const rest = trimmed.slice(m[0].length).replace(/^[\s\p{Po}\p{Pd}]*(?:(?:是|为|為|は|が|に)[\s\p{Po}\p{Pd}]*)?/u, '');
  // Japanese says the presenting verb last: "以下に比較を示します" presents "比較".
  const named = rest.replace(/を(?:示し|紹介し|まとめ)ます[。.]?$/u, '');
  return namesSomething(named) ? capitalise(named) : undefined;
}

/** Hindi puts "is" last: "यहाँ एक तुलना है" (here a comparison is) presents "एक तुलना". */
const HINDI_HERE_IS = /^(?:यहाँ|यहां)\s+(\S.*?)\s+(?:है|हैं)$/u;

/** What a lead-in's rest says when it names nothing: how, what, why ("Voici comment", "Here's how", "以下是原因"). */
const NAMES_NOTHING = /^(?:how|what|why|this|that|it|them|comment|pourquoi|ceci|cela|wie|was|warum|das|cómo|qué|por qué|esto|eso|कैसे|क्या|क्यों|كيف|ماذا|لماذا|怎么做|如何|原因|方法|这些|這些|理由|所示|所列)$/iu;

/** A rest of a word or more that is not only "how" or "what": one word ("مقارنة", "对比") names a thing. */
function namesSomething(rest: string): boolean {
  return wordCount(rest) >= 1 && !NAMES_NOTHING.test(rest.trim());
}

/**
 * "Run the following command.", "Ejecuta el siguiente comando.", "Führen Sie den folgenden Befehl aus.":
 * "the following" and the one or two words naming what follows (and a verb's particle) end the sentence.
 */
export function namesWhatFollows(s: string): boolean {
  return /(?<!\p{L})(?:following|siguientes?|folgende[nr]?|निम्नलिखित)(?:\s+[\p{L}\p{M}-]+){1,2}\s*[.।:]?$/iu.test(s);
}

/** "… as follows" ("… comme suit", "… wie folgt", "… كما يلي"), "以下のとおりです", "次のコマンドを実行します。": a sentence that only announces what comes next. */
export function saysAsFollows(s: string): boolean {
  return /(?:follows|following|below|siguientes?|como sigue|a continuación|suivante?s?|comme suit|ci-dessous|folgende[nr]?|wie folgt(?:\s+(?:ab|aus|an|vor|zusammen))?|निम्नलिखित|(?:निम्नानुसार|इस प्रकार)(?:\s+हैं?)?|التالي|كما يلي)[\s\p{P}]*$/iu.test(s) || /(?:以下|次|下面|如下)[^。]{0,8}[。.:：]?$|(?:以下の|次の|下面的)[^。]{0,16}[。.:：]?$/u.test(s);
}

/**
 * What a lead-in says its list or table is, without its presenting words; undefined when it names
 * nothing. "As follows" is judged on what is left: "以下是对比" presents "对比", as "Voici une comparaison" does.
 */
export function listContext(leadIn: string, locale: string): string | undefined {
  const presented = withoutPresenting(leadIn);
  // "訪れた都市は次のとおりです", "The steps are as follows": the subject is what the list is.
  // A lead-in that ends its sentence ("以下は…おすすめのアプリです。", "Here are the key features.") names what is before its stop and copula.
  const said = presented?.replace(/(?<=\p{L})(?:です|でした|である)?[。.]$/u, '');
  const subject = said?.replace(AS_FOLLOWS_PREDICATE, '');
  // A subject made a noun by の ("よく使われるの", the ones often used) is no name alone: the lead-in is said whole.
  const named = subject !== undefined && /\p{Script=Hiragana}の$/u.test(subject) ? presented!.replace(/[。.:：]$/u, '') : subject;
  if (!named?.trim() || POINTER_ONLY.test(named.trim()) || (saysAsFollows(named.trim()) && !saysBeforeFollowing(named.trim()))) return undefined;
  // The writer speaking ("I use these") names nothing; a thing they qualify does ("The programs I recommend").
  return speaksAsI(named, locale) && !NAMED_THING.test(named.trim()) ? undefined : named;
}

/**
 * "Is as follows" after a subject of its own, in Japanese, English, Spanish, French and German ("Las más
 * usadas son las siguientes", "Les étapes sont les suivantes": the subject names the list).
 */
const AS_FOLLOWS_PREDICATE =
  /(?:(?<=\S)(?:は|が)(?:次|以下)の(?:とおり|通り|[^。]{1,6}?)(?:です)?|(?<=\p{L}{2})\s+(?:is|are) as follows|(?<=\p{L}{2})\s+(?:es|son|est|sont|ist|sind)\s+(?:(?:el|la|los|las|le|les|die|der|das)\s+)?(?:siguientes?|suivante?s?|folgende[n]?)[\s:：.]*)\s*$/iu;

/** A subject that only points ("Estos son los siguientes", "These are as follows"): it names nothing. */
const POINTER_ONLY = /^(?:these|those|they|this|estas?|estos|esas?|esos|ces|ceux-ci|celles-ci|ce|voici|diese|das|dies|es)$/iu;

/** An English noun phrase opening with its article or demonstrative: what the lead-in names, whoever qualifies it. */
const NAMED_THING = /^(?:the|an?|these|those)\s+(?!I\b)\p{L}/iu;

/** Words pointing at what comes next without naming it ("Follow these conventions:", "as follows", "如下"): only a lead-in. */
const POINTS_AHEAD = /(?<!\p{L})(?:these|this|follows|following|below|estas?|estos|siguientes?|ces|cette|suivante?s?|diese[nrsm]?|folgende[nrsm]?|इन|ये|هذه|التالية)(?!\p{L})|如下$|(?:次|以下)の(?:とおり|通り)/iu;

/**
 * An overview ending in a colon before the note's sections ("There are three ways to learn it:" then
 * "## Option 1: …") says what they cover: closed as a sentence. Undefined for a lead-in that stops
 * short of its object ("Install it with:"), points ahead without naming what ("Follow these
 * conventions:") or presents the answer ("Here's a guide to…:", a chat's preamble).
 */
export function overviewBeforeSections(leadIn: string, locale: string): string | undefined {
  const said = leadIn.replace(/\s*[:：]$/u, '');
  const lastWord = said.split(/\s+/).pop()?.replace(/\P{L}+$/u, '') ?? '';
  if (wordCount(said) < 3 || isFunctionWord(lastWord) || POINTS_AHEAD.test(said) || presentsWhatFollows(said, locale)) return undefined;
  return closedSentence(leadIn);
}
