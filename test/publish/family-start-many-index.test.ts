/**
 * `start` (assignFamilyKey, one chunk of a first run) over notes all named `<dir>/index.md` (one
 * written key "index", one language). Each note after the first is announced on its own; keyFamilies then lists every
 * family the key names so far (claims.ownKeys) and reads each one's members from the store (reads.members), so the
 * n-th note made n store reads: n² in all, at every start that reads them as new (review rv-4 R2). Each family is now
 * read once per chunk, and the reads are counted (never timed: the machine's load would make a timing flaky).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { assignFamilyKey, newClaims } from '../../src/publish/family-key.js';
import { storeFamilyReads } from '../../src/publish/family-reads.js';
import { Store } from '../../src/store/store.js';
import type { NoteRow } from '../../src/store/types.js';
import { tempFolder } from '../helpers/temp-folder.js';

function row(id: string): NoteRow {
  const info = { file: `${id}.md`, title: id, lang: 'en', locale: 'en', tags: [], translationKey: 'index', draft: false };
  return { id, file: `${id}.md`, hash: id, summaryHash: null, state: 'published', dueAt: null, revision: 1, announced: false, info, summary: null, error: null };
}

describe('start over thousands of same-named notes (review rv-4 R2)', () => {
  it('1000 `*/index.md` notes of one chunk: store reads grow linearly, not n²', { timeout: 120_000 }, () => {
    const dir = tempFolder('notecast-rv4-');
    const store = new Store(path.join(dir, 'state.db'));
    try {
      const n = 1000;
      const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(5, '0')}/index`);
      const claims = newClaims(undefined, undefined, new Map(ids.map((id) => [id, { translationKey: 'index', lang: 'en' }])));
      const base = storeFamilyReads(store);
      let memberReads = 0;
      const reads = { ...base, members: (k: string) => (memberReads++, base.members(k)) };
      const t = performance.now();
      for (const id of ids) assignFamilyKey(reads, row(id), undefined, claims, silentLogger());
      const ms = performance.now() - t;
      console.log(`assignFamilyKey: ${n} notes, ${memberReads} member reads, ${Math.round(ms)} ms`);
      expect(memberReads).toBeLessThan(2 * n); // at most one read per family of the key (999 here)
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
