/**
 * A sentence left with a hole where a Liquid value rendered empty (`{{ site.title }}` on a site that
 * sets none) is no point: Jekyll prints "of ." so, but a reader sees a broken sentence (issue 23, the
 * tester's round 15-2). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a sentence with an empty Liquid value', () => {
  it('is not a point (en)', () => {
    const body = 'Every page of this blog is published by {{ site.publisher }}.\n\nThe pages are rebuilt each night from the main branch of the repository.\n\nDrafts stay out of the build until their front matter sets a date.';
    const points = pointsOf('en', body);
    expect(points.length).toBeGreaterThan(0);
    expect(points.filter((p) => /\s[.,;]/.test(p))).toEqual([]);
  });

  it('is not a point (fr), with a comma left alone', () => {
    const body = 'Le thème {{ site.theme_name }}, choisi par défaut, règle la typographie de chaque page.\n\nLes pages sont reconstruites chaque nuit depuis la branche principale du dépôt.';
    const points = pointsOf('fr', body);
    expect(points.length).toBeGreaterThan(0);
    expect(points.filter((p) => /\s[.,;]/.test(p))).toEqual([]);
  });
});
