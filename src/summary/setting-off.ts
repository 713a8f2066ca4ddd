/**
 * A short line that only sets off, saying nothing of the subject ("Here we go.", "Let's roll.",
 * "OK so here's the deal.", "Vamos allá.", "On y va !", "Los geht's!", "咱们开始吧！", "さあ、始めましょう！",
 * "चलिए शुरू करते हैं।", "هيا بنا!"): by form, each language's "we" urging itself on (let's, -emos/-amos,
 * -ons, verb + wir, 咱们/我们…吧, ましょう, चलिए/आइए, هيا/لن…) with no object, or "here" with we/it and a
 * verb of going, after at most two filler words. A line with a figure or code names something. Pure.
 */
import { capitalise } from './chars.js';
import { ruleFor, type Rules } from './locale-rules.js';
import { factsOf } from './sentence-facts.js';

const END = String.raw`[\s.!¡¿…。！،؟।]*$`;
const SETS_OFF: Rules = [
  [/^en/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,2}?(?:here\s+(?:we|it)\s+(?:go|goes)|here\s+goes(?:\s+nothing)?|here['’]s\s+the\s+(?:deal|thing|plan|story|scoop)|let['’]s\s+(?:go|roll|begin|start|get\s+(?:started|going|rolling|to\s+it)|dive\s+(?:in|right\s+in)|jump\s+(?:in|right\s+in)|do\s+(?:this|it))|off\s+we\s+go)${END}`, 'iu')],
  [/^es/, new RegExp(String.raw`^[¡¿]?(?:\p{L}+[,\s]+){0,1}?(?:vamos(?:\s+(?:allá|alla|a\s+ello|al\s+lío))?|allá\s+vamos|al\s+lío|manos\s+a\s+la\s+obra|empecemos|comencemos|arranquemos)${END}`, 'iu')],
  [/^pt/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,1}?(?:vamos\s+(?:lá|nessa|começar)|mãos\s+à\s+obra|comecemos)${END}`, 'iu')],
  [/^fr/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,1}?(?:on\s+y\s+va|allons-y|c['’]est\s+parti|commençons|en\s+route)${END}`, 'iu')],
  [/^de/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,1}?(?:(?:los|auf)\s+geht['’]?s|(?:fangen|legen)\s+wir\s+(?:an|los)|dann\s+mal\s+los)${END}`, 'iu')],
  [/^(zh|hant|yue)/, new RegExp(String.raw`^(?:那|好|好了|那么|那麼|来|來)?[，,]?(?:我们|我們|咱们|咱們)?(?:就|现在|現在)?(?:开始|開始|出发|出發|走起)(?:吧|啦|了)?${END}`, 'u')],
  [/^ja/, new RegExp(String.raw`^(?:さあ|では|じゃあ|それでは|さっそく|早速)?[、,]?\s*(?:始め|はじめ|行き|いき)ましょう(?:か)?${END}`, 'u')],
  [/^hi/, new RegExp(String.raw`^(?:तो\s+)?(?:चलिए|चलो|आइए)(?:\s+शुरू\s+(?:करते\s+हैं|करें|करो))?${END}`, 'u')],
  [/^ar/, new RegExp(String.raw`^(?:هيا(?:\s+بنا)?(?:\s+نبدأ)?|فلنبدأ|لنبدأ)${END}`, 'u')],
];

export function setsOff(s: string, locale: string): boolean {
  const f = factsOf(s);
  const line = f.trimmed;
  return line.length <= 40 && !f.hasFigureOrCode && (ruleFor(SETS_OFF, locale)?.test(line) ?? false);
}

/**
 * A line saying only how the answer will go, its object a pronoun or the answer's own parts, never a
 * term ("Lass uns das Punkt für Punkt durchgehen.", "Te lo explico rápido.", "Te cuento lo que sé.",
 * "我們一步一步來看。", "चलिए इसे आसान भाषा में समझते हैं।", "では、要点をまとめてみます。"): by form, the
 * hortative with a pronoun object and a verb (de lass/lasst uns, zh 我们/咱们 + manner + 看/分析,
 * hi चलिए/चलो/आइए + इसे/इन्हें + a verb of seeing or understanding), the writer telling the reader
 * "it" (es te/os + lo + a first-person verb of telling), or the answer's points organised (ja).
 */
const TELL_ES = String.raw`(?:cuento|explico|resumo|digo|comento|detallo|aclaro)`;
const GOES_THROUGH: Rules = [
  [/^de/, new RegExp(String.raw`^(?:\p{L}+[,\s]+)?lass(?:t)?\s+uns\s+(?:das|dies|es|diese[sn]?|sie)\s+(?:\p{L}+\s+){0,4}\p{Ll}+en${END}`, 'iu')],
  [/^es/, new RegExp(String.raw`^[¡¿]?(?:\p{L}+[,\s]+)?(?:te|os|les?)\s+(?:(?:lo|la|los|las)\s+${TELL_ES}(?:\s+\p{L}+){0,3}|${TELL_ES}\s+(?:lo\s+que\s+\p{L}+|todo|esto|eso))${END}`, 'iu')],
  [/^(zh|hant|yue)/, new RegExp(String.raw`^(?:那|好|好了|那么|那麼)?[，,]?(?:让|讓)?(?:我们|我們|咱们|咱們)(?:就|先)?(?:一步一步|一步步|逐步|慢慢|一起|仔细|仔細|简单|簡單)*(?:地)?(?:来|來)?(?:看看?|分析|拆解|梳理)(?:一下)?(?:吧)?${END}`, 'u')],
  [/^hi/, new RegExp(String.raw`^(?:तो\s+)?(?:चलिए|चलो|आइए)\s+(?:इसे|इन्हें|इसको|इनको)\s+(?:\S+\s+){0,4}(?:समझते|देखते|जानते|समझें|देखें|समझ)(?:\s+(?:हैं|लेते\s+हैं))?${END}`, 'u')],
  [/^ja/, new RegExp(String.raw`^(?:では|じゃあ|それでは|まず|ここでは)?[、,]?\s*(?:ポイント|要点|内容|答え|結論)を(?:簡単に|順に|順番に|手短に)?(?:整理|説明|まとめ|解説)(?:して|て)?(?:みます|みましょう|いきます|いきましょう|します|しましょう)${END}`, 'u')],
];

export function goesThrough(s: string, locale: string): boolean {
  const f = factsOf(s);
  const line = f.trimmed;
  return line.length <= 60 && !f.hasFigureOrCode && (ruleFor(GOES_THROUGH, locale)?.test(line) ?? false);
}

/**
 * "We" proposing only to look or understand, with no object but "it" ("Let's see.", "Let's take a look.",
 * "Veamos.", "Voyons ça.", "Schauen wir mal.", "我们来看看。", "見ていきましょう。", "चलिए समझते हैं।",
 * "لنفهم ذلك."): by form, the hortative (let's, -emos/-amos, -ons, verb + wir, 我们/咱们 + 来, ましょう,
 * चलिए/आइए, لن/دعونا) with a verb of seeing, looking or understanding, then at most "it", "why", "how"
 * or a manner word. A line naming what is looked at ("Let's see the logs.") is no such line.
 */
const IT_HOW = String.raw`(?:\s+(?:it|this|that|why|how|now|together|then|closer|more\s+closely))*`;
const LOOKS_INTO: Rules = [
  [/^en/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,2}?let['’]s\s+(?:see|understand|find\s+out|figure\s+(?:it|this)\s+out|break\s+(?:it|this)\s+down|unpack\s+(?:it|this|that)|(?:take|have)\s+a\s+(?:quick\s+|closer\s+)?(?:look|peek)|look)${IT_HOW}${END}`, 'iu')],
  [/^es/, new RegExp(String.raw`^[¡¿]?(?:\p{L}+[,\s]+){0,1}?(?:veamos|entendamos|analicemos|vamos\s+a\s+(?:ver|entender|analizar))(?:lo)?(?:\s+(?:por\s+qué|cómo|juntos|paso\s+a\s+paso))?${END}`, 'iu')],
  [/^pt/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,1}?(?:vejamos|entendamos|vamos\s+(?:ver|entender))(?:\s+(?:isso|por\s+quê|como|juntos))?${END}`, 'iu')],
  [/^fr/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,1}?(?:voyons|regardons|comprenons|essayons\s+de\s+comprendre)(?:\s+(?:ça|cela|voir|pourquoi|comment|de\s+plus\s+près|ensemble))*${END}`, 'iu')],
  [/^de/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,1}?(?:(?:schauen|sehen|gucken)\s+wir\s+(?:uns\s+)?(?:(?:das|es|mal|genauer|gemeinsam)\s*)*(?:an)?|mal\s+sehen)${END}`, 'iu')],
  [/^(zh|hant|yue)/, new RegExp(String.raw`^(?:那|好|那么|那麼)?[，,]?(?:让|讓)?(?:我们|我們|咱们|咱們)(?:就|先|一起)?(?:来|來)?(?:看看|看一下|理解一下|了解一下|分析一下)(?:吧)?${END}`, 'u')],
  [/^ja/, new RegExp(String.raw`^(?:では|じゃあ|それでは|さっそく|早速|一緒に)?[、,]?\s*(?:見て|みて|考えて|理解して|確認して)(?:いき|み)ましょう(?:か)?${END}`, 'u')],
  [/^hi/, new RegExp(String.raw`^(?:तो\s+)?(?:चलिए|चलो|आइए)\s+(?:(?:इसे|इन्हें|अब|मिलकर|थोड़ा)\s+)*(?:समझते|देखते|जानते|समझें|देखें|जानें)(?:\s+हैं)?${END}`, 'u')],
  [/^ar/, new RegExp(String.raw`^(?:(?:دعونا|دعنا)\s+(?:نفهم|نرى|نلقي\s+نظرة)|لنفهم|لنرى|لنر)(?:\s+(?:ذلك|هذا|الأمر|معًا|معا))?${END}`, 'u')],
];

export function looksInto(s: string, locale: string): boolean {
  const f = factsOf(s);
  const line = f.trimmed;
  return line.length <= 50 && !f.hasFigureOrCode && (ruleFor(LOOKS_INTO, locale)?.test(line) ?? false);
}

/**
 * A greeting to the channel or a label of the message in front of a sentence ("Hey @everyone and
 * @here, …", "Hi all, …", "Quick question: …"): a greeting word with only addressees (mentions, "all",
 * "everyone", "team") before its comma, or "quick" with a noun for the message before its colon.
 * "Hello, world is…" names no addressee and stays. Discord writes a user or role as <@ID>, <@!ID>, <@&ID>
 * (https://github.com/discord/discord-api-docs/pull/6827/files, docs/Reference.md "Message Formatting").
 */
const ADDRESSEE = String.raw`(?:@[\p{L}\d_]+|<@[!&]?\d+>|everyone|everybody|all|folks|team|guys|y['’]all|people|friends)`;
const OPENING_ADDRESS: Rules = [
  [/^en/, new RegExp(String.raw`^(?:(?:hey|hi|hello|morning|good\s+morning)\s+${ADDRESSEE}(?:\s*(?:,|and|&)\s*${ADDRESSEE}){0,3}\s*[,!—–:]\s*|quick\s+(?:one|question|q|note|update)\s*[:—–]\s*)`, 'iu')],
];

/** The greeting or label opening s, as a match to cut, if any. */
export function openingAddress(s: string, locale: string): RegExpExecArray | null {
  return ruleFor(OPENING_ADDRESS, locale)?.exec(s) ?? null;
}

/** s without the greeting or label opening it, its next letter made a capital ("Quick one: why…" → "Why…"). */
export function withoutOpeningAddress(s: string, locale: string): string {
  const opening = openingAddress(s, locale);
  if (!opening || !/\p{L}/u.test(s.slice(opening[0].length))) return s;
  return capitalise(s.slice(opening[0].length));
}
