/**
 * What a point says, as words in lower case between single spaces: to tell a point said within
 * another (select.ts). Pure.
 */
import { categoryOf, LETTER, NUMBER } from './chars.js';
import { FIRST as PLACEHOLDER_FIRST, LAST as PLACEHOLDER_LAST } from './inline.js';

/** ` ${text.toLowerCase().replace(/[^\p{L}\p{N}\uE000-\uF8FF]+/gu, ' ').trim()} `, by character code where the text is ASCII and placeholders. */
export function saidText(text: string): string {
  let out = ' ';
  let from = -1; // where the current run of letters, digits and placeholders began
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const placeholder = c >= PLACEHOLDER_FIRST && c <= PLACEHOLDER_LAST;
    if (c >= 128 && !placeholder) return saidInAnyScript(text.toLowerCase());
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || placeholder) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out += `${text.slice(from, i)} `;
      from = -1;
    }
  }
  return out === ' ' ? '  ' : out.toLowerCase();
}

/** The same for text in lower case beyond ASCII, by the cached categories (chars.ts): the Unicode regex was a hot spot (issue 23). */
function saidInAnyScript(lower: string): string {
  let out = ' ';
  let from = -1;
  for (let i = 0; i <= lower.length; ) {
    const cp = i < lower.length ? lower.codePointAt(i)! : 32;
    const kept = cp < 128 ? (cp >= 48 && cp <= 57) || (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) : (cp >= PLACEHOLDER_FIRST && cp <= PLACEHOLDER_LAST) || (categoryOf(cp) & (LETTER | NUMBER)) !== 0;
    if (kept && from < 0) from = i;
    else if (!kept && from >= 0) {
      out += `${lower.slice(from, i)} `;
      from = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return out === ' ' ? '  ' : out;
}
