/**
 * A story told in paragraphs (news, an essay) gives its turn, the sentence that changes the state of
 * things, though it sits mid-paragraph after a first sentence already shown: a paragraph's sentences
 * each say their own, so a second point from one weighs more than a list's further item (issue 23,
 * the Llama 4 note: the admission and the pivot lost to each paragraph's scene-setting first
 * sentence). A note written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const STORY = [
  'In 2019 the city council promised that the old Harbour Bridge would stay open to cars for twenty more years, with repairs every spring.',
  'By March 2022 the first inspection found rust in the cables of the northern span, and the repair crews worked through the summer. Traffic moved slowly over one lane while the deck was renewed.',
  'In January 2024 a second inspection examined the southern span and its cables. The engineers then found the steel frame too weak for cars, and the council closed the bridge to cars for good, leaving it to walkers and a new ferry. The decision surprised the harbour district.',
  'By June 2024 the ferry carried the cars across the harbour every ten minutes, and the ferry company added a second boat in the evenings.',
  'Today shops near the bridge report more walkers than before, and the council plans a market on the deck once the steel frame is painted.',
].join('\n\n');

describe("a story's turn", () => {
  it('is a point though its paragraph’s first sentence is one too', () => {
    const points = pointsOfNote('en', STORY);
    expect(points.some((p) => p.startsWith('In January 2024'))).toBe(true);
    expect(points.some((p) => p.includes('closed the bridge to cars for good'))).toBe(true);
  });
});
