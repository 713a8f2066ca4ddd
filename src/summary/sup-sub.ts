/**
 * HTML superscripts and subscripts as text a chat shows: `x<sup>2</sup>` reads x², `H<sub>2</sub>O`
 * H₂O (the tags alone would go and leave "x2", another number). Pure.
 */

/**
 * Characters Unicode has raised forms of: U+2070–U+207F (with ¹²³ from Latin-1), and the modifier
 * letters of U+02B0–U+02FF, U+1D2C–U+1DBF and U+2C7D for every Latin letter but q and the capitals
 * C F Q S X Y Z, and some Greek ones (Unicode's "Superscripts and Subscripts" and "Phonetic
 * Extensions" blocks). `ᵀ` and `′` are raised already (TeX's `^\top`, `^\prime`).
 */
const RAISED: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', 'ᵀ': 'ᵀ', '′': '′',
  ...pairs('abcdefghijklmnoprstuvwxyz', 'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'),
  ...pairs('ABDEGHIJKLMNOPRTUVW', 'ᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ'),
  ...pairs('αβγδθφχ', 'ᵅᵝᵞᵟᶿᵠᵡ'),
};
/**
 * Characters Unicode has lowered forms of: U+2080–U+209C (digits, signs and a e h k l m n o p s t x),
 * U+1D62–U+1D6A (i r u v, Greek β γ ρ φ χ) and U+2C7C (j).
 */
const LOWERED: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
  ...pairs('aehijklmnoprstuvx', 'ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'),
  ...pairs('βγρφχ', 'ᵦᵧᵨᵩᵪ'),
};

function pairs(from: string, to: string): Record<string, string> {
  const raised = [...to];
  return Object.fromEntries([...from].map((c, i) => [c, raised[i]!]));
}

/** An ordinal's letters after a figure, as the languages of the blog write them raised (1st, 2nd, 1er, 2e, 1re, 2ème, 1º). */
const ORDINAL = /^(?:st|nd|rd|th|er|re|e|ème|eme|nde?|o|a|os|as|º|ª)$/i;

/**
 * What `<sup>` or `<sub>` holding `inner` reads as after `before`: in raised or lowered characters
 * where Unicode has them all; an ordinal's letters after a figure as written ("1<sup>st</sup>",
 * "1<sup>er</sup>"); else marked as TeX's reading is (`^(k-1)`, `_max`), so it is no other word or number.
 */
export function scriptedText(tag: 'sup' | 'sub', inner: string, before: string): string {
  const text = inner.trim();
  if (!text) return '';
  if (tag === 'sup' && /\d$/.test(before) && ORDINAL.test(text)) return text;
  const mapped = exactScript(tag, text);
  if (mapped) return mapped;
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

/** Raised and lowered characters, as scriptedText and tex.ts write scripts (Unicode's forms; `ᵀ` and `′` too). */
const RAISED_CHARS = '\\u00B2\\u00B3\\u00B9\\u02B0-\\u02E3\\u1D2C-\\u1D61\\u1D9B-\\u1DBF\\u2032\\u2070-\\u207F\\u2C7D';
const LOWERED_CHARS = '\\u1D62-\\u1D6A\\u2080-\\u209C\\u2C7C';
const SCRIPTED = new RegExp(`[${RAISED_CHARS}${LOWERED_CHARS}]`);
const SCRIPTED_ALL = new RegExp(SCRIPTED.source, 'g');
const RAISED_RUN = new RegExp(`[${RAISED_CHARS}]+`, 'g');
const LOWERED_RUN = new RegExp(`[${LOWERED_CHARS}]+`, 'g');

/** Whether `text` holds a raised or lowered character. */
export function hasScripts(text: string): boolean {
  // Every such character is U+00B2 or past it: most words (ASCII) need no regex run.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0xb2) return SCRIPTED.test(text);
  return false;
}

/**
 * A word with scripts as the parts TeX's marks give ("Vₘₐₓ²" → "V_max", "2", as "V_max^2" reads: a
 * subscript is part of a name, `^` ends one), none with a script left: one NFKC keeps (a modifier
 * letter without a base form) ends its part.
 */
export function asMarkedParts(word: string): string[] {
  const name = word.replace(RAISED_RUN, ' ').replace(LOWERED_RUN, (run) => `_${run.normalize('NFKC')}`);
  return [name, ...(word.match(RAISED_RUN) ?? []).map((run) => run.normalize('NFKC'))].map((part) => part.replace(SCRIPTED_ALL, ' '));
}
