/**
 * The soak: 10 notes to 1,000 Discord channels (10,000 announcements) through the service as a
 * process, against the fake Discord, with a random fault every second from the first post on (250 ms
 * of 429s, 250 ms of 5xx answers, or a gateway drop; the first of each within 3 s, the first storm
 * and burst answering at least FIRST_STORM_ANSWERS requests). Every announcement exactly once, within
 * a bound of time, and memory and file descriptors flat. `npm run bench -- soak` runs the same and
 * prints the figures. (Time windows alone met no 429 in a fast run: see bench/soak.ts.)
 */
import { describe, expect, it } from 'vitest';
import { FIRST_STORM_ANSWERS, runSoak, soakFigures } from '../../bench/soak.js';

const CONCURRENCY = 128; // the soak's delivery.concurrency: one socket each at most

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
    // Memory: the last quarter of the deliveries holds no more than the second quarter plus a margin for
    // the collector's timing (a leak per delivery would add tens of MiB over 10,000).
    expect(f.rssMiBLastQuarter).toBeLessThan(f.rssMiBSecondQuarter * 1.25 + 16);
    // File descriptors: sockets up to the concurrency while it runs, back near the start after.
    expect(f.fdsMax).toBeLessThan(f.fdsFirst + 2 * CONCURRENCY + 64);
    expect(f.fdsLast).toBeLessThan(f.fdsFirst + CONCURRENCY);
  }, 240_000);
});
