/**
 * A long list item is offered sentence by sentence, each under the item's label ("Layout Rule: Lay
 * the frame first.", "Layout Rule: Snap a line.", …): one piece of text, of which one sentence at
 * most is shown. Its label is said once by the writer, so its words weigh as words said once; counted
 * once a sentence, a label's words looked like the note's subject and took the place of what the
 * note says elsewhere (a Karnaugh-map guide lost its "useful up to 4 or 5 variables"). Issue 23.
 */
import { describe, expect, it } from 'vitest';
import { SpanTable, pointText } from '../../src/summary/inline.js';
import { choosePoints } from '../../src/summary/select.js';
import { candidateOf, type Candidate } from '../../src/summary/walk.js';

function candidate(text: string, pos: number, block: number, fields: Partial<Candidate> = {}): Candidate {
  return candidateOf({ text, kind: 'item', ...fields }, pos, block, 1, undefined);
}

describe("a long item's sentences under its label", () => {
  it('count its label once, as the writer said it', () => {
    const candidates = [
      candidate('Spacer grids keep the joints between floor tiles even.', 0, 1, { kind: 'sentence', opening: true }),
      candidate('Layout Rule: Lay the frame on the adhesive first.', 1, 2, { group: 7 }),
      candidate('Layout Rule: Snap a chalk line across the room.', 2, 2, { group: 7 }),
      candidate('Layout Rule: Press every corner of the frame down.', 3, 2, { group: 7 }),
      candidate('Hanna Lindqvist designed the grid for Nordic bathrooms in 1987.', 4, 2),
    ];
    const budget = { chars: 600, maxPoints: 2, maxPointChars: 200 };
    const chosen = choosePoints(candidates, new SpanTable(), 'en', 'Spacer grids for floor tiles', [], budget).map(pointText);
    expect(chosen).toEqual(['Spacer grids keep the joints between floor tiles even.', 'Hanna Lindqvist designed the grid for Nordic bathrooms in 1987.']);
  });
});
