/**
 * A lead-in over items that say nothing alone (formulas, figures) is said once, with the items after
 * it, not once per item (issue 23, tester round 13 item 12: a list of derivatives repeated its lead-in
 * four times). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const lead = 'The identities each engineer keeps on the desk';

function count(points: string[], s: string): number {
  return points.join('\n').split(s).length - 1;
}

describe('a lead-in over fragment items', () => {
  it('is said once over a list of formulas, with every formula after it', () => {
    const items = ['$\\cos^2 t + \\sin^2 t = 1$', '$e^{i\\pi} = -1$', '$\\log_b b = 1$', '$\\sqrt{4} = 2$'];
    const points = pointsOfNote('en', `${lead}:\n\n${items.map((i) => `- ${i}`).join('\n')}\n\nCheck each one by hand once.`);
    expect(count(points, lead)).toBe(1);
    // One reading of scripts a point (tex-one-reading.test): e^(iπ) and log_b stay marked, so cos^2 does too.
    expect(points.find((p) => p.startsWith(lead))).toBe(`${lead}: cos^2 t + sin^2 t = 1, e^(iπ) = -1, log_b b = 1, √4 = 2`);
  });

  it('is said once over a list of figures', () => {
    const points = pointsOfNote('en', `The ports the firewall must leave open:\n\n- 443\n- 8443\n- 22\n\nClose every other port.`);
    expect(count(points, 'The ports the firewall must leave open')).toBe(1);
  });

  it('ends with "…" where not every item fits, and is still said once', () => {
    const items = Array.from({ length: 40 }, (_, k) => `- $x_{${k}} = ${k * 7919}$`);
    const points = pointsOfNote('en', `${lead}:\n\n${items.join('\n')}\n\nCheck each one by hand once.`);
    expect(count(points, lead)).toBe(1);
    expect(points.find((p) => p.startsWith(lead))).toMatch(/, …$/);
  });

  it('still gives items that are sentences their own points', () => {
    const points = pointsOfNote('en', `${lead}:\n\n- The cosine rule generalises the theorem of Pythagoras to every triangle.\n- The sine rule relates each side to the sine of the angle opposite it.\n\nCheck each one by hand once.`);
    expect(points.join('\n')).toContain('The cosine rule generalises');
    expect(points.join('\n')).toContain('The sine rule relates');
  });
});
