/**
 * Issue 25, generated: sequences of writes, saves by rename, renames, removals, new folders, removed
 * folders and renamed folders over 2-3 folders and nested ones, each step done at once (one burst),
 * through a source that loses events as @parcel/watcher 2.6.0 does (parcel-bundler/watcher#183): it
 * hands over only the burst's first path, or (the variant) a random part of the burst. At the watcher's
 * level (watchNotes, in process, test/fakes/scripted-native.ts as its subscribe).
 *
 * What the watcher promises, once it is quiet after a burst of which at least one path was reported:
 * - every note on disk was in a batch's `changed` after its last change, so it was read in its final
 *   content (checked by reading each changed note when its batch comes);
 * - every note gone was in a batch's `removed`, itself or a folder holding it;
 * - each path is in at most one batch per burst, and a note no operation of the burst touched is in none
 *   (it was reported for an earlier save already).
 *
 * Not generated (the known case left, see src/watch/lookover.ts): an edit in place whose every event was
 * lost, in a folder where nothing else settles and whose own stat did not move — only the reconcile pass
 * (watch.reconcileMinutes) finds it. Such an edit's own event is kept.
 * Seeded (LOST_SEED, LOST_RUNS, LOST_QUIET_MS); each shrunk counterexample is kept below as a plain test.
 * The quiet period is 50 ms, not below the look-over's ctime slack (lookover.ts CTIME_SLACK_MS): at 0 ms
 * (LOST_QUIET_MS=0, 40 runs) a note written with its new folder, that folder first listed within the slack,
 * is batched twice (mkdir d1 + d1/n2.md, mv a d1/m3, only d1 reported) — the slack's known cost, a repeat
 * the publisher finds unchanged, not fixed here.
 */
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { Batch } from '../../src/watch/batch.js';
import { watchNotes, type NotesWatcher } from '../../src/watch/watcher.js';
import { ScriptedNativeSource } from '../fakes/scripted-native.js';
import { LossyTree, treeOpArb, type StepEffects, type TreeOp } from './lossy-tree.js';
import { tempFolder } from '../helpers/temp-folder.js';

const RUNS = Number(process.env.LOST_RUNS ?? 12);
const SEED = Number(process.env.LOST_SEED ?? 2525);
const QUIET_MS = Number(process.env.LOST_QUIET_MS ?? 50);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Which of a burst's paths the source hands over: the first only (2.6.0's race), or those `keep` marks. */
type Loss = { kind: 'first' } | { kind: 'subset'; keep: boolean[] };

interface Case {
  /** Folders and notes before the watcher starts (relative). */
  initial: { dirs: string[]; notes: string[] };
  steps: { ops: TreeOp[]; loss: Loss }[];
}

const lossArb: fc.Arbitrary<Loss> = fc.oneof(
  fc.constant<Loss>({ kind: 'first' }),
  fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }).map((keep): Loss => ({ kind: 'subset', keep })),
);

const caseArb: fc.Arbitrary<Case> = fc.record({
  initial: fc.constantFrom(
    { dirs: ['a', 'b'], notes: ['a/x.md', 'b/y.md'] },
    { dirs: ['a', 'b', 'c', 'a/n'], notes: ['a/x.md', 'b/y.md', 'c/z.md', 'a/n/w.md', 'top.md'] },
  ),
  steps: fc.array(fc.record({ ops: fc.array(treeOpArb, { minLength: 1, maxLength: 4 }), loss: lossArb }), { minLength: 1, maxLength: 4 }),
});

/** The paths handed over: never none; an edit in place whose folder nothing else settles keeps its own (not generated, see above). */
function handedOver(fx: StepEffects, loss: Loss, tree: LossyTree): string[] {
  const kept = fx.events.filter((_, i) => (loss.kind === 'first' ? i === 0 : loss.keep[i % loss.keep.length]));
  if (!kept.length && fx.events.length) kept.push(fx.events[0]!);
  const settles = new Set([...kept.map((p) => path.relative(tree.root, path.dirname(p))), ...fx.entriesChanged]);
  for (const note of fx.editedInPlace) {
    if (!settles.has(path.dirname(note).replace(/^\.$/, '')) && tree.notes.has(note)) kept.push(tree.abs(note));
  }
  return kept;
}

/** A watcher over a fresh tree, and what its batches said: each note's content as read when its batch came. */
async function startCase(initial: Case['initial']) {
  const root = tempFolder('notecast-lostprop-');
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const tree = new LossyTree(root);
  for (const d of initial.dirs) {
    mkdirSync(tree.abs(d));
    tree.dirs.add(d);
  }
  for (const n of initial.notes) {
    writeFileSync(tree.abs(n), `# ${n}\n`);
    tree.notes.set(n, `# ${n}\n`);
  }
  // Older than the look-over's window for coarse timestamps: a folder is listed again only when its stat moves.
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const d of [...initial.dirs].reverse()) utimesSync(tree.abs(d), hourAgo, hourAgo);
  utimesSync(root, hourAgo, hourAgo);
  // The tree is older than the look-over's ctime slack when the watcher lists it: a note written in the
  // 50 ms before that listing is reported once more at its folder's first look (lookover.ts says why).
  await new Promise((r) => setTimeout(r, 60));
  const seen = { reported: new Map(tree.notes), batches: [] as Batch[], quiets: 0 };
  const source = new ScriptedNativeSource();
  const watcher = watchNotes({
    root,
    mode: 'native',
    nativeSubscribe: source.subscribe,
    quietMs: QUIET_MS,
    maxHoldMs: 2000,
    onBatch: (b) => {
      seen.batches.push(b);
      for (const r of b.removed) {
        const rel = path.relative(root, r);
        for (const k of [...seen.reported.keys()]) if (k === rel || k.startsWith(rel + '/')) seen.reported.delete(k);
      }
      for (const c of b.changed) seen.reported.set(path.relative(root, c), readFileSync(c, 'utf8'));
    },
    onQuiet: () => seen.quiets++,
    log: silentLogger(),
  });
  cleanups.push(() => watcher.close());
  await watcher.ready;
  return { tree, source, watcher, seen };
}

/** Waits for the watcher's quiet signal after `since`, with nothing settling once the turn is over (a nested folder's subscription may start more). */
async function quiet(watcher: NotesWatcher, seen: { quiets: number }, since: number): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    if (seen.quiets > since) {
      await new Promise((r) => setImmediate(r));
      if (watcher.settling() === 0) return;
      since = seen.quiets;
    }
    if (Date.now() > deadline) throw new Error('the watcher never came quiet');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The promise above, after one burst: problems found (empty: kept). */
function problemsAfter(tree: LossyTree, seen: { reported: Map<string, string> }, batches: Batch[], fx: StepEffects): string[] {
  const problems: string[] = [];
  for (const [note, content] of tree.notes) {
    const got = seen.reported.get(note);
    if (got !== content) problems.push(got === undefined ? `${note} never batched` : `${note} batched with an older content`);
  }
  for (const note of seen.reported.keys()) if (!tree.notes.has(note)) problems.push(`${note} gone, its removal never batched`);
  for (const kind of ['changed', 'removed'] as const) {
    const counts = new Map<string, number>();
    for (const p of batches.flatMap((b) => b[kind])) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (const [p, n] of counts) if (n > 1) problems.push(`${path.relative(tree.root, p)} ${kind} ${n} times in one burst`);
  }
  for (const p of batches.flatMap((b) => b.changed)) {
    const rel = path.relative(tree.root, p);
    if (!fx.touched.has(rel)) problems.push(`${rel} changed though nothing touched it`);
  }
  return problems;
}

/** Runs one case; returns the first burst's problems, with the burst that made them. */
async function runCase(c: Case): Promise<string[]> {
  const { tree, source, watcher, seen } = await startCase(c.initial);
  for (const [i, step] of c.steps.entries()) {
    const fx = tree.apply(step.ops);
    if (!fx.events.length) continue;
    const quiets = seen.quiets;
    const first = seen.batches.length;
    source.deliver(handedOver(fx, step.loss, tree));
    await quiet(watcher, seen, quiets);
    const problems = problemsAfter(tree, seen, seen.batches.slice(first), fx);
    if (problems.length) return [`step ${i}: ${problems.join('; ')}`];
  }
  return [];
}

describe('native watching through a source that loses events: generated sequences', () => {
  it('every note at rest batched in its final content, every removal batched, nothing twice', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        try {
          expect(await runCase(c)).toEqual([]);
        } finally {
          for (const cl of cleanups.splice(0).reverse()) await cl();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
  });
});

/** Shrunk counterexamples the property found, kept as they were found (each failed on the code before its fix). */
describe('native watching through a source that loses events: kept cases', () => {
  const TWO = { dirs: ['a', 'b', 'c', 'a/n'], notes: ['a/x.md', 'b/y.md', 'c/z.md', 'a/n/w.md', 'top.md'] };

  it('a folder renamed into a new one, only the new folder reported: its note comes once, not again when the new folder is watched', async () => {
    const c: Case = {
      initial: TWO,
      steps: [
        { ops: [{ k: 'rmdir', dir: 0 }, { k: 'rm', note: 0 }], loss: { kind: 'subset', keep: [false] } },
        { ops: [{ k: 'mkdir', dir: 0, withNote: false }, { k: 'mvdir', dir: 1, to: 17 }], loss: { kind: 'subset', keep: [false] } },
      ],
    };
    expect(await runCase(c)).toEqual([]);
  });

  it('a save by rename in one folder while only a new folder elsewhere is reported: the save comes (the tester\'s sed -i over two folders)', async () => {
    const c: Case = {
      initial: { dirs: ['a', 'b'], notes: ['a/x.md', 'b/y.md'] },
      steps: [
        { ops: [{ k: 'mkdir', dir: 0, withNote: false }, { k: 'save', note: 0 }], loss: { kind: 'first' } },
        { ops: [{ k: 'write', note: 0, dir: 0, fresh: false }], loss: { kind: 'first' } },
      ],
    };
    expect(await runCase(c)).toEqual([]);
  });
});
