/**
 * A point cut to its length never leaves a quote or bracket open, in the quoting styles of the nine
 * languages, and is never a stub cut back to before a long quote (issue 23). Texts written for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanTable } from '../../src/summary/inline.js';
import { truncatePoint } from '../../src/summary/truncate-point.js';

const PAIRS: readonly [string, string][] = [
  ['„', '“'], ['«', '»'], ['« ', ' »'], ['「', '」'], ['『', '』'], ['(', ')'], ['[', ']'], ['"', '"'], ["'", "'"], ['“', '”'], ['（', '）'],
];

/** Whether every opener of `pair` in `text` is closed after it (pairs are generated unnested of their own kind). */
function closed(text: string, [open, close]: readonly [string, string]): boolean {
  const o = open.trim();
  const c = close.trim();
  if (o === c) return text.split(o).length % 2 === 1;
  return text.split(o).length === text.split(c).length;
}

describe('a cut point and its quotes', () => {
  const words = fc.constantFrom('tide', 'harbour', 'lantern', 'Möwe', 'phare', 'marea', '灯台', 'منارة', 'दीपक', 'keeper', 'north');
  const phrase = (min: number, max: number) => fc.array(words, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));

  it('leaves no pair open and no stub (property)', () => {
    fc.assert(
      fc.property(phrase(1, 8), fc.constantFrom(...PAIRS), phrase(5, 60), phrase(0, 10), fc.integer({ min: 60, max: 200 }), (before, pair, inside, after, max) => {
        const text = `${before} ${pair[0]}${inside}${pair[1]} ${after}.`;
        const cut = truncatePoint(text, max, new SpanTable(), 'en');
        if (!cut) return;
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(closed(cut, pair), cut).toBe(true);
        // A cut (not an aside taken out whole) keeps what a point needs.
        if (cut.includes('…')) expect(cut.length, cut).toBeGreaterThanOrEqual(max * 0.4);
      }),
      { numRuns: 400, seed: 2323 },
    );
  });

  it('closes a German quote opened with „ after the ellipsis rather than leaving it open', () => {
    const text = 'Die Wärterin schrieb ins Logbuch „Heute kamen drei Schiffe, zwei Fischkutter und ein Frachter, bei Nebel und Nordwind in den Hafen, und alle Lichter brannten bis zum Morgen ohne Ausfall“ und ging schlafen.';
    const cut = truncatePoint(text, 120, new SpanTable(), 'de');
    expect(cut).toMatch(/^Die Wärterin schrieb ins Logbuch „Heute kamen .*…“$/);
  });

  it('does not announce a quote it cut away: "She said…" is no point', () => {
    const text = 'She said « the harbour lights were kept burning every night of the long winter, through every storm and every fog, by the same two keepers who never missed a single evening » and left.';
    const cut = truncatePoint(text, 100, new SpanTable(), 'en');
    expect(cut).not.toBe('She said…');
    expect(cut.startsWith('She said « the harbour lights')).toBe(true);
    expect(cut.endsWith('…»')).toBe(true);
  });
});
