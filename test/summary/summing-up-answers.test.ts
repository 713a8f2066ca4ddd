/**
 * Issue 23 item 5: a section that sums the note up as "situation: answer" items keeps the answers
 * (the answer is what each item says), and its items are not shown again as points of their own.
 * A note written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const note =
  'Which train to take depends mostly on how much time you have.\n\n## Shinkansen\n\nThe Shinkansen is the fastest and costs the most. It runs every ten minutes.\n\n' +
  '## Limited express\n\nLimited express trains stop at larger towns only. Seats can be reserved.\n\n## Local\n\nLocal trains stop everywhere and are cheapest.\n\n' +
  '## TL;DR\n\n- Short on time: Shinkansen\n- A day to spare, some comfort: Limited express\n- Tight budget: Local';

describe('a summing-up list of "situation: answer" items', () => {
  it('keeps each answer with its situation, once', () => {
    const points = pointsOfNote('en', note);
    const summed = points.find((p) => p.includes('Short on time'));
    expect(summed).toContain('Short on time: Shinkansen');
    expect(summed).toContain('Tight budget: Local');
    expect(points.filter((p) => p.includes('Tight budget'))).toHaveLength(1);
  });
});
