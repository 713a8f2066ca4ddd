/**
 * The last point, when the budget's rest is shorter than it, is cut: it is chosen for what the cut
 * shows, not for the names its lost end held. Candidates written for this test.
 */
import { describe, expect, it } from 'vitest';
import { SpanTable, pointText } from '../../src/summary/inline.js';
import { choosePoints } from '../../src/summary/select.js';
import type { Candidate } from '../../src/summary/walk.js';

function sentence(text: string, pos: number, extra: Partial<Candidate> = {}): Candidate {
  return { text, pos, block: pos, section: 0, kind: 'sentence', ...extra };
}

describe('a point cut to the rest of the budget', () => {
  const opening = 'Lighthouse keepers on the northern coast logged the buoys of the Kelder channel every morning.';
  // Its names come last: cut to the rest of the budget, it shows only the weather.
  const namesAtEnd =
    'Early in the grey afternoon, long before the evening ferries left and while the wind still rose, the crew replaced the Zephyrine, Marlowe, Quillon, Tessaly and Orvande buoys of the Kelder channel.';
  const plain = 'In spring the Zephyrine buoy of the Kelder channel was repainted red, as the keepers logged that morning.';
  const candidates = [sentence(opening, 0, { opening: true }), sentence(namesAtEnd, 1), sentence(plain, 2)];

  it('is judged by what it still says: a shorter point that fits says more than the cut', () => {
    const spans = new SpanTable();
    const budget = { chars: opening.length + 3 + 110, maxPoints: 5, maxPointChars: 200 };
    const got = choosePoints(candidates, spans, 'en', 'Buoys of the Kelder channel', [], budget).map(pointText);
    expect(got[0]).toBe(opening);
    expect(got).toContain(plain);
    expect(got.join(' ')).not.toMatch(/Early in the grey afternoon/);
  });

  it('is still chosen whole when the budget holds it', () => {
    const spans = new SpanTable();
    const budget = { chars: 1000, maxPoints: 5, maxPointChars: 200 };
    const got = choosePoints(candidates, spans, 'en', 'Buoys of the Kelder channel', [], budget).map(pointText);
    expect(got.join(' ')).toContain('Zephyrine, Marlowe, Quillon');
  });
});
