/**
 * A numbered list whose last step leads in to its command in the block after the list ("3. Serve the
 * docs:" then `mkdocs serve`): the list's point names that step with its command, and the step is not
 * a point again on its own (tester 21-2 F15: "…, Serve the docs" then "Serve the docs: mkdocs serve").
 * A command too long for the names to fit whole is named by its program there, and the step keeps its
 * own point with the whole command. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const fence = (line: string) => `\`\`\`sh\n${line}\n\`\`\``;

const notes = [
  { lang: 'en', intro: 'The documentation site rebuilds itself whenever a page is saved.', steps: ['Clone the docs repository from the team server.', 'Install the theme with pip.'], last: 'Serve the docs', command: 'mkdocs serve -a localhost:8001' },
  { lang: 'es', intro: 'El sitio de documentación se reconstruye cada vez que guardas una página.', steps: ['Clona el repositorio de la documentación.', 'Instala el tema con pip.'], last: 'Sirve la documentación', command: 'mkdocs serve -a localhost:8001' },
  { lang: 'de', intro: 'Die Dokumentation wird bei jedem Speichern einer Seite neu gebaut.', steps: ['Klonen Sie das Repository der Dokumentation.', 'Installieren Sie das Theme mit pip.'], last: 'Starten Sie den Server', command: 'mkdocs serve -a localhost:8001' },
];

const note = (n: (typeof notes)[number], command: string) => `${n.intro}\n\n${n.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n3. ${n.last}:\n\n${fence(command)}\n`;

describe('a last step with its command after the list', () => {
  for (const n of notes) {
    it(`in ${n.lang}: is named once, with its command`, () => {
      const got = pointsOfNote(n.lang, note(n, n.command));
      const naming = got.filter((p) => p.includes(n.last));
      expect(naming).toHaveLength(1);
      expect(naming[0]).toContain(n.steps[1]!.replace(/\.$/u, ''));
      expect(naming[0]).toContain(n.command);
    });
    it(`in ${n.lang}: a command too long to name whole keeps the step's own point`, () => {
      const long = `mkdocs serve --dev-addr localhost:8001 --watch-theme --dirtyreload --config-file docs/mkdocs.production.yml --strict`;
      const got = pointsOfNote(n.lang, note(n, long));
      expect(got.some((p) => p.includes(n.steps[1]!.replace(/\.$/u, '')) && p.includes(`${n.last} (mkdocs)`))).toBe(true);
      expect(got).toContain(`${n.last}: ${long}`);
    });
  }
});
