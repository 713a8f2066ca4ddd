/**
 * Speed paths of the summary (issue 23) held to what they stand for: a character test to the regex it
 * replaces, for any input;.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithFullStop } from '../../src/summary/counted-series.js';

describe("a sentence's full stop", () => {
  const FULL_STOP = /\s*[.。।]$/u; // counted-series.ts's rule, as its replace keeps it
  const units = ['.', '。', '।', ' ', '\n', '\u3000', 'a', '٫', '．', '｡', '!', '?', '\uD83D', '\uDE00', '😀', '中', 'x.', '. '];

  it('is found as the regex finds it, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(endsWithFullStop(s)).toBe(FULL_STOP.test(s));
      }),
      { numRuns: 3000 },
    );
  });
});
