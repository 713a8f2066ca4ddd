/**
 * Tester round (f25e), the lookup's side: an asker without a language (`/latest`, a search with no
 * `lang`) is shown a family's original, never the member whose path sorts first (`ja/posts/guide`
 * before `posts/guide`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NoteSearch } from '../../src/search/index.js';
import { Store } from '../../src/store/store.js';
import type { NoteRow } from '../../src/store/types.js';

let store: Store | undefined;
afterEach(() => store?.close());

function put(s: Store, id: string, lang: string, original = true): void {
  const info = { file: `${id}.md`, title: `Guide ${lang}`, lang, locale: lang, tags: [], translationKey: 'guide', draft: false, original, date: '2025-01-01T00:00:00.000Z' };
  const row: NoteRow = { id, file: info.file, hash: id, summaryHash: null, state: 'published', dueAt: null, revision: 1, announced: true, info, summary: null, error: null };
  s.putNote(row, { title: info.title, tags: '', grams: '', words: `guide ${lang}` });
}

describe('the member shown to an asker without a language', () => {
  it.each([
    ['posts/guide', 'ja/posts/guide'],
    ['zeta/guide', 'ja/guide'],
    ['docs/guide', 'ja/docs/guide'],
  ])('%s beside %s (neither marked translated): English', (en, ja) => {
    store = new Store(':memory:');
    put(store, en, 'en');
    put(store, ja, 'ja');
    const search = new NoteSearch(store);
    expect(search.latest(1)[0]?.id).toBe(en);
    expect(search.pick([ja, en])?.id).toBe(en);
    expect(search.latest(1, 'ja')[0]?.id).toBe(ja); // an asker's language still decides
    expect(search.memberFor(ja)?.id).toBe(ja); // a note asked for by id is shown itself while it is an original
  });
});
