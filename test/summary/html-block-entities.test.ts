/**
 * An HTML block's entities are decoded once, as a browser shows them: `&lt;b&gt;` is the text "<b>",
 * `&amp;lt;` the text "&lt;" (an outside tester's case, issue 23, F18). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('entities in an HTML block', () => {
  it('show what they stand for, once', () => {
    const points = pointsOf('en', '<p>The template writes &lt;em&gt;draft&lt;/em&gt; around unpublished titles, and &amp;lt; for a literal bracket.</p>');
    expect(points).toContain('The template writes <em>draft</em> around unpublished titles, and &lt; for a literal bracket.');
  });

  it('as in a paragraph of Markdown', () => {
    const html = pointsOf('en', '<p>Caching servers keep &amp; serve hot keys from memory, so the database sees far fewer reads.</p>');
    const markdown = pointsOf('en', 'Caching servers keep &amp; serve hot keys from memory, so the database sees far fewer reads.');
    expect(html).toEqual(markdown);
    expect(html[0]).toContain('keep & serve');
  });
});
