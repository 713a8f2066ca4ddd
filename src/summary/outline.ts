/**
 * The outline of a note of sections: its headings' names as one point, where they name its parts
 * (sections.ts tells which do). Pure.
 */
import type { Token, Tokens } from 'marked';
import { compactNames } from './lists.js';
import { namesItsSection, saysEveryWord } from './sections.js';
import { labelledOutput, pointsElsewhere } from './tone.js';
import { headsItsSubject } from './section-subject.js';
import { SUMS_UP } from './sums-up.js';
import { candidateOf, type Walk } from './walk.js';

/** Headings that start a list of sources, in the languages of the corpus and a few more. */
export const REFERENCES =
  /^(references?|sources?|further reading|links|bibliography|citations?|footnotes?|notes|参考|参考资料|参考文献|參考|參考資料|參考文獻|出典|参照|संदर्भ|स्रोत|المراجع|مراجع|المصادر|referencias|fuentes|références|sources|quellen|referenzen|literatur|referências|fontes|riferimenti|fonti)(?=$|[\s:：.。])/iu;

/**
 * Headings that only say a section begins or introduces ("Introduction", "Overview of …", "はじめに"):
 * they name no part of the note, and an outline is better without them.
 */
export const INTRODUCES =
  /^(?:introduction|intro|overview|background|preface|getting started|einführung|einleitung|überblick|introducción|resumen general|descripción general|présentation|aperçu|vue d'ensemble|introdução|visão geral|परिचय|अवलोकन|مقدمة|نظرة عامة)(?=$|[\s:：.,])|^(?:简介|介绍|介紹|概述|概览|概覽|概要|引言|前言|はじめに|概要|序論)/iu;

/**
 * A heading that counts its part before naming it, in any script: "Option 2: …", "Step 3 – …",
 * "विकल्प 1: …" (vowel signs are marks), "方案一：…", "第二章：…" (Han numerals), "الخيار ٢: …".
 */
const COUNTED_PART = /^[\p{L}\p{M}]+\s*(?:\p{Nd}+|[一二三四五六七八九十]+[章节節步部]?)\s*(?:[:：.)]|\s[-–—])/u;

/** A heading as the outline may show it: its name, whether the writer numbered it, whether it names its section. */
interface OutlineEntry {
  name: string;
  numbered: boolean;
  names: boolean;
}

/**
 * The names a note's sections give ("1) Easiest: a plugin (jekyll-polyglot), 2) …") as one point,
 * shown after the opening: the overview of a note of options or steps. The outline is the
 * shallowest level of three to twelve headings (a guide's parts, not their many sub-sections); a
 * note whose only level of three or more has more than twelve shows as many as fit.
 */
export function addSectionNames(w: Walk, blocks: readonly Token[], headingText: (h: Tokens.Heading) => string, verdictAt: number): void {
  const byDepth = new Map<number, OutlineEntry[]>();
  blocks.forEach((t, i) => {
    if (t.type !== 'heading' || i === verdictAt) return; // the closing verdict (sections.ts verdictHeading) is no part, as a "Summary" is none
    const h = t as Tokens.Heading;
    const text = headingText(h);
    const name = text.replace(/^\d+[.)]\s*/, '').replace(/\s*[:：]$/, '');
    if (!name || REFERENCES.test(name) || pointsElsewhere(name) || labelledOutput(`${name}:`) || SUMS_UP.test(name) || INTRODUCES.test(name)) return;
    const value = w.recordKeys?.get(i + 1);
    const numbered = name !== text.replace(/\s*[:：]$/, '') || COUNTED_PART.test(text);
    // A record's heading ("China", then its code) names its record, a part the writer counted ("2. Winding",
    // "Option 2: cron") a part, whatever its text says, and a heading its section's first sentence leans on its subject.
    const names = value !== undefined || numbered || namesItsSection(name, blocks, i, h.depth) || headsItsSubject(blocks, i, w.locale);
    byDepth.set(h.depth, [...(byDepth.get(h.depth) ?? []), { name: value ? `${name} ${value}` : name, numbered, names }]);
  });
  // Where the writer numbered the parts, the numbered headings are the outline; the rest of that
  // level (a preface, tips at the end) is not. Headings that mostly name kinds of section ("Key
  // Concepts", "Why This Happens", "Advantages and Limitations") tell a reader nothing of the note.
  const outline = (level: OutlineEntry[]) => {
    const parts = level.filter((h) => h.numbered).length >= 3 ? level.filter((h) => h.numbered) : level;
    return parts.filter((h) => h.names).length * 2 >= parts.length ? parts.map((h) => h.name) : [];
  };
  const levels = [...byDepth].sort(([a], [b]) => a - b).map(([, level]) => outline(level)).filter((names) => names.length >= 3);
  const names = levels.find((l) => l.length <= 12) ?? levels[0] ?? [];
  if (names.length < 3 || namedByOpening(blocks, names)) return;
  const compact = compactNames('', names, w.maxPointChars, undefined, w.locale);
  if (!compact) return;
  // A place of its own, whatever the sections took: a long guide fills the walk's candidates, and
  // its outline is what says most of it.
  w.out.push(candidateOf({ text: compact, kind: 'compact', lead: true }, (w.out[0]?.pos ?? 0) + 0.5, -1, 0, undefined));
}

/**
 * Whether the note's opening, before its first heading, names every part the outline would
 * ("هناك أربعة أنواع…: الأسهم، والسندات، والعقارات، والذهب", "…: a single router, a mesh system, or access points
 * wired with Ethernet"), each word of each name (sections.ts saysEveryWord: a joined "و" or article is no other
 * word): the outline would only say it again, and take a place a section's point needs (issue 23, F19).
 */
function namedByOpening(blocks: readonly Token[], names: readonly string[]): boolean {
  let opening = '';
  for (const t of blocks) {
    if (t.type === 'heading') break;
    opening += `${t.raw.toLowerCase()}\n`;
  }
  return opening !== '' && names.every((name) => saysEveryWord(opening, name));
}
