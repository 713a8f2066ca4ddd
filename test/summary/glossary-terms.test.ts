/**
 * Issue 23 item 4: a glossary ("**Term** — definition", with an em or en dash, ':' or ' - ') keeps
 * its terms: each point names the term it defines, and the terms are points though each comes once.
 * A note written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

// Each definition's words come once: what makes the entry worth a point is the term it names.
const entries = [
  ['Kettle', 'a pot that boils water.'],
  ['Steep', 'to leave something soaking for minutes.'],
  ['Infuser', 'a small mesh basket.'],
  ['Oolong', 'a half-oxidised variety from Fujian and Taiwan.'],
  ['Matcha', 'finely ground powder, whisked by hand.'],
  ['Pu-erh', 'aged for years like wine, in Yunnan.'],
] as const;

const glossary = (sep: string) => `Words you will hear in a Kyoto tea shop.\n\n${entries.map(([t, d]) => `**${t}**${sep}${d}`).join('\n\n')}`;

describe('a glossary of bold terms', () => {
  for (const sep of [' — ', ' – ', ': ', ' - ']) {
    it(`keeps each term with its definition ("${sep.trim()}")`, () => {
      const points = pointsOfNote('en', glossary(sep));
      const defined = points.filter((p) => entries.some(([, d]) => p.includes(d)));
      expect(defined.length).toBeGreaterThanOrEqual(4);
      for (const p of defined) expect(entries.some(([t, d]) => p.startsWith(t) && p.includes(d))).toBe(true);
    });
  }

  it('in Spanish too', () => {
    const points = pointsOfNote('es', 'Palabras de la tienda de té.\n\n**Tetera** — una olla que hierve agua.\n\n**Infusor** — una cesta pequeña para las hojas.\n\n**Reposar** — dejar las hojas en agua caliente.');
    expect(points.filter((p) => /^(?:Tetera|Infusor|Reposar) — /u.test(p)).length).toBe(3);
  });
});
