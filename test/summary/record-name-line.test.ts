/**
 * Records whose bold name and field lines share one paragraph ("**Lisbon**" then "**Season:** …",
 * "**Budget:** …" with no blank line between) are read as records, as when the name stands alone:
 * each named with its fields, never collapsed into one run (issue 23, tester round 18: F3). Notes
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const record = (name: string, fields: [string, string][], gap: string) => `**${name}**\n${gap}${fields.map(([k, v]) => `**${k}:** ${v}`).join('\n')}`;

const cities: [string, [string, string][]][] = [
  ['Lisbon', [['Season', 'April to June'], ['Budget', 'seventy euros a day']]],
  ['Krakow', [['Season', 'May to September'], ['Budget', 'fifty euros a day']]],
  ['Porto', [['Season', 'June to August'], ['Budget', 'sixty euros a day']]],
];

describe('records whose name line opens the paragraph of their fields', () => {
  const noteOf = (gap: string) => ['City breaks we liked, with when to go and what to spend.', ...cities.map(([n, f]) => record(n, f, gap))].join('\n\n');

  it('are read as records with their names', () => {
    const points = pointsOfNote('en', noteOf(''));
    for (const [name] of cities) expect(points.some((p) => p.startsWith(name))).toBe(true);
    expect(points.some((p) => p.includes('Krakow') && p.includes('Season:'))).toBe(false);
  });

  it('give the points the same records written with a blank line after the name give', () => {
    expect(pointsOfNote('en', noteOf(''))).toEqual(pointsOfNote('en', noteOf('\n')));
  });
});
