/**
 * namesItsSection (sections.ts) reads a section block by block and stops at the first block that
 * says a word of its heading again: the same answer as reading the whole probe (4,000 characters)
 * and searching it once, for any section (issue 23, speed).
 */
import fc from 'fast-check';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { isFunctionWord } from '../../src/summary/salience.js';
import { namesItsSection } from '../../src/summary/sections.js';

/** The definition the block-by-block reading stands for: the section's text joined, then searched. */
function byWholeText(name: string, blocks: readonly Token[], at: number, depth: number): boolean {
  let text = '';
  for (let j = at + 1; j < blocks.length && text.length < 4000; j++) {
    const t = blocks[j]!;
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= depth) break;
    text += ` ${t.raw.toLowerCase()}`;
  }
  const words = name.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}_+#.-]*/gu) ?? [];
  return words.some((word) => {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(word)) {
      for (let k = 0; k + 1 < word.length; k++) if (text.includes(word.slice(k, k + 2))) return true;
      return false;
    }
    return word.length >= 3 && !isFunctionWord(word) && text.includes(word.length > 5 ? word.slice(0, 5) : word);
  });
}

const words = ['Formatting', 'format', 'dates', 'the', 'Parsing', 'parse', '温度', '的影响', '空气', 'と水', 'C#', 'x', 'Key', 'Concepts', 'strftime', 'über'];
const phrase = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const block = fc.oneof(
  phrase,
  fc.tuple(fc.integer({ min: 1, max: 3 }), phrase).map(([n, p]) => `${'#'.repeat(n)} ${p}`),
  fc.tuple(phrase, fc.integer({ min: 1, max: 400 })).map(([p, n]) => `${p} ${'lorem '.repeat(n)}`), // long blocks reach the probe's end
  fc.array(phrase, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
);

describe('whether a heading names its section', () => {
  it('is the same read block by block as read whole, for any section', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 10 }), phrase, (parts, heading) => {
        const blocks = new Lexer({ gfm: true }).lex(`## ${heading}\n\n${parts.join('\n\n')}\n`).filter((t) => t.type !== 'space');
        blocks.forEach((t, i) => {
          if (t.type !== 'heading') return;
          const h = t as Tokens.Heading;
          expect(namesItsSection(h.text, blocks, i, h.depth)).toBe(byWholeText(h.text, blocks, i, h.depth));
        });
      }),
      { numRuns: 1500 },
    );
  });
});
