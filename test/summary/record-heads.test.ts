/**
 * Records headed by a bold line alone ("**Riverside**") or with each field in a paragraph of its own
 * (issue 23, F2): the same records as under "###" headings, each named with its fields and labels,
 * never read as a dialogue whose speakers are the field labels. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** The note's points; English unless told. */
const pointsOf = (body: string, lang = 'en'): string[] => pointsOfNote(lang, body);

const BIKES: Array<[string, string, string]> = [
  ['Gravel Nine', 'wide tyres and a light frame', 'the brakes squeal in the rain'],
  ['City Glide', 'a hub motor and fenders', 'heavy to carry up stairs'],
  ['Trail Fox', 'full suspension for rough paths', 'slow on smooth roads'],
];

/** The records with `head` naming each and `gap` between its two fields. */
function bikes(head: (name: string) => string, gap: string): string {
  const records = BIKES.map(([name, good, bad]) => `${head(name)}\n\n**Good:** ${good}.${gap}**Bad:** ${bad}.\n`);
  return `Each bike fits a different rider.\n\n${records.join('\n')}`;
}

const WERKZEUG: Array<[string, string, string]> = [
  ['Hammer', 'schwerer Kopf aus Stahl', 'zu laut für die Wohnung'],
  ['Zange', 'greift auch kleine Muttern', 'rutscht bei Öl ab'],
  ['Feile', 'glättet Kanten in Minuten', 'nutzt sich schnell ab'],
];
const KASTEN = `Drei Werkzeuge für den Keller.\n\n${WERKZEUG.map(([name, plus, minus]) => `**${name}**\n\n**Plus:** ${plus}.\n\n**Minus:** ${minus}.\n`).join('\n')}`;

describe('records under bold lines or with a paragraph a field (F2)', () => {
  const forms: Array<[string, string]> = [
    ['a bold line heads each record, its fields on one paragraph', bikes((n) => `**${n}**`, '\n')],
    ['a bold line heads each record, a field a paragraph', bikes((n) => `**${n}**`, '\n\n')],
    ['a heading heads each record, a field a paragraph', bikes((n) => `### ${n}`, '\n\n')],
  ];
  it.each(forms)('%s: each record is one point with its name and labels', (_form, body) => {
    const got = pointsOf(body);
    for (const [name, good, bad] of BIKES) expect(got).toContain(`${name} — Good: ${good}; Bad: ${bad}.`);
    expect(got.some((p) => /^(Good|Bad):/.test(p))).toBe(false);
  });

  it('in German too, every record named with its labels', () => {
    const got = pointsOf(KASTEN, 'de');
    for (const [name, plus, minus] of WERKZEUG) expect(got).toContain(`${name} — Plus: ${plus}; Minus: ${minus}.`);
  });

  it('a bold line over a prose paragraph stays a paragraph: no record, no list', () => {
    const got = pointsOf(`Some thoughts on tools.\n\n**Hammer**\n\nA hammer drives nails into wood.\n\n**Saw**\n\nA saw cuts the boards to length.\n`);
    expect(got.some((p) => p.includes('—'))).toBe(false);
  });
});
