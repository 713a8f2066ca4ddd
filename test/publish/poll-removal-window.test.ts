/**
 * Issue 25 item 4 in poll mode (tester 19, F2): a poll sees a removal up to one interval after the unlink. A second
 * group of removals made within the removal window of the first, but found by a pass that began after the window
 * ended, was judged apart: each group under `watch.removalThreshold` was applied, where the two together are over it.
 * The window must cover what a poll can see: removals are judged only once a pass that began after the window ended,
 * and a removal that pass found counts from the pass before it. The passes are the signal: no sleep.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();
const services: InProcessService[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
});

// The interval is three removal windows: the second group is always found by a pass that began after the window ended.
const POLL_MS = 600;
const WINDOW_MS = 200;

async function started(count: number, threshold: number): Promise<{ s: InProcessService; files: string[] }> {
  const s = InProcessService.sandbox(
    {
      watch: { mode: 'poll', pollIntervalMs: POLL_MS, quietMs: 40, reconcileMinutes: 0, removalThreshold: threshold },
      publish: { onDelete: 'delete', translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: WINDOW_MS } },
      routes: [{ platform: 'console', chat: 'all' }],
    },
    { parseThreads },
  );
  services.push(s);
  await s.start();
  const files = Array.from({ length: count }, (_, i) => `p${i}.md`);
  for (const [i, f] of files.entries()) writeFileSync(path.join(s.notes, f), `---\ntitle: Polled item ${i}\n---\n\nPolled item ${i}, in a sentence of its own.\n`);
  await s.settle(files);
  expect(s.live('all')).toHaveLength(count);
  return { s, files };
}

const stillShown = (s: InProcessService, files: readonly string[]) => {
  const live = new Set(s.live('all').map((m) => m.noteId));
  return files.filter((f) => live.has(f.replace(/\.md$/, '')));
};

describe('poll mode: removals within the removal window are one burst, however late a pass finds them', () => {
  it('a second group removed right after a pass found the first, found by the next pass (after the window), is held with it', async () => {
    const { s, files } = await started(12, 8); // each half (6) is under the threshold, the whole (12) over it
    const [first, second] = [files.slice(0, 6), files.slice(6)];
    for (const f of first) rmSync(path.join(s.notes, f));
    await s.watcherReported(first); // a pass found the first group: the window counts from now
    for (const f of second) rmSync(path.join(s.notes, f)); // well within the window; the next pass is an interval away
    await s.settle(files, 60_000);
    expect(s.sent('all', 'delete')).toEqual([]);
    expect(stillShown(s, files)).toEqual(files);
  });

  it('a group removed a pass after the window ended is a burst of its own, applied', async () => {
    const { s, files } = await started(8, 4); // each group (4) is at the threshold: applied when judged alone
    const [first, second] = [files.slice(0, 4), files.slice(4)];
    for (const f of first) rmSync(path.join(s.notes, f));
    await s.settle(first, 60_000); // judged: a pass after the window found nothing more
    expect(stillShown(s, first)).toEqual([]);
    for (const f of second) rmSync(path.join(s.notes, f));
    await s.settle(second, 60_000);
    expect(stillShown(s, files)).toEqual([]);
    expect(s.sent('all', 'delete')).toHaveLength(files.length);
  });
});
