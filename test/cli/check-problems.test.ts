/** `notecast check` names every front matter problem of a note, each on its line, in process. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/preview.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

async function check(notes: Record<string, string>, moreRoutes = ''): Promise<{ code: number; out: string[]; err: string[] }> {
  const dir = tempFolder('notecast-check-');
  const folder = path.join(dir, 'notes');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(notes)) writeFileSync(path.join(folder, name), text);
  const config = path.join(dir, 'notecast.yaml');
  writeFileSync(config, `store: { path: ${JSON.stringify(path.join(dir, 'state.db'))} }\nroutes:\n  - { platform: console, chat: rel, name: releases }\n${moreRoutes}`);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheck(folder, { config }, { out: (l) => out.push(l.slice(folder.length + 1)), err: (l) => err.push(l) }, workerParseThreads());
  return { code, out, err };
}

describe('check: every problem with its line', () => {
  it('a named route whose filter leaves the note out is on the line of its name; one note is "1 note checked" (#29 N9)', async () => {
    const { code, out, err } = await check(
      { 'a.md': '---\ntitle: A\nnotecast:\n  routes:\n    - releases\n    - tagged\n---\nText.\n' },
      '  - { platform: console, chat: tg, name: tagged, filter: { tags: [k] } }\n',
    );
    expect(code).toBe(1);
    expect(out).toEqual(['a.md:6: front matter `notecast.routes`: the route "tagged" has a filter that leaves this note out (it is not sent there)']);
    expect(err).toEqual(['1 note checked, 1 problem']);
  });

  it('a route named twice is said once: excluded or unknown (issue 31)', async () => {
    const { code, out, err } = await check(
      { 'a.md': '---\ntitle: A\nnotecast:\n  routes: [tagged, tagged, nope, nope]\n---\nText.\n' },
      '  - { platform: console, chat: tg, name: tagged, filter: { tags: [k] } }\n',
    );
    expect(code).toBe(1);
    expect(out).toEqual([
      'a.md:4: front matter `notecast.routes`: no route in the config is named "nope"',
      'a.md:4: front matter `notecast.routes`: the route "tagged" has a filter that leaves this note out (it is not sent there)',
    ]);
    expect(err).toEqual(['1 note checked, 2 problems']);
  });

  it('an unknown route is named on the line it is written, block or flow style', async () => {
    const { code, out } = await check({
      'block.md': '---\ntitle: B\nnotecast:\n  routes:\n    - releases\n    - nope\n---\nText.\n',
      'flow.md': '---\ntitle: F\nnotecast: { silent: true,\n  routes: [nope, releases, elsewhere] }\n---\nText.\n',
    });
    expect(code).toBe(1);
    expect(out).toEqual([
      'block.md:6: front matter `notecast.routes`: no route in the config is named "nope"',
      'flow.md:4: front matter `notecast.routes`: no route in the config is named "nope"',
      'flow.md:4: front matter `notecast.routes`: no route in the config is named "elsewhere"',
    ]);
  });

  it("all of a note's wrong controls at once, each on its line, not only the first", async () => {
    const { code, out } = await check({ 'a.md': '---\ntitle: A\nnotecast:\n  announce: yes\n  pin: yes\n  silnet: true\n  routes: [releases, ""]\n---\nText.\n' });
    expect(code).toBe(1);
    expect(out).toEqual([
      'a.md:4: front matter `notecast.announce`: announce must be false, true or again (got "yes")',
      'a.md:5: front matter `notecast.pin`: pin must be true or false (got "yes")',
      'a.md:6: front matter `notecast.silnet`: unknown key "silnet" (got true)',
      expect.stringMatching(/^a\.md:7: front matter `notecast\.routes`: .* \(got ""\)$/),
    ]);
  });
});
