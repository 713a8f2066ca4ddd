/**
 * Whether a heading names a part of the note or only a kind of section: the outline of a note shows
 * its headings only where they carry names. Pure.
 */
import type { Token, Tokens } from 'marked';
import { isFunctionWord } from './salience.js';
import { NUMBER_WORDS } from './number-words.js';

/** Characters of a section read to tell whether its heading names it. */
const SECTION_PROBE = 4000;

/**
 * Whether a heading names what its section is about: a word of it (its first five letters, so
 * "Formatting" finds "format", at a word's start; a shorter word as a word; a pair of CJK characters) comes back in the section's text. "Key
 * Concepts", "Why This Happens" or "Advantages and Limitations" name a kind of section, not a
 * part of the note, and its text does not say them again; "Formatting Dates (strftime)" does.
 * The section is read block by block and no further than a word is found (no word or pair holds a
 * space, so none is found across two blocks): most headings are named again in their first block.
 */
export function namesItsSection(name: string, blocks: readonly Token[], at: number, depth: number): boolean {
  const probes = sectionProbes(name);
  if (!probes.length) return false;
  let read = 0;
  for (let j = at + 1; j < blocks.length && read < SECTION_PROBE; j++) {
    const t = blocks[j]!;
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= depth) break;
    const text = t.raw.toLowerCase();
    if (probes.some((probe) => saysAgain(text, probe))) return true;
    read += text.length + 1;
  }
  return false;
}

/** A heading's word as its section may say it again: its first letters (`prefix`), or, for a short word, the word itself with at most a plural ending. */
interface Probe {
  text: string;
  whole: boolean;
}

/**
 * Whether a probe starts a word of the text ("forma" in "Formatting"; "ant" in "Ant is…" and "ants", not in
 * "antigua" nor "variant"); in another script than Latin anywhere, as CJK has no spaces and Arabic joins
 * articles, conjunctions and pronouns to its words ("والرياح", "أوراقها").
 */
function saysAgain(text: string, { text: probe, whole }: Probe): boolean {
  if (!LATIN_WORD.test(probe)) return text.includes(probe);
  for (let at = text.indexOf(probe); at >= 0; at = text.indexOf(probe, at + 1)) {
    if (at > 0 && WORD_CHAR.test(text[at - 1]!)) continue;
    if (!whole || !WORD_CHAR.test(text.slice(at + probe.length).replace(/^e?s/u, '').charAt(0) || ' ')) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LATIN_WORD = /^[\p{Script=Latin}\p{N}]/u;

/** What of a heading's words its section must say again: each word's first five letters (a word of four or fewer whole), each pair of a CJK word. */
function sectionProbes(name: string): Probe[] {
  const probes: Probe[] = [];
  for (const word of name.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}_+#.-]*/gu) ?? []) {
    if (CJK_RUN.test(word)) probes.push(...cjkProbes(word).map((text) => ({ text, whole: false })));
    else if (word.length >= 3 && !isFunctionWord(word)) probes.push({ text: word.slice(0, 5), whole: word.length < 5 });
  }
  return probes;
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KANA_SOUND = /[\p{Script=Katakana}\u30FC]/u;

/**
 * Each stretch of a CJK word two Han characters wide ("時計"): a katakana counts half (nameWidth), so a
 * loanword's probe is four sounds ("カウンタ"), not two that any other loanword may hold ("フォ" in "プラットフォーム").
 */
function cjkProbes(word: string): string[] {
  const chars = [...word];
  const probes: string[] = [];
  for (let k = 0; k < chars.length; k++) {
    let width = 0;
    let end = k;
    while (end < chars.length && width < 2) width += KANA_SOUND.test(chars[end++]!) ? 0.5 : 1;
    if (width >= 2) probes.push(chars.slice(k, end).join(''));
  }
  return probes;
}

/**
 * A heading that counts its part and then names it ("Option A: Rent a VPS", "方案一：Parallels
 * Desktop", "Step 2 – Serverless", "Stage one: The basics", number-words.ts): the label word, and the name after the counter.
 */
const COUNTED_NAME = new RegExp(String.raw`^([\p{L}\p{M}]+?)(?:\s*(?:\p{Nd}+|[一二三四五六七八九十]+)|\s+(?:[A-H]|${NUMBER_WORDS})|(?<=\p{Script=Han})[A-H])(?![\p{L}\p{M}\p{Nd}])\s*(?:[:：.)]|\s[-–—])\s*(\S.*)$`, 'u');

/**
 * The names of a note's counted parts, by their headings' text: where two headings or more count
 * parts under one label ("Option A: …", "Option B: …"), each part's name ("Rent a VPS"). The text
 * under such a heading speaks of "it" and never names the option it weighs: its point says the
 * name. One counted heading alone ("Vitamin D: why it matters") names no series of parts.
 */
export function countedPartNames(headings: readonly string[]): Map<string, string> {
  const byLabel = new Map<string, Array<[string, string]>>();
  for (const text of headings) {
    const m = COUNTED_NAME.exec(text.trim());
    if (!m) continue;
    const label = m[1]!.toLowerCase();
    byLabel.set(label, [...(byLabel.get(label) ?? []), [text, m[2]!.replace(/\s*[:：]$/u, '')]]);
  }
  return new Map([...byLabel.values()].filter((parts) => parts.length >= 2).flat());
}

/** Headings of one level that are a series of names, as an outline needs ("## 云服务器" then "## 数据库" may be kinds of section). */
const MIN_NAMED = 3;

/** The most words a heading naming a place, a walk or an option holds ("Kagurazaka", "VS Code", "谷根千"). */
const MAX_NAME_WORDS = 3;

/**
 * Headings that are names: three or more of one level, every one of them short, no question and no
 * function word in it ("Yanaka", "Kagurazaka", "Daikanyama"; not "Why This Happens"), and not repeated
 * by its section, whose text then never says what it describes ("An old shopping street with temples."):
 * its points carry the name (withPartName). `excluded`: headings of no part (references, a summary).
 */
export function nameHeadings(blocks: readonly Token[], headingText: (h: Tokens.Heading) => string, excluded: (name: string) => boolean): Set<string> {
  const byDepth = new Map<number, Array<{ text: string; at: number }>>();
  blocks.forEach((t, at) => {
    if (t.type !== 'heading') return;
    const depth = (t as Tokens.Heading).depth;
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), { text: headingText(t as Tokens.Heading), at }]);
  });
  const names = new Set<string>();
  for (const [depth, level] of byDepth) {
    if (level.length < MIN_NAMED || !level.every((h) => isName(h.text) && !excluded(h.text))) continue;
    for (const h of level) if (!namesItsSection(h.text, blocks, h.at, depth)) names.add(h.text);
  }
  return names;
}

/** The widest a CJK heading naming a part is: eight Han characters ("四川担担面馆"), two of a word's worth each. */
const MAX_CJK_NAME_WIDTH = 8;

/**
 * A heading's width by what each script's characters carry: a Han character (or a hiragana, which in
 * a heading is grammar: a phrase, not a name) is one, a katakana half (it spells a loanword's sounds:
 * "パフォーマンスカウンター", 12, is two words, as "性能计数器" is five Han), a word in another script
 * two (a word's worth), and a mark between names ("・") nothing.
 */
function nameWidth(heading: string): number {
  let width = 0;
  for (const run of heading.match(/[\p{Script=Katakana}\u30FC]+|[\p{Script=Han}\p{Script=Hiragana}]|[\p{L}\p{N}][\p{L}\p{M}\p{N}_'’.+#-]*/gu) ?? []) {
    width += KANA_SOUND.test(run) ? run.length / 2 : CJK_RUN.test(run) ? 1 : 2;
  }
  return width;
}

function isName(heading: string): boolean {
  const words = heading.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}_'’.+#-]*/gu) ?? [];
  if (!words.length || words.length > MAX_NAME_WORDS || /[?？:：.。!！,，、]/u.test(heading)) return false;
  // A CJK heading is a name when it is short, by its script's width (nameWidth); a word heading when it begins and ends with a capitalised
  // word that is no function word, lower-case function words (or short words: "de", "of") only between ("Campo de Ourique").
  if (CJK_RUN.test(heading)) return nameWidth(heading) <= MAX_CJK_NAME_WIDTH;
  const capitalised = (w: string) => !isFunctionWord(w) && /^[\p{Lu}\p{N}]/u.test(w);
  return capitalised(words[0]!) && capitalised(words[words.length - 1]!) && words.every((w) => capitalised(w) || (/^\p{Ll}/u.test(w) && (w.length <= 3 || isFunctionWord(w))));
}

/**
 * A point of a counted part's section with the part's name before it, unless it says the name already:
 * as a word of its own, not inside another ("Ant" is not said by "antigua"; CJK has no spaces to look for).
 */
export function withPartName(name: string, point: string): string {
  const lower = point.toLowerCase(), key = name.toLowerCase();
  const whole = (k: number) => k < 0 || k >= point.length || CJK_RUN.test(point[k]!) || !/[\p{L}\p{N}]/u.test(point[k]!);
  for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) if (whole(at - 1) && whole(at + key.length)) return point;
  return CJK_RUN.test(point.charAt(0)) || CJK_RUN.test(name.slice(-1)) ? `${name}：${point}` : `${name}: ${point}`;
}

/**
 * The part of the note each section belongs to: the sections under one heading of the note's top
 * level ("## Installation" over "### Windows", "### Linux") are one part. The top level is the
 * shallowest depth of heading, a heading over the whole note aside; a bold line (`label`: a heading the
 * writer did not mark as one) opens a section, never a part.
 */
export function topParts(blocks: readonly Token[], label: (t: Token) => boolean): number[] {
  const depths = blocks.filter((t) => t.type === 'heading').map((t) => (t as Tokens.Heading).depth);
  const rest = blocks[0]?.type === 'heading' && depths.slice(1).every((d) => d > depths[0]!) ? depths.slice(1) : depths;
  const top = Math.min(...rest);
  const parts = [0];
  let part = 0;
  for (const t of blocks) {
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= top) part++;
    if (t.type === 'heading' || label(t)) parts.push(part);
  }
  return parts;
}
