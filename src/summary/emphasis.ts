/**
 * What the writer set in bold inside a sentence ("… under **one specific input combination** only", "一種**特定輸入組合**"):
 * the words they mark as what to take away, in any language. Bold that opens a paragraph, an item or a line, or that a
 * colon follows, is a label or a heading ("**Purpose**: …", a bold line alone), which the note's structure reads. Pure.
 */
import type { Token, Tokens } from 'marked';
import { inlineText } from './plain.js';

/** The text of each bold phrase set inside a sentence of the note's paragraphs, list items and quotes, in reading order. */
export function emphasisedPhrases(tokens: readonly Token[], out: string[] = []): string[] {
  for (const t of tokens) {
    if (t.type === 'paragraph' || t.type === 'text') inlineEmphasis((t as Tokens.Paragraph).tokens ?? [], out);
    else if (t.type === 'list') for (const item of (t as Tokens.List).items) emphasisedPhrases(item.tokens, out);
    else if (t.type === 'blockquote') emphasisedPhrases((t as Tokens.Blockquote).tokens, out);
  }
  return out;
}

function inlineEmphasis(inline: readonly Token[], out: string[]): void {
  for (let k = 1; k < inline.length; k++) {
    const t = inline[k]!;
    if (t.type !== 'strong' || opensLine(inline[k - 1]!) || labels(t as Tokens.Strong, inline[k + 1])) continue;
    const text = inlineText((t as Tokens.Strong).tokens).trim();
    if (text) out.push(text);
  }
}

/** Whether what comes before a bold phrase ends a line: the phrase opens the next one, as a label or heading does. */
function opensLine(before: Token): boolean {
  return before.type === 'br' || (before.type === 'text' && /\n\s*$/.test(before.raw));
}

/** Whether a colon ends the bold phrase or follows it: a label ("**Pros**: …", "**用途**："). */
function labels(t: Tokens.Strong, after: Token | undefined): boolean {
  return /[:：]\s*$/.test(t.text) || (after?.type === 'text' && /^\s*[:：]/.test(after.raw));
}

/**
 * A term the writer set in bold inside a statement weighs at least EMPHASIS_FLOOR, and EMPHASIS times more: said once it weighs
 * 2, above a name said once (1.2), since bold is the writer's own mark of what to take away where a capital is
 * grammar, and a CJK phrase has no capitals at all ("任何**單一位元的翻轉**"). Measured on the corpus: ×2 over floors of 0.5 or
 * 0.6 moved no note, ×3 over 1 moved a second (an idempotent note's formula item for its examples).
 */
const EMPHASIS_FLOOR = 1;
const EMPHASIS = 2;

/** The weight of a term the writer emphasised, from what the note's use of it gave (salience.ts weighTerms). */
export function emphasisWeight(w: number): number {
  return Math.max(w, EMPHASIS_FLOOR) * EMPHASIS;
}

/**
 * The phrases the writer set in bold in a statement of the note: bold in an offer or a question to the reader ("Do you
 * want me to list **a cheat sheet of …**?") marks what the writer offers, not what the note says. `statements`: the text
 * of the candidates that are neither chat nor words to the reader.
 */
export function statedPhrases(phrases: readonly string[], statements: readonly string[]): string[] {
  return phrases.filter((phrase) => statements.some((text) => text.includes(phrase)));
}
