/** Issue 31: `familiesOf` gives each key the notes `Store.familyNotes` gives it, in its order, in one query. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { familiesOf } from '../../src/store/family-rows.js';
import { Store } from '../../src/store/store.js';
import type { NoteRow } from '../../src/store/types.js';
import { tempFolder } from '../helpers/temp-folder.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function row(id: string, key: string, lang: string, state: NoteRow['state'] = 'published'): NoteRow {
  return { id, file: `${id}.md`, hash: id, summaryHash: null, state, dueAt: null, revision: 1, announced: true, info: { file: `${id}.md`, title: id, lang, locale: lang, tags: [], translationKey: key, draft: false }, summary: null, error: null };
}

describe('familiesOf', () => {
  it("each key's notes as familyNotes gives them, any state, by id; a key with none has an empty list", () => {
    const dir = tempFolder('notecast-family-rows-');
    const store = new Store(path.join(dir, 'state.db'));
    cleanups.push(() => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    // Ids whose UTF-16 order is not SQLite's (UTF-8 bytes): U+FF21 sorts before U+1F600 in UTF-8, after it in UTF-16.
    for (const r of [row('z', 'k', 'en'), row('a', 'k', 'ja', 'deleted'), row('m', 'k#m', 'en'), row('b', 'other', 'fr'), row('q', "it's \"quoted\"", 'en'), row('\u{1F600}', 'wide', 'en'), row('\uFF21', 'wide', 'ja')]) store.putNote(r);
    const keys = ['k', 'k#m', 'none', "it's \"quoted\"", 'wide'];
    const got = familiesOf(store.sql, keys);
    expect([...got.keys()]).toEqual(keys);
    for (const key of keys) expect(got.get(key), key).toEqual(store.familyNotes(key));
    expect(got.get('k')!.map((n) => n.id)).toEqual(['a', 'z']);
    expect(got.get('none')).toEqual([]);
    expect(got.get('wide')!.map((n) => n.id)).toEqual(['\uFF21', '\u{1F600}']);
    expect(familiesOf(store.sql, []).size).toBe(0);
  });
});
