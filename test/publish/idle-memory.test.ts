/**
 * Issue 31: after a cold start the service says `idle` with its memory given back, not 30–60 s
 * later when V8's memory reducer runs. The service runs in this process (startApp, as
 * `start --json` wires it), so its heap is this test's: the heap is read in the `idle` callback
 * itself, before anything else runs.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { configSchema } from '../../src/config/schema.js';
import { parseEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { POOL_THRESHOLD } from '../../src/publish/parse-pool.js';
import { Store } from '../../src/store/store.js';

/** Bytes of the old generation that hold nothing live: what a compaction gives back. */
function oldSpaceFree(): number {
  const old = getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!;
  return old.space_size - old.space_used_size;
}

/**
 * Old-generation pages each left holding a few live objects among dead ones, as a batch leaves
 * them (a note's record kept, its text and parse dropped). A plain full collection keeps every
 * such page; only a compaction empties them.
 */
function fragmentOldSpace(): object[] {
  let all: { i: number; s: string }[] | undefined = Array.from({ length: 400_000 }, (_, i) => ({ i, s: `object ${i} of a batch` }));
  // Survives young collections until promoted to the old generation.
  for (let round = 0; round < 8; round++) Array.from({ length: 200_000 }, (_, i) => ({ round, i }));
  const kept = all.filter((_, i) => i % 16 === 0);
  all = undefined;
  return kept;
}

async function coldStart(notes: number): Promise<{ freeAtIdle: number; kept: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'notecast-idle-memory-'));
  const notesDir = path.join(dir, 'notes');
  mkdirSync(notesDir);
  for (let i = 0; i < notes; i++) writeFileSync(path.join(notesDir, `note-${i}-en.md`), `---\ntitle: Note ${i}\n---\n\nNote ${i} has a sentence of its own, and [a link](https://ex.org/${i}).\n`);
  const kept = fragmentOldSpace();
  let freeAtIdle: number | undefined;
  let idle!: () => void;
  const idled = new Promise<void>((resolve) => (idle = resolve));
  const app: RunningApp = await startApp({
    config: configSchema.parse({ log: { level: 'warn' } }),
    env: parseEnv({}),
    read: { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } },
    notesDir,
    dbPath: path.join(dir, 'state', 'notecast.db'),
    log: silentLogger(),
    out: () => undefined,
    json: true,
    onIdle: () => {
      freeAtIdle ??= oldSpaceFree();
      idle();
    },
  });
  await idled;
  await app.stop();
  return { freeAtIdle: freeAtIdle!, kept: kept.length };
}

describe('memory when a cold start goes idle', () => {
  it('a big batch (every parse thread) leaves the old generation compacted when the service says idle', { timeout: 60_000 }, async () => {
    const { freeAtIdle, kept } = await coldStart(POOL_THRESHOLD + 50);
    expect(kept).toBe(25_000); // the fragmenting objects were alive at idle
    // Without the compaction the pages the batch left sparse stay: tens of MiB free inside the old generation.
    expect(freeAtIdle).toBeLessThan(4 * 2 ** 20);
  });

  it('the store keeps at most 4 MB of SQLite pages in memory (better-sqlite3 builds SQLite with 16)', () => {
    const store = new Store(path.join(mkdtempSync(path.join(tmpdir(), 'notecast-cache-')), 'state.db'));
    try {
      expect(store.db.pragma('cache_size', { simple: true })).toBe(-4000);
    } finally {
      store.close();
    }
  });
});
