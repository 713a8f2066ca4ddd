/**
 * The fallback of a summary left with no point (README: "A summary left with no point shows the
 * opening paragraph"): the note's first paragraph that gives any words, as one point. Pure.
 */
import type { Token, Tokens } from 'marked';
import { collapseWhitespace, ELLIPSIS } from '../util/text.js';
import { isPlaceholder, type KeyPoint, type SpanTable } from './inline.js';
import { cleanText, inlineText } from './plain.js';
import { truncatePoint } from './truncate-point.js';
import { isProse } from './walk.js';

/**
 * A code span too long for a point is shortened (code is not math: a cut inside it still reads as
 * code), so the words around it are shown; math no table reads is not: the point is then the prose
 * before (or between) it. A sentence the usual cut leaves nothing of (one long clause before a
 * formula that does not fit) keeps the words that fit.
 */
export function openingWords(tokens: readonly Token[], spans: SpanTable, locale: string, maxChars: number): KeyPoint[] {
  for (const t of tokens) {
    if (t.type !== 'paragraph') continue;
    let text = '';
    for (const ch of collapseWhitespace(cleanText(inlineText((t as Tokens.Paragraph).tokens, spans), spans))) {
      const run = spans.get(ch);
      const long = run?.style === 'code' && run.text.length > maxChars / 3;
      text += long ? spans.add({ text: `${run.text.slice(0, Math.floor(maxChars / 3)).trimEnd()}…`, style: 'code' }) : ch;
    }
    const point = proseBesideUnreadable(text, spans, locale, maxChars);
    if (point) return [spans.expand(point)];
  }
  return [];
}

/** The first run of prose between math no table reads, cut to fit, an ellipsis where math was left out. */
function proseBesideUnreadable(text: string, spans: SpanTable, locale: string, maxChars: number): string {
  const pieces: string[] = [''];
  for (const ch of text) {
    if (spans.hasUnreadable(ch)) pieces.push('');
    else pieces[pieces.length - 1] += ch;
  }
  for (const [i, piece] of pieces.entries()) {
    const words = (i > 0 ? piece.replace(/^[\s,;:、，；：\-–—.。!?！？]+/u, '') : piece).trim();
    if (!isProse(words)) continue;
    // Words after left-out math go on mid-sentence unless a sentence ended there.
    const before = i > 0 && !/^\s*[.。!?！？]/u.test(piece) ? ELLIPSIS : '';
    const room = maxChars - before.length - ELLIPSIS.length;
    const cut = truncatePoint(words, room, spans, locale) || wordsThatFit(words, room, spans);
    if (!cut) continue;
    const after = i < pieces.length - 1 && !/[.。!?！？…]$/u.test(cut) ? ELLIPSIS : '';
    return before + cut + after;
  }
  return '';
}

/**
 * The words of `text` that fit in `max` visible characters, a span whole or not at all, back to the
 * last space when the cut falls inside a word, with an ellipsis: "…the estimate that carries it is…".
 */
function wordsThatFit(text: string, max: number, spans: SpanTable): string {
  let kept = '';
  let used = 0;
  for (const ch of text) {
    if (used + spans.width(ch) > max - ELLIPSIS.length) break;
    kept += ch;
    used += spans.width(ch);
  }
  const space = kept.lastIndexOf(' ');
  if (!/\s/u.test(text[kept.length] ?? ' ') && !isPlaceholder(text[kept.length] ?? '') && space >= kept.length - 30) kept = kept.slice(0, space);
  kept = kept.replace(/[\s,;:、，；：\-–—]+$/u, '');
  return isProse(kept) ? kept + ELLIPSIS : '';
}
