/**
 * A point keeps the words of its sentence, in order (issue 23): only a reply's filler opening may go,
 * and a sentence opening with a compound, a name, a figure or a range opens with no filler. On the
 * code before 926429a this property shrinks to "Mass–energy equivalence …" → "Energy equivalence …",
 * the failure found by hand then (kept in compound-dash.test.ts). Sentences generated here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const opening = fc.constantFrom(
  'Mass–energy equivalence',
  'State-of-the-art compilers',
  'Franco–Prussian treaties',
  'Kubernetes',
  'The 1990–2000 decade',
  '1990–2000 census data',
  '3.5 million readers',
  'Twenty-two engineers',
  'Mass--energy bookkeeping',
  'Node 20',
  'Right-of-way rules',
  'Well-known results',
  'Sure-footed goats',
  'Okay-rated bonds',
  'Great Britain',
  'Exactly-once delivery',
  'No-code tools',
  'Yes/no questions',
  'Perfect-information games',
  'Good-faith offers',
  'Absolutely continuous functions',
  'Indeed-style job boards',
  'Correct-by-construction designs',
  'True–false tests',
);
const verb = fc.constantFrom('shapes', 'explains', 'changed', 'still limits', 'rarely affects');
const tail = fc.constantFrom(
  'how the orbit of each small moon drifts over a century of careful observations.',
  'the way teams plan releases across several time zones and languages.',
  'which routes the freight trains take through the northern valleys in winter.',
);

describe('a point keeps its sentence', () => {
  it('whole, whatever compound, name or figure opens it (property)', () => {
    fc.assert(
      fc.property(opening, verb, tail, (open, v, rest) => {
        const sentence = `${open} ${v} ${rest}`;
        const points = pointsOfNote('en', `Field notes from the archive cover many unrelated topics.\n\n${sentence}`);
        const point = points.find((p) => p.endsWith(rest));
        expect(point, points.join('\n')).toBe(sentence);
      }),
      { numRuns: 150, seed: 2315 },
    );
  });
});
