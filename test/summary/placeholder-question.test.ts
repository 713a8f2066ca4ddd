/**
 * A question whose "it" ("es") stands for the infinitive after it ("Is it wise to …?", "Ist es
 * sinnvoll, … zu …?") says what it asks: it heads its answer like any question, and is not left out
 * as one pointing back (issue 23, tester round 18: F7). A referential "it" still points back. Notes
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a question with a placeholder subject', () => {
  it('is shown with its answer (en)', () => {
    const points = pointsOfNote(
      'en',
      'Most hikers carry a single water bottle.\n\nIs it wise to drink straight from mountain streams?\n\nNo. Sheep graze above many springs and the water can carry giardia.\n\nBring a filter or boil the water for a minute.',
    );
    expect(points).toContain('Is it wise to drink straight from mountain streams? No. Sheep graze above many springs and the water can carry giardia.');
  });

  it('is shown with its answer (de)', () => {
    const points = pointsOfNote(
      'de',
      'Die meisten Wanderer tragen nur eine Flasche.\n\nIst es klug, direkt aus Bergbächen zu trinken?\n\nNein. Über vielen Quellen weiden Schafe, und das Wasser kann Giardien enthalten.\n\nNehmen Sie einen Filter mit oder kochen Sie das Wasser eine Minute lang.',
    );
    expect(points.some((p) => p.startsWith('Ist es klug, direkt aus Bergbächen zu trinken? Nein.'))).toBe(true);
  });

  it('is told from an "it" pointing back, shown only beside what it points to', () => {
    // The pair leans on the sentence before (issue 23, F7): right after it, or not at all; its "No." never alone.
    const points = pointsOfNote(
      'en',
      'The old kettle hisses when it heats.\n\nIs it broken for good?\n\nNo. The seal is worn and a new one costs two euros.\n\nReplace the seal and the hiss stops.',
    );
    const at = points.findIndex((p) => p.includes('Is it broken for good?'));
    if (at >= 0) expect(points[at - 1]).toBe('The old kettle hisses when it heats.');
    expect(points.some((p) => p.startsWith('No.') || p.startsWith('The seal is worn'))).toBe(false);
    // With nothing before it, the referential "it" asks of nothing; the placeholder one still asks.
    const opening = (question: string) => pointsOfNote('en', `${question}\n\nNo. The seal is worn and a new one costs two euros.\n\nReplace the seal of the old kettle and the hiss stops.`);
    expect(opening('Is it broken for good?').some((p) => p.includes('Is it broken for good?'))).toBe(false);
    expect(opening('Is it wise to replace the whole kettle?').some((p) => p.startsWith('Is it wise to replace the whole kettle? No.'))).toBe(true);
  });
});
