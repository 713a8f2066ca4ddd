/** Which bold phrases are the writer's emphasis inside a sentence, not a label or a heading (emphasis.ts). */
import { describe, expect, it } from 'vitest';
import { Lexer } from 'marked';
import { emphasisedPhrases, statedPhrases } from '../../src/summary/emphasis.js';

const phrases = (md: string) => emphasisedPhrases(new Lexer().lex(md));

describe('emphasisedPhrases', () => {
  it('takes bold inside a sentence, in paragraphs, items and quotes', () => {
    expect(phrases('A **parity bit** catches **any single-bit error**.')).toEqual(['parity bit', 'any single-bit error']);
    expect(phrases('- Un receptor atrapa **cualquier error**.\n- Otro.')).toEqual(['cualquier error']);
    expect(phrases('> 接收端能抓到**任何單一位元的翻轉**。')).toEqual(['任何單一位元的翻轉']);
  });

  it('leaves out labels and headings: bold opening a block or a line, or before a colon', () => {
    expect(phrases('**Purpose**: Parity bits protect a link.')).toEqual([]);
    expect(phrases('- **用途**：保護記憶體字。')).toEqual([]);
    expect(phrases('**A bold line alone**\n\nText.')).toEqual([]);
    expect(phrases('First line  \n**Label** then text.')).toEqual([]);
    expect(phrases('✅ **Summary for you**:\n\n* x')).toEqual([]);
    expect(phrases('Part one **Steps:** run it.')).toEqual([]);
  });
});

describe('statedPhrases', () => {
  it('keeps the phrases a statement of the note holds, not those of an offer to the reader', () => {
    const statements = ['A receiver can then catch any single-bit error.', 'UK → +44, 10 digits.'];
    expect(statedPhrases(['any single-bit error', 'a quick cheat sheet of all codes'], statements)).toEqual(['any single-bit error']);
  });
});
