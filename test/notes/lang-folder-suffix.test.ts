/**
 * Issue 25 (outside tester, round 15, finding R): a slug ending in a language code
 * (`_posts/en/2025-11-07-what-is-it.md`) was read as that language, overriding the folder, and
 * `check` said nothing; `…-tr.md` under `en/` and `ja/` made both Turkish, two notes in one
 * language. The language folder decides where both are there and disagree (front matter `lang`
 * over both), the suffix then stays part of the slug and of the family key, and `check` warns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { runCheck } from '../../src/cli/preview.js';
import { corpusReadOptions } from '../helpers/corpus.js';
import { InProcessService } from '../helpers/inproc.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

const opts: ReadOptions = { ...corpusReadOptions(), defaultLang: 'en' };
const text = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nAbout ${title}, in a few words.\n`;
const read = (rel: string, extra = '') => parseNote(rel, Buffer.from(text('T', extra)), opts).note;

describe('a file-name language suffix against a language folder', () => {
  it.each([
    // [path, front matter, language, family key]
    ['_posts/en/2025-11-07-what-is-it.md', '', 'en', '2025-11-07-what-is-it'],
    ['_posts/ja/2025-11-07-what-is-it.md', '', 'ja', '2025-11-07-what-is-it'],
    ['_posts/ja/2025-11-07-soup-ja.md', '', 'ja', '2025-11-07-soup'],
    ['_posts/hant/guide-zh.md', '', 'hant', 'guide'],
    ['notes/guide-ja.md', '', 'ja', 'guide'],
    ['notes/guide.md', '', 'en', 'guide'],
    ['_posts/en/guide-it.md', 'lang: it\n', 'it', 'guide'],
    ['_posts/ja/guide-ja.md', 'lang: en\n', 'en', 'guide-ja'],
  ])('%s %s is read as %s in family %s', (rel, extra, lang, key) => {
    const note = read(rel, extra);
    expect(note.lang).toBe(lang);
    expect(note.translationKey).toBe(key);
  });

  it('check warns of the disagreement, naming the file, and not where front matter says the language', async () => {
    const notes = path.join(tempFolder('notecast-langsuffix-'), 'notes');
    mkdirSync(path.join(notes, '_posts', 'en'), { recursive: true });
    writeFileSync(path.join(notes, '_posts', 'en', '2025-11-07-what-is-it.md'), text('What is it'));
    writeFileSync(path.join(notes, '_posts', 'en', '2025-11-08-ciao-it.md'), text('Ciao', 'lang: it\n'));
    writeFileSync(path.join(notes, '_posts', 'en', '2025-11-09-plain-en.md'), text('Plain'));
    const out: string[] = [];
    const err: string[] = [];
    expect(await runCheck(notes, {}, { out: (l) => out.push(l), err: (l) => err.push(l) }, workerParseThreads())).toBe(0);
    expect(out).toEqual([
      `${path.join(notes, '_posts', 'en', '2025-11-07-what-is-it.md')}: warning: its name ends in "-it" (Italiano) but it is in the language folder "en": read as English, with "-it" part of its name and translation key; set \`lang:\` in its front matter if it is not`,
    ]);
    expect(err).toEqual(['3 notes checked, 0 problems, 1 warning']);
  });
});

describe('start: an en and a ja post whose slug ends in another language code', () => {
  let svc: InProcessService | undefined;
  afterEach(async () => {
    await svc?.stop();
    svc = undefined;
  });

  it('are one family, each reaching the chats of its folder language', { timeout: 60_000 }, async () => {
    svc = InProcessService.sandbox({
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000 } },
      routes: [
        { platform: 'console', chat: 'all' },
        { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
        { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
        { platform: 'console', chat: 'tr', filter: { lang: ['tr'] } },
      ],
    });
    await svc.start();
    const files = ['_posts/en/2025-11-07-learn-tr.md', '_posts/ja/2025-11-07-learn-tr.md'];
    for (const f of files) mkdirSync(path.dirname(path.join(svc.notes, f)), { recursive: true });
    writeFileSync(path.join(svc.notes, files[0]!), text('Learning Turkish'));
    writeFileSync(path.join(svc.notes, files[1]!), text('トルコ語を学ぶ', 'translated: true\n'));
    await svc.settle(files);
    await svc.stop();
    expect(svc.sent('all', 'post').map((e) => e.family)).toEqual(['2025-11-07-learn-tr']);
    expect(svc.sent('en', 'post').map((e) => e.noteId)).toEqual(['_posts/en/2025-11-07-learn-tr']);
    expect(svc.sent('ja', 'post').map((e) => e.noteId)).toEqual(['_posts/ja/2025-11-07-learn-tr']);
    expect(svc.sent('tr')).toEqual([]);
  });
});
