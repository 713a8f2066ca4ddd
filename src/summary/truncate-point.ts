/**
 * Cutting a key point to its length: never inside a code span or math, at a clause's end where
 * one keeps enough, asides dropped first, and no bracket or quote left open. Pure.
 */
import { ELLIPSIS, truncate } from '../util/text.js';
import { isProse } from './walk.js';
import { isPlaceholder, PLACEHOLDER, type SpanTable } from './inline.js';
import { withoutLastClause } from './punctuation.js';
import { QUOTE_CLOSES } from './quote-marks.js';

/** Each opening bracket or quote and what closes it, in the styles of the nine languages (de „…“ and ‚…‘, fr «…», ja 「…」). */
const CLOSES: Record<string, string> = {
  '(': ')', '[': ']', '{': '}', '（': '）', '［': '］', '｛': '｝', '「': '」', '『': '』', '【': '】', '〔': '〕', '《': '》', '〈': '〉',
  ...QUOTE_CLOSES,
};

/** Whether `'` at `i` opens a quote: after a space or an opener and before a word, not an apostrophe ("don't"). */
function opensSingle(text: string, i: number): boolean {
  return (i === 0 || /[\s([{«“„‚]/u.test(text[i - 1]!)) && /[\p{L}\p{N}\uE000-\uF8FF]/u.test(text[i + 1] ?? '');
}

/** The indices of the brackets and quotes `text` leaves open, outermost first. */
function openAt(text: string): number[] {
  // Every opener and closer is one UTF-16 unit: indices into the string serve.
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const top = stack.length ? text[stack[stack.length - 1]!]! : '';
    // A closer for the innermost opener first: „…“ closes with what opens in English.
    if (top && (top === "'" ? ch === "'" && !/\p{L}/u.test(text[i + 1] ?? '') : CLOSES[top]!.includes(ch))) stack.pop();
    else if (ch in CLOSES || (ch === "'" && opensSingle(text, i))) stack.push(i);
  }
  return stack;
}

/**
 * A cut that leaves a bracket or quote open goes back to before it ("(for example …" → ""); when
 * that would leave a stub ("Il a dit…", "The French call it…"), the cut keeps its words and closes
 * what is open after the ellipsis instead (`closers`), in no more characters than `max`.
 */
function closeOpen(text: string, max: number, spans: SpanTable): { text: string; closers: string } {
  const open = openAt(text);
  if (!open.length) return { text, closers: '' };
  const before = text.slice(0, open[0]).replace(/[\s,;:、，；：\-–—]+$/u, '');
  if (spans.visibleLength(before) >= max * CLAUSE_KEEPS) return { text: before, closers: '' };
  const closers = open
    .map((i) => CLOSES[text[i]!]?.[0] ?? "'")
    .reverse()
    .join('');
  let kept = text.slice(0, Math.max(0, text.length - closers.length - ELLIPSIS.length));
  // Not inside a word where words are spaced ("Snapsho…"): back to the last space, when one is near.
  const space = kept.lastIndexOf(' ');
  if (/\S/u.test(text[kept.length] ?? ' ') && space >= kept.length - 30) kept = kept.slice(0, space);
  kept = kept.replace(/[\s,;:、，；：\-–—]+$/u, '');
  // Cutting for the closers' room may have cut an opener away: count again.
  return openAt(kept).length === open.length ? { text: kept, closers } : closeOpen(kept, max, spans);
}

/** Cuts a point to `max` visible characters, never inside a code span or math, never leaving a bracket open. */
export function truncatePoint(whole: string, max: number, spans: SpanTable, locale: string): string {
  if (spans.visibleLength(whole) <= max) return whole;
  const text = withoutAsides(whole, max, spans);
  if (spans.visibleLength(text) <= max) return text;
  let out: string;
  if (!PLACEHOLDER.test(text)) out = truncate(text, max, locale).slice(0, -ELLIPSIS.length);
  else {
    // Measure with each span as a word of its length, then map the cut back.
    // A formula measured as the point shows it: with marked scripts where another of the point's keeps them (inline.ts addMath).
    const marked = spans.showsMarkedScripts(text);
    let measured = '';
    for (const ch of text) measured += isPlaceholder(ch) ? 'x'.repeat(spans.width(ch, marked)) : ch;
    const keep = truncate(measured, max, locale).length - 1; // characters kept before the ellipsis
    out = '';
    let used = 0;
    for (const ch of text) {
      if (used + spans.width(ch, marked) > keep) break;
      out += ch;
      used += spans.width(ch, marked);
    }
    // Stopped before a code span or math too long to show: the clause announcing it goes with it
    // ("…, and the closed form is"), and a stub ("Read…") is no point.
    if (isPlaceholder(text.slice(out.length).trimStart()[0] ?? '')) {
      out = withoutLastClause(out);
      if (spans.visibleLength(out) < max * CLAUSE_KEEPS) return '';
    }
  }
  const closed = closeOpen(atClauseEnd(out, max, spans).replace(/[\s,;:、，；：\-–—]+$/u, ''), max, spans);
  return closed.text && isProse(closed.text) ? closed.text + ELLIPSIS + closed.closers : '';
}

/** Where a clause ends inside a sentence: a colon or semicolon, a spaced dash. */
const CLAUSE_END = /[;:]\s|[；：]|\s[–—]\s/gu;

/**
 * A cut sentence ends where its last whole clause does, when that keeps most of what fits: the
 * point says one thing completely, and leaves room for another ("… Behemoth verschob: Die
 * Ingenieure hatten Schwierigkeiten, signifikante…" → "… Behemoth verschob…").
 */
function atClauseEnd(cut: string, max: number, spans: SpanTable): string {
  let end = -1;
  for (const m of cut.matchAll(CLAUSE_END)) end = m.index;
  return end > 0 && spans.visibleLength(cut.slice(0, end)) >= max * CLAUSE_KEEPS ? cut.slice(0, end) : cut;
}

/** The least share of a point's length that a cut at a clause's end keeps. */
const CLAUSE_KEEPS = 0.4;

/**
 * A sentence too long for a point loses its asides first, the longest first: what brackets hold is
 * secondary by the writer's own choice ("Llama 4 Scout (optimized for speed on a single GPU) and…").
 * Asides that only name things ("(Scout and Maverick)", "（ScoutとMaverick）") go last: they are
 * often what the sentence is about.
 */
function withoutAsides(text: string, max: number, spans: SpanTable): string {
  const byWorth = (a: string, b: string) => Number(onlyNames(a)) - Number(onlyNames(b)) || b.length - a.length;
  const asides = [...text.matchAll(/\s?[(（][^()（）\uE000-\uF8FF]{8,}?[)）]/gu)].map((m) => m[0]).sort(byWorth);
  let out = text;
  for (const aside of asides) {
    if (spans.visibleLength(out) <= max) break;
    out = out.replace(aside, '');
  }
  return out;
}

/**
 * An aside of capitalised names joined by short words ("and", "und", "y", "と", "和"): with the names
 * taken out, no word of four letters (three CJK characters) is left.
 */
function onlyNames(aside: string): boolean {
  const rest = aside.replace(/\p{Lu}[\p{L}\p{N}.+#-]*/gu, ' ');
  return rest !== aside && !/\p{L}{4}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{3}/u.test(rest);
}

