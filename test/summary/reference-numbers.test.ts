/**
 * A numbered reference link after a claim ("published in 1998 [2][paxos]") cites its source: the
 * number is no part of the point (an outside tester's case, issue 23, F16). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const refs = '\n\n[lamport]: https://example.org/lamport.pdf\n[ongaro]: https://example.org/ongaro.pdf';

describe('a numbered reference link', () => {
  it('leaves the sentence it cites without its number', () => {
    const points = pointsOf('en', `Vector clocks were described by Colin Fidge and Friedemann Mattern in 1988 [2][lamport]. Hybrid logical clocks followed in 2014 [3][ongaro].${refs}`);
    expect(points).toContain('Vector clocks were described by Colin Fidge and Friedemann Mattern in 1988.');
    expect(points.join('\n')).not.toMatch(/\d{4} \d\b/);
  });

  it('with brackets of its own, or an inline target, too', () => {
    const points = pointsOf('en', 'Lamport clocks order events across machines without a shared clock [[7]](https://example.org/l.pdf), and they cost one counter per process.');
    expect(points).toContain('Lamport clocks order events across machines without a shared clock, and they cost one counter per process.');
  });

  it('keeps a link whose text is a word or a version', () => {
    const points = pointsOf('en', 'The scheduler was rewritten for [version 2](https://example.org/v2), which halves the latency of every queue.');
    expect(points[0]).toContain('for version 2, which');
  });
});
