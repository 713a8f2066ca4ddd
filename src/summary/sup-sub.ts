/**
 * HTML superscripts and subscripts as text a chat shows: `x<sup>2</sup>` reads x², `H<sub>2</sub>O`
 * H₂O (the tags alone would go and leave "x2", another number). Pure.
 */

/** Characters Unicode has raised forms of (U+2070–U+207F, with ¹²³ from Latin-1). */
const RAISED: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
/** Characters Unicode has lowered forms of (U+2080–U+208E). */
const LOWERED: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
};

/**
 * What `<sup>` or `<sub>` holding `inner` reads as after `before`: in raised or lowered characters
 * where Unicode has them all; an ordinal's letters after a figure as written ("1<sup>st</sup>",
 * "1<sup>er</sup>"); else marked as TeX's reading is (`^(k-1)`, `_max`), so it is no other word or number.
 */
export function scriptedText(tag: 'sup' | 'sub', inner: string, before: string): string {
  const text = inner.trim();
  if (!text) return '';
  const mapped = exactScript(tag, text);
  if (mapped) return mapped;
  if (tag === 'sup' && /\d$/.test(before) && /^\p{L}+$/u.test(text)) return text;
  const mark = tag === 'sup' ? '^' : '_';
  return /^[\p{L}\p{N}]+$/u.test(text) ? `${mark}${text}` : `${mark}(${text})`;
}

/** `text` in raised or lowered characters where Unicode has every one of them (TeX's `x^{10}` → x¹⁰), else undefined. */
export function exactScript(tag: 'sup' | 'sub', text: string): string | undefined {
  const table = tag === 'sup' ? RAISED : LOWERED;
  let mapped = '';
  for (const ch of text.trim()) {
    const m = table[ch];
    if (m === undefined) return undefined;
    mapped += m;
  }
  return mapped || undefined;
}

const SCRIPT_ELEMENT = /<(sup|sub)>([^<]{0,40})<\/\1\s*>/gi;

/** Raw HTML with its `<sup>…</sup>` and `<sub>…</sub>` (of plain text) read as scriptedText does. */
export function withScripts(html: string): string {
  if (!/<su[pb]>/i.test(html)) return html;
  return html.replace(SCRIPT_ELEMENT, (_m, tag: string, inner: string, at: number, all: string) => scriptedText(tag.toLowerCase() === 'sup' ? 'sup' : 'sub', inner, all.slice(0, at)));
}

/** `<sup>` or `<sub>` as an inline HTML token's whole text: the element opening. */
export function scriptTagOf(html: string): 'sup' | 'sub' | undefined {
  const m = /^<(sup|sub)>$/i.exec(html.trim());
  return m ? (m[1]!.toLowerCase() === 'sup' ? 'sup' : 'sub') : undefined;
}
