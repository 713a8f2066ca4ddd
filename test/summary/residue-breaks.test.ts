/**
 * Residue of inline markup (issue 23, tester round 13 item 17): a `<br>` parts the sentences on either
 * side as the browser shows them on two lines, and a `#` the writer put mid-line is text, as CommonMark
 * reads it (a heading needs the line's start: https://spec.commonmark.org/0.31.2/#atx-headings).
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('line breaks written as HTML', () => {
  it.each(['<br>', '<br/>', '<br />', '</p><p>'])('%s between two sentences keeps them apart', (tag) => {
    const points = pointsOfNote('en', `The kettle must boil before the leaves go in.${tag}Steep them for four minutes and no longer.\n\nPour the tea through a fine strainer into warm cups.`);
    expect(points.join('\n')).not.toMatch(/in\.Steep/);
    expect(points.join('\n')).toMatch(/in\.(\n| )Steep/);
  });

  it('parts words where no stop ends the line', () => {
    const points = pointsOfNote('en', 'Bring the water to the boil in a clean kettle<br>then let it rest for a minute before pouring it.');
    expect(points.join('\n')).toContain('kettle then let');
  });
});

describe('a hash mark mid-line', () => {
  it('stays as written', () => {
    const points = pointsOfNote('en', 'In a shell script a line such as # Setup is a comment, and the shell never runs it.\n\nQuote the variables you expand.');
    expect(points.join('\n')).toContain('such as # Setup is a comment');
  });

  it('a closing run of a heading still goes', () => {
    const points = pointsOfNote('en', '## Brewing green tea ##\n\nThe kettle must boil before the leaves go in, and the water should cool a little.');
    expect(points.join('\n')).not.toContain('#');
  });
});
