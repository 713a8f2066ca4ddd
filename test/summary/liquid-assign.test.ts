/**
 * A variable the note assigns (`{% assign name = "…" %}`) is shown where the note outputs it, as
 * Jekyll's Liquid renders it, not blanked into a sentence with a hole (issue 23, the tester's round
 * 15-2). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('an assigned Liquid variable', () => {
  it('is shown where the note outputs it', () => {
    const body = '{% assign tool = "Bundler" %}\nThe site builds with {{ tool }}, which pins every gem to the version in the lockfile.\n\nA clean checkout therefore builds the same pages on every machine the team uses.';
    expect(pointsOf('en', body).some((p) => p.includes('builds with Bundler, which pins'))).toBe(true);
  });

  it('goes through its filters, and a later assignment wins from there on (es)', () => {
    const body = '{% assign motor = "jekyll" %}El sitio se genera con {{ motor | upcase }} en cada cambio del repositorio.\n\n{% assign motor = "Hugo" %}Antes se generaba con {{ motor }}, que era más rápido pero menos flexible.';
    const points = pointsOf('es', body);
    expect(points.some((p) => p.includes('genera con JEKYLL en cada'))).toBe(true);
    expect(points.some((p) => p.includes('generaba con Hugo, que'))).toBe(true);
  });
});
