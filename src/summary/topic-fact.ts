/**
 * What makes a sentence say something of the note's subject rather than of the exchange, whatever
 * person it speaks in: a path or a command-line option it names ("your ~/.bashrc", "--force"), or a
 * count of things ("Python has three clocks", "drei Wege", "三つの時計", "两种方法"). Small talk to the
 * reader names none of these; a code span is told by the span table (inline.ts). Told by the forms of
 * paths and of each language's counting, not by the note's words (issue 23). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import type { SpanTable } from './inline.js';

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
