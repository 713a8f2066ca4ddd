/**
 * The punctuation a point adds where it joins words of the note (a label and its text, a list's
 * names, a lead-in and its code), in the script of the words it joins: Chinese and Japanese list
 * with the enumeration comma 、 and label with the full-width colon ：, Arabic lists with its comma
 * ، (U+060C) and labels with ":" as Latin does; never an ASCII ", " between Han characters. Pure.
 */
import { withoutFinalStop } from './final-stop.js';

export interface Joiners {
  /** Between two names of a list. */
  comma: string;
  /** After a label or lead-in, before what it labels. */
  colon: string;
}

const LATIN: Joiners = { comma: ', ', colon: ': ' };
const CJK: Joiners = { comma: '、', colon: '：' };
const ARABIC: Joiners = { comma: '، ', colon: ': ' };

/** A Chinese or Japanese character (Han, hiragana, katakana): a script written without spaces between words. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** The joiners of one piece of text: CJK or Arabic where it holds that script (they quote Latin names, rarely the other way round). */
function joinersOf(text: string): Joiners {
  if (CJK_CHAR.test(text)) return CJK;
  return ARABIC_LETTER.test(text) ? ARABIC : LATIN;
}

/**
 * A list's joiners: those of the note's language where it writes in CJK or Arabic script (a zh
 * note lists "Redis、SQLite", a DeepSeek table "DeepSeek：輸入、輸出"; an English note of Chinese
 * song titles lists them with ", "); without a language, those of the lead-in's script where it
 * has words ("常用数据库：Redis、SQLite"), else of the script most of its names are in.
 */
export function listJoiners(lead: string, names: readonly string[], locale?: string): Joiners {
  const joiners = locale !== undefined ? joinersOfLocale(locale) : /\p{L}/u.test(lead) ? joinersOf(lead) : joinersOfMost(names);
  // Names that hold commas of their own are set apart by semicolons, as Chinese and Japanese do;
  // Arabic has its own (؛ U+061B ARABIC SEMICOLON) for what its comma ، would leave ambiguous.
  if (joiners === CJK && names.some((n) => /[，、]/u.test(n))) return CJK_CLAUSES;
  return joiners === ARABIC && names.some((n) => /[،,]/u.test(n)) ? ARABIC_CLAUSES : joiners;
}

function joinersOfLocale(locale: string): Joiners {
  const lang = locale.toLowerCase();
  if (/^(?:zh|ja|yue|hant|hans)(?:$|-)/.test(lang)) return CJK;
  return /^(?:ar|fa|ur)(?:$|-)/.test(lang) ? ARABIC : LATIN;
}

function joinersOfMost(names: readonly string[]): Joiners {
  let cjk = 0;
  let arabic = 0;
  for (const n of names) {
    if (CJK_CHAR.test(n)) cjk++;
    else if (ARABIC_LETTER.test(n)) arabic++;
  }
  return cjk * 2 > names.length ? CJK : arabic * 2 > names.length ? ARABIC : LATIN;
}

const CJK_CLAUSES: Joiners = { comma: '；', colon: '：' };
const ARABIC_CLAUSES: Joiners = { comma: '؛ ', colon: ': ' };

/** A sentence's own stop ending a name: a question heading's "?", "？", "؟" ("Why does git pull merge?"). */
const OWN_STOP = /[?!؟]$|[？！。]$/u;

/**
 * A list's text with one more name: after a name that ends on its own stop (an outline of question
 * headings, a FAQ's), the stop parts the two as between sentences, a space after a Latin or Arabic one,
 * nothing after a full-width one ("Why…? Can I…?", "为什么…？已经…？"); never "?," (issue 23, F10).
 */
export function withName(text: string, name: string, comma: string): string {
  const stop = OWN_STOP.exec(text)?.[0];
  return `${text}${stop === undefined ? comma : /[？！。]/u.test(stop) ? '' : ' '}${name}`;
}

/**
 * A lead-in and what it leads to ("Run: `cmd`"): the writer's own colon kept as written (French
 * sets a space before it) unless it is an ASCII colon after Han or Kana, which becomes ：.
 */
export function ledBy(leadIn: string, what: string): string {
  const own = /\s*[:：]$/u.exec(leadIn);
  // A lead-in ending its sentence ("次の通りです。", "is as follows.") takes a colon in its stop's place.
  if (!own) return labelled(withoutFinalStop(leadIn), what);
  const said = leadIn.slice(0, own.index);
  return labelColon(said) === CJK.colon ? `${said}${CJK.colon}${what}` : `${said}${own[0].replace('：', ':')} ${what}`;
}

/** `label: text`, its colon in the label's script ("北京：2100万", "China: +86"). */
export function labelled(label: string, text: string): string {
  return `${label}${labelColon(label, text)}${text}`;
}

/** The colon after a label or lead-in, by the script of the words on either side: "Run: ", "运行：", "Rust：静的". */
function labelColon(label: string, text = ''): string {
  const last = /[\p{L}\p{N}][^\p{L}\p{N}]*$/u.exec(label)?.[0] ?? '';
  const first = /^[^\p{L}\p{N}]*[\p{L}\p{N}]/u.exec(text)?.[0] ?? '';
  return CJK_CHAR.test(last) || CJK_CHAR.test(first) ? CJK.colon : LATIN.colon;
}

/**
 * A list item's end that joins it to the next item, the writer's sentence running through the list
 * ("- water,", "- a map, and", "- sugar and", "- une carte, et", "- 纸质地图、或"): a separator, or a
 * conjunction the item ends on. Only a conjunction: "- flour, salt" and "- خبز، ماء" end on a word
 * of their own. CJK conjunctions, which end other words too ("平和", "もっと"), count only after a
 * separator. Compacted, the names have separators of their own.
 */
const SEPARATOR = '[,;，、；،؛]';
const SPACED_CONJUNCTION = '(?:and|or|et|ou|und|oder|ed|od|или|أو|و|और|या|तथा|एवं)';
const SEPARATED_CONJUNCTION = '或者|或|和|与|與|及|以及|还有|還有|や|と|および|または|か';
const trailingJoin = (separatedConjunction: string): RegExp =>
  new RegExp(`(?:\\s*${SEPARATOR}\\s*(?:${separatedConjunction})|(?:\\s*${SEPARATOR}|\\s)\\s*${SPACED_CONJUNCTION}|\\s*${SEPARATOR})\\s*$`, 'u');
const TRAILING_JOIN = trailingJoin(SEPARATED_CONJUNCTION);
// One-letter conjunctions only in the languages that have them: elsewhere "- x, y" names two axes.
const TRAILING_JOIN_LETTERS = trailingJoin(`${SEPARATED_CONJUNCTION}|y|o|e|u|и`);
const HAS_LETTER_CONJUNCTIONS = /^(?:es|it|pt|ca|gl|ru|uk|bg)(?:$|-)/i;

/**
 * The last UTF-16 unit of every separator and conjunction above: TRAILING_JOIN's match ends there,
 * before white space alone, so text whose last other unit is none of them has no join to lose. The
 * regex, unanchored at its start, tried every position of every item (issue 23).
 */
const JOIN_LAST_UNITS = new Set(
  [...`${SPACED_CONJUNCTION}|${SEPARATED_CONJUNCTION}|y|o|e|u|и`.split(/[|()?:]+/), ...',;，、；،؛'].filter((w) => w).map((w) => w.charCodeAt(w.length - 1)),
);

/** An item's text without what joins it to the next item, in the note's language where it has one. */
export function withoutTrailingJoin(text: string, locale?: string): string {
  const end = text.trimEnd(); // `\s` and trimEnd's white space are one set (ECMA-262 WhiteSpace and LineTerminator)
  if (!end || !JOIN_LAST_UNITS.has(end.charCodeAt(end.length - 1))) return text;
  const m = (locale !== undefined && HAS_LETTER_CONJUNCTIONS.test(locale) ? TRAILING_JOIN_LETTERS : TRAILING_JOIN).exec(text);
  return m && m.index > 0 ? text.slice(0, m.index) : text;
}

/**
 * Text that ends a series begun before it ("webpack and esbuild.", "MySQL 或 SQLite。"): names of at
 * most two words each, joined by separators and a conjunction before the last. What came before the
 * separator ahead of it is the series' first name, never a clause of its own to drop.
 */
// CJK writes no spaces: more than eight CJK characters in a row, but for a conjunction ending
// them, are a clause, no name ("ログはサービスごとに…" is no series of "…ご" and "に…").
const CJK_RUN = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
const SERIES_WORD = `(?:[^\\s,;:.!?，、；：。！？،؛\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]|${CJK_RUN}{1,8}(?:(?!${CJK_RUN})|(?=${SEPARATED_CONJUNCTION})))+`;
const SERIES_NAME = `${SERIES_WORD}(?:\\s${SERIES_WORD})?`;
const SERIES_END = new RegExp(
  `^${SERIES_NAME}(?:${SEPARATOR}\\s*${SERIES_NAME})*${SEPARATOR}?(?:\\s${SPACED_CONJUNCTION}\\s|\\s(?:y|o|e|u|и)\\s|\\s*(?:${SEPARATED_CONJUNCTION})\\s*)${SERIES_NAME}[.!。！]?$`,
  'u',
);

export function endsSeries(text: string): boolean {
  return SERIES_END.test(text.trim());
}

/**
 * Text up to its last clause's start (a comma, semicolon or colon in any script, a spaced dash):
 * a cut that lost what its clause announces ("…, and the closed form is [formula]") loses the clause.
 * Empty when the text is one clause.
 */
export function withoutLastClause(text: string): string {
  let end = 0;
  for (const m of text.matchAll(/[,;:，；：、،؛]|\s[–—]\s/gu)) end = m.index;
  return text.slice(0, end);
}

/** A lead-in's colon made the full stop of its script ("…ways to learn it:" → "…ways to learn it."; "：" → "。"; Devanagari "।"). */
export function closedSentence(leadIn: string): string {
  const said = leadIn.replace(/\s*[:：]$/u, '');
  return /：$/u.test(leadIn) ? `${said}。` : /\p{Script=Devanagari}$/u.test(said) ? `${said}।` : `${said}.`;
}
