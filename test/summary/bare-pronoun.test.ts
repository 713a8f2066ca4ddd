/**
 * A sentence whose subject is a bare pronoun ("They stay…", "Sie bleiben…") says what it says of
 * something named before it: a point must stand alone, so it is shown only right after the sentence it
 * leans on, however long it is (issue 23, F12). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const NOTES: Array<{ lang: string; title: string; body: string; pronoun: RegExp; before: string }> = [
  {
    lang: 'en',
    title: 'Setting up a Node project folder',
    body: `Since Node 16, npm comes bundled with every Node installer. Start a project with \`npm init -y\` in an empty folder.

Pin the Node version with \`echo 20 > .nvmrc\` at the project root. On Windows the file is read by \`nvm-windows\` as well.

Add the libraries with npm after that. They end up in the node_modules folder of the project and leave the global install alone.
`,
    pronoun: /^They\b/,
    before: 'Add the libraries with npm after that.',
  },
  {
    lang: 'de',
    title: 'Ein Node-Projekt anlegen',
    body: `Seit Node 16 liegt npm jedem Node-Installer bei. Ein Projekt entsteht mit \`npm init -y\` in einem leeren Ordner.

Die Node-Version hält man mit \`echo 20 > .nvmrc\` im Projektordner fest. Unter Windows liest \`nvm-windows\` die Datei ebenfalls.

Bibliotheken fügt man danach mit npm hinzu. Sie landen im Ordner node_modules des Projekts und lassen die globale Installation in Ruhe.
`,
    pronoun: /^Sie\b/,
    before: 'Bibliotheken fügt man danach mit npm hinzu.',
  },
];

describe('a sentence opening on a bare pronoun', () => {
  for (const { lang, title, body, pronoun, before } of NOTES) {
    it(`comes only right after the sentence it leans on (${lang})`, () => {
      const got = points(title, body, lang);
      got.forEach((p, i) => {
        if (pronoun.test(p)) expect(i > 0 && got[i - 1]!.endsWith(before), got.join(' | ')).toBe(true);
      });
      expect(got.length, got.join(' | ')).toBeGreaterThan(2);
    });
  }
});
