/**
 * `preview --json`'s controls say only what will happen (#29 N6), and in a translation family which
 * routes each member is shown in, as `start` decides (#29 F12, N11). In process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPreview } from '../../src/cli/preview.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

interface Row {
  file: string;
  controls: { effects: string[] };
  routes: { name: string | null; matches: boolean }[];
}

async function preview(config: string, notes: Record<string, string>): Promise<Map<string, Row>> {
  const dir = tempFolder('notecast-previewc-');
  const folder = path.join(dir, 'notes');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(notes)) writeFileSync(path.join(folder, name), text);
  const cfg = path.join(dir, 'notecast.yaml');
  writeFileSync(cfg, config);
  const out: string[] = [];
  const code = await runPreview([folder], { json: true, config: cfg }, { out: (l) => out.push(l), err: () => {} }, workerParseThreads());
  expect(code).toBe(0);
  return new Map(out.map((l) => JSON.parse(l) as Row).map((r) => [path.basename(r.file), r]));
}

const matched = (r: Row) => r.routes.filter((x) => x.matches).map((x) => x.name);

describe('preview --json: controls', () => {
  it('a note kept out of the chats (announce: false, a draft) says only that; a scheduled one says when (#29 N6)', async () => {
    const config = 'routes:\n  - { platform: console, chat: N, name: now }\n  - { platform: console, chat: D, name: dg, filter: { digest: { at: "09:00", tz: UTC } } }\n';
    const controls = 'notecast: { pin: true, silent: true, routes: [now, dg, ghost] }\n';
    const rows = await preview(config, {
      'af.md': '---\ntitle: Kept out\nnotecast: { announce: false, pin: true, silent: true, routes: [now, dg, ghost] }\n---\nText.\n',
      'dr.md': `---\ntitle: Draft\ndraft: true\n${controls}---\nText.\n`,
      'later.md': '---\ntitle: Later\ndate: 2999-01-01\nnotecast: { silent: true }\n---\nText.\n',
    });
    expect(rows.get('af.md')!.controls.effects).toEqual(['not announced (notecast.announce: false); its posts still waiting to go out are called off, posts made before stay as they are']);
    expect(rows.get('dr.md')!.controls.effects).toEqual(['not announced: a draft (draft: true or published: false); its controls apply once it is published']);
    expect(rows.get('later.md')!.controls.effects[0]).toBe('announced when its date comes (2999-01-01T00:00:00.000Z), as follows then');
  });

  it('in a family, each route is matched to the member it is shown, whose controls apply there (#29 F12, N11)', async () => {
    const config =
      'publish: { translations: { mode: group, graceMs: 0 } }\nroutes:\n  - { platform: console, name: a, chat: A, locale: zh }\n  - { platform: console, name: b, chat: B }\n' +
      '  - { platform: console, name: s, chat: S, locale: zh, filter: { words: "stream" } }\n';
    const rows = await preview(config, {
      'hello-en.md': '---\ntitle: Hello stream\nlang: en\nnotecast:\n  silent: true\n  routes: [a]\n---\nA stream of hello.\n',
      'hello-zh.md': '---\ntitle: 你好\nlang: zh\ntranslated: true\nnotecast:\n  pin: true\n---\n你好世界的文字。\n',
    });
    // a and s speak Chinese: shown the Chinese member (s by the English one's words); b the original, whose routes leave it out.
    expect(matched(rows.get('hello-zh.md')!)).toEqual(['a', 's']);
    expect(matched(rows.get('hello-en.md')!)).toEqual([]);
    expect(rows.get('hello-en.md')!.controls.effects.at(-1)).toMatch(/^in its translation family these apply in the chats shown this translation/);
  });
});
