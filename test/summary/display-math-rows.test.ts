/**
 * Display formulas one after another in a paragraph are separate lines on the page: read apart
 * ("T = a + b; T = b + a"), never run together as one wrong equation (issue 23, tester-23-2 F10).
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const after = 'Both lines hold for any two numbers.';

describe('display formulas in a row', () => {
  it.each([
    ['en', 'Swap the terms and write it both ways:', '$$T = a + b$$\n$$T = b + a$$'],
    ['en', 'Swap the terms and write it both ways:', '$$T = a + b$$ $$T = b + a$$'],
    ['en', 'Swap the terms and write it both ways:', '\\\\[T = a + b\\\\]\n\\\\[T = b + a\\\\]'],
    ['fr', 'Échangeons les termes et écrivons-le des deux façons :', '$$T = a + b$$\n$$T = b + a$$'],
  ])('%s: %s %s reads as two equations', (lang, lead, formulas) => {
    const text = pointsOfNote(lang, `${lead}\n\n${formulas}\n\n${after}`).join('\n');
    expect(text).toContain('T = a + b; T = b + a');
  });
});
