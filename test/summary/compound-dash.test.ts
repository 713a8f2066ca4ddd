/**
 * A reply's short opening before a dash goes ("Right — good catch, …"), but a dash joining two words
 * or numbers is no such break: "Mass–energy equivalence", "the Franco–Prussian war", "1990–2000" kept
 * whole (found by an engineer this stop: "Mass–energy equivalence ties…" gave "Energy equivalence ties…").
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a dash inside a compound opening a paragraph', () => {
  const kept = [
    'Mass–energy equivalence ties mass to energy through one constant.',
    'Franco–Prussian borders changed the map of Europe for decades.',
    'Mass--energy equivalence ties mass to energy through one constant.',
    'From 1990–2000 the city doubled its population.',
  ];
  for (const sentence of kept) {
    it(`is kept whole: ${sentence.slice(0, 24)}…`, () => {
      expect(pointsOf('en', `${sentence}\n\nThe rest of the note says more about it.`)[0]).toBe(sentence);
    });
  }

  it('a spaced dash after a short reply opening still ends the filler', () => {
    expect(pointsOf('en', 'Right – the cache is flushed every hour by a cron job.\n\nThe job takes ten minutes.')[0]).toBe('The cache is flushed every hour by a cron job.');
    expect(pointsOf('en', 'Short answer—the cache is flushed every hour by a cron job.\n\nThe job takes ten minutes.')[0]).toBe('The cache is flushed every hour by a cron job.');
  });
});
