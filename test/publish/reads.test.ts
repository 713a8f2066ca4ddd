/**
 * One read per note (issue 24): a save of a known note reads its file's entry once (is it
 * changed?) and its record once, in the stretch that writes it; the write does not look it up
 * again. Counted at the store's statements, the publisher and a real store in this process.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJob } from '../../src/publish/parse-here.js';
import type { Store } from '../../src/store/store.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { tempPublisher, testReadOptions } from '../helpers/publisher.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setUp() {
  const statements: string[] = [];
  const watchStore = (store: Store) => {
    const sql = store.sql;
    // Every statement the store runs goes through `sql` (prepared once, asked each time).
    (store as { sql: typeof sql }).sql = (text) => {
      statements.push(text.replace(/\s+/g, ' '));
      return sql(text);
    };
  };
  const { notes, store, publisher, close } = tempPublisher('reads', { routes: [{ platform: 'console', chat: 'c1' }], publish: { translations: { mode: 'separate' } } }, { watchStore });
  cleanups.push(close);
  return { notes, store, publisher, statements };
}

/** Reads of one note's row: by its file or its id (the lookup index's and the outbox's queries aside). */
const rowReads = (statements: string[]) => statements.filter((s) => /^SELECT .* FROM notes WHERE (id|file) = \?$/.test(s));

describe('a save reads its note once', () => {
  it('an edit of a known note: its file entry once, its record once, and no look-up at the write', async () => {
    const { notes, store, publisher, statements } = setUp();
    const file = path.join(notes, 'a.md');
    writeFileSync(file, '---\ntitle: A\n---\n\nThe first version says one thing.\n');
    await publisher.processBatch({ changed: [file], removed: [] });
    expect(store.getNote('a')?.revision).toBe(1);
    writeFileSync(file, '---\ntitle: A\n---\n\nThe second version says another thing.\n');
    statements.length = 0;
    const r = await publisher.processBatch({ changed: [file], removed: [] });
    const reads = rowReads(statements);
    expect(r).toMatchObject({ scanned: 1, parsed: 1, errors: 0 });
    expect(store.getNote('a')).toMatchObject({ revision: 2, state: 'published' });
    expect(reads).toEqual([
      expect.stringMatching(/FROM notes WHERE file = \?$/), // changed? (before the file is read)
      expect.stringMatching(/^SELECT rowid, \* FROM notes WHERE id = \?$/), // the record the write replaces
    ]);
    expect(store.status().outbox).toEqual({ pending: 1 }); // the waiting post took the new content
  });

  it('a removal reads the record once, with its place', async () => {
    const { notes, store, publisher, statements } = setUp();
    const file = path.join(notes, 'b.md');
    writeFileSync(file, '---\ntitle: B\n---\n\nA note about to go.\n');
    await publisher.processBatch({ changed: [file], removed: [] });
    rmSync(file);
    statements.length = 0;
    await publisher.processBatch({ changed: [], removed: [file] });
    publisher.applyRemovals();
    const reads = rowReads(statements).filter((s) => s.includes('WHERE id = ?'));
    expect(store.getNote('b')?.state).toBe('deleted');
    expect(reads).toEqual(['SELECT rowid, * FROM notes WHERE id = ?']);
  });

  it('the text is hashed once: the digest taken where the file was read travels with it to the parse', () => {
    const read = testReadOptions();
    const r = parseJob({ rel: 'c.md', text: '---\ntitle: C\n---\n\nA note.\n', hash: 'digest-from-the-reader' }, read, DEFAULT_SUMMARY_OPTIONS);
    expect(r.ok && r.note.hash).toBe('digest-from-the-reader');
  });
});
