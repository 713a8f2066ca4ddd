/**
 * Issue 24: opening a database is part of every start. A fresh one gets its whole schema in one
 * commit (not one a migration, each rewriting the schema pages), so the write-ahead log holds each
 * page it wrote once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';

describe('opening a fresh database', () => {
  it('writes the whole schema in one commit: no page twice in the log', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'notecast-fresh-')), 'state.db');
    const store = new Store(file);
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
