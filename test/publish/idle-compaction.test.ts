/**
 * Issue 31: a cold start compacts its heap once, before it says `idle` (sync.ts releaseMemory), not
 * also when its big batch ends: a compacting collection of the whole heap was two of a cold
 * start's last steps, each as long as the other, and the second gave back what the first had.
 */
import { describe, expect, it, vi } from 'vitest';
import { POOL_THRESHOLD } from '../../src/publish/parse-pool.js';
import { compactHeap } from '../../src/util/heap.js';
import { coldStartToIdle } from '../helpers/cold-start.js';

vi.mock('../../src/util/heap.js', async (importOriginal) => {
  const heap = await importOriginal<typeof import('../../src/util/heap.js')>();
  return { ...heap, compactHeap: vi.fn(heap.compactHeap) };
});

describe('a cold start’s compactions', () => {
  it('a big batch (every parse thread) to idle: the heap is compacted once, before `idle`', { timeout: 60_000 }, async () => {
    const compactions = vi.mocked(compactHeap);
    compactions.mockClear();
    let atIdle: number | undefined;
    await coldStartToIdle({
      prefix: 'notecast-idle-compaction-',
      notes: POOL_THRESHOLD + 50,
      body: (i) => `Note ${i} has a sentence of its own.`,
      atIdle: () => (atIdle ??= compactions.mock.calls.length),
    });
    expect(atIdle).toBe(1);
  });
});
