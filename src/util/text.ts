/** Grapheme- and word-safe text helpers shared by the summary and the renderers. */

const segmenters = new Map<string, Intl.Segmenter>();

/** Intl.Segmenter is costly to build; one per (locale, granularity) is kept. */
export function segmenter(locale: string, granularity: 'grapheme' | 'word' | 'sentence'): Intl.Segmenter {
  const key = `${locale}|${granularity}`;
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(locale, { granularity });
    } catch {
      s = new Intl.Segmenter('und', { granularity });
    }
    segmenters.set(key, s);
  }
  return s;
}

export const ELLIPSIS = '…';

/** Scripts written without spaces between words, where only the segmenter knows the word boundaries (a regex class body). */
export const SPACELESS_SCRIPTS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const SPACELESS_OR_COMPLEX = new RegExp(`[${SPACELESS_SCRIPTS}]`, 'u');

/**
 * Cuts `text` to at most `max` UTF-16 units (the unit Discord and Telegram count), ending in `…`.
 * Cuts at a word boundary when one is near, else at a grapheme boundary; never inside a
 * grapheme cluster (emoji ZWJ sequences, combining marks, surrogate pairs).
 */
export function truncate(text: string, max: number, locale = 'und'): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const room = max - ELLIPSIS.length;
  if (room <= 0) return ELLIPSIS.slice(0, max);
  // Only the head matters; segmenting a 100,000-character paragraph to cut it at 200 is waste.
  const head = text.slice(0, max + 64);
  // Fast path for space-separated text: a space is always a grapheme and word boundary.
  if (!SPACELESS_OR_COMPLEX.test(head)) {
    const space = head.lastIndexOf(' ', room);
    if (space >= room * 0.6) return head.slice(0, space).replace(/[\s,;:、，；：\-–—]+$/u, '') + ELLIPSIS;
  }
  let wordCut = 0;
  let used = 0;
  for (const seg of segmenter(locale, 'word').segment(head)) {
    const end = seg.index + seg.segment.length;
    if (end > room) break;
    used = end;
    // A boundary after a word or before a space is a good place to cut.
    if (seg.isWordLike || /^\s+$/u.test(seg.segment)) wordCut = end;
  }
  let cut = wordCut >= room * 0.6 ? wordCut : used;
  if (cut < room * 0.6) {
    // One very long word (or none at all): fall back to grapheme boundaries.
    cut = 0;
    for (const g of segmenter(locale, 'grapheme').segment(head)) {
      const end = g.index + g.segment.length;
      if (end > room) break;
      cut = end;
    }
  }
  const kept = text.slice(0, cut).replace(/[\s,;:、，；：\-–—]+$/u, '');
  return kept + ELLIPSIS;
}

/** White space other than a single space: what collapseWhitespace has to fold. */
const FOLDABLE = /[^\S ]| {2}/;

/** Folds runs of white space to one space, and drops the breaks between CJK characters. */
export function collapseWhitespace(s: string): string {
  if (!FOLDABLE.test(s)) return s.trim(); // most sentences: single spaces only, nothing to fold
  return (s.includes('\n') ? s.replace(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。，！？：；])\s*\n\s*(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, '$1') : s)
    .replace(/\s+/gu, ' ')
    .trim();
}

const CONTROL_TEST = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Control characters (other than tab and newline) and bidi overrides that could reorder chat text. */
export function stripControls(s: string): string {
  if (!CONTROL_TEST.test(s)) return s;
  return s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™',
};

/** Decodes the HTML entities Markdown may carry (`&amp;`, `&#8217;`, `&#x2019;`). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

/** `1 note`, `2 notes`, `0 notes`: a count and its noun, plural unless it is one (English `s` plurals only). */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
