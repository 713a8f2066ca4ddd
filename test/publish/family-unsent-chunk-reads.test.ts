/**
 * A first start's chunk (family-unsent.ts unsentFamilies, firstStart): the families each written key of the chunk may
 * take again are looked for in the folders of the chunk's notes of that key. Those folders were gathered by reading the
 * whole chunk once per key: 500 notes of ~300 keys, 150,000 reads a chunk, ~5 % of a 35,000-note cold start's main
 * thread (issue 31). Now one pass. Counted (each note's `translationKey` read), never timed.
 */
import { describe, expect, it } from 'vitest';
import { BatchRecords, storeFamilyReads } from '../../src/publish/family-reads.js';
import { unsentFamilies, type WrittenNote } from '../../src/publish/family-unsent.js';
import { tempStores } from '../helpers/temp-store.js';

const store = tempStores('unsent-chunk');

/** `n` notes of `n` keys in three folders, each counting the reads of its `translationKey`. */
function countedChunk(n: number): { chunk: WrittenNote[]; reads: () => number } {
  let reads = 0;
  const chunk = Array.from({ length: n }, (_, i): WrittenNote => {
    const key = `2020-01-01-note-${i}`;
    return { id: `_posts/f${i % 3}/${key}`, file: `_posts/f${i % 3}/${key}.md`, lang: 'en', get translationKey() { return (reads++, key); } };
  });
  return { chunk, reads: () => reads };
}

describe('a first start chunk\'s unsent families (issue 31)', () => {
  it('reads each note of the chunk a bounded number of times, not once per written key', () => {
    const s = store();
    const n = 400;
    const { chunk, reads } = countedChunk(n);
    const got = unsentFamilies(s, new BatchRecords(storeFamilyReads(s)), chunk, true);
    expect(got.fresh.size).toBe(0); // an empty store: nothing to decide again
    expect(got.stored).toEqual([]);
    // Main read it n + n × (distinct keys) times (160,400 here); one pass reads it once or twice.
    expect(reads()).toBeLessThanOrEqual(3 * n);
  });
});
