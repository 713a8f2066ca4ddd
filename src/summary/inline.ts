/**
 * Key points carry inline code (and struck-through text) apart from their words, so that each
 * platform can show code as code and no clean-up ever runs over a code span's literal text.
 *
 * While a summary is built, every such span stands in the text as one private-use character
 * (U+E000 + its index in a `SpanTable`): sentence splitting, whitespace folding, markup scrubbing
 * and truncation then treat it as one unbreakable unit, and it is expanded into runs at the end.
 */

/**
 * One piece of a key point: plain words, inline code (shown literally), struck-through text, or
 * characters the writer escaped or wrote between letters (`\#`, `a*b*c`): shown as plain text,
 * kept apart so that no clean-up, and no check for leftover markup, takes them for markup.
 */
export interface Run {
  text: string;
  style?: 'code' | 'del' | 'literal';
}

/** A key point: its runs in reading order. */
export type KeyPoint = Run[];

/** The placeholders' range: first and last character code. */
export const FIRST = 0xe000;
export const LAST = 0xf8ff;
export const PLACEHOLDER = /[\uE000-\uF8FF]/u;
const PLACEHOLDERS = /[\uE000-\uF8FF]/gu;

/** Whether one character is a placeholder (a code point compare: a regex per character was a hot spot). */
export function isPlaceholder(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= FIRST && c <= LAST;
}

/** Private-use characters in a note's own text would collide with placeholders: they go. */
export function stripPrivateUse(s: string): string {
  return PLACEHOLDER.test(s) ? s.replace(PLACEHOLDERS, '') : s;
}

/** The spans of one summary, addressed by their placeholder character. */
export class SpanTable {
  private readonly runs: Run[] = [];
  /** Spans a reader could not read (math with TeX no table converts): a point holding one is not shown. */
  private readonly unreadable = new Set<number>();
  /** Formulas shown with raised or lowered scripts, by index: their reading with the scripts marked (addMath). */
  private readonly markedReadings = new Map<number, string>();
  /** Formulas whose scripts stay marked (addMath). */
  private readonly keepsMarks = new Set<number>();

  /** The placeholder for a span, or the span's own text when the table is full (6,400 spans). */
  add(run: Run, readable = true): string {
    if (FIRST + this.runs.length > LAST) return run.style === 'del' ? '' : run.text;
    this.runs.push(run);
    if (!readable) this.unreadable.add(this.runs.length - 1);
    return String.fromCharCode(FIRST + this.runs.length - 1);
  }

  /**
   * A formula's span: its reading, and its reading with scripts marked where that differs (`eˣ`, `e^x`),
   * or whether its own scripts stay marked (`x_0`, Unicode lacking a form): a point holding one of those
   * shows every formula of it with marked scripts, one reading of exponents a point (expand).
   */
  addMath(text: string, readable: boolean, marked: string | undefined, keepsMarks: boolean): string {
    const ch = this.add({ text }, readable);
    if (!isPlaceholder(ch)) return ch;
    if (marked !== undefined) this.markedReadings.set(ch.charCodeAt(0) - FIRST, marked);
    if (keepsMarks) this.keepsMarks.add(ch.charCodeAt(0) - FIRST);
    return ch;
  }

  /** Whether the text holds a span added as unreadable. */
  hasUnreadable(text: string): boolean {
    if (!this.unreadable.size) return false;
    for (let i = 0; i < text.length; i++) if (this.unreadable.has(text.charCodeAt(i) - FIRST)) return true;
    return false;
  }

  /** The text of every code span added so far. */
  codeTexts(): string[] {
    return this.runs.filter((r) => r.style === 'code').map((r) => r.text);
  }

  get(ch: string): Run | undefined {
    return this.runs[ch.charCodeAt(0) - FIRST];
  }

  /** Characters one character of a text shows: a span's whole text for its placeholder. */
  width(ch: string, marked = true): number {
    return isPlaceholder(ch) ? this.shownLength(ch.charCodeAt(0) - FIRST, marked) : ch.length;
  }

  /**
   * A span's characters as shown: a formula by its marked reading where its point shows that (`marked`,
   * showsMarkedScripts of the point's text; by default the longer reading, which no point outgrows).
   */
  private shownLength(index: number, marked: boolean): number {
    return (marked ? this.markedReadings.get(index)?.length : undefined) ?? this.runs[index]?.text.length ?? 0;
  }

  /** Characters a text shows once its placeholders are expanded. */
  visibleLength(text: string): number {
    if (!PLACEHOLDER.test(text)) return text.length;
    const marked = this.showsMarkedScripts(text);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      n += c >= FIRST && c <= LAST ? this.shownLength(c - FIRST, marked) : 1;
    }
    return n;
  }

  /**
   * Text with placeholders → runs; adjacent plain text is merged. The plain text between spans is
   * taken in slices (a placeholder is one UTF-16 unit): built a character at a time, it was a twentieth
   * of what a summary allocated (issue 23).
   */
  expand(text: string): KeyPoint {
    const out: Run[] = [];
    let from = 0;
    const marked = this.showsMarkedScripts(text);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const run = c >= FIRST && c <= LAST ? this.runs[c - FIRST] : undefined;
      if (!run) continue; // a placeholder past the table's spans stays in the text, as before
      if (i > from) out.push({ text: text.slice(from, i) });
      from = i + 1;
      const reading = marked ? this.markedReadings.get(c - FIRST) : undefined;
      out.push(reading === undefined ? { ...run } : { ...run, text: reading });
    }
    if (from < text.length) out.push({ text: text.slice(from) });
    return out;
  }

  /** Whether the text holds a formula whose scripts stay marked (addMath): its other formulas are shown marked too. */
  showsMarkedScripts(text: string): boolean {
    if (!this.keepsMarks.size) return false;
    for (let i = 0; i < text.length; i++) if (this.keepsMarks.has(text.charCodeAt(i) - FIRST)) return true;
    return false;
  }

  /** Whether the text holds a code span. */
  hasCode(text: string): boolean {
    if (!PLACEHOLDER.test(text)) return false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= FIRST && c <= LAST && this.runs[c - FIRST]?.style === 'code') return true;
    }
    return false;
  }
}

/** What a reader sees of a point as plain text: code as written, struck-through text left out. */
export function pointText(p: KeyPoint | string): string {
  if (typeof p === 'string') return p;
  let text = '';
  let struck = false;
  for (const r of p) {
    struck ||= r.style === 'del';
    text += r.style === 'del' ? STRUCK : r.text;
  }
  return (struck ? withoutSeams(text) : text).replace(/\s{2,}/g, ' ').trim();
}

/** Where struck-through text was left out of a plain point. */
const STRUCK = '\u0000';

/**
 * A plain point where struck text was left out: the word or separator on both sides of it said
 * once ("bold and ~~strike~~ and code" → "bold and code", "A, ~~B~~, C" → "A, C", "甲和~~乙~~和丙").
 */
function withoutSeams(text: string): string {
  return text
    .replace(/(?<!\p{L})(\p{L}+)\s*\u0000\s*\1(?!\p{L})/giu, '$1')
    .replace(/(\p{Script=Han}|\p{Script=Hiragana})\u0000\1/gu, '$1')
    .replace(/([,;，、；،])\s*\u0000\s*[,;，、；،]/gu, '$1')
    .replaceAll(STRUCK, '');
}

/** Summaries stored by earlier releases hold points as strings. */
export function toKeyPoint(p: KeyPoint | string): KeyPoint {
  return typeof p === 'string' ? [{ text: p }] : p;
}
