/**
 * A lead-in that presents a list or table, without its presenting words: what it names is kept
 * before the list's names (README: "its lead-in and the names of its items make one point"). Pure.
 */
import { capitalise, PRESENTS, wordCount } from './tone.js';

/**
 * A lead-in without the words that present it ("Voici une comparaison" → "Une comparaison", "以下是关于…的100个关键点"
 * → "关于…的100个关键点", "Here are the key features" → "The key features"); undefined when what is left
 * names nothing ("Voici comment", "Here's how").
 */
export function withoutPresenting(s: string): string | undefined {
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
