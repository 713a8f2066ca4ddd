/** Issue 25 (C/H): `preview` and `check` decide families as `start` does: a draft holds no language's place. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { assignFamilyKey, familyKeysAmong, newClaims } from '../../src/publish/family-key.js';
import { storeFamilyReads } from '../../src/publish/family-reads.js';
import { Store } from '../../src/store/store.js';
import type { NoteRow } from '../../src/store/types.js';
import { tempFolder } from '../helpers/temp-folder.js';

describe('familyKeysAmong', () => {
  it('a draft read first does not push a published note of its language out of the family', () => {
    const { keyOf, conflicts } = familyKeysAmong([
      { id: 'setup', file: 'setup.md', lang: 'en', translationKey: 'setup', draft: true },
      { id: 'a/setup', file: 'a/setup.md', lang: 'en', translationKey: 'setup', draft: false },
      { id: 'setup-ja', file: 'setup-ja.md', lang: 'ja', translationKey: 'setup', draft: false },
    ]);
    expect(keyOf.get('a/setup')).toBe('setup');
    expect(keyOf.get('setup-ja')).toBe('setup');
    expect(conflicts).toEqual([]);
  });
  it('a third note of one language is, like the second, announced on its own', () => {
    const { keyOf, conflicts } = familyKeysAmong(['a', 'b', 'c'].map((d) => ({ id: `${d}/x`, file: `${d}/x.md`, lang: 'en', translationKey: 'x', draft: false })));
    expect([...keyOf.values()]).toEqual(['x', 'x#b/x', 'x#c/x']);
    expect(conflicts.map((c) => [c.holder.id, c.other.id])).toEqual([['a/x', 'b/x'], ['a/x', 'c/x']]);
  });
});

/**
 * Issue 25 (C): `start` (assignFamilyKey, one chunk of a first run on an empty store) and
 * `preview`/`check` (familyKeysAmong) give every published note the same family on any set of
 * notes: same file names in several folders, shared keys, two languages, drafts anywhere.
 */
describe('start and preview decide families alike', () => {
  const noteArb = fc.record({ dir: fc.constantFrom('', 'a/', 'b/'), name: fc.constantFrom('x', 'y'), lang: fc.constantFrom('en', 'ja'), key: fc.constantFrom(undefined, 'shared'), draft: fc.boolean() });
  it('on generated note sets', () => {
    const dir = tempFolder('notecast-family-keys-');
    // An empty store, as on a first run: assignFamilyKey only reads it, so one serves every run.
    const store = new Store(path.join(dir, 'state.db'));
    try {
      fc.assert(
        fc.property(fc.uniqueArray(noteArb, { selector: (n) => `${n.dir}${n.name}-${n.lang}`, maxLength: 8 }), (set) => {
          const notes = set.map((n) => ({ id: `${n.dir}${n.name}-${n.lang}`, file: `${n.dir}${n.name}-${n.lang}.md`, lang: n.lang, translationKey: n.key ?? n.name, draft: n.draft }));
          // As the publisher gives them: the chunk's notes as read (a translation's siblings in its folder, family-folder.ts).
          const claims = newClaims(undefined, undefined, new Map(notes.map((n) => [n.id, { translationKey: n.translationKey, lang: n.lang }])));
          const started = notes.map((n) => assignFamilyKey(storeFamilyReads(store), row(n), undefined, claims, silentLogger()).info.translationKey);
          const { keyOf } = familyKeysAmong(notes);
          notes.forEach((n, i) => {
            if (!n.draft) expect(started[i], `${n.id} among ${JSON.stringify(notes)}`).toBe(keyOf.get(n.id));
          });
        }),
        { seed: 25, numRuns: 200 },
      );
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function row(n: { id: string; file: string; lang: string; translationKey: string; draft: boolean }): NoteRow {
  const info = { file: n.file, title: n.id, lang: n.lang, locale: n.lang, tags: [], translationKey: n.translationKey, draft: n.draft };
  return { id: n.id, file: n.file, hash: n.id, summaryHash: null, state: n.draft ? 'draft' : 'published', dueAt: null, revision: 1, announced: false, info, summary: null, error: null };
}
