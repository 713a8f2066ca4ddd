/**
 * What makes a sentence say something of the note's subject rather than of the exchange, whatever
 * person it speaks in: a path or a command-line option it names ("your ~/.bashrc", "--force"), or a
 * count of things ("Python has three clocks", "drei Wege", "三つの時計", "两种方法"). Small talk to the
 * reader names none of these; a code span is told by the span table (inline.ts). Told by the forms of
 * paths and of each language's counting, not by the note's words (issue 23). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import type { SpanTable } from './inline.js';
import { isFunctionWord } from './salience.js';

/** A path: rooted, home- or dot-relative, or two segments and more ("/var/log", "~/.ssh/config", "src/app"). */
const PATH = /(?:^|[\s(“"'«])(?:~|\.{1,2})?\/[\w.-]+|(?:^|[\s(“"'«])[\w.-]+\/[\w.-]+\/[\w.-]*|(?:^|\s)--[a-z][\w-]+/u;

/**
 * A counted noun: each language's words for two to ten before a word (one is as often an article:
 * "un", "uno", "eins"), CJK numerals with a counter ("三つ", "两种", "三個").
 */
const COUNT: Rules = [
  [/^en/, /(?:^|[^\p{L}])(?:two|three|four|five|six|seven|eight|nine|ten)\s+\p{L}/iu],
  [/^de/, /(?:^|[^\p{L}])(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)\s+\p{L}/iu],
  [/^es/, /(?:^|[^\p{L}])(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+\p{L}/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:deux|trois|quatre|cinq|six|sept|huit|dix)\s+\p{L}/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez)\s+\p{L}/iu],
  [/^hi/, /(?:^|\s)(?:दो|तीन|चार|पाँच|पांच|छह|सात|आठ|नौ|दस)\s+\p{L}/u],
  [/^ar/, /(?:^|\s)(?:ثلاثة|ثلاث|أربعة|أربع|خمسة|خمس|ثمانية|تسعة|عشرة)\s+\p{L}/u],
  [/^(zh|hant|yue)/, /[两兩二三四五六七八九十]\s*(?:个|個|种|種|类|類|条|條|项|項|步|点|點|件|层|層|大)/u],
  [/^ja/, /[二三四五六七八九十]\s*(?:つ|種類|種|通り|個|件|点|段階|層)/u],
];

/** Whether the sentence names a path or an option, or counts things: a fact of the note's subject. */
export function statesTopicFact(s: string, locale: string): boolean {
  return PATH.test(s) || (ruleFor(COUNT, locale)?.test(s) ?? false);
}

/**
 * Whether a statement names code as well, by the span table: a statement naming the reader's own things
 * is a reply to them ("Your guess is close") unless it says such a fact ("Your `config.toml` sets the port.").
 */
export function namesTopicFact(s: string, spans: SpanTable, locale: string): boolean {
  return spans.hasCode(s) || statesTopicFact(s, locale);
}

/**
 * The reader's possessive, each language's forms ("your", "dein…", "Ihr…", "votre", "tu", "你的",
 * "あなたの", "आपका"), before the thing it names. German "Ihr" at a sentence's start may be "its" or
 * "their" as well: the thing named is what counts here, whoever owns it.
 */
const YOUR: Rules = [
  [/^en/, /(?:^|[^\p{L}])your\s+/iu],
  [/^de/, /(?:^|[^\p{L}])(?:[Dd]ein(?:e[mnrs]?)?|Ihr(?:e[mnrs]?)?)\s+/u],
  [/^fr/, /(?:^|[^\p{L}])(?:votre|vos|ton|ta|tes)\s+/iu],
  [/^es/, /(?:^|[^\p{L}])(?:tu|tus|vuestro|vuestra|vuestros|vuestras)\s+/iu],
  [/^(zh|hant|yue)/, /(?:你|您)的\s*/u],
  [/^ja/, /あなたの/u],
  [/^hi/, /(?:^|\s)(?:आपका|आपकी|आपके|तुम्हारा|तुम्हारी|तुम्हारे)\s+/u],
];

/**
 * Whether the thing a sentence calls the reader's own ("Dein Router vergibt…", "你的浏览器只会…", "Your
 * router assigns…") is what the note speaks of: the word after "your" (its first five letters at a
 * word's start, the first two characters of a CJK run) comes back elsewhere in the note. Then "your" is
 * the general reader's ("your router", anyone's) and the sentence states the note's subject; the asker's
 * own things an answer replies to ("Your guess of…", "你的例子…") are named once, in the reply (issue 23, F13).
 * `noteText`: the note's text, lower-cased, read only when the sentence has "your".
 */
export function ownsNoteSubject(s: string, locale: string, noteText: () => string): boolean {
  const own = ruleFor(YOUR, locale)?.exec(s);
  // Near the start, where a reply's clause would stand ("Your example…", "其实你的…"); later, a reply's clause went before it ("Gute Frage, dein…").
  if (!own || (/[\p{L}\p{N}]+[^\p{L}\p{N}]+[\p{L}\p{N}]/u.test(s.slice(0, own.index)) || own.index > 3)) return false;
  const after = s.slice(own.index + own[0].length).toLowerCase();
  const cjk = /^([\p{Script=Han}\p{Script=Katakana}\u30FC]{2})/u.exec(after);
  const word = cjk ? undefined : /^([\p{L}\p{M}][\p{L}\p{M}\p{N}-]*)/u.exec(after)?.[1];
  const probe = cjk?.[1] ?? (word && word.length >= 3 && !isFunctionWord(word) ? word.slice(0, 5) : undefined);
  if (!probe) return false;
  const said = (text: string) => wordStarts(text, probe, cjk !== null || !/^\p{Script=Latin}/u.test(probe));
  return said(noteText()) > said(s.toLowerCase());
}

/** How many times a probe starts a word of the text (anywhere, for CJK, which has no spaces). */
function wordStarts(text: string, probe: string, anywhere: boolean): number {
  let n = 0;
  for (let at = text.indexOf(probe); at >= 0; at = text.indexOf(probe, at + 1)) if (anywhere || at === 0 || !/[\p{L}\p{M}\p{N}]/u.test(text[at - 1]!)) n++;
  return n;
}
