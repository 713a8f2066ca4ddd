/**
 * The soak: 10 notes to 1,000 Discord channels (10,000 announcements) through the service as a
 * process, against the fake Discord, with a random fault every second from the first post on (250 ms
 * of 429s, 250 ms of 5xx answers, or a gateway drop; the first of each within 3 s, the first storm
 * and burst answering at least FIRST_STORM_ANSWERS requests). Every announcement exactly once, within
 * a bound of time, and memory (after collection) and file descriptors flat. `npm run bench -- soak` runs the same and
 * prints the figures. (Time windows alone met no 429 in a fast run: see bench/soak.ts.)
 */
import { describe, expect, it } from 'vitest';
import { FIRST_STORM_ANSWERS, runSoak, soakFigures } from '../../bench/soak.js';

const CONCURRENCY = 128; // the soak's delivery.concurrency: one socket each at most
/**
 * Half of what a leak of 1 KB per delivery adds (~1 MiB per 1,000: each payload kept, say). Runs with no
 * leak fitted -0.006, 0.028, 0.079, 0.247 (every 1,000) and 0.174 (every 500): channels are reached
 * through the whole run (all 1,000 only past ~8,600 deliveries), each keeping a little state (most likely
 * @discordjs/rest's handler per channel's bucket; not measured apart): a rise of ~2 MiB over the run, so
 * ~0.25 at most. With HEAP_PROBE_LEAK_BYTES=1024
 * (bench/heap-probe.ts) in the environment of `npx vitest run` on this file: 1.212, and the check failed.
 */
const HEAP_MIB_PER_1000 = 0.5;

describe('soak', () => {
  it('delivers 10,000 announcements across 1,000 channels through random faults, once each, with flat memory and fds', async () => {
    const result = await runSoak(10, 1000, 180_000);
    const f = soakFigures(result);
    console.log(`soak: ${JSON.stringify(f)}`);
    expect(result.delivered).toBe(10_000);
    expect(result.duplicates).toBe(0);
    expect(result.outbox).toEqual({ done: 10_000 });
    // Faults of every kind were really met, each run: the first storm of 429s and the first burst of
    // 5xx answer FIRST_STORM_ANSWERS requests at least, whenever they fall (bench/soak.ts).
    expect(result.storms['429']).toBeGreaterThan(0);
    expect(result.http429).toBeGreaterThanOrEqual(FIRST_STORM_ANSWERS);
    expect(result.http5xx).toBeGreaterThanOrEqual(FIRST_STORM_ANSWERS);
    expect(result.storms.drop).toBeGreaterThan(0);
    expect(result.resumes).toBeGreaterThan(0);
    // Memory: what JavaScript holds after a full collection (bench/heap-probe.ts), each 500 deliveries,
    // grows by less than HEAP_MIB_PER_1000 per 1,000 (least squares). Resident memory is not judged: it
    // moves with when the collector last ran (185.7 → 248.8 MiB between quarters in a run with no leak).
    const windows = result.heap.filter((h) => h.delivered < result.expected);
    expect(windows.length).toBeGreaterThanOrEqual(16);
    expect(f.heapMiBPer1000).toBeLessThan(HEAP_MIB_PER_1000);
    // File descriptors: sockets up to the concurrency while it runs, back near the start after.
    expect(f.fdsMax).toBeLessThan(f.fdsFirst + 2 * CONCURRENCY + 64);
    expect(f.fdsLast).toBeLessThan(f.fdsFirst + CONCURRENCY);
  }, 240_000);
});
