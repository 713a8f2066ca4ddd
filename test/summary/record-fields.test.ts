/**
 * Records written under a heading each, the same bold fields in each (issue 23, F12): written as
 * bold-label lines or as list items, every record is named, a record's fields read together with
 * their labels (never a field alone that leaves "valid what?"), and never as the turns of a dialogue
 * whose speakers would be the field labels. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const BRANCHES: Array<[string, string, string]> = [
  ['Riverside Library', 'open from 9 am to 8 pm on weekdays', 'free with a reader card'],
  ['Hill Street Library', 'closed on Mondays, otherwise 10 am to 6 pm', 'two euros a day for visitors'],
  ['Old Town Library', 'mornings only, 8 am to 1 pm', 'free for everyone under eighteen'],
  ['Harbour Library', 'open late on Thursdays until 10 pm', 'a yearly pass costs twelve euros'],
];

function branches(field: (label: string, value: string) => string): string {
  const records = BRANCHES.map(([name, hours, entry]) => `### ${name}\n\n${field('Hours', `${hours}.`)}\n${field('Entry', `${entry}.`)}\n`);
  return `Where to read in the city, four branches compared.\n\n${records.join('\n')}`;
}

const LINES = branches((label, value) => `**${label}:** ${value}`);
const ITEMS = branches((label, value) => `- **${label}**: ${value}`);

const HAUS: Array<[string, string, string]> = [
  ['Hamburg', 'mit dem Zug in drei Stunden', 'ab 90 Euro die Nacht'],
  ['Leipzig', 'mit dem Bus in fünf Stunden', 'ab 60 Euro die Nacht'],
  ['Dresden', 'mit dem Auto in vier Stunden', 'ab 70 Euro die Nacht'],
];
const REISEN = `Drei Ziele für ein langes Wochenende im Herbst.\n\n${HAUS.map(([city, way, price]) => `### ${city}\n\n**Anreise:** ${way}.\n**Hotel:** ${price}.\n`).join('\n')}`;

describe('records of bold fields', () => {
  for (const [form, body] of [['bold-label lines', LINES], ['list items', ITEMS]] as const) {
    it(`names every record, written as ${form}`, () => {
      const said = points('Reading rooms', body).join(' ');
      for (const [name] of BRANCHES) expect(said, name).toContain(name);
    });

    it(`reads a record's fields together with their labels, written as ${form}`, () => {
      const got = points('Reading rooms', body);
      for (const p of got) expect(p, p).not.toMatch(/^(?:Hours|Entry):/);
      // A field alone under its record's name drops its label: "Riverside Library: free with a reader card."
      for (const [name, , entry] of BRANCHES) expect(got, name).not.toContain(`${name}: ${entry}.`);
      const [name, hours, entry] = BRANCHES[0]!;
      expect(got).toContain(`${name} — Hours: ${hours}; Entry: ${entry}.`);
      // One record, one point: its name heads no second one (the outline lists the names, heading none).
      for (const [record] of BRANCHES) expect(got.filter((p) => p.startsWith(`${record} — `) || p.startsWith(`${record}:`)).length, record).toBeLessThanOrEqual(1);
    });
  }

  it('reads German records the same way', () => {
    const got = points('Wochenendziele', REISEN, 'de');
    for (const [city] of HAUS) expect(got.join(' '), city).toContain(city);
    expect(got).toContain('Hamburg — Anreise: mit dem Zug in drei Stunden; Hotel: ab 90 Euro die Nacht.');
  });

  it('keeps a dialogue of bold speaker lines under headings a dialogue', () => {
    const body = ['Two questions from the help desk.', '### Monday', '**Ana:** Why does the printer jam on thick paper?\n**Ben:** Its rollers are set for thin sheets; the manual tray takes card stock.', '### Tuesday', '**Ana:** Can the scanner send files by mail?\n**Ben:** Yes, the scan menu has a mail button once an address book is set up.'].join('\n\n');
    const got = points('Help desk', body);
    expect(got.join(' ')).toContain('manual tray');
    for (const p of got) expect(p, p).not.toMatch(/ — Ana:|^Monday/);
  });
});
