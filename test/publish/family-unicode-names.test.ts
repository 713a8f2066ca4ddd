/**
 * Issue 25, tester 23-1 F6: macOS writes a file name decomposed (NFD: `e` + U+0301), Linux keeps it as typed
 * (NFC: `é`), so one name reaches the service in either form. `_posts/en/café-guide.md` (NFC) and its translation
 * `_posts/ja/café-guide.md` (NFD) were two families, compared as written: two announcements in a chat with no
 * language filter (README, Translations: one announcement per chat). Every place a name is compared or keyed reads
 * it in one normal form: the family key (from the file name or `translationKey`), a rename's name and title, a
 * route's path glob and tags.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { matchesFilter } from '../../src/notes/filter.js';
import { noteInfo } from '../../src/notes/info.js';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { matchRenames } from '../../src/publish/rename-match.js';
import { bodySketch } from '../../src/notes/body-sketch.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();
const NFC = 'café-guide'.normalize('NFC');
const NFD = 'café-guide'.normalize('NFD');
const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };
const text = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nHow to pick a good cafe for working, with a checklist of seats, sockets and noise.\n`;
const read = (rel: string, title = 'T', extra = '') => parseNote(rel, Buffer.from(text(title, extra)), opts);

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

describe('a name in NFC and in NFD is one name (issue 25, F6)', () => {
  it('the forms differ as strings (the premise)', () => {
    expect(NFC).not.toBe(NFD);
  });

  it.each([
    ['file names', `_posts/en/${NFC}.md`, '', `_posts/ja/${NFD}.md`, ''],
    ['translationKey', '_posts/en/a.md', `translationKey: ${NFC}\n`, '_posts/ja/b.md', `translationKey: ${NFD}\n`],
  ])('%s: a note and its translation share one family key', (_what, enRel, enFm, jaRel, jaFm) => {
    const en = read(enRel, 'T', enFm).note, ja = read(jaRel, 'T', jaFm).note;
    expect(ja.translationKey).toBe(en.translationKey);
  });

  it('a rename is found by its name and by its title in either form', () => {
    const gone = read(`notes/${NFC}.md`, 'Café guide'.normalize('NFC'));
    const came = read(`notes/moved/${NFD}.md`, 'Café guide'.normalize('NFD'));
    const body = bodySketch(gone.note.body);
    const { matches } = matchRenames(
      [{ rel: gone.note.file, id: gone.note.id, info: { ...noteInfo(gone.note), body } }],
      [{ rel: came.note.file, note: came.note, body }],
    );
    expect(matches.map((m) => m.by.sort())).toEqual([['name', 'title']]);
  });

  it('a route path glob and a tag match in either form', () => {
    const info = noteInfo(read(`notes/${NFD}/x.md`, 'T', `tags: [${NFD}]\n`).note);
    expect(matchesFilter({ path: `notes/${NFC}/**` }, info)).toBe(true);
    expect(matchesFilter({ tags: [NFC] }, info)).toBe(true);
  });

  it('the service posts a translation written in NFD to the family of its NFC original: one post in a chat of any language', { timeout: 60_000 }, async () => {
    const s = (svc = InProcessService.sandbox({
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { onDelete: 'keep', translations: { mode: 'group', graceMs: 300 }, digest: { threshold: 1000, windowMs: 120 } },
      routes: [
        { platform: 'console', chat: 'all' },
        { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
      ],
    }, { parseThreads }));
    for (const dir of ['_posts/en', '_posts/ja']) mkdirSync(path.join(s.notes, dir), { recursive: true });
    await s.start();
    const en = `_posts/en/${NFC}.md`, ja = `_posts/ja/${NFD}.md`;
    writeFileSync(path.join(s.notes, en), text('Cafe guide'));
    writeFileSync(path.join(s.notes, ja), text('カフェガイド', 'translated: true\n'));
    await s.settle([en, ja]);
    expect(s.sent('all', 'post')).toHaveLength(1);
    expect(s.sent('ja', 'post').map((e) => e.text.split('\n')[0])).toEqual(['カフェガイド']);
    expect(s.live('all')).toHaveLength(1);
    expect(s.anomalies).toEqual([]);
  });
});
