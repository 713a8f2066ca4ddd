/**
 * No summary is ever empty while the note has prose (issue 23, item 3): README promises the opening
 * paragraph when nothing else is left, and a long sentence holding math too long to show left none.
 * Notes written for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const LONG_MATH = String.raw`$\left|\sum_{k=1}^{n} x_k y_k\right| \le \sqrt{\sum_{k=1}^{n} x_k^2}\sqrt{\sum_{k=1}^{n} y_k^2}$`;

describe('a summary of a note with prose', () => {
  it('shows the words before a formula too long to show, when the sentence holding it is one long clause', () => {
    const body = `In the proof that every second year student of linear algebra meets in the first weeks of the spring term the one estimate that carries the whole argument from start to end is ${LONG_MATH} which bounds the inner product.`;
    const points = pointsOfNote('en', body);
    expect(points).toHaveLength(1);
    expect(points[0]).toMatch(/^In the proof that every second year student .* carries the whole argument.*…$/);
    expect(points[0]!.length).toBeLessThanOrEqual(200);
  });

  it('is never empty, over generated notes of words, math and code', () => {
    const word = fc.constantFrom('the', 'proof', 'estimate', 'shows', 'bound', 'students', 'inner', 'product', 'course', 'every', 'which', 'holds', 'Beweis', 'zeigt', '証明', '不等式');
    const shortMath = fc.constantFrom('$x$', '$a^2 + b^2$', String.raw`$\alpha$`);
    const longMath = fc.constantFrom(LONG_MATH, `$$${LONG_MATH.slice(1, -1)}$$`);
    const code = fc.constantFrom('`x`', `\`${'reconcile_schedules_'.repeat(12)}\``);
    const piece = fc.oneof({ arbitrary: word, weight: 6 }, { arbitrary: shortMath, weight: 1 }, { arbitrary: longMath, weight: 1 }, { arbitrary: code, weight: 1 });
    const sentence = fc.array(piece, { minLength: 1, maxLength: 60 }).map((ps) => `${ps.join(' ')}${ps.length % 3 ? '.' : ''}`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));
    // A word of two letters outside math and code is prose.
    const hasProse = (ps: string[]): boolean => ps.some((p) => /(?:^|\s)\p{L}{2,}/u.test(p.replace(/\$\$?[^$]*\$\$?|`[^`]*`/gu, ' ')));
    fc.assert(
      fc.property(fc.constantFrom('en', 'de', 'ja'), fc.array(paragraph, { minLength: 1, maxLength: 3 }), (lang, paragraphs) => {
        fc.pre(hasProse(paragraphs));
        const points = pointsOfNote(lang, paragraphs.join('\n\n'));
        expect(points.length).toBeGreaterThan(0);
        for (const p of points) expect(p.length).toBeLessThanOrEqual(200);
      }),
      { seed: 2023, numRuns: 100 },
    );
  });
});
