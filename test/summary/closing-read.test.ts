/**
 * The note's last paragraph, its close, is read as a paragraph of its own: a note of many sections gives each section a
 * small share of the candidates counted from the section's start, so a long last section used its share before its
 * close, and what the writer concluded there was never a candidate (issue 23, love-hate-fear-hant: the point in the
 * closing paragraph's fourth sentence). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { collectCandidates } from '../../src/summary/candidates.js';
import { pointText, SpanTable } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function parsed(lang: string, title: string, body: string) {
  return parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
}

interface Case {
  lang: string;
  title: string;
  opening: string;
  section: (name: string) => string;
  names: string[];
  lastName: string;
  /** The last section's paragraph: more sentences than a section's share. */
  last: string;
  /** The close: its later sentences say what the note comes to. */
  close: string;
  concluded: RegExp;
}

const cases: Case[] = [
  {
    lang: 'en',
    title: 'Running Quarry',
    opening: 'Quarry is a small job queue for teams that run batch work on their own machines.',
    section: (name) => `${name} is configured in one block of the main file.`,
    names: ['Setup', 'Layout', 'Queues', 'Workers', 'Retries', 'Timeouts', 'Metrics', 'Logging', 'Scaling', 'Security', 'Backups', 'Upgrades', 'Testing'],
    lastName: 'Costs',
    last: 'Costs grow with the number of nodes. Each node needs a disk of its own. Memory matters less than disk speed. A small cluster fits on three machines. Larger ones add nodes one at a time.',
    close: 'Quarry asks little of its operators. It runs where the work is. The one rule that matters: a job is written to disk before Quarry acknowledges it, so a crash never loses an acknowledged job. Everything else can be tuned later.',
    concluded: /written to disk before Quarry acknowledges it/u,
  },
  {
    lang: 'de',
    title: 'Quarry betreiben',
    opening: 'Quarry ist eine kleine Job-Warteschlange für Teams, die Stapelarbeit auf eigenen Rechnern ausführen.',
    section: (name) => `${name} wird in einem Block der Hauptdatei eingestellt.`,
    names: ['Einrichtung', 'Aufbau', 'Warteschlangen', 'Arbeiter', 'Wiederholungen', 'Zeitlimits', 'Metriken', 'Protokolle', 'Skalierung', 'Sicherheit', 'Sicherungen', 'Upgrades', 'Tests'],
    lastName: 'Kosten',
    last: 'Die Kosten wachsen mit der Zahl der Knoten. Jeder Knoten braucht eine eigene Platte. Speicher zählt weniger als Plattentempo. Ein kleiner Cluster passt auf drei Rechner. Größere fügen Knoten einzeln hinzu.',
    close: 'Quarry verlangt von seinen Betreibern wenig. Es läuft dort, wo die Arbeit ist. Die eine Regel, die zählt: Ein Job wird auf die Platte geschrieben, bevor Quarry ihn bestätigt, sodass ein Absturz nie einen bestätigten Job verliert. Alles andere lässt sich später einstellen.',
    concluded: /auf die Platte geschrieben, bevor Quarry ihn bestätigt/u,
  },
];

function body(c: Case): string {
  const sections = c.names.map((name) => `## ${name}\n\n${c.section(name)}\n`).join('\n');
  return `${c.opening}\n\n${sections}\n## ${c.lastName}\n\n${c.last}\n\n${c.close}\n`;
}

describe("the close of a note of many sections", () => {
  for (const c of cases) {
    it(`is read after a long last section (${c.lang}): its later sentences are candidates`, () => {
      const { note, tokens } = parsed(c.lang, c.title, body(c));
      const { candidates } = collectCandidates(tokens, note.locale, new SpanTable(), 200);
      expect(candidates.map((k) => k.text).join('\n')).toMatch(c.concluded);
    });

  }

  // Read, its rule is weighed as any statement is: in German it names more of what the note comes back to than the
  // section leads beside it (in English the leads of the outlined sections keep the places).
  it('is read after a long last section (de): its rule, naming the note\'s subject, becomes a point', () => {
    const c = cases[1]!;
    const { note, tokens } = parsed(c.lang, c.title, body(c));
    expect(buildSummary(note, tokens).keyPoints.map(pointText).join('\n')).toMatch(c.concluded);
  });
});
