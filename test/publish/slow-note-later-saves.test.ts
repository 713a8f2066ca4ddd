/**
 * Issue 25, tester 19 F4: notes saved one at a time while a slow note was set aside waited 7-20 s each (load 25),
 * against 0.2-0.5 s without it. The slow note held the only parse thread, so the first save after it started a thread
 * and waited for it to load its modules (seconds on a loaded machine), and the saves behind it queued.
 *
 * The invariant: while a note set aside parses, a thread already started waits for the next save, and each save is
 * announced on it before the slow note is decided. No timing: the slow note is slow by construction (a megabyte of `*a`,
 * hundreds of times the soft bound) under a budget longer than the test; the parser's own count of threads says
 * whether a save waited for one to start.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ParseThreads } from '../../src/publish/parse-pool.js';
import { InProcessService } from '../helpers/inproc.js';
import { until } from '../helpers/until.js';

const slowText = '*a'.repeat(500_000);
const normalText = (n: number) => `---\ntitle: Normal ${n}\n---\n\nA short note number ${n} about kettles and rivers.\n`;
/** Longer than the test runs: the slow note is never decided while it runs. */
const NEVER_MS = 600_000;

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop(); // also ends the thread still on the slow note
  svc = undefined;
});

describe('the saves after a slow note is set aside', () => {
  it('are each parsed on a thread already started, and announced while the slow note still parses', { timeout: 240_000 }, async () => {
    // Threads of its own (none kept from other tests): the count of threads it started is this service's.
    // No translation grace (5 s by default in group mode): each new note would wait it out for translations that never come.
    svc = InProcessService.sandbox(
      { notes: { parseTimeoutMs: NEVER_MS }, watch: { mode: 'native', quietMs: 100, reconcileMinutes: 0 }, publish: { translations: { mode: 'group', graceMs: 0 } }, routes: [{ platform: 'console', chat: 'all' }] },
      { parseThreads: new ParseThreads(0) },
    );
    await svc.start();
    const s = svc;
    writeFileSync(path.join(s.notes, 'slow.md'), slowText);
    writeFileSync(path.join(s.notes, 'n0.md'), normalText(0));
    await until(() => s.live('all').length >= 1, 180_000, 'n0 announced, the slow note set aside');
    const parser = s.app!.publisher.parser;
    const started = parser.threads().started;
    for (let n = 1; n <= 3; n++) {
      // The slow note holds its thread: another waits for this save.
      expect(parser.threads().alive).toBeGreaterThanOrEqual(1);
      writeFileSync(path.join(s.notes, `n${n}.md`), normalText(n));
      await until(() => s.live('all').length >= n + 1, 180_000, `n${n} announced`);
    }
    expect(parser.threads().started).toBe(started);
    expect(s.live('all').map((m) => m.text.split('\n')[0])).toEqual(['Normal 0', 'Normal 1', 'Normal 2', 'Normal 3']);
    expect(s.app!.store.getNote('slow')).toBeUndefined(); // still parsing: not decided
  });
});
