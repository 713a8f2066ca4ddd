/**
 * A sentence too long for a point is shown cut, but the note still names what its lost end says:
 * a word said there and once more elsewhere is a word the note comes back to, and the point naming
 * it beats one of details said once. Candidates written for this test.
 */
import { describe, expect, it } from 'vitest';
import { SpanTable, pointText } from '../../src/summary/inline.js';
import { choosePoints } from '../../src/summary/select.js';
import { sentenceAt as sentence } from '../helpers/candidates.js';

describe('a word said in the lost end of a long sentence', () => {
  const opening = 'The build server compiles every branch of the monorepo each night.';
  // Past 120 characters, where the point is cut, it names "sandboxing".
  const long =
    'Over the last two years the team moved from a single shared runner to a pool of machines in three regions, and the move only worked because of sandboxing, which isolates each job.';
  const namesIt = 'Sandboxing keeps each compile away from the others.';
  const details = 'Nightly archives compress old logs into weekly tarballs stored offsite.';
  const candidates = [sentence(opening, 0, { opening: true }), sentence(long, 1), sentence(namesIt, 2), sentence(details, 3)];
  const budget = { chars: opening.length + 3 + 75, maxPoints: 2, maxPointChars: 120 };

  it('counts it as said twice: the point naming it is chosen', () => {
    const got = choosePoints(candidates, new SpanTable(), 'en', 'Nightly builds', [], budget).map(pointText);
    expect(got).toEqual([opening, namesIt]);
  });
});
