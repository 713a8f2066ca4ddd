/**
 * No zod wording reaches a user from the config, a note's front matter or the site's _config.yml:
 * each constraint is a plain line of its own, on its line (#29 N8). `notecast check`, in process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/preview.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

const ZOD_WORDING = /Too small|Too big|Invalid input|Invalid option|expected \w+ to have|received \w+|Unrecognized key/;

async function check(config: string, notes: Record<string, string> = {}, jekyll?: string): Promise<{ code: number; out: string[] }> {
  const dir = tempFolder('notecast-plain-');
  const folder = path.join(dir, 'notes');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(notes)) writeFileSync(path.join(folder, name), text);
  const cfg = path.join(dir, 'notecast.yaml');
  writeFileSync(cfg, `store: { path: ${JSON.stringify(path.join(dir, 'state.db'))} }\n${config}`);
  let jekyllConfig: string | undefined;
  if (jekyll !== undefined) writeFileSync((jekyllConfig = path.join(dir, '_config.yml')), jekyll);
  const out: string[] = [];
  const code = await runCheck(folder, { config: cfg, ...(jekyllConfig ? { jekyllConfig } : {}) }, { out: (l) => out.push(l.slice(dir.length + 1)), err: () => {} }, workerParseThreads());
  return { code, out };
}

describe('plain messages for what a value breaks', () => {
  it('the config: an empty text, an unknown key, a value not among the choices, each on its line', async () => {
    const { code, out } = await check('notes:\n  bogus: 1\npublish:\n  onChange: often\nroutes:\n  - { platform: console, chat: x, filter: { words: "" } }\n');
    expect(code).toBe(1);
    expect(out).toEqual([
      'notecast.yaml:3: notes: unknown key "bogus"',
      'notecast.yaml:5: publish.onChange: must be "edit", "repost" or "ignore"',
      'notecast.yaml:7: routes.0.filter.words: must not be empty',
    ]);
  });

  it('front matter: notecast not a mapping; routes with an empty name and a number', async () => {
    const { code, out } = await check('routes:\n  - { platform: console, chat: x, name: a }\n', {
      'one.md': '---\ntitle: One\nnotecast: true\n---\nText.\n',
      'two.md': '---\ntitle: Two\nnotecast:\n  routes: [a, a, "", 5]\n---\nText.\n',
    });
    expect(code).toBe(1);
    for (const l of out) expect(l).not.toMatch(ZOD_WORDING);
    expect(out).toEqual([
      'notes/one.md:3: front matter `notecast`: must be a mapping of keys to values, not true (got true)',
      'notes/two.md:4: front matter `notecast.routes`: a route name must not be empty (got "")',
      'notes/two.md:4: front matter `notecast.routes`: a route name must be text (got 5)',
    ]);
  });

  it('the site _config.yml: an excerpt_separator that is a list is an error, not ignored', async () => {
    const { code, out } = await check('', {}, 'url: https://example.org\nexcerpt_separator: [1, 2]\n');
    expect(code).toBe(1);
    expect(out).toEqual(["_config.yml: excerpt_separator: excerpt_separator must be text (the line that ends a post's excerpt), not a list or a map"]);
  });
});
