/**
 * The lookup index through a batch of many commits (issue 31): FTS5's automatic merging is off
 * while the batch runs, on again after it with the batch's segments merged, and every note is still
 * found; a process killed in a batch leaves the setting off in the database, and the next open for
 * writing turns it on again.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteSearch } from '../../src/search/index.js';
import { Store } from '../../src/store/store.js';
import type { NoteInfo, NoteRow } from '../../src/store/types.js';
import { filePublishers } from '../helpers/publisher.js';
import { tempFolder } from '../helpers/temp-folder.js';

const TABLES = ['note_titles', 'note_words'] as const;
/** What the database says of each table's automerge (undefined: never set, FTS5's default of 4). */
const automerge = (store: Store) => TABLES.map((t) => (store.db.prepare(`SELECT v FROM ${t}_config WHERE k = 'automerge'`).get() as { v: number } | undefined)?.v);
/** Segments of a table's index: a data row's id holds its segment's id above bit 37 (fts5_index.c, FTS5_SEGMENT_ROWID); ids 1 and 10 are the averages and structure records. */
const segments = (store: Store, t: string) => (store.db.prepare(`SELECT count(DISTINCT rowid >> 37) AS n FROM ${t}_data WHERE rowid > 10`).get() as { n: number }).n;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function note(i: number): NoteRow {
  const info: NoteInfo = { title: `Note ${i} word${i}`, file: `n${i}.md`, lang: 'en', locale: 'en', tags: [], translationKey: `n${i}`, draft: false };
  return { id: `n${i}`, file: `n${i}.md`, hash: `h${i}`, summaryHash: null, state: 'published', dueAt: null, revision: 0, announced: false, info, summary: null, error: null };
}

describe('FTS5 merges through a batch', () => {
  it('are off while a batch runs, on again after it (the last of two at once), with its segments merged', () => {
    const store = new Store(':memory:');
    const batch = store.indexMerges.defer();
    const other = store.indexMerges.defer();
    expect(automerge(store)).toEqual([0, 0]);
    for (let from = 0; from < 1200; from += 100) store.transaction(() => {
      for (let i = from; i < from + 100; i++) store.putNote(note(i), { title: `Note ${i} word${i}`, tags: '', grams: '', words: `word${i}x shared body text ${i % 7}` });
    });
    const before = TABLES.map((t) => segments(store, t));
    batch.end();
    batch.end(); // twice: counted once
    expect(automerge(store)).toEqual([0, 0]);
    other.end();
    expect(automerge(store)).toEqual([4, 4]);
    const after = TABLES.map((t) => segments(store, t));
    for (const [i, n] of after.entries()) expect(n, `${TABLES[i]}: ${before[i]} segments before the merge`).toBeLessThan(before[i]!);
    const search = new NoteSearch(store);
    for (let i = 0; i < 1200; i += 37) expect(search.search(`word${i}x`, { limit: 3, deep: true }).map((r) => r.id), `word${i}x`).toEqual([`n${i}`]);
    store.close();
  });

  it('are turned on again when the store is opened after a process stopped in a batch', () => {
    const dir = tempFolder('notecast-fts-');
    dirs.push(dir);
    const file = path.join(dir, 'state.db');
    const killed = new Store(file);
    for (const t of TABLES) killed.db.prepare(`INSERT INTO ${t}(${t}, rank) VALUES ('automerge', 0)`).run(); // as a batch's start left it: the process is gone
    expect(automerge(killed)).toEqual([0, 0]);
    killed.close();
    const reader = new Store(file, { readOnly: true });
    expect(automerge(reader)).toEqual([0, 0]); // a reader writes nothing
    reader.close();
    const next = new Store(file);
    expect(automerge(next)).toEqual([4, 4]);
    next.close();
  });
});

const publishers = filePublishers('fts-batch');

describe('a start-up batch of many notes', () => {
  it('commits with automatic merging off, leaves it on, and every note is found', async () => {
    const seen: (number | undefined)[][] = [];
    const t = publishers({ routes: [{ platform: 'console', chat: 'c1' }] }, {
      watchStore: (store) => {
        const transaction = store.transaction.bind(store);
        store.transaction = (fn) => (seen.push(automerge(store)), transaction(fn));
      },
    });
    const files = Array.from({ length: 1100 }, (_, i) => {
      const f = path.join(t.notes, `note-${i}.md`);
      writeFileSync(f, `---\ntitle: Entry ${i} marker${i}x\n---\nBody of entry ${i}, about topic${i % 13}.\n`);
      return f;
    });
    await t.publisher.processBatch({ changed: files, removed: [] }, { firstRun: true });
    expect(seen.length).toBeGreaterThan(2); // a transaction a chunk of 500
    expect(seen.every((v) => v[0] === 0 && v[1] === 0), JSON.stringify(seen)).toBe(true);
    expect(automerge(t.store)).toEqual([4, 4]);
    const search = new NoteSearch(t.store);
    for (let i = 0; i < 1100; i += 53) expect(search.search(`marker${i}x`, { limit: 3 }).map((r) => r.title), `marker${i}x`).toEqual([`Entry ${i} marker${i}x`]);
  });
});
