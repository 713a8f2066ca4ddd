/**
 * Whether a heading names a part of the note or only a kind of section: the outline of a note shows
 * its headings only where they carry names. Pure.
 */
import type { Token, Tokens } from 'marked';
import { isFunctionWord } from './salience.js';
import { NUMBER_WORDS } from './number-words.js';
import { SUMS_UP } from './sums-up.js';
import { CJK_CHAR } from './punctuation.js';

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

/** Whether a text (lower case) says each word of a heading again, as its section would (saysAgain): "access points wired with Ethernet" says "Wired access points". */
export function saysEveryWord(text: string, name: string): boolean {
  const probes = sectionProbes(name);
  return probes.length > 0 && probes.every((probe) => saysAgain(text, probe));
}

/** The text of a section, lower-cased: its blocks up to the next heading of its level or above. */
function sectionText(blocks: readonly Token[], at: number, depth: number): string {
  let text = '';
  for (let j = at + 1; j < blocks.length && text.length < SECTION_PROBE; j++) {
    const t = blocks[j]!;
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= depth) break;
    text += `${t.raw.toLowerCase()}\n`;
  }
  return text;
}

/** Parts of the note a closing verdict names, at least: it weighs them against each other. */
const VERDICT_NAMES = 2;
/** Parts a verdict weighs, at most: past them the last section is a guide's last topic ("Common Tips and Pitfalls"), and its words come from all over. */
const MAX_WEIGHED = 7;
/** Paragraphs of a verdict, at most: a judgement, not a part of its own (a list of tips, a record of fields). */
const VERDICT_PARAGRAPHS = 3;

/** A list written on one line ("make sure you can: explain …, build …, pack …"): a checklist, as a list of tips is, not a judgement. */
const INLINE_LIST = /[:：]\s*[^,，、:：]+(?:[,，、][^,，、]+){2,}/u;

/** Whether a section is a few paragraphs of prose and nothing else. */
function onlyProse(blocks: readonly Token[], at: number, depth: number): boolean {
  let n = 0;
  for (let j = at + 1; j < blocks.length; j++) {
    const t = blocks[j]!;
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= depth) break;
    if (t.type !== 'paragraph' || INLINE_LIST.test((t as Tokens.Paragraph).text) || ++n > VERDICT_PARAGRAPHS) return false;
  }
  return n > 0;
}

/**
 * The note's conclusion: its closing verdict (verdictHeading), or a last section of a few paragraphs of prose that says
 * it sums the note up ("## Fazit", "## まとめ") in a note of three to seven parts, not a long guide's summary list. Its
 * first statement is the note's judgement, which its words, said in the parts before it, do not make worth less. The
 * heading's block, or -1.
 */
export function conclusionHeading(blocks: readonly Token[], headingText: (h: Tokens.Heading) => string, verdictAt: number): number {
  if (verdictAt >= 0) return verdictAt;
  const at = topLevel(blocks);
  const last = at[at.length - 1];
  if (at.length < 3 || at.length > MAX_WEIGHED || last === undefined) return -1;
  const depth = (blocks[last] as Tokens.Heading).depth;
  return onlyProse(blocks, last, depth) && SUMS_UP.test(headingText(blocks[last] as Tokens.Heading)) ? last : -1;
}

/** The blocks of the headings of the note's top level: the shallowest, a heading the note opens with over all the others aside (topParts). */
function topLevel(blocks: readonly Token[]): number[] {
  const heads = blocks.flatMap((t, i) => (t.type === 'heading' ? [{ i, depth: (t as Tokens.Heading).depth }] : []));
  const rest = heads[0]?.i === 0 && heads.slice(1).every((h) => h.depth > heads[0]!.depth) ? heads.slice(1) : heads;
  const top = Math.min(...rest.map((h) => h.depth));
  return rest.filter((h) => h.depth === top).map((h) => h.i);
}

/**
 * The note's closing verdict, whatever word heads it ("Verdict", "Empfehlung", "¿Cuál elegir?", "怎么选"): the last
 * heading of the note's top level (of three or more), no part the writer counted ("Step 4: Deploy") and not said
 * again by its own section, whose text names two or more of the other headings of its level ("## Verdict" then "a
 * mesh system with a wired backhaul…" after "## Mesh system" and "## Wired access points"): it weighs the parts, as a
 * "Summary" does (issue 23, F5). The heading's block, or -1.
 */
export function verdictHeading(blocks: readonly Token[], headingText: (h: Tokens.Heading) => string): number {
  const at = topLevel(blocks);
  const last = at[at.length - 1];
  if (at.length < 3 || at.length > MAX_WEIGHED || last === undefined) return -1;
  const top = (blocks[last] as Tokens.Heading).depth;
  if (!onlyProse(blocks, last, top)) return -1;
  const name = headingText(blocks[last] as Tokens.Heading);
  if (COUNTED_NAME.test(name) || /^\d+[.)]/u.test(name) || namesItsSection(name, blocks, last, top)) return -1;
  const text = sectionText(blocks, last, top);
  const named = at.slice(0, -1).filter((i) => sectionProbes(headingText(blocks[i] as Tokens.Heading)).some((probe) => saysAgain(text, probe)));
  return named.length >= VERDICT_NAMES ? last : -1;
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
    if (CJK_CHAR.test(word)) probes.push(...cjkProbes(word).map((text) => ({ text, whole: false })));
    else if (word.length >= 3 && !isFunctionWord(word)) probes.push({ text: word.slice(0, 5), whole: word.length < 5 });
  }
  return probes;
}

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
    if (level.length >= 2 && countsAlong(level.map((h) => h.text))) for (const h of level) names.add(h.text);
    if (level.length < MIN_NAMED || !level.every((h) => isName(h.text) && !excluded(h.text))) continue;
    for (const h of level) if (!namesItsSection(h.text, blocks, h.at, depth)) names.add(h.text);
  }
  return names;
}

/** A count in a heading: digits, or Han numerals. */
const COUNT = /\p{Nd}+|[一二三四五六七八九十]+/gu;
/** What joins two counts into a span: a dash, a tilde, or a short word ("bis", "to", "à", "से"). */
const SPAN_MARK = /[-–—~〜～至到]/gu;

/**
 * Headings that are a label and a count and nothing else, the label the same in each ("Tag 1", "Tag 2 bis 4", "Tag 5";
 * "Week 1", "Weeks 2–3"; "第1天", "第2至4天"; "1日目", "2〜4日目"): a timeline or a series of stages, whose name is the
 * heading itself, and whose sections never say it ("Mischen Sie 50 g Roggenmehl…"): their points carry it, or the
 * order is lost (issue 23, F16). The label is compared by its first three letters ("Day", "Days"; "Tag", "Tage").
 */
function countsAlong(headings: readonly string[]): boolean {
  const labels = headings.map((h) => {
    if (/[:：?？]/u.test(h) || !h.match(COUNT)) return undefined;
    const rest = h.replace(COUNT, ' ').replace(SPAN_MARK, ' ').trim();
    if (CJK_CHAR.test(rest)) return rest.replace(/\s+/gu, '');
    const words = rest.split(/\s+/u).filter(Boolean);
    // The label, and at most one short word joining two counts.
    if (!words.length || words.length > 2 || (words.length === 2 && [...words[1]!].length > 3)) return undefined;
    return words[0]!.toLowerCase().slice(0, 3);
  });
  return labels.every((l) => l !== undefined && l === labels[0]);
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
    width += KANA_SOUND.test(run) ? run.length / 2 : CJK_CHAR.test(run) ? 1 : 2;
  }
  return width;
}

function isName(heading: string): boolean {
  const words = heading.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}_'’.+#-]*/gu) ?? [];
  if (!words.length || words.length > MAX_NAME_WORDS || /[?？:：.。!！,，、]/u.test(heading)) return false;
  // A CJK heading is a name when it is short, by its script's width (nameWidth); a word heading when it begins and ends with a capitalised
  // word that is no function word, lower-case function words (or short words: "de", "of") only between ("Campo de Ourique").
  if (CJK_CHAR.test(heading)) return nameWidth(heading) <= MAX_CJK_NAME_WIDTH;
  const capitalised = (w: string) => !isFunctionWord(w) && /^[\p{Lu}\p{N}]/u.test(w);
  return capitalised(words[0]!) && capitalised(words[words.length - 1]!) && words.every((w) => capitalised(w) || (/^\p{Ll}/u.test(w) && (w.length <= 3 || isFunctionWord(w))));
}

/**
 * A point of a counted part's section with the part's name before it, unless it says the name already:
 * as a word of its own, not inside another ("Ant" is not said by "antigua"; CJK has no spaces to look for).
 */
export function withPartName(name: string, point: string): string {
  const lower = point.toLowerCase(), key = name.toLowerCase();
  const whole = (k: number) => k < 0 || k >= point.length || CJK_CHAR.test(point[k]!) || !/[\p{L}\p{N}]/u.test(point[k]!);
  for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) if (whole(at - 1) && whole(at + key.length)) return point;
  return CJK_CHAR.test(point.charAt(0)) || CJK_CHAR.test(name.slice(-1)) ? `${name}：${point}` : `${name}: ${point}`;
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
