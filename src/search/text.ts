/** Text for the search index: the words of a note's prose, and a tokenizer that knows every script. */
import type { Token, Tokens } from 'marked';
import { segmenter } from '../util/text.js';
import { cleanText, inlineText } from '../summary/plain.js';

/** Longest body text kept per note: enough to find a note by what it says, bounded in memory. */
export const MAX_INDEXED_BODY = 4000;

/** Plain prose of a note (headings, paragraphs, list items, table cells), no code. */
export function bodyText(tokens: readonly Token[], max = MAX_INDEXED_BODY): string {
  const parts: string[] = [];
  let size = 0;
  const push = (s: string) => {
    if (size >= max || !s) return;
    parts.push(s);
    size += s.length + 1;
  };
  const walk = (ts: readonly Token[]) => {
    for (const t of ts) {
      if (size >= max) return;
      switch (t.type) {
        case 'heading':
        case 'paragraph':
          push(cleanText(inlineText((t as Tokens.Paragraph).tokens)));
          break;
        case 'text':
          push(cleanText(inlineText((t as Tokens.Text).tokens ?? [t])));
          break;
        case 'list':
          for (const item of (t as Tokens.List).items) walk(item.tokens);
          break;
        case 'blockquote':
          walk((t as Tokens.Blockquote).tokens);
          break;
        case 'table':
          for (const row of (t as Tokens.Table).rows) for (const cell of row) push(cleanText(inlineText(cell.tokens)));
          break;
        default:
      }
    }
  };
  walk(tokens);
  return parts.join('\n').slice(0, max);
}

/** Folds case and width so `Ｌｌａｍａ` finds `llama`. */
export function normalizeTerm(t: string): string {
  return t.normalize('NFKC').toLowerCase();
}

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)*/gu;

/**
 * Words of `text` split as its language splits them, normalised. Text in scripts written without
 * spaces (Chinese, Japanese, Thai…) goes through Intl.Segmenter's dictionaries; other text is split
 * on letters and marks, which gives the same words five times faster.
 */
export function tokenize(text: string, locale: string): string[] {
  const norm = normalizeTerm(text); // once for the whole text, not per word
  if (!SPACELESS.test(norm)) return norm.match(WORD) ?? [];
  const out: string[] = [];
  for (const s of segmenter(locale, 'word').segment(norm)) {
    if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/** Scripts written without spaces, where typo tolerance makes no sense on one- or two-character words. */
export function isSpacelessScript(term: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(term);
}
