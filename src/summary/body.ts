/** The plain prose of a note, for lookups: extracting prose from Markdown is the summary stage's work. Pure. */
import type { Token, Tokens } from 'marked';
import { cleanText, inlineText } from './plain.js';

/** Longest body text kept per note: enough to find a note by what it says, bounded in memory. */
const MAX_INDEXED_BODY = 4000;

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
