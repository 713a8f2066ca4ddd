/**
 * The empty database a property's runs start from (test/helpers/empty-store.ts) is the one a service's first open
 * makes: same schema, version, journal mode and rows, a file of its own each time.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, SCHEMA_VERSIONS, type Db } from '../../src/store/db.js';
import { seedEmptyStore } from '../helpers/empty-store.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dir = tempFolder('notecast-empty-store-test-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function described(db: Db) {
  const schema = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string }[];
  const rows = Object.fromEntries(schema.filter((s) => s.type === 'table').map((t) => [t.name, (db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
  return { schema, rows, version: db.pragma('user_version', { simple: true }), journal: db.pragma('journal_mode', { simple: true }) };
}

describe('seedEmptyStore', () => {
  it('puts the database a first open makes: the same schema, version, journal mode and rows', () => {
    const fresh = openDb(path.join(dir, 'fresh', 'n.db'));
    const seededFile = path.join(dir, 'seeded', 'state', 'n.db');
    seedEmptyStore(seededFile);
    const seeded = openDb(seededFile);
    try {
      const want = described(fresh);
      expect(want.schema.length).toBeGreaterThan(5);
      expect(want.version).toBe(SCHEMA_VERSIONS);
      expect(want.journal).toBe('wal');
      // No row of the service's own (the full-text indexes' shadow tables hold their configuration from the start).
      expect([want.rows.meta, want.rows.notes, want.rows.outbox]).toEqual([0, 0, 0]);
      expect(described(seeded)).toEqual(want);
    } finally {
      fresh.close();
      seeded.close();
    }
  });

  it('gives each run a file of its own: what one run writes is not in the next one', () => {
    const first = path.join(dir, 'run1', 'n.db');
    const second = path.join(dir, 'run2', 'n.db');
    seedEmptyStore(first);
    const db = openDb(first);
    db.prepare("INSERT INTO meta (key, value) VALUES ('initialized', '1')").run();
    db.close();
    seedEmptyStore(second);
    const next = openDb(second);
    try {
      expect(next.prepare("SELECT COUNT(*) AS n FROM meta").get()).toEqual({ n: 0 });
    } finally {
      next.close();
    }
  });

  it('never writes over a database already there', () => {
    const file = path.join(dir, 'taken', 'n.db');
    seedEmptyStore(file);
    expect(() => seedEmptyStore(file)).toThrow(/already/);
  });
});
