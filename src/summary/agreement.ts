/**
 * A reply agreeing with the asker and saying nothing else ("You're quite right to ask.", "Et tu as
 * entièrement raison.", "وأنت محق في ذلك.", "你说得很对。"): each language's "you are right" predicate
 * opening the sentence, perhaps after a short praise clause and "and", with at most a few words after
 * it and no clause of its own ("You're right that the cache…" says something and stays). Filler, never
 * a point (issue 23). Pure.
 */
import { capitalise } from './chars.js';
import { ruleFor, type Rules } from './locale-rules.js';
import { wordCount } from './tone.js';
import { factsOf, passesGate, type WordGates } from './sentence-facts.js';

/** A short leading clause before a comma ("Good catch, ", "Bien vu, ", "بالتأكيد، "): up to four words. */
const LEADING = String.raw`(?:[^,،，、.!?。！？]{1,40}[,،，、]\s*)?`;

/** Per language: the predicate "you are right", with its coordinating "and" (Arabic و is written on the word). */
export const AGREES: Rules = [
  [/^en/, new RegExp(String.raw`^${LEADING}(?:and\s+)?you(?:['’]re|\s+are)\s+(?:\p{L}+\s+){0,2}?(?:right|correct|spot\s+on)(?!\p{L})`, 'iu')],
  [/^fr/, new RegExp(String.raw`^${LEADING}(?:et\s+)?(?:tu\s+as|vous\s+avez|t['’]as)\s+(?:\p{L}+\s+){0,3}?raison(?!\p{L})`, 'iu')],
  [/^es/, new RegExp(String.raw`^${LEADING}(?:y\s+)?(?:tú\s+|usted\s+)?(?:tienes|tiene|tenéis)\s+(?:\p{L}+\s+){0,2}?razón(?!\p{L})`, 'iu')],
  [/^de/, new RegExp(String.raw`^${LEADING}(?:und\s+)?(?:da\s+)?(?:hast\s+du|haben\s+Sie|du\s+hast|Sie\s+haben)\s+(?:\p{L}+\s+){0,2}?recht(?!\p{L})`, 'iu')],
  [/^pt/, new RegExp(String.raw`^${LEADING}(?:e\s+)?(?:você|tu)\s+(?:tem|tens|está|estás)\s+(?:\p{L}+\s+){0,2}?(?:razão|certo|certa)(?!\p{L})`, 'iu')],
  [/^ar/, new RegExp(String.raw`^${LEADING}(?:و?(?:أنت|أنتِ|أنتم)\s+(?:\p{L}+\s+)?(?:محق|محقة|محقون|على\s+حق)|و?معك\s+حق)(?!\p{L})`, 'u')],
  [/^hi/, new RegExp(String.raw`^${LEADING}(?:और\s+)?(?:आप|तुम)\s+(?:\S+\s+){0,2}?सही\s+(?:हैं|हो)(?=[\s,.।!]|$)`, 'u')],
  // 对 alone is also "towards" ("你对…的理解"): only "said right" (说得对) agrees.
  [/^(zh|hant|yue)/, new RegExp(String.raw`^${LEADING}(?:而且|并且|並且)?[你您](?:说|說|讲|講)得\p{Script=Han}{0,2}?(?:对|對|没错|沒錯|正确|正確)`, 'u')],
  [/^ja/, new RegExp(String.raw`^${LEADING}(?:まさに)?(?:おっしゃる|ご指摘の)(?:通り|とおり)`, 'u')],
  [/^ru/, new RegExp(String.raw`^${LEADING}(?:и\s+)?(?:вы|ты)\s+(?:\p{L}+\s+)?(?:правы|прав|права)(?!\p{L})`, 'iu')],
];

/** What after the predicate opens a clause saying what the asker is right about ("right that…", "raison : …"). */
const SAYS_WHAT: Rules = [
  [/^en/, /^\s*(?:that|about|:)/iu],
  [/^fr/, /^\s*(?:que|qu['’]|sur|:)/iu],
  [/^es/, /^\s*(?:en que|que|:)/iu],
  [/^de/, /^\s*(?:[,:]\s*)?(?:dass|mit|:)/iu],
  [/^pt/, /^\s*(?:que|sobre|:)/iu],
  [/^ar/, /^\s*(?:أن|بأن|:)/u],
  [/^hi/, /^\s*(?:कि|:)/u],
  [/^(zh|hant|yue)/, /^[，,：:]?\s*\p{Script=Han}{6,}/u],
];

/** At most this many words may follow the predicate ("to ask", "de le demander", "في هذه الملاحظة"). */
const TAIL_WORDS = 5;

/** Words AGREES cannot match without (sentence-facts.ts). */
export const AGREES_GATES: WordGates = [[/^en/, ['you']]];

export function agreesWithReader(s: string, locale: string): boolean {
  if (!passesGate(AGREES_GATES, locale, s)) return false;
  const trimmed = factsOf(s).trimmed;
  const m = ruleFor(AGREES, locale)?.exec(trimmed);
  if (!m) return false;
  const tail = trimmed.slice(m[0].length);
  if (/[\d\uE000-\uF8FF]/u.test(tail) || (ruleFor(SAYS_WHAT, locale)?.test(tail) ?? false)) return false;
  return wordCount(tail.replace(/[.!。！।]+\s*$/u, '')) <= TAIL_WORDS;
}

/** The colon after "you are right" (Japanese after its copula: "おっしゃる通りです："): what the asker is right about follows. */
const COLON_AFTER_AGREEING = /^\s*(?:です)?\s*[:：]\s*/u;

/**
 * A clause crediting the reader with what follows ("As you rightly noticed, …", "Comme vous l'avez
 * remarqué, …", "Como bien has notado, …", "正如你所说，…"): "as" + "you" + a verb of noticing or saying,
 * then a comma. German is left out: its clause fills the place before the verb, and the rest alone
 * would open on the verb ("…, ist der Index …").
 */
const AS_YOU_NOTED: Rules = [
  [/^en/, /^as\s+you(?:['’]ve|\s+have)?\s+(?:\p{L}+ly\s+)?(?:noticed|noted|said|say|pointed\s+out|mentioned|suspected|guessed|observed|saw|found)\s*,\s*/iu],
  [/^fr/, /^comme\s+(?:vous\s+l['’]avez|tu\s+l['’]as)\s+(?:\p{L}+\s+){0,2}?(?:remarqué|dit|noté|souligné|deviné|constaté|vu)\s*,\s*/iu],
  [/^es/, /^como\s+(?:bien\s+)?(?:(?:tú\s+|usted\s+)?(?:has|ha|habéis)\s+(?:\p{L}+\s+)?(?:notado|dicho|señalado|observado|intuido|visto)|(?:dices|dice|señalas|notaste|dijiste|viste))\s*,\s*/iu],
  [/^pt/, /^como\s+(?:você|tu)\s+(?:bem\s+)?(?:notou|disse|observou|percebeu|viu)\s*,\s*/iu],
  [/^(zh|hant|yue)/, /^(?:正如|如同|就像)[你您](?:所)?(?:说|說|注意到|发现|發現|指出)(?:的)?[，,]\s*/u],
];

/**
 * The agreement or credit opening a reply, gone where the substance follows: "you are right" before a
 * colon ("You're absolutely right: the index…" → "The index…"), as tone.ts withoutReplyClause does
 * before a comma, and a clause crediting the reader (AS_YOU_NOTED). A few words at least must
 * follow, else the sentence stays whole.
 */
export function withoutAgreementLead(s: string, locale: string): string {
  const trimmed = s.trim();
  const noted = ruleFor(AS_YOU_NOTED, locale)?.exec(trimmed);
  const m = noted ? undefined : ruleFor(AGREES, locale)?.exec(trimmed);
  const colon = m ? COLON_AFTER_AGREEING.exec(trimmed.slice(m[0].length)) : null;
  const rest = noted ? trimmed.slice(noted[0].length) : m && colon ? trimmed.slice(m[0].length + colon[0].length) : '';
  return wordCount(rest) >= 3 ? capitalise(rest) : s;
}
