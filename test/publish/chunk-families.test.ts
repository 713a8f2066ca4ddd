/**
 * Issue 31: deciding a chunk of a batch (`translations: group`) reads the chunk's families from the
 * store in one query (store/family-rows.ts), not one `familyNotes` query per note; the families
 * notes join are the same: a note of a language its family already holds, in the store or earlier
 * in the chunk, is announced on its own.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempPublisher } from '../helpers/publisher.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});

const note = (lang: string, title: string) => `---\ntitle: ${title}\nlang: ${lang}\ntranslationKey: setup\n---\n\nHow to set ${title} up, step by step.\n`;

function write(notes: string, files: Record<string, string>): string[] {
  return Object.entries(files).map(([rel, lang]) => {
    const abs = path.join(notes, rel);
    writeFileSync(abs, note(lang, rel));
    return abs;
  });
}

describe("a chunk's families are read once", () => {
  it('a first run asks the store for no family note by note; the keys are as before', async () => {
    const t = tempPublisher('chunk-families', { routes: [{ platform: 'console', chat: 'c1' }], publish: { translations: { graceMs: 0 } } });
    cleanups.push(t.close);
    const perNote = vi.spyOn(t.store, 'familyNotes');
    const files = write(t.notes, { 'a.md': 'en', 'b.md': 'ja', 'c.md': 'en' });
    const r = await t.publisher.processBatch({ changed: files, removed: [] }, { firstRun: true });
    expect(r).toMatchObject({ parsed: 3, errors: 0 });
    expect(perNote).not.toHaveBeenCalled();
    const keyOf = (id: string) => t.store.getNote(id)?.info.translationKey;
    // `c` is the second English note of `setup`: one family holds `a`, the other `b` and `c`. Read together in one
    // folder, the translation joins the note read beside it (family-folder.ts, tester 34 F8; said by `check`): which
    // English note it pairs with is the folder rule's, no longer the first's; the family is named after that note, as it
    // is when the translation is read after it (issue 25, family-batching-property.test.ts).
    expect(['a', 'b', 'c'].map(keyOf)).toEqual(['setup', 'setup#c', 'setup#c']);

    // A later batch: the family's members are in the store now, read with the chunk.
    perNote.mockClear();
    const more = write(t.notes, { 'd.md': 'ja', 'e.md': 'fr' });
    await t.publisher.processBatch({ changed: more, removed: [] });
    expect(['d', 'e'].map(keyOf)).toEqual(['setup', 'setup']); // `setup` has no Japanese note: `d` joins it
    // The key's families are read once for the batch (to choose by folder, family-key.ts) and the one it announced
    // once more to post it (family-outbox.ts): one call per family, never one per note.
    expect(new Set(perNote.mock.calls.map(([key]) => key))).toEqual(new Set(['setup', 'setup#c']));
  });
});
