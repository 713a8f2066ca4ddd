/**
 * Whether a heading names a part of the note or only a kind of section: the outline of a note shows
 * its headings only where they carry names. Pure.
 */
import type { Token, Tokens } from 'marked';
import { isFunctionWord } from './salience.js';

/** Characters of a section read to tell whether its heading names it. */
const SECTION_PROBE = 4000;

/**
 * Whether a heading names what its section is about: a word of it (its first five letters, so
 * "Formatting" finds "format"; a pair of CJK characters) comes back in the section's text. "Key
 * Concepts", "Why This Happens" or "Advantages and Limitations" name a kind of section, not a
 * part of the note, and its text does not say them again; "Formatting Dates (strftime)" does.
 */
export function namesItsSection(name: string, blocks: readonly Token[], at: number, depth: number): boolean {
  let text = '';
  for (let j = at + 1; j < blocks.length && text.length < SECTION_PROBE; j++) {
    const t = blocks[j]!;
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= depth) break;
    text += ` ${t.raw.toLowerCase()}`;
  }
  const words = name.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}_+#.-]*/gu) ?? [];
  return words.some((word) => {
    if (CJK_RUN.test(word)) {
      for (let k = 0; k + 1 < word.length; k++) if (text.includes(word.slice(k, k + 2))) return true;
      return false;
    }
    return word.length >= 3 && !isFunctionWord(word) && text.includes(word.length > 5 ? word.slice(0, 5) : word);
  });
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
