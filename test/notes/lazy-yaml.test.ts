/**
 * Issue 31: a parse thread loads the `yaml` package only when a note's front matter needs the full
 * parser (plain-yaml.ts reads a flat map without it): loading it was a quarter of a thread's start.
 * In a fresh process of the build (`npx tsc -p tsconfig.json` first), as a parse thread starts.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/corpus.js';

/** Whether `yaml` is loaded after each of two notes, the first with a flat front matter, the second with a list; and what they read. */
const SCRIPT = `
import { createRequire } from 'node:module';
import path from 'node:path';
const root = process.argv[1];
const cache = createRequire(path.join(root, 'package.json')).cache;
const { parseNoteText } = await import(path.join(root, 'dist/src/notes/read.js'));
const yamlLoaded = () => Object.keys(cache).some((k) => k.split(path.sep).join('/').includes('/node_modules/yaml/'));
const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: ['en'], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
const flat = parseNoteText('flat.md', '---\\ntitle: Flat\\ndraft: false\\n---\\n\\nBody.\\n', read);
const afterFlat = yamlLoaded();
const listed = parseNoteText('listed.md', '---\\ntitle: Listed\\ntags:\\n  - one\\n  - two\\n---\\n\\nBody.\\n', read);
console.log(JSON.stringify({ afterFlat, afterList: yamlLoaded(), flat: flat.note.title, tags: listed.note.tags }));
`;

describe('the yaml package on a parse thread', () => {
  it('is loaded only when a front matter needs the full parser', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, REPO_ROOT], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ afterFlat: false, afterList: true, flat: 'Flat', tags: ['one', 'two'] });
  });
});
