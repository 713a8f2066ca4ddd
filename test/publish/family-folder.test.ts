/**
 * Tester 34, F8: `python/setup.md`, `rust/setup.md` (both English, key `setup`: two families, `setup` and
 * `setup#rust/setup`) and `rust/setup-ja.md` (its translation, beside it). The translation joined the first English
 * `setup`, Python's: deleting the Python note (`onDelete: delete`) edited its message into the Rust article's Japanese
 * translation, so a chat without a language showed the Rust article twice. A translation whose key names several
 * families joins the one with a note in its own folder (family-folder.ts), and the start's log and `check` say which
 * family it joined and why. Each test here failed on main 6200d76b.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/preview.js';
import { familyKeysAmong } from '../../src/publish/family-key.js';
import { InProcessService, type ConsoleEvent, fileParseThreads } from '../helpers/inproc.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const PY = 'python/setup.md', RS = 'rust/setup.md', JA = 'rust/setup-ja.md';
const note = (title: string, body: string, lang?: string) => `---\ntitle: ${title}\n${lang ? `lang: ${lang}\n` : ''}---\n\n${body}\n`;
const TEXTS: Record<string, string> = {
  [PY]: note('Python setup', 'Install python with pyenv and venv.'),
  [RS]: note('Rust setup', 'Install rust with rustup and cargo.'),
  [JA]: note('Rust セットアップ', 'rustup と cargo で Rust をインストールします。', 'ja'),
};

/** Messages (by chat and id) posted showing one note and edited later to show another. */
function switched(events: readonly ConsoleEvent[]): string[] {
  const shown = new Map<string, string | null>();
  const out: string[] = [];
  for (const e of events) {
    const k = `${e.target} ${e.messageId}`;
    if (e.event === 'post') shown.set(k, e.noteId);
    else if (e.event === 'edit' && shown.has(k) && shown.get(k) !== e.noteId) out.push(`${k}: posted for ${shown.get(k)}, edited to show ${e.noteId}`);
  }
  return out;
}

const titles = (s: InProcessService, chat: string) => s.live(chat).map((m) => m.text.split('\n')[0]).sort();

describe('a translation beside one of two same-named notes (tester 34, F8)', () => {
  it.each([false, true])('joins the family in its folder; the other deleted, its message is deleted, never turned into the translation (all at once: %s)', { timeout: 60_000 }, async (atOnce) => {
    const s = (svc = InProcessService.sandbox({
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { onDelete: 'delete', translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: 120 } },
      routes: [
        { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
        { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
        { platform: 'console', chat: 'all' },
      ],
    }, { parseThreads }, { warnings: true }));
    for (const d of ['python', 'rust']) mkdirSync(path.join(s.notes, d));
    await s.start();
    for (const batch of atOnce ? [[PY, RS, JA]] : [[PY], [RS], [JA]]) {
      for (const f of batch) writeFileSync(path.join(s.notes, f), TEXTS[f]!);
      await s.settle(batch);
    }
    // Read one by one, the translation joins the Rust note's family; read with it (sorted before it), it starts the family the Rust note joins:
    // under the same key either way, the Rust note's (issue 25: it was setup#rust/setup-ja all at once; family-batching-property.test.ts).
    expect(s.app!.store.getNote('rust/setup')?.info.translationKey).toBe('setup#rust/setup');
    expect(s.app!.store.getNote('rust/setup-ja')?.info.translationKey).toBe('setup#rust/setup');
    // The start's log says which family the translation joined, and why.
    expect(s.warnings).toMatch(atOnce ? /rust\/setup-ja starts the translation family \\"setup#rust\/setup\\".*holds the language of a note beside it/ : /rust\/setup-ja joins the translation family \\"setup#rust\/setup\\".*names 2 families.*same folder/);

    rmSync(path.join(s.notes, PY));
    await s.settle([PY]);
    expect(titles(s, 'all')).toEqual(['Rust setup']);
    expect(titles(s, 'ja')).toEqual(['Rust セットアップ']);
    expect(titles(s, 'en')).toEqual(['Rust setup']);
    expect(switched(s.events)).toEqual([]);
    expect(s.anomalies).toEqual([]);
  });
});

describe('familyKeysAmong: a translation among several families of its key', () => {
  const n = (id: string, lang = 'en') => ({ id, file: `${id}.md`, lang, translationKey: id.split('/').pop()!.replace(/-ja$/, ''), draft: false });

  it('joins the family with a note in its folder, language folders left out, and says so', () => {
    const { keyOf, joins } = familyKeysAmong([n('python/setup'), n('rust/setup'), n('rust/setup-ja', 'ja'), n('docs/x'), n('_posts/en/x'), n('_posts/ja/x', 'ja')]);
    expect(keyOf.get('rust/setup-ja')).toBe('setup#rust/setup');
    expect(keyOf.get('_posts/ja/x')).toBe('x#_posts/en/x');
    expect(joins.map((j) => [j.note.id, j.key, j.choice.reason])).toEqual([['rust/setup-ja', 'setup#rust/setup', 'folder'], ['_posts/ja/x', 'x#_posts/en/x', 'folder']]);
  });

  it('with none in its folder, the key\'s own family as before, said all the same', () => {
    const { keyOf, joins } = familyKeysAmong([n('python/setup'), n('rust/setup'), n('setup-ja', 'ja')]);
    expect(keyOf.get('setup-ja')).toBe('setup');
    expect(joins.map((j) => [j.note.id, j.key, j.choice.reason])).toEqual([['setup-ja', 'setup', 'first']]);
  });

  it('a key naming one family decides nothing new', () => {
    expect(familyKeysAmong([n('python/setup'), n('rust/setup-ja', 'ja')]).keyOf.get('rust/setup-ja')).toBe('setup');
    expect(familyKeysAmong([n('python/setup'), n('rust/setup-ja', 'ja')]).joins).toEqual([]);
  });
});

describe('check names the family a translation joined', () => {
  it('a warning line for the translation, naming the families and why', async () => {
    const dir = tempFolder('notecast-family-folder-');
    const notes = path.join(dir, 'notes');
    for (const [f, text] of Object.entries(TEXTS)) mkdirSync(path.dirname(path.join(notes, f)), { recursive: true }), writeFileSync(path.join(notes, f), text);
    const config = path.join(dir, 'notecast.yml');
    writeFileSync(config, `notes:\n  dir: ${JSON.stringify(notes)}\nroutes:\n  - platform: console\n    chat: all\n`);
    const out: string[] = [], err: string[] = [];
    try {
      expect(await runCheck(notes, { config }, { out: (l) => out.push(l), err: (l) => err.push(l) }, workerParseThreads())).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const at = (f: string) => path.join(notes, f);
    // Read together, rust/setup-ja (sorted first) starts the Rust family, named after rust/setup, which joins it: both said, and no conflict.
    expect(out).toEqual([
      `${at(JA)}: warning: ${at(JA)} starts the translation family "setup#rust/setup": its translation key "setup" names the family setup (${at(PY)}), which holds the language of a note beside it; the notes of its folder join it; give the notes their own translationKey to choose`,
      `${at(RS)}: warning: ${at(RS)} joins the translation family "setup#rust/setup": its translation key "setup" names 2 families setup (${at(PY)}); setup#rust/setup (${at(JA)}) and a note of it is in the same folder; give the notes their own translationKey to choose`,
    ]);
    expect(err).toEqual(['3 notes checked, 0 problems, 2 warnings']);
  });
});
