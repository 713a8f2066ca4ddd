/**
 * Issue 31: a cold start compacts its heap once, before it says `idle` (sync.ts releaseMemory), not
 * also when its big batch ends: a compacting collection of the whole heap was two of a cold
 * start's last steps, each as long as the other, and the second gave back what the first had.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startApp } from '../../src/app.js';
import { configSchema } from '../../src/config/schema.js';
import { parseEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { POOL_THRESHOLD } from '../../src/publish/parse-pool.js';
import { compactHeap } from '../../src/util/heap.js';

vi.mock('../../src/util/heap.js', async (importOriginal) => {
  const heap = await importOriginal<typeof import('../../src/util/heap.js')>();
  return { ...heap, compactHeap: vi.fn(heap.compactHeap) };
});

const READ = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };

describe('a cold start’s compactions', () => {
  it('a big batch (every parse thread) to idle: the heap is compacted once, before `idle`', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notecast-idle-compaction-'));
    const notesDir = path.join(dir, 'notes');
    mkdirSync(notesDir);
    for (let i = 0; i < POOL_THRESHOLD + 50; i++) writeFileSync(path.join(notesDir, `note-${i}-en.md`), `---\ntitle: Note ${i}\n---\n\nNote ${i} has a sentence of its own.\n`);
    const compactions = vi.mocked(compactHeap);
    compactions.mockClear();
    let atIdle: number | undefined;
    let idle!: () => void;
    const idled = new Promise<void>((resolve) => (idle = resolve));
    const app = await startApp({
      config: configSchema.parse({ log: { level: 'warn' } }),
      env: parseEnv({}),
      read: READ,
      notesDir,
      dbPath: path.join(dir, 'state', 'notecast.db'),
      log: silentLogger(),
      out: () => undefined,
      json: true,
      onIdle: () => {
        atIdle ??= compactions.mock.calls.length;
        idle();
      },
    });
    await idled;
    await app.stop();
    expect(atIdle).toBe(1);
  });
});
