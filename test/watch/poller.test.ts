/**
 * Polling by folder (issue 31): an idle pass stats each folder and its share of the notes (the sweep)
 * and lists nothing again; a changed folder alone is listed again, so a note added, removed or renamed
 * is seen within one interval; an edit in place (which leaves its folder's mtime alone) is seen within
 * the sweep's passes, every pass in a tree the floor covers. The watcher's behaviour is checked in both
 * modes, in this process.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { folderPollSource, type FolderPoll, type SweepOptions } from '../../src/watch/poller.js';
import { watchNotes, type NotesWatcher } from '../../src/watch/watcher.js';
import type { Batch } from '../../src/watch/batch.js';
import { until } from '../helpers/until.js';
import { tempFolder } from '../helpers/temp-folder.js';

/**
 * The tests run at once (each on folders of its own, mostly waiting on intervals and quiet periods): what a test
 * made is undone when that test finishes (onTestFinished of its own context, last made first undone), not by a
 * file-wide afterEach, which would close another test's watcher mid-test.
 */
type Cleanup = (c: () => Promise<void> | void) => void;
const cleanupOf = (t: TestContext): Cleanup => (c) => t.onTestFinished(c);

/**
 * Until the file system's clock (a jiffy coarse on a local disk) reads past `t`: an edit whose mtime is not past the
 * watcher's baseline cannot be vouched for (quiet.ts changeTime), so its quiet period counts from the pass that sees
 * it and it goes out a pass later. A save right after a fast baseline on a quiet machine did so (2,039 ms, CI).
 */
async function fileClockPast(t: number, cleanup: Cleanup): Promise<void> {
  const probe = path.join(tempFolder('notecast-clock-'), 'probe');
  cleanup(() => rmSync(path.dirname(probe), { recursive: true, force: true }));
  await until(() => (writeFileSync(probe, 'x'), statSync(probe).mtimeMs > t), 5_000, 'the file clock past the baseline');
}

/** A tree of `folders` folders holding `perFolder` notes each (and a picture, which is never stat'ed). */
function tree(folders: number, perFolder: number, cleanup: Cleanup): string {
  const hourAgo = new Date(Date.now() - 3_600_000);
  const root = tempFolder('notecast-poll-');
  cleanup(() => rmSync(root, { recursive: true, force: true }));
  for (let f = 0; f < folders; f++) {
    const dir = path.join(root, `f${f}`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'picture.png'), 'not a note');
    for (let n = 0; n < perFolder; n++) writeFileSync(path.join(dir, `n${n}-en.md`), `---\ntitle: N${n}\n---\nBody ${n}.\n`);
    utimesSync(dir, hourAgo, hourAgo);
  }
  // Folders changed a moment ago are listed again on purpose (coarse timestamps); a blog's are older.
  utimesSync(root, hourAgo, hourAgo);
  return root;
}

describe.concurrent('polling by folder', () => {
  /** `seenAtPassEnd[k]`: how many paths had been reported when the poller's pass k (counted from its start) ended. */
  async function poll(root: string, intervalMs: number, cleanup: Cleanup, sweep?: Partial<SweepOptions>): Promise<{ poller: FolderPoll; seen: string[]; seenAtPassEnd: number[] }> {
    const seen: string[] = [];
    const seenAtPassEnd: number[] = [];
    const ev = { onPath: (p: string) => seen.push(p), onError: () => undefined, ignored: () => false, onPassEnded: () => seenAtPassEnd.push(seen.length) };
    const poller = await folderPollSource(root, intervalMs, ev, sweep);
    cleanup(() => poller.unsubscribe());
    return { poller, seen, seenAtPassEnd };
  }

  /** Resolves once the poller has ended `n` passes more than now: each pass's figures can be read as it ends. */
  const passesMore = (poller: FolderPoll, n: number) => {
    const target = poller.counts().passes + n;
    return until(() => poller.counts().passes >= target, 10_000, `${n} more passes`);
  };

  it('a tree past the floor: an idle pass stats every folder and one slot of the notes, and an edit in place of every note is seen within the sweep', async (t) => {
    const root = tree(4, 25, cleanupOf(t));
    // 100 notes, at least 10 a pass, spread over 4 passes: 25 notes a pass.
    const { poller, seen, seenAtPassEnd } = await poll(root, 50, cleanupOf(t), { passes: 4, atLeast: 10 });
    const base = poller.counts();
    await passesMore(poller, 4);
    const idle = poller.counts();
    const passes = idle.passes - base.passes;
    expect(idle.listings - base.listings).toBe(0);
    expect(idle.stats - base.stats).toBe(passes * (5 + 25));
    expect(seen).toEqual([]);

    // Written in place between two passes (a pass of 30 stats never yields): each note is seen at the pass whose slot it is.
    await passesMore(poller, 1);
    const from = seenAtPassEnd.length;
    const notes = Array.from({ length: 4 }, (_, f) => Array.from({ length: 25 }, (_, n) => path.join(root, `f${f}`, `n${n}-en.md`))).flat();
    for (const p of notes) appendFileSync(p, '\nEdited in place.\n');
    await passesMore(poller, 4);
    expect(seenAtPassEnd.slice(from, from + 4)).toEqual([25, 50, 75, 100]);
    expect([...seen].sort()).toEqual([...notes].sort());
  });

  it('a tree past the floor: a note added, removed, renamed or saved by rename, and a folder made, are seen at the next pass though the sweep would reach them passes later', async (t) => {
    const root = tree(4, 25, cleanupOf(t));
    const { poller, seen, seenAtPassEnd } = await poll(root, 50, cleanupOf(t), { passes: 50, atLeast: 1 });
    await passesMore(poller, 2);
    const from = seenAtPassEnd.length;
    const f2 = (name: string) => path.join(root, 'f2', name);
    writeFileSync(f2('new-en.md'), 'new');
    rmSync(f2('n1-en.md'));
    renameSync(f2('n2-en.md'), f2('moved-en.md'));
    writeFileSync(f2('n3-en.md.tmp'), 'saved by rename'); // an editor's save: a new file renamed over the note (a new inode)
    renameSync(f2('n3-en.md.tmp'), f2('n3-en.md'));
    mkdirSync(path.join(root, 'f3', 'sub'));
    writeFileSync(path.join(root, 'f3', 'sub', 'deep-en.md'), 'deep');
    await passesMore(poller, 1);
    const expected = ['f2/new-en.md', 'f2/n1-en.md', 'f2/n2-en.md', 'f2/moved-en.md', 'f2/n3-en.md', 'f3/sub'];
    expect(seen.slice(0, seenAtPassEnd[from]).map((p) => path.relative(root, p)).sort()).toEqual(expected.sort());
  });

  it('an idle pass stats every folder and note once and lists no folder again', async (t) => {
    const root = tree(4, 25, cleanupOf(t));
    const { poller, seen } = await poll(root, 100, cleanupOf(t));
    const base = poller.counts();
    expect(base.listings).toBe(5); // the root and its four folders, once each
    await until(() => poller.counts().passes >= 3, 10_000, 'three passes');
    const after = poller.counts();
    const passes = after.passes - base.passes;
    expect(after.listings - base.listings).toBe(0);
    expect(after.stats - base.stats).toBe(passes * (5 + 100));
    expect(seen).toEqual([]);
  });

  it('lists again only the folder whose entries changed, and reports what changed in it', async (t) => {
    const root = tree(4, 25, cleanupOf(t));
    const { poller, seen } = await poll(root, 100, cleanupOf(t));
    await until(() => poller.counts().passes >= 1, 10_000, 'a pass');
    const before = poller.counts();
    writeFileSync(path.join(root, 'f2', 'new-en.md'), 'new');
    renameSync(path.join(root, 'f2', 'n0-en.md'), path.join(root, 'f2', 'moved-en.md'));
    await until(() => seen.length >= 3, 10_000, 'the three paths');
    await until(() => poller.counts().passes >= before.passes + 2, 10_000, 'another pass');
    expect(seen.map((p) => path.relative(root, p)).sort()).toEqual(['f2/moved-en.md', 'f2/n0-en.md', 'f2/new-en.md']);
    // f2 listed for the change (and again while its mtime is within the racy window), never the others.
    expect(poller.counts().listings - before.listings).toBeGreaterThanOrEqual(1);
    expect(poller.counts().listings - before.listings).toBeLessThanOrEqual(poller.counts().passes - before.passes);
  });
});

describe('the watcher in poll mode, watch.pollSweepPasses', () => {
  it('1 stats every note every pass past the floor (2,000 notes): edits in place of all 2,400 are reported by one pass', async (t) => {
    const INTERVAL = 1000;
    const root = tree(2, 1200, cleanupOf(t));
    const reportedAt = new Map<string, number>();
    const onPath = (p: string) => void (reportedAt.has(p) || reportedAt.set(p, performance.now()));
    const watcher = watchNotes({ root, mode: 'poll', pollIntervalMs: INTERVAL, pollSweepPasses: 1, quietMs: 50, maxHoldMs: 5000, onBatch: () => undefined, onPath, log: silentLogger() });
    cleanupOf(t)(() => watcher.close());
    await watcher.ready;
    const notes = [0, 1].flatMap((f) => Array.from({ length: 1200 }, (_, n) => path.join(root, `f${f}`, `n${n}-en.md`)));
    for (const p of notes) appendFileSync(p, '\nEdited in place.\n'); // no pass runs meanwhile: this loop never yields
    await until(() => notes.every((p) => reportedAt.has(p)), 15_000, 'every edit');
    // The default (10) spreads 2,400 notes over 2 passes, an interval apart; 1 reports them all in the first pass after the edits.
    const times = notes.map((p) => reportedAt.get(p)!);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(INTERVAL * 0.7);
  });
});

describe.concurrent.each(['native', 'poll'] as const)('the watcher, watch.mode: %s', (mode) => {
  const INTERVAL = 1000;

  async function watch(root: string, cleanup: Cleanup, timing = { pollIntervalMs: INTERVAL, quietMs: 50 }): Promise<{ watcher: NotesWatcher; batches: (Batch & { at: number })[] }> {
    const batches: (Batch & { at: number })[] = [];
    const watcher = watchNotes({ root, mode, ...timing, maxHoldMs: 5000, onBatch: (b) => batches.push({ ...b, at: Date.now() }), log: silentLogger() });
    cleanup(() => watcher.close());
    await watcher.ready;
    return { watcher, batches };
  }

  it('sees edits in place, which leave the folder mtime alone, in several folders within one interval', async (t) => {
    const root = tree(6, 40, cleanupOf(t));
    const { batches } = await watch(root, cleanupOf(t));
    await fileClockPast(Date.now(), cleanupOf(t));
    const edited = [0, 2, 5].map((f) => path.join(root, `f${f}`, `n${f * 3}-en.md`));
    const folderMtimes = edited.map((p) => statSync(path.dirname(p)).mtimeMs);
    const at = Date.now();
    for (const p of edited) appendFileSync(p, '\nEdited in place.\n');
    expect(edited.map((p) => statSync(path.dirname(p)).mtimeMs)).toEqual(folderMtimes); // why per-note stats are needed
    await until(() => edited.every((p) => batches.some((b) => b.changed.includes(p))), 10_000, 'the three edits');
    // One interval, the quiet period and the flush: a pass that looked at only some notes would miss one.
    const last = Math.max(...edited.map((p) => batches.find((b) => b.changed.includes(p))!.at));
    expect(last - at).toBeLessThan(INTERVAL + 900);
  });

  it('follows folders created several levels deep at once, and removals of notes and folders', async (t) => {
    const root = tree(2, 3, cleanupOf(t));
    const { batches } = await watch(root, cleanupOf(t));
    const deep = path.join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, 'deep-en.md'), 'first');
    await until(() => batches.some((b) => b.changed.includes(path.join(deep, 'deep-en.md'))), 10_000, 'the new deep note');
    writeFileSync(path.join(deep, 'deep-en.md'), 'second, in place');
    writeFileSync(path.join(deep, 'later-en.md'), 'later');
    await until(() => batches.filter((b) => b.changed.includes(path.join(deep, 'deep-en.md'))).length >= 2 && batches.some((b) => b.changed.includes(path.join(deep, 'later-en.md'))), 10_000, 'the edit and the later note');
    rmSync(path.join(root, 'f0', 'n1-en.md'));
    rmSync(path.join(root, 'f1'), { recursive: true });
    const removed = () => batches.flatMap((b) => b.removed);
    await until(() => removed().includes(path.join(root, 'f0', 'n1-en.md')) && removed().some((p) => p.startsWith(path.join(root, 'f1'))), 10_000, 'both removals');
    expect(batches.flatMap((b) => b.changed).some((p) => p.endsWith('.png'))).toBe(false);
  });

  // Moved in (mv, rsync -a, cp -p): a note keeps its old mtime, which dates nothing; its folder's does.
  it.for(['written', 'moved in with an old mtime'] as const)('hands a burst of notes %s, paced under the quiet period, over as one batch though polls see it in parts; a lone save within an interval and the quiet period', async (how, t) => {
    // The quiet period is shorter than the interval, as by default (2 s and 3 s): notes a pass saw
    // must not settle before a later pass has looked for the rest of their burst (issue 25/31).
    const timing = { pollIntervalMs: 700, quietMs: 400 };
    const root = tree(1, 1, cleanupOf(t));
    const staging = tempFolder('notecast-staging-');
    cleanupOf(t)(() => rmSync(staging, { recursive: true, force: true }));
    const { batches } = await watch(root, cleanupOf(t), timing);
    // 12 notes 100 ms apart: 1.1 s, so at least one pass starts in the middle of the burst.
    const names = Array.from({ length: 12 }, (_, i) => `burst${i}-en.md`);
    const burst = names.map((n) => path.join(root, 'f0', n));
    for (const name of names) {
      const body = `---\ntitle: ${name}\n---\nBody.\n`;
      if (how === 'written') writeFileSync(path.join(root, 'f0', name), body);
      else {
        writeFileSync(path.join(staging, name), body);
        utimesSync(path.join(staging, name), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
        renameSync(path.join(staging, name), path.join(root, 'f0', name));
      }
      await new Promise((r) => setTimeout(r, 100)); // the writer's pace, not a wait for the watcher
    }
    await until(() => burst.every((p) => batches.some((b) => b.changed.includes(p))), 10_000, 'the whole burst');
    // (Native mode's look-over may add the tree's own note, written a moment before the watch began.)
    const inBurst = (b: Batch) => b.changed.filter((p) => burst.includes(p)).length;
    expect(batches.filter(inBurst).map(inBurst)).toEqual([burst.length]);

    const lone = path.join(root, 'f0', 'n0-en.md');
    const at = Date.now();
    appendFileSync(lone, '\nEdited in place.\n');
    const loneBatch = () => batches.find((b) => b.at >= at && b.changed.includes(lone));
    await until(() => !!loneBatch(), 10_000, 'the lone edit');
    const latency = loneBatch()!.at - at;
    // Seen within one interval, settled once a pass a quiet period after the save found nothing newer.
    expect(latency).toBeLessThan((mode === 'poll' ? timing.pollIntervalMs : 0) + timing.quietMs + 900);
    expect(latency).toBeGreaterThanOrEqual(timing.quietMs - 20);
  });
});
