/**
 * Brackets the writer escaped so that no link is made (`\[at this page\](url)`) are shown as written,
 * not read as TeX's display math `\[ … \]` and dropped (an outside tester's case, issue 23, F15).
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('escaped link brackets', () => {
  it('stay in the point, with the target after them', () => {
    const points = pointsOf('en', 'The mirror list is kept \\[on the wiki page\\](https://example.org/mirrors) and updated every night by the release team.');
    expect(points).toContain('The mirror list is kept [on the wiki page](https://example.org/mirrors) and updated every night by the release team.');
  });

  it('stay when the link text is one word (issue 23, tester 17-2)', () => {
    const points = pointsOf('en', 'Write \\[docs\\](https://example.org/docs) in a commit message when the link must not render in the changelog.');
    expect(points).toContain('Write [docs](https://example.org/docs) in a commit message when the link must not render in the changelog.');
  });

  it('while display math before a parenthesis is still math', () => {
    const points = pointsOf('en', 'The energy of a photon is \\[E = h \\nu\\] (Planck), where the constant h relates frequency to energy.');
    expect(points.join('\n')).not.toMatch(/\\\[|\\\]/);
  });
});
