/**
 * Among a note's opening sentences, one that opens on a date narrates (a story's chronology begins:
 * "In a December 2024 update, he teased it…"), where the opening's other sentences state what the note
 * is about: it weighs as any sentence, not as the opening, so the story's turn is not crowded out by
 * its background (issue 23, the Llama 4 note). Candidates written for this test.
 */
import { describe, expect, it } from 'vitest';
import { SpanTable, pointText } from '../../src/summary/inline.js';
import { choosePoints } from '../../src/summary/select.js';
import { opensOnDate } from '../../src/summary/dated.js';
import type { Candidate } from '../../src/summary/walk.js';

function sentence(text: string, pos: number, block: number, extra: Partial<Candidate> = {}): Candidate {
  return { text, pos, block, section: 0, kind: 'sentence', ...extra };
}

const LEDE = 'The Riverside cooperative built a flour line with steel rollers to replace its stone grinders.';
const TURN = 'The board then stopped the flour line and sold the steel rollers to a bakery.';

function chosen(second: string): string[] {
  const candidates = [
    sentence(LEDE, 0, 0, { opening: true }),
    sentence(second, 1, 0, { opening: true }),
    sentence(TURN, 2, 1),
    sentence('The members kept the stone grinders, and the bakery runs the steel rollers.', 3, 2),
  ];
  const budget = { chars: 1000, maxPoints: 2, maxPointChars: 200 };
  return choosePoints(candidates, new SpanTable(), 'en', 'The Riverside flour line', [], budget).map(pointText);
}

describe('an opening sentence on a date', () => {
  it('gives way to the turn of the story', () => {
    expect(chosen('In 2021 the board praised the new flour line to the members.')).toEqual([LEDE, TURN]);
  });

  it('is told from an opening statement, which keeps the opening’s weight', () => {
    const statement = 'The board praised the new flour line to the members.';
    expect(chosen(statement)).toEqual([LEDE, statement]);
  });

  it('is found in any script, a version number being no date', () => {
    expect(opensOnDate('In a December 2024 update, he teased it as the next stop.')).toBe(true);
    expect(opensOnDate('Bis Mai 2025 tauchten Berichte auf.')).toBe(true);
    expect(opensOnDate('2024年12月のアップデートでは、次の停留所としてほのめかしました。')).toBe(true);
    expect(opensOnDate('截至2025年5月，有报道称发布推迟。')).toBe(true);
    expect(opensOnDate('Python 3.12 adds a faster interpreter, released in 2023.')).toBe(false);
    expect(opensOnDate('The line doubled the output of the mill, as the report of 2021 shows.')).toBe(false);
  });
});
