/**
 * Issue 24: opening a database is part of every start. Every pending migration runs in one
 * transaction: a fresh database gets its whole schema in one commit (not one a migration, each
 * rewriting the schema pages), and an upgrade that fails part-way leaves the database as its
 * release left it (docs/operations.md), not at a version in between.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsUpTo, SCHEMA_VERSIONS } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { tempFolder } from '../helpers/temp-folder.js';

const freshFile = () => path.join(tempFolder('notecast-migrations-'), 'state.db');

describe('opening a fresh database', () => {
  it('writes the whole schema in one commit: no page twice in the log', () => {
    const store = new Store(freshFile());
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSIONS);
      const pages = store.db.pragma('page_count', { simple: true }) as number;
      // PASSIVE copies nothing it cannot and reports the frames the log holds (https://sqlite.org/pragma.html#pragma_wal_checkpoint).
      const [checkpoint] = store.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      const log = checkpoint?.log ?? 0;
      expect(log).toBeGreaterThan(0);
      expect(log).toBeLessThanOrEqual(pages);
    } finally {
      store.close();
    }
  });
});

describe('upgrading a database of an earlier release', () => {
  it('a migration failing part-way leaves the database at its version, none of the later ones applied', () => {
    const file = freshFile();
    const raw = new Database(file);
    for (const m of migrationsUpTo(2)) raw.exec(m);
    raw.pragma('user_version = 2');
    // What migration 4 creates, there already: migration 3 (the lookup index) succeeds, 4 fails.
    raw.exec('CREATE TABLE live_pages (url TEXT)');
    raw.close();
    expect(() => new Store(file)).toThrow(/live_pages already exists/);
    const after = new Database(file, { readonly: true });
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(2);
      expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'note_titles'").all()).toEqual([]);
    } finally {
      after.close();
    }
  });
});
