/**
 * The preview page's notes: a template that fails on one note's values (a key that note sets to
 * text) is that note's error on the page, and every other note is shown (an outside tester's case:
 * it used to end the server).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { previewNotesFor } from '../../src/health/preview/notes.js';
import { silentLogger } from '../../src/log.js';
import { Templates } from '../../src/render/templates/compile.js';
import { corpusReadOptions } from '../helpers/corpus.js';
import { tempFolder } from '../helpers/temp-folder.js';

it("shows a template's failure on one note as that note's error, and the other notes as they would be posted", async () => {
  const dir = tempFolder('notecast-preview-notes-');
  try {
    const root = path.join(dir, 'notes');
    mkdirSync(root);
    writeFileSync(path.join(root, 'text.md'), '---\ntitle: Foo is text\nfoo: hello\n---\nBody.\n');
    writeFileSync(path.join(root, 'plain.md'), '---\ntitle: No foo here\n---\nBody.\n');
    const config = configSchema.parse({ watch: { mode: 'poll' }, templates: { telegram: '<b>{{ note.title }}</b> {{ page.foo.bar }}' } });
    const templates = Templates.fromConfig(config, {}, 'c.yaml');
    const notes = previewNotesFor(config, root, corpusReadOptions(), silentLogger(), templates);
    await notes.start();
    try {
      const byFile = new Map(notes.entries().map((e) => [e.file, e]));
      expect(byFile.get('text.md')!.error!.message).toMatch(/undefined variable: page\.foo\.bar/);
      expect(byFile.get('text.md')!.routes).toEqual([]);
      expect(byFile.get('plain.md')!.error).toBeUndefined();
      expect(byFile.get('plain.md')!.routes[0]!.telegram!.text).toMatch(/^<b>.*No foo here.*<\/b>/);
    } finally {
      await notes.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
