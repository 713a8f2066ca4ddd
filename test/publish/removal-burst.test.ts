/**
 * Issue 25, tester 31-1 F7: a branch switch split by a restart. Removals the start-up scan finds and removals
 * the watcher is told of within their removal window are one burst, judged whole (README, Edits, renames:
 * "a burst is removals each within a removal window … of the one before"; docs/operations.md, after a crash:
 * "removals it finds wait, like any removals, before they count"), however late the native events of the
 * later ones come, or if they never come (test/fakes/late-native.ts: @parcel/watcher's debounce and lost
 * events). Judged on the events come by the window's end, the scan's 3 went alone and the 4 after them as a
 * burst of their own, each under the threshold of 5: 7 messages deleted. Through the whole service in this
 * process (test/helpers/inproc.ts): kill() and start() on one database, no sleeps: the test waits for the
 * service's idle signal, which waits for the judgement.
 */
import { realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readHeldRemovals } from '../../src/publish/held-removals.js';
import { LateNativeEvents } from '../fakes/late-native.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();
const services: InProcessService[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
});

/** The removal window: the time the unlinks right after a start have to fall within the scan's (they take a few ms). */
const WINDOW_MS = 800;

/** A service with `count` notes posted, whose native events the returned source can hold back. */
async function posted(count: number, threshold: number): Promise<{ s: InProcessService; events: LateNativeEvents; files: string[] }> {
  const events = new LateNativeEvents();
  const s = InProcessService.sandbox(
    {
      watch: { mode: 'native', quietMs: 50, reconcileMinutes: 0, removalThreshold: threshold },
      publish: { onDelete: 'delete', translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: WINDOW_MS } },
      routes: [{ platform: 'console', chat: 'all' }],
    },
    { parseThreads, nativeSubscribe: events.subscribe },
  );
  services.push(s);
  await s.start();
  const files = Array.from({ length: count }, (_, i) => `r${i + 1}.md`);
  for (const [i, f] of files.entries()) writeFileSync(path.join(s.notes, f), `---\ntitle: Romeo ${i + 1}\n---\n\nRomeo ${i + 1}, a note of its own.\n`);
  await s.settle(files);
  expect(s.live('all')).toHaveLength(count);
  return { s, events, files };
}

/** How the native events of the notes removed after the restart come: at once, after the scan's window was judged, or never. */
type EventsAfterStart = 'on time' | 'late' | 'lost';

/**
 * Kill -9, `whileDown` removed while the service is down (the scan finds them), `afterStart` removed right after the
 * start (the scan's window still open), their events coming as `how` says; returns once the service said idle after
 * every event that came (a late event is handed over only after the first idle: the judgement it would have missed).
 * One removal at least is found on time (by the scan or an event on time): a burst whose every event is lost is
 * found by no look (the reconcile pass is for those: watch.reconcileMinutes), one whose every event is late when they come.
 */
async function switchAcrossRestart(t: { s: InProcessService; events: LateNativeEvents }, whileDown: readonly string[], afterStart: { file: string; how: EventsAfterStart }[]): Promise<void> {
  const { s, events } = t;
  const real = (file: string) => path.join(realpathSync(s.notes), file); // the paths @parcel/watcher reports: the watch is on the real path (sources.ts)
  await s.kill();
  for (const f of whileDown) rmSync(path.join(s.notes, f));
  events.holdBack(afterStart.filter((a) => a.how !== 'on time').map((a) => real(a.file)));
  await s.start({}, { idle: false });
  for (const { file } of afterStart) rmSync(path.join(s.notes, file));
  // Removals waiting hold `idle` back until they are judged: once the scan's are recorded (the start) and those whose
  // events come on time are batched, the next idle comes after the judgement.
  await s.batched(afterStart.filter((a) => a.how === 'on time').map((a) => a.file), 30_000);
  const idles = s.idleCount;
  await s.waitFor(() => s.idleCount > idles, 30_000, 'idle after the removals were judged');
  const late = events.waiting().filter((p) => afterStart.some((a) => a.how === 'late' && real(a.file) === p));
  s.beginStep();
  events.release(late);
  events.loseTheRest(); // the lost ones' events never come
  if (late.length) await s.settle(late.map((p) => path.relative(realpathSync(s.notes), p)), 30_000);
}

const noteIds = (files: readonly string[]) => files.map((f) => f.replace(/\.md$/, '')).sort();
const liveIds = (s: InProcessService) => s.live('all').map((m) => m.noteId!).sort();

describe('removals found by the start-up scan and by the watcher within one removal window are one burst', () => {
  it.each<[EventsAfterStart]>([['late'], ['lost'], ['on time']])('3 removed while down, 4 right after the start whose events come %s: 7 held whole (threshold 5)', async (how) => {
    const t = await posted(8, 5);
    const [down, after] = [t.files.slice(0, 3), t.files.slice(3, 7)];
    await switchAcrossRestart(t, down, after.map((file) => ({ file, how })));
    expect(t.s.sent('all', 'delete')).toEqual([]);
    expect(liveIds(t.s)).toEqual(noteIds(t.files));
    expect(readHeldRemovals(t.s.app!.store).map((h) => h.file).sort()).toEqual([...down, ...after].sort());
    await t.s.stop();
  }, 60_000);

  // The invariant over generated interleavings: the notes removed while down and right after the start are one chain of
  // windows, whichever path finds each (the scan, an event on time, a look at the window's end for an event late or
  // lost): more than the threshold are held whole, else all applied.
  // An event on time is found as ever, and in the same folder makes the watcher look it over (watcher.ts): weighed lightest.
  const fate = fc.oneof(...(['kept', 'while down', 'late', 'lost'] as const).map((f) => ({ arbitrary: fc.constant(f), weight: 3 })), { arbitrary: fc.constant('on time' as const), weight: 1 });
  it('more than the threshold within one chain of windows are held whole, else all applied', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fate, { minLength: 2, maxLength: 8 }).filter((fs) => fs.some((f) => f === 'while down' || f === 'on time')), fc.integer({ min: 1, max: 6 }), async (fates, threshold) => {
        const t = await posted(fates.length, threshold);
        const named = t.files.map((file, i) => ({ file, fate: fates[i]! }));
        const down = named.filter((n) => n.fate === 'while down').map((n) => n.file);
        const after = named.flatMap((n) => (n.fate === 'on time' || n.fate === 'late' || n.fate === 'lost' ? [{ file: n.file, how: n.fate }] : []));
        await switchAcrossRestart(t, down, after);
        const removed = named.filter((n) => n.fate !== 'kept').map((n) => n.file);
        const held = removed.length > threshold;
        expect(liveIds(t.s)).toEqual(noteIds(held ? t.files : t.files.filter((f) => !removed.includes(f))));
        expect(t.s.sent('all', 'delete')).toHaveLength(held ? 0 : removed.length);
        await t.s.stop();
      }),
      { numRuns: 5, seed: 3107, endOnFailure: true },
    );
  }, 240_000);
});
