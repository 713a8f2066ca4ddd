/**
 * Issue 31: after a cold start the service says `idle` with its memory given back, not 30–60 s
 * later when V8's memory reducer runs. The service runs in this process (startApp, as
 * `start --json` wires it), so its heap is this test's: the heap is read in the `idle` callback
 * itself, before anything else runs.
 */
import path from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { COLD_START_READ, coldStartToIdle } from '../helpers/cold-start.js';
import { openParser, POOL_THRESHOLD } from '../../src/publish/parse-pool.js';
import { Store } from '../../src/store/store.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { tempFolder } from '../helpers/temp-folder.js';

const READ = COLD_START_READ;

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
  const kept = fragmentOldSpace();
  let freeAtIdle: number | undefined;
  await coldStartToIdle({
    prefix: 'notecast-idle-memory-',
    notes,
    body: (i) => `Note ${i} has a sentence of its own, and [a link](https://ex.org/${i}).`,
    atIdle: () => (freeAtIdle ??= oldSpaceFree()),
  });
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
    const store = new Store(path.join(tempFolder('notecast-cache-'), 'state.db'));
    try {
      expect(store.db.pragma('cache_size', { simple: true })).toBe(-4000);
    } finally {
      store.close();
    }
  });
});

/** A batch's chunks in a worker: each chunk's results die when the next comes (`start` in scope). */
const CHUNK_LOOP = `
    let held = [];
    let peak = start;
    for (let chunk = 0; chunk < 14; chunk++) {
      const results = Array.from({ length: 30000 }, (_, i) => ({ chunk, i, s: 'result ' + chunk + ' ' + i, a: [i, chunk] }));
      for (let k = 0; k < 4; k++) Array.from({ length: 30000 }, (_, i) => ({ k, i }));
      held = results;
      await new Promise((r) => setImmediate(r));
      peak = Math.max(peak, getHeapStatistics().total_heap_size);
    }
`;

/**
 * What a batch read in chunks does to a heap: each chunk's results live long enough to be promoted
 * to the old generation (young garbage is made meanwhile, as parsing and committing make it) and
 * die there when the next chunk comes, over a live set. Posts how far the heap's total size rose.
 * Run on a fresh thread (its own V8 heap, sized as the main thread's), so two runs start alike.
 */
const CHUNKED_BATCH = `
  const { getHeapStatistics } = require('node:v8');
  const { parentPort } = require('node:worker_threads');
  (async () => {
    const start = getHeapStatistics().total_heap_size;
    const live = Array.from({ length: 200000 }, (_, i) => ({ i, s: 'kept ' + i }));
${CHUNK_LOOP}    parentPort.postMessage({ rise: peak - start, alive: live.length + held.length });
  })();
`;

async function chunkedBatchHeapRise(): Promise<number> {
  const w = new Worker(CHUNKED_BATCH, { eval: true });
  try {
    const { rise, alive } = await new Promise<{ rise: number; alive: number }>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    expect(alive).toBe(230_000); // both sets were alive to the end
    return rise;
  } finally {
    await w.terminate();
  }
}

describe('memory while a big batch runs', () => {
  it('a big batch keeps the heap near what it holds, from its first parse until it ends: dead chunks do not pile up to V8s default 4x', { timeout: 120_000 }, async () => {
    const parser = openParser({ read: READ, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 10_000 });
    try {
      const notes = Array.from({ length: POOL_THRESHOLD }, (_, i) => ({ rel: `n${i}-en.md`, text: `---\ntitle: Note ${i}\n---\n\nNote ${i} says one thing.\n` }));
      expect((await parser.parse(notes)).every((r) => r.ok)).toBe(true);
      const during = await chunkedBatchHeapRise();
      await parser.endBatch();
      const after = await chunkedBatchHeapRise();
      // Measured on 2 cores: 129 MiB after the batch (V8's own factor: no full collection yet), 74-78 during it (a cold start of 35,000 notes: 170 MiB of main-thread heap, 88 bounded).
      expect(during).toBeLessThan(after * 0.75);
    } finally {
      await parser.close();
    }
  });
});

/**
 * The same batch on a fresh thread whose heap had a full collection at V8's own factor first (the
 * start-up scan's, before the batch), with the bound taken by that thread (the built
 * `boundHeapGrowth`: the thread's heap is the one it must act on) or not. Posts the heap's rise.
 */
const BATCH_AFTER_SCAN = `
  const { getHeapStatistics, setFlagsFromString } = require('node:v8');
  const { runInNewContext } = require('node:vm');
  const { parentPort, workerData } = require('node:worker_threads');
  (async () => {
    const heap = await import(workerData.heapModule);
    const live = Array.from({ length: 200000 }, (_, i) => ({ i, s: 'kept ' + i }));
    setFlagsFromString('--expose-gc');
    runInNewContext('gc')();
    const start = getHeapStatistics().total_heap_size;
    const release = workerData.bound ? heap.boundHeapGrowth() : () => undefined;
${CHUNK_LOOP}    release();
    parentPort.postMessage({ rise: peak - start, alive: live.length + held.length });
  })();
`;

async function batchAfterScanRise(bound: boolean): Promise<number> {
  const heapModule = new URL('../../dist/src/util/heap.js', import.meta.url).href;
  const w = new Worker(BATCH_AFTER_SCAN, { eval: true, workerData: { heapModule, bound } });
  try {
    const { rise, alive } = await new Promise<{ rise: number; alive: number }>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    expect(alive).toBe(230_000);
    return rise;
  } finally {
    await w.terminate();
  }
}

describe('memory while a big batch runs, after an earlier full collection', () => {
  it('the bound holds from the batch s first chunk, not from V8s next full collection', { timeout: 120_000 }, async () => {
    const unbound = await batchAfterScanRise(false);
    const bounded = await batchAfterScanRise(true);
    // Measured on 2 cores: 50-64 MiB unbound; bounded 63 when the flag waited for V8's next full
    // collection, 23-34 with one made at once (100,000 notes: the main thread's heap reached 152 MiB
    // committed at the cold start's peak, 35 s in, before its first collection under the flag).
    expect(bounded).toBeLessThan(unbound * 0.75);
  });
});
