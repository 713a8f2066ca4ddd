/**
 * Issue 25, finding 3: two notes of one language sharing a translation key are announced as two
 * notes by `start` (family-key.ts, with a warning in its log), but `preview --json` showed them as
 * one family, `check` said nothing and `status` neither. Each now says what `start` does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck, runPreview } from '../../src/cli/preview.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessService } from '../helpers/inproc.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const note = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nAbout ${title}.\n`;

/** notes/python/setup.md and notes/rust/setup.md (both English, key `setup`), and notes/setup-ja.md. */
function writeNotes(notes: string): void {
  mkdirSync(path.join(notes, 'python'), { recursive: true });
  mkdirSync(path.join(notes, 'rust'), { recursive: true });
  writeFileSync(path.join(notes, 'python', 'setup.md'), note('Python setup'));
  writeFileSync(path.join(notes, 'rust', 'setup.md'), note('Rust setup'));
  writeFileSync(path.join(notes, 'setup-ja.md'), note('Setup ja', 'lang: ja\n'));
}

function capture(): { out: string[]; err: string[]; io: { out: (l: string) => void; err: (l: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l) } };
}

describe('two notes of one language sharing a translation key', () => {
  const dir = tempFolder('notecast-conflict-');
  const notes = path.join(dir, 'notes');
  const config = path.join(dir, 'notecast.yml');
  writeNotes(notes);
  writeFileSync(config, `notes:\n  dir: ${JSON.stringify(notes)}\npublish:\n  translations: { mode: group }\nroutes:\n  - platform: console\n    chat: all\n`);

  it('preview --json shows each as its own family, as start announces them', async () => {
    const c = capture();
    expect(await runPreview([notes], { json: true, config }, c.io, workerParseThreads())).toBe(0);
    const families = Object.fromEntries(c.out.map((l) => JSON.parse(l) as { file: string; family: { key: string; members: string[] } }).map((r) => [path.basename(path.dirname(r.file)) + '/' + path.basename(r.file), r.family]));
    expect(families['python/setup.md']).toEqual({ key: 'setup', members: ['python/setup', 'setup-ja'] });
    expect(families['rust/setup.md']).toEqual({ key: 'setup#rust/setup', members: ['rust/setup'] });
    expect(families['notes/setup-ja.md']).toEqual({ key: 'setup', members: ['python/setup', 'setup-ja'] });
  });

  it('check prints a warning naming both files', async () => {
    const c = capture();
    expect(await runCheck(notes, { config }, c.io, workerParseThreads())).toBe(0);
    expect(c.out).toEqual([`${path.join(notes, 'rust', 'setup.md')}: warning: shares the translation key "setup" with ${path.join(notes, 'python', 'setup.md')}, both in language en: they are announced as two notes, not one family; give one of them its own translationKey`,
      // setup-ja.md has no note of the key in its folder: it joins the key's own family, and check says so (tester 34, F8).
      `${path.join(notes, 'setup-ja.md')}: warning: ${path.join(notes, 'setup-ja.md')} joins the translation family "setup": its translation key "setup" names 2 families setup (${path.join(notes, 'python', 'setup.md')}); setup#rust/setup (${path.join(notes, 'rust', 'setup.md')}) and none of them has a note in its folder, so the first, as the key names it; give the notes their own translationKey to choose`,
    ]);
    expect(c.err).toEqual(['3 notes checked, 0 problems, 2 warnings']);
  });

  it('status names the note announced on its own and the one holding its language', { timeout: 60_000 }, async () => {
    svc = InProcessService.sandbox({
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000 } },
      routes: [{ platform: 'console', chat: 'all' }],
    });
    await svc.start();
    writeNotes(svc.notes);
    await svc.settle(['python/setup.md', 'rust/setup.md', 'setup-ja.md']);
    await svc.stop();
    // Two messages: the family (python/setup with setup-ja linked) and rust/setup on its own.
    expect(svc.sent('all', 'post').map((e) => e.family).sort()).toEqual(['setup', 'setup#rust/setup']);
    const s = statusOf(svc.db);
    expect(s.stdout).toContain('translation keys shared in one language (announced as separate notes):\n  rust/setup.md: "setup", as python/setup.md; give one of them its own translationKey\n');
    const json = JSON.parse(statusOf(svc.db, { json: true }).stdout) as { familyConflicts: unknown };
    expect(json.familyConflicts).toEqual([{ file: 'rust/setup.md', key: 'setup', sameLanguageAs: 'python/setup.md' }]);
  });
});
