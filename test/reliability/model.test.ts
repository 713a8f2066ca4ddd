/**
 * Issue 25, the lever: random sequences of what people do to a notes folder (create, edit, rename,
 * move between folders and language folders, draft and undraft, delete, restore, the same file name
 * in two folders, a shared translation key, bursts, restarts, kills at random points, the platform
 * failing (5xx, hanging) and recovering) through the whole service in this
 * process, checked after every step against a model of what every chat should show
 * (test/helpers/route-model.ts). Seeded: a failure prints its seed and shrunk sequence; keep each
 * shrunk counterexample below as a test of its own. `npm run bench -- model` runs many more.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { digestSequenceArb, runSequence, sequenceArb, switchSequenceArb, World, type Op } from '../helpers/route-model.js';
import { tempFolder } from '../helpers/temp-folder.js';

/**
 * Random sequences per onDelete in `npm test` (MODEL_RUNS): 4 with the default seed kill the service once, meet 51
 * sends during an outage, re-create 2 paths as another note and save one slow note (the check at the end of the first
 * describe; the file's CPU time with the commands of m25b: 28.1 s user+sys before, load 19; 28.4 s with a 2 s slow-note
 * budget, load 23-25; with 5 s (route-slow.ts), 30.4 s at load 9-18 (its tests 98 s by the clock against 119 s before));
 * each counterexample they found is kept below as a test of its own. The hunt is
 * `npm run bench -- model`: 200 runs of 16 steps per onDelete (bench/model.ts).
 */
const RUNS = Number(process.env.MODEL_RUNS ?? 4);
// 101 since the moves' two ends are drawn apart (fx26a), which changed every sequence: 27's runs then met no slow note and
// no change of controls alone, 22's no change of controls that applied (27 since e25b's `copy` and `controls`: 25's runs
// met no slow note, 34's an open copy class).
const DEFAULT_SEED = 101;
const SEED = Number(process.env.MODEL_SEED ?? DEFAULT_SEED);
/** Runs of the switch-heavy sequences (MODEL_SWITCH_RUNS): one per onDelete by default (the main runs switch modes too; more with the variable). */
const SWITCH_RUNS = Number(process.env.MODEL_SWITCH_RUNS ?? 1);

/**
 * Runs of sequences with burst digests (MODEL_DIGEST_RUNS; route-digest.ts's rule): one per onDelete by default, in
 * place of none (issue 25, e26m: the digest findings of tester 24-1 were found by hand, not by the model).
 */
const DIGEST_RUNS = Number(process.env.MODEL_DIGEST_RUNS ?? 1);

/** Shared by every start of every sequence here: each start would otherwise load a parse thread again. */
const parseThreads = fileParseThreads();

/** Over every sequence of the file, the kept cases too: what the log at the end says. */
const wholeFile = { runs: 0, transientSwitches: 0 };
/** What the random runs exercised, so a generator that stopped making kills or outages is seen. */
const exercised = { runs: 0, kills: 0, resends: 0, faultHits: 0, watcherMisses: 0, queuedStops: 0, restores: 0, transientSwitches: 0, overwrites: 0, slowNotes: 0, recreated: 0, copies: 0, controls: 0, aways: 0, digests: 0 };

/**
 * `knownOpen`: the one problem of an open counterexample (below) that a test kept for another
 * reason also meets; every other rule still holds. `digests`: run and checked as the burst-digest sequences are.
 */
async function holds(ops: readonly Op[], onDelete: 'keep' | 'delete', knownOpen?: RegExp, digests = false): Promise<void> {
  const r = await runSequence(ops, onDelete, parseThreads, { digests });
  if (knownOpen) r.problems = r.problems.filter((p) => !knownOpen.test(p));
  wholeFile.runs++;
  wholeFile.transientSwitches += r.transientSwitches;
  expect(r.problems, `after step ${r.steps} of ${JSON.stringify(ops)}`).toEqual([]);
}

/** `holds` for a random sequence: what it exercised is counted for the check after the random runs. */
async function holdsRandom(ops: readonly Op[], onDelete: 'keep' | 'delete', digests = false): Promise<void> {
  const r = await runSequence(ops, onDelete, parseThreads, { digests });
  wholeFile.runs++;
  wholeFile.transientSwitches += r.transientSwitches;
  exercised.runs++;
  exercised.kills += r.kills;
  exercised.resends += r.resends;
  exercised.faultHits += r.faultHits;
  exercised.watcherMisses += r.watcherMisses;
  exercised.queuedStops += r.queuedStops;
  exercised.restores += r.restores;
  exercised.transientSwitches += r.transientSwitches;
  exercised.overwrites += r.overwrites;
  exercised.slowNotes += r.slowNotes;
  exercised.recreated += r.recreated;
  exercised.copies += r.copies;
  exercised.controls += r.controls;
  exercised.aways += r.aways;
  exercised.digests += r.digests;
  expect(r.problems, `after step ${r.steps} of ${JSON.stringify(ops)}`).toEqual([]);
}

// Every describe here runs its tests at once (three at a time: vitest.config.ts's maxConcurrency): each sequence has its
// own sandbox, service, faults and model (route-model.ts runSequence), and most of a sequence's time is waiting (quiet
// periods, removal windows, restarts), so one after another the file took 72 s in quiet CI for ~28 s of CPU.
// Over every run of the file, the kept cases too (a loaded machine splits their bursts as well): what the rule allowed, to be read.
afterAll(() => console.log(`model, the whole file: ${wholeFile.runs} runs, ${wholeFile.transientSwitches} switches to another note a later batch of their split burst corrected`));

describe.concurrent('model: every chat shows each published note once, in its newest state', () => {
  for (const onDelete of ['delete', 'keep'] as const) {
    it(`random sequences, onDelete: ${onDelete}`, { timeout: 180_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(sequenceArb(10), (ops) => holdsRandom(ops, onDelete)),
        { seed: SEED + (onDelete === 'keep' ? 1 : 0), numRuns: RUNS, interruptAfterTimeLimit: 150_000 },
      );
    });
  }
  it.each(['keep', 'delete'] as const)('sequences around translation-mode switches, onDelete: %s (issue 25, finding 4)', { timeout: 180_000 }, async (onDelete) => {
    await fc.assert(
      fc.asyncProperty(switchSequenceArb(10), (ops) => holdsRandom(ops, onDelete)),
      { seed: SEED + (onDelete === 'keep' ? 3 : 2), numRuns: SWITCH_RUNS, interruptAfterTimeLimit: 150_000 },
    );
  });
  it.each(['keep', 'delete'] as const)('sequences with burst digests, onDelete: %s (issue 25, e26m)', { timeout: 180_000 }, async (onDelete) => {
    await fc.assert(
      fc.asyncProperty(digestSequenceArb(10), (ops) => holdsRandom(ops, onDelete, true)),
      { seed: SEED + (onDelete === 'keep' ? 5 : 4), numRuns: DIGEST_RUNS, interruptAfterTimeLimit: 150_000 },
    );
  });
  // After the random tests above (a sequential test waits for the concurrent ones before it).
  it.sequential('the runs above killed the service and met platform outages', () => {
    if (exercised.runs === 0) return; // the random runs were filtered out (vitest -t): nothing to count
    console.log(`model: ${exercised.runs} runs, ${exercised.kills} kills, ${exercised.resends} posts resent after a kill, ${exercised.faultHits} sends that met an outage, ${exercised.watcherMisses} paths the watcher never reported (applied by a reconcile pass), ${exercised.queuedStops} stops with posts queued, ${exercised.restores} backups restored, ${exercised.overwrites} moves onto an existing file, ${exercised.recreated} paths re-created as another note, ${exercised.slowNotes} slow notes, ${exercised.copies} copies, ${exercised.controls} changes of controls alone, ${exercised.aways} folders moved away and back, ${exercised.digests} digests, ${exercised.transientSwitches} switches to another note a later batch of their split burst corrected (allowed, checked at rest)`);
    expect(exercised.kills).toBeGreaterThan(0);
    expect(exercised.faultHits).toBeGreaterThan(0);
    // The commands of issue 25's m25b: a slow note costs its parse budget, so it is met here, not in a test of its own. The
    // default seed's runs have one (one sequence in eight has: another seed's few runs may have none, MODEL_SEED=901's six; 25's since e25b's commands).
    if (SEED !== DEFAULT_SEED || RUNS < 4) return;
    expect(exercised.recreated).toBeGreaterThan(0);
    expect(exercised.slowNotes).toBeGreaterThan(0);
    // Issue 25, e25b: copies (an original removed later among them) and changes of controls alone, in the same sequences.
    expect(exercised.copies).toBeGreaterThan(0);
    expect(exercised.controls).toBeGreaterThan(0);
    // Issue 25, e26m: folders moved away and back, and burst digests (the digest sequences).
    expect(exercised.aways).toBeGreaterThan(0);
    if (DIGEST_RUNS > 0) expect(exercised.digests).toBeGreaterThan(0);
  });
});

describe.concurrent('model: counterexamples it found, kept', () => {
  it('a renamed translation whose text did not change: its message names the old id, the chat shows the same text (a gap in the model, seed 7)', async () => {
    await holds(
      [
        { op: 'burst', ops: [{ op: 'write', file: 'intro-ja.md', draft: false }, { op: 'write', file: 'setup.md', draft: false }] },
        { op: 'move', from: 'intro-ja.md', to: '_posts/ja/intro-ja.md' },
      ],
      'delete',
    );
  });
});

describe.concurrent('model: counterexamples (seed 25, after messages began to follow renamed notes)', () => {
  it('a note renamed (its key follows the name) while a translation joins its old key', async () => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'burst', ops: [{ op: 'move', from: 'setup.md', to: 'intro.md' }, { op: 'write', file: 'setup-ja.md', draft: false }] },
      ],
      'delete',
    );
  });
});

describe.concurrent('model: counterexamples (seed 1001)', () => {
  it('a note leaves a shared translation key for its own', async () => {
    await holds(
      [
        { op: 'write', file: 'intro.md', draft: false },
        { op: 'write', file: 'setup.md', draft: false, key: 'shared' },
        { op: 'write', file: 'setup.md', draft: false },
      ],
      'keep',
    );
  });
});

/**
 * A kill -9 once a post was carried out and its answer had not come back (route-model.ts Op `kill`, `sending`): the chat
 * shows a message the killed service never recorded, its database file as the OS leaves it (its `-wal` recovered by the
 * next start). README, "Exactly once": the post is sent again with its nonce and the chat keeps one message (the
 * console's message id is made of the delivery, as Discord answers a nonce with the first message), edited to the
 * note's newest state when it changed meanwhile; a note drafted or deleted meanwhile has that message deleted
 * (`delete`) or kept once (`keep`).
 */
describe.concurrent('model: kill -9 with a post carried out and unanswered', () => {
  it.each(['keep', 'delete'] as const)('posted, edited, drafted across kills (onDelete: %s)', { timeout: 90_000 }, async (onDelete) => {
    const ops: Op[] = [
        { op: 'kill', at: 'sending', ops: [{ op: 'write', file: 'a/setup.md', draft: false }] },
        { op: 'kill', at: 'sending', ops: [{ op: 'write', file: '_posts/ja/intro.md', draft: false, key: 'shared' }, { op: 'write', file: 'a/setup.md', draft: false }] },
        { op: 'kill', at: 'sending', ops: [{ op: 'write', file: '_posts/en/intro.md', draft: false, key: 'shared' }] },
        { op: 'kill', at: 'batched', ops: [{ op: 'write', file: 'a/setup.md', draft: true }] },
        { op: 'kill', at: 'written', ops: [{ op: 'remove', file: '_posts/ja/intro.md' }] },
    ];
    const r = await runSequence(ops, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
    // The kills caught posts carried out and unanswered, and the starts after them sent those again (the same message).
    expect(r.resends).toBeGreaterThan(0);
  });
});

describe.concurrent('model: counterexamples (seed 25, after kills and outages joined the commands)', () => {
  it('a kill once a translation keyed `shared` was handled, then an English note joins the key from a new nested folder', async () => {
    // Found a harness gap, not a service one: the killed app's folder watches, shared by path in one
    // process, were torn down after the new app's were made (RunningApp.abandon now drops them first).
    await holds(
      [
        { op: 'kill', at: 'batched', ops: [{ op: 'write', file: 'intro.md', draft: false, key: 'shared' }] },
        { op: 'write', file: '_posts/en/intro.md', draft: false, key: 'shared' },
      ],
      'delete',
    );
  });
});

describe.concurrent('model: counterexamples (bench seed 2025)', () => {
  it('a translation re-drafted under another key takes its kept message along; a note later joining the old key is posted', async () => {
    await holds(
      [
        { op: 'restart', offline: [{ op: 'write', file: 'setup-ja.md', draft: false, key: 'shared' }] },
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'write', file: '_posts/ja/setup.md', draft: false },
        { op: 'write', file: 'setup-ja.md', draft: true },
        { op: 'remove', file: 'setup.md' },
        { op: 'write', file: 'setup.md', draft: false, key: 'shared' },
      ],
      'keep',
    );
  });
});

/**
 * Flaky under load until removal-report.ts (3 of 24 runs of the case alone, two loops at once, load 25): step 1's
 * a/setup.md write event had not settled when step 2 moved it (edited) to intro.md; the flush found a/setup.md gone and
 * dated its removal by the write's report, its window already over: judged at once, before the move's events came
 * (a/setup.md in step 1's batch, again alone as removed, then with intro.md), and intro.md was posted as new (N1 twice). A
 * removal reported by no event of its own now counts from the flush that found it (test/watch/removal-report.test.ts).
 */
describe.concurrent('model: a rename and an edit at once (finding N13)', () => {
  it.each(['keep', 'delete'] as const)('renamed and edited, then again while stopped: one message, edited (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'a/setup.md', draft: false },
        { op: 'moveEdit', from: 'a/setup.md', to: 'intro.md' },
        { op: 'restart', offline: [{ op: 'moveEdit', from: 'intro.md', to: '_posts/en/intro.md' }] },
        { op: 'kill', at: 'written', ops: [{ op: 'moveEdit', from: '_posts/en/intro.md', to: 'b/setup.md' }] },
      ],
      onDelete,
    );
  });
});

describe.concurrent('model: a move that changes the family a note\'s file name gives it (MODEL_RUNS=24, onDelete: keep)', () => {
  it.each(['keep', 'delete'] as const)('intro-ja.md moved unedited to a/setup-ja.md while both families have a message: one live message per chat for it (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'intro.md', draft: false },
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'write', file: 'intro-ja.md', draft: false },
        { op: 'move', from: 'intro-ja.md', to: 'a/setup-ja.md' },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('the moved note was its old family\'s last member and joins a family with a message: its old message goes (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'write', file: 'intro-ja.md', draft: false },
        { op: 'move', from: 'intro-ja.md', to: 'a/setup-ja.md' },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('the same across language folders: _posts/en/intro.md to _posts/ja/setup.md, and ja to en (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'write', file: '_posts/en/intro.md', draft: false },
        { op: 'write', file: 'intro-ja.md', draft: false },
        { op: 'move', from: '_posts/en/intro.md', to: '_posts/ja/setup.md' },
        { op: 'move', from: 'intro-ja.md', to: '_posts/en/intro.md' },
      ],
      onDelete,
    );
  });
});

describe.concurrent('model: publish.translations switched between separate and group (issue 25, F1)', () => {
  it.each(['keep', 'delete'] as const)('a note posted on its own while separate, its translation added once grouped: its message is adopted, never posted again (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'restart', offline: [], mode: 'separate' },
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'restart', offline: [], mode: 'group' },
        { op: 'write', file: 'setup-ja.md', draft: false },
        { op: 'restart', offline: [{ op: 'write', file: 'intro.md', draft: false }], mode: 'separate' },
        { op: 'kill', at: 'batched', ops: [{ op: 'write', file: 'intro-ja.md', draft: false }] },
        { op: 'restart', offline: [], mode: 'group' },
        { op: 'write', file: '_posts/ja/intro.md', draft: false, key: 'intro' },
      ],
      onDelete,
    );
  });
});

/**
 * Issue 25, round 4, finding 4 (a tester's, rebuilt here): a translation renamed while `separate`
 * (its key, from its name, changes) left its family's message behind; its edits reached no chat,
 * and `group` again did not repair it. The model checks edits while `separate` and everything once
 * back in `group`.
 */
describe.concurrent('model: a translation renamed while separate (issue 25, finding 4)', () => {
  it.each(['keep', 'delete'] as const)('renamed, edited, then group again (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'burst', ops: [{ op: 'write', file: 'setup.md', draft: false }, { op: 'write', file: 'setup-ja.md', draft: false }] },
        { op: 'restart', offline: [], mode: 'separate' },
        { op: 'move', from: 'setup-ja.md', to: 'intro-ja.md' },
        { op: 'write', file: 'intro-ja.md', draft: false },
        { op: 'restart', offline: [], mode: 'group' },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('renamed across language folders while stopped and separate, edited, then group (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'burst', ops: [{ op: 'write', file: '_posts/en/setup.md', draft: false }, { op: 'write', file: '_posts/ja/setup.md', draft: false }] },
        { op: 'restart', offline: [{ op: 'move', from: '_posts/ja/setup.md', to: '_posts/en/intro.md' }], mode: 'separate' },
        { op: 'write', file: '_posts/en/intro.md', draft: false },
        { op: 'restart', offline: [], mode: 'group' },
      ],
      onDelete,
    );
  });
});

/**
 * Found by `BENCH_MODEL_RUNS=12 BENCH_MODEL_SEED=4242 npm run bench -- model` (onDelete: keep), shrunk by hand:
 * a Japanese note moved into the English folder under another note's name, and edited, changes language, name and
 * content at once. rename-match.ts matched within one language only, so it took this for a delete and a new note:
 * with `keep` its old message stayed beside the new post, two live messages of one title. It keeps its title, so it
 * is now the same post whatever its language, and its message follows it.
 */
describe.concurrent('model: a move across languages and families, edited at once (seed 4242)', () => {
  it.each(['keep', 'delete'] as const)('a translation moved into another language folder and edited at once, onto a name another note has (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'intro-ja.md', draft: false },
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'moveEdit', from: 'intro-ja.md', to: '_posts/en/setup.md' },
      ],
      onDelete,
    );
  });
});

/**
 * Counted once the model counted posts of renamed and moved notes too (issue 25, F2 and the
 * intermittent move re-post; `MODEL_RUNS=40`, seed 25).
 */
describe.concurrent('model: moves counted as posts (issue 25)', () => {
  it.each(['keep', 'delete'] as const)('F2: a translation moved into another family, its message posted for it and now showing the other member: it follows the note, the member left is posted (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'intro-ja.md', draft: false },
        { op: 'write', file: 'intro.md', draft: false },
        { op: 'move', from: 'intro-ja.md', to: 'a/setup-ja.md' },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('F2 mirrored: a translation that joined later, shown in a chat whose message was posted for the other member, leaves for its own key: the message stays (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'intro.md', draft: false },
        { op: 'write', file: 'a/intro-ja.md', draft: false },
        { op: 'write', file: 'a/intro-ja.md', draft: false, key: 'shared' },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('F2 across languages: the same, moved into the English folder and edited (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'intro-ja.md', draft: false },
        { op: 'write', file: 'intro.md', draft: false },
        { op: 'moveEdit', from: 'intro-ja.md', to: '_posts/en/setup.md' },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('a note written while stopped, then moved into a new folder (its removal may come a batch late): never posted again (onDelete: %s)', async (onDelete) => {
    await holds([{ op: 'restart', offline: [{ op: 'write', file: 'setup.md', draft: false }] }, { op: 'move', from: 'setup.md', to: 'a/setup.md' }], onDelete);
  });
  it('an outage step whose first batch is a removal alone: its check waits for the posts of the last batch (a harness race, seed 25)', async () => {
    await holds(
      [
        { op: 'write', file: '_posts/ja/setup.md', draft: false },
        { op: 'outage', kind: 'hang', ops: [{ op: 'write', file: 'setup.md', draft: false }, { op: 'remove', file: 'setup.md' }, { op: 'write', file: 'intro-ja.md', draft: false }] },
      ],
      'delete',
    );
  });
});

/**
 * Issue 25, round 4, finding 1: renames in a chain in one batch (here the start-up scan's, as
 * `sync --once`): the path in the middle was taken as one note edited, the last note posted again.
 */
describe.concurrent('model: renames in a chain (issue 25, round 4)', () => {
  it.each(['keep', 'delete'] as const)('mv intro.md a/intro.md; mv setup.md intro.md while stopped (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'write', file: 'intro.md', draft: false },
        { op: 'restart', offline: [{ op: 'move', from: 'intro.md', to: 'a/intro.md' }, { op: 'move', from: 'setup.md', to: 'intro.md' }] },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('across families: mv setup-ja.md a/setup-ja.md; mv intro-ja.md setup-ja.md while stopped (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'burst', ops: [{ op: 'write', file: 'intro.md', draft: false }, { op: 'write', file: 'intro-ja.md', draft: false }] },
        { op: 'burst', ops: [{ op: 'write', file: 'setup.md', draft: false }, { op: 'write', file: 'setup-ja.md', draft: false }] },
        { op: 'restart', offline: [{ op: 'move', from: 'setup-ja.md', to: 'a/setup-ja.md' }, { op: 'move', from: 'intro-ja.md', to: 'setup-ja.md' }] },
      ],
      onDelete,
    );
  });
});

/**
 * Found by `BENCH_MODEL_RUNS=30 BENCH_MODEL_SEED=7 node dist/bench/run.js model` (both `onDelete` modes): during an
 * outage `_posts/ja/intro.md` (N4) moves to `setup-ja.md` while another `_posts/ja/intro.md` is written in the same
 * batch; N4 was posted a second time. Shrunk by hand to a move and a new note at the moved note's old path, outage
 * or not, across families or not: the old path, known with new content, was taken for an edit of the moved note and
 * the moved file for a new note. Its exact content now says where it went (rename-chain.ts, in one batch;
 * late-removals.ts, the moved file reported first).
 */
describe.concurrent('model: a note moved and a new note written at its old path at once (bench seed 7)', () => {
  it.each(['keep', 'delete'] as const)('the seed-7 sequence: a translation moved into another family during an outage, its old path written again in the same batch (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'restore' },
        { op: 'burst', ops: [{ op: 'remove', file: 'setup.md' }, { op: 'write', file: 'setup.md', draft: false }]},
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'kill', at: 'written', ops: [{ op: 'write', file: 'setup.md', draft: false }]},
        { op: 'move', from: 'setup.md', to: 'setup.md' },
        { op: 'burst', ops: [{ op: 'write', file: '_posts/ja/intro.md', draft: false }, { op: 'remove', file: 'setup.md' }]},
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'outage', kind: 'down', ops: [{ op: 'move', from: '_posts/ja/intro.md', to: 'setup-ja.md' }, { op: 'write', file: '_posts/ja/intro.md', draft: false }, { op: 'write', file: 'setup.md', draft: false }]},
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('shrunk: _posts/ja/intro.md moved to setup-ja.md and a new _posts/ja/intro.md in one burst (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: '_posts/ja/intro.md', draft: false },
        { op: 'burst', ops: [{ op: 'move', from: '_posts/ja/intro.md', to: 'setup-ja.md' }, { op: 'write', file: '_posts/ja/intro.md', draft: false }]},
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('shrunk: intro.md moved into a new folder and a new intro.md (the moved file is reported a batch first) (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'intro.md', draft: false },
        { op: 'burst', ops: [{ op: 'move', from: 'intro.md', to: 'a/intro.md' }, { op: 'write', file: 'intro.md', draft: false }]},
      ],
      onDelete,
    );
  });
});

/**
 * Found by `BENCH_MODEL_RUNS=15 BENCH_MODEL_SEED=31 node dist/bench/run.js model` (both `onDelete` modes, path
 * `9:2:2:3:2:2:2:2:2:2:2:2:2:2:2:5:5:6:5:8:9:9:2:3:2:2:4:4:4:4:3:3:3:3`), shrunk by hand from 9 steps to 5; it
 * failed until issue 25's m25 branch (kept as `it.fails` then, a plain test since). A note posted on its own while `separate`, written again once `group`,
 * then renamed (its key, from its name, changes): its own message (a family of one adopts none) stood for its family,
 * but the new key's family had no chat that wanted it before, so `syncFamily` posted it anew: two live messages.
 * Now a member's own message that stays in a chat shows its family there (family-adopt.ts `ownMessageStays`).
 */
describe.concurrent('model: a note posted while separate, renamed once grouped (bench seed 31)', () => {
  it.each(['keep', 'delete'] as const)('a note posted while separate, written again once grouped, then renamed: one live message (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'restart', offline: [], mode: 'separate' },
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'restart', offline: [], mode: 'group' },
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'move', from: 'setup.md', to: 'intro.md' },
      ],
      onDelete,
    );
  });
});

/**
 * Found by the folder chats and the "no switch" check (issue 25 item 1, tester round), shrunk by hand; it failed
 * until issue 25's m25 branch (kept as `it.fails` then, a plain test since). `_posts/ja/intro.md` moved to `setup-ja.md` and a new `_posts/ja/intro.md` written in
 * one burst, `setup.md`'s family having a message in `all`: the moved note joined that message, and the one posted for
 * it in `all` stayed intro's, edited to show the new note (another ja note). Its deletion, queued under the family,
 * was called off by `syncFamily` (the family is still wanted there). Now the message leaves the old family with its
 * note and is deleted there as a second message of it; intro is posted anew for the new note (family-follow.ts).
 */
describe.concurrent('model: a note moved into a family with a message in the chat, a new note at its old path (no-switch check)', () => {
  it.each(['keep', 'delete'] as const)('its old message never shows the new note (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'write', file: '_posts/ja/intro.md', draft: false },
        { op: 'burst', ops: [{ op: 'move', from: '_posts/ja/intro.md', to: 'setup-ja.md' }, { op: 'write', file: '_posts/ja/intro.md', draft: false }] },
      ],
      onDelete,
    );
  });
});

describe.concurrent('model: counterexamples the family-key fix of issue 25 item 1 (tester round) fixed', () => {
  // Found by `MODEL_SEED=99 MODEL_SWITCH_RUNS=20` (the switch sequences, onDelete: delete), shrunk by hand; it failed
  // on main before that fix (kept as `it.fails` then, a plain test since). N1 (ja, key shared) posted and removed (its message deleted); while stopped N2 and N3, both ja under
  // `shared`, are written; N1 restored while stopped: N2 was posted a second time in `all` and `ja`. N1, announced
  // before, now keeps its place under `shared` while removed: N2 and N3 are each on their own, N1 takes its family back.
  it('a removed translation restored while stopped, beside two notes of its language under its key (switch sequences, seed 101, delete; no switch in it)', { timeout: 60_000 }, async () => {
    await holds(
      [
        { op: 'write', file: '_posts/en/setup-ja.md', draft: false, key: 'shared' },
        { op: 'remove', file: '_posts/en/setup-ja.md' },
        { op: 'restart', offline: [{ op: 'write', file: '_posts/ja/setup.md', draft: false, key: 'shared' }, { op: 'write', file: 'a/intro-ja.md', draft: false, key: 'shared' }] },
        { op: 'restart', offline: [{ op: 'restore' }] },
      ],
      'delete',
    );
  });
});

describe.concurrent('model: two notes of one name and language in two folders, over time (issue 25 item 1, tester round)', () => {
  it.each(['keep', 'delete'] as const)('a/setup.md removed, b/setup.md edited, a/setup.md back, b/setup.md edited: each keeps its own message (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'a/setup.md', draft: false },
        { op: 'write', file: 'b/setup.md', draft: false },
        { op: 'remove', file: 'a/setup.md' },
        { op: 'write', file: 'b/setup.md', draft: false },
        { op: 'restore' },
        { op: 'write', file: 'b/setup.md', draft: false },
      ],
      onDelete,
    );
  });
});

/**
 * Two notes swapped in one burst (`mv setup.md c.md; mv intro.md setup.md; mv c.md intro.md`): each path is known with
 * the other's exact content. Both were taken as edits in place (rename-chain.ts followed chains to a path new to the
 * store only), and each family's message, keyed by the file name, was edited to show the other note. A chain that turns
 * back on itself is now a cycle of renames (one note parked under a temporary id: publisher.ts `renameAll`), and the
 * two families' messages are exchanged with their notes (family-outbox.ts `followRenamedFamilies`).
 */
describe.concurrent('model: notes swapped in one burst (issue 25, m25\'s case once open, fixed)', () => {
  it.each(['keep', 'delete'] as const)('two notes swapped in one burst: each message follows its note (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'burst', ops: [{ op: 'write', file: 'setup.md', draft: false }, { op: 'write', file: 'intro.md', draft: false }] },
        { op: 'burst', ops: [{ op: 'move', from: 'setup.md', to: 'a/swap.md' }, { op: 'move', from: 'intro.md', to: 'setup.md' }, { op: 'move', from: 'a/swap.md', to: 'intro.md' }] },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('three notes rotated in one burst, two of one name in two folders: each message follows its note (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'burst', ops: [{ op: 'write', file: 'setup.md', draft: false }, { op: 'write', file: 'intro.md', draft: false }, { op: 'write', file: 'a/setup.md', draft: false }] },
        {
          op: 'burst',
          ops: [
            { op: 'move', from: 'setup.md', to: 'b/swap.md' },
            { op: 'move', from: 'intro.md', to: 'setup.md' },
            { op: 'move', from: 'a/setup.md', to: 'intro.md' },
            { op: 'move', from: 'b/swap.md', to: 'a/setup.md' },
          ],
        },
      ],
      onDelete,
    );
  });
});

/**
 * From `MODEL_RUNS=30 MODEL_SEED=9001` (m25's hunt), kept to its first three steps: a translation posted under `group`
 * (its first batch after a kill), removed while stopped, started `separate`, restored. While `separate` a retraction
 * leaves its family's message as it is (family-after-switch.ts), and the restored note was announced with a message of
 * its own: two live messages showed it. A note back while `separate` now has that message edited instead
 * (`returnToFamilyMessages`); the same with a family of two, the removed member's message left in its own chat. Since
 * e25b's check that no chat gets an edit identical to what it shows (route-model.ts identicalEdits), both failed in CI
 * under `delete` (the message showed the restored note's text already, and was edited to it): a message that shows
 * that text is left alone now (family-after-switch.ts editShown).
 */
describe.concurrent('model: a note back while separate, its family message left showing it (MODEL_SEED=9001)', () => {
  it('MODEL_SEED=9001 (delete): a translation removed while stopped, restored once separate: shown once', { timeout: 60_000 }, async () => {
    await holds(
      [
        { op: 'kill', at: 'written', ops: [{ op: 'write', file: '_posts/en/setup-ja.md', draft: false }] },
        { op: 'restart', offline: [{ op: 'remove', file: '_posts/en/setup-ja.md' }], mode: 'separate' },
        { op: 'restore' },
      ],
      'delete',
    );
  });
  it.each(['keep', 'delete'] as const)('a family of two: its Japanese member removed and restored while separate (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'burst', ops: [{ op: 'write', file: 'setup.md', draft: false }, { op: 'write', file: 'setup-ja.md', draft: false }] },
        { op: 'restart', offline: [], mode: 'separate' },
        { op: 'remove', file: 'setup-ja.md' },
        { op: 'restore' },
      ],
      onDelete,
    );
  });
});

/**
 * `MODEL_RUNS=30 MODEL_SEED=9001`, fast-check seed 9002 (keep), 7 steps shrunk to 5 (m26, by dropping steps and burst
 * members while it still failed): an English note keyed `shared` posted under `group`; `separate`; a Japanese note
 * joins `shared` and gets its own message in `all`; `group` again: the family's message in `all` adopts it ("also
 * in"), its own message there is deleted (family-adopt.ts); the English note is moved to `b/setup-ja.md`, Japanese now:
 * two Japanese notes under one key are two families, the moved one takes the family's message along (family-follow),
 * and the one left, with no message in `all` any more, is posted there again ("N2 was posted 2 times"). Not a service
 * fault: one of the two has to be posted anew once a message that stood for both stands for one (the other way round
 * re-posts the moved note). The model now allows that one re-post of a note whose own message was retired
 * (route-model.ts `noteRetired`); the original 7 steps are kept beside it.
 */
describe.concurrent('model: a note whose own message gave way to its family\'s, then the family split (MODEL_SEED=9001, fast-check 9002)', () => {
  it('shrunk: posted again once for the family split off, never more', { timeout: 60_000 }, async () => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false, key: 'shared' },
        { op: 'restart', offline: [], mode: 'separate' },
        { op: 'write', file: '_posts/ja/intro-ja.md', draft: false, key: 'shared', generic: true },
        { op: 'restart', offline: [], mode: 'group' },
        { op: 'move', from: 'setup.md', to: 'b/setup-ja.md' },
      ],
      'keep',
    );
  });
  it('the 7 steps as fast-check shrank them', { timeout: 60_000 }, async () => {
    await holds(
      [
        { op: 'burst', ops: [{ op: 'write', file: 'setup.md', draft: false, key: 'shared' }, { op: 'remove', file: 'setup-ja.md' }, { op: 'moveEdit', from: 'setup.md', to: 'setup.md' }] },
        { op: 'restart', offline: [{ op: 'move', from: '_posts/ja/intro.md', to: 'setup-ja.md' }], mode: 'separate' },
        { op: 'write', file: '_posts/ja/intro-ja.md', draft: false, key: 'shared', generic: true },
        { op: 'restart', offline: [{ op: 'move', from: 'b/setup.md', to: '_posts/ja/intro.md' }, { op: 'write', file: 'b/intro.md', draft: false }], mode: 'group' },
        { op: 'moveEdit', from: 'a/setup.md', to: 'setup-ja.md' },
        { op: 'burst', ops: [{ op: 'move', from: '_posts/en/setup-ja.md', to: 'a/setup-ja.md' }, { op: 'move', from: 'setup.md', to: 'b/setup-ja.md' }, { op: 'remove', file: 'setup.md' }] },
        { op: 'kill', at: 'written', ops: [{ op: 'moveEdit', from: '_posts/en/intro-ja.md', to: '_posts/en/setup-ja.md' }, { op: 'write', file: 'a/setup.md', draft: false, key: 'shared', generic: true }] },
      ],
      'keep',
    );
  });
});

/**
 * The two steps the model lacked (issue 25, last stop: each found real doubles by hand): stopped with posts queued,
 * notes deleted or edited while stopped, the platform back at or after the start; and an older copy of the state
 * restored as docs/operations.md says (`--after-restore`). Both are among the generated commands now; these are
 * the tester's cases written as model steps.
 */
describe.concurrent('model: stopped with posts queued, restored backups (issue 25, the generator\'s two missing steps)', () => {
  for (const back of ['atStart', 'afterStart'] as const) {
    it.each(['keep', 'delete'] as const)(`a note written in an outage, deleted while stopped; another edited while stopped: platform back ${back} (onDelete: %s)`, { timeout: 60_000 }, async (onDelete) => {
      await holds(
        [
          { op: 'write', file: 'setup.md', draft: false },
          { op: 'stopQueued', ops: [{ op: 'write', file: 'intro.md', draft: false }, { op: 'write', file: 'a/setup-ja.md', draft: false }], offline: [{ op: 'remove', file: 'intro.md' }, { op: 'write', file: 'a/setup-ja.md', draft: false }], back },
        ],
        onDelete,
      );
    });
  }
  // Found by the restore step at once (m26: `BENCH_MODEL_SEED=2612`'s sequences, 16 steps, run 11 of both modes; shrunk
  // from 13 steps to 4 by dropping steps): a backup of a state with no notes; a ja note keyed `shared` posted, an English
  // draft joins the key; the backup restored, started --after-restore: the note new to the backup was recorded without
  // announcing, but the draft touched its family, whose chats the store did not know as wanted, and the family was
  // posted again (README promises a restore announces nothing new). A first run did the same: `markSilentlyRecorded`.
  it.each(['keep', 'delete'] as const)('a backup restored, a note new to it sharing a key with a draft: not posted again (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'backup' },
        { op: 'write', file: '_posts/ja/setup.md', draft: false, key: 'shared' },
        { op: 'write', file: 'b/setup.md', draft: true, key: 'shared', generic: true },
        { op: 'restoreBackup' },
      ],
      onDelete,
    );
  });
  // Found by the two new steps together (m26: the bench-like sequences of seed 2613, 16 steps, run 4 of both modes; the
  // `delete` one shrunk from 12 steps to 5): a note removed (delete: its messages deleted) before a backup, restored
  // after it and announced again; the backup restored with --after-restore knew it as deleted and announced it a third
  // time. docs/operations.md promises a restore announces nothing it knows as a draft; deleted is the same case (the
  // instance after the backup most likely announced it): recorded without announcing now, as a draft was.
  it.each(['keep', 'delete'] as const)('a note deleted before the backup and back after it: the restore does not post it again (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'outage', kind: 'down', ops: [{ op: 'write', file: 'b/setup.md', draft: false }] },
        { op: 'stopQueued', ops: [{ op: 'write', file: '_posts/en/intro.md', draft: false }], offline: [{ op: 'remove', file: 'b/setup.md' }], back: 'atStart' },
        { op: 'backup' },
        { op: 'stopQueued', ops: [{ op: 'write', file: 'a/intro.md', draft: false, key: 'shared' }, { op: 'restore' }], offline: [{ op: 'remove', file: 'a/intro-ja.md' }], back: 'atStart' },
        { op: 'restoreBackup' },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('a backup taken, notes posted, edited and removed after it, the backup restored with --after-restore: nothing posted twice (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'write', file: 'intro-ja.md', draft: false },
        { op: 'backup' },
        { op: 'write', file: 'intro.md', draft: false },
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'remove', file: 'intro-ja.md' },
        { op: 'restoreBackup' },
        { op: 'write', file: 'b/setup.md', draft: false },
        { op: 'write', file: 'intro.md', draft: false },
      ],
      onDelete,
    );
  });
});

/**
 * Found by `MODEL_RUNS=40 MODEL_SEED=311` (onDelete: keep; fast-check seed 312, path 24:1:3:3:5:7:7:7), shrunk by hand
 * from 6 steps. A ja note's message is kept after its deletion (keep); another ja note is moved and edited onto the
 * deleted note's path. That path was known (its deleted record), so rename detection never looked at it: it was taken
 * for the deleted note come back, whose kept message was edited to show the moved note while the moved note's own
 * message stayed: two live messages showed it, and one switched notes. Now a changed path known only as a deleted
 * note's, with other content, may be a rename's end (rename-match.ts), and the deleted record is set aside under an id
 * no path has, keeping its family place and message (rename-apply.ts).
 */
describe.concurrent('model: a note moved onto a deleted note\'s path (MODEL_SEED=311)', () => {
  it.each(['keep', 'delete'] as const)('a note moved and edited onto the path of a deleted note (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: '_posts/ja/intro.md', draft: false },
        { op: 'write', file: '_posts/en/setup-ja.md', draft: false },
        { op: 'remove', file: '_posts/ja/intro.md' },
        { op: 'moveEdit', from: '_posts/en/setup-ja.md', to: '_posts/ja/intro.md' },
      ],
      onDelete,
    );
  });
});

/**
 * Found by the bench-like sequences of seed 2613 (16 steps), run 4, onDelete: keep (m26), shrunk from 13 steps to 6.
 * Read: b/setup (N1, then N2 re-keyed to `shared` after the backup) has messages in `all`, `en`, `b`; after the backup
 * a/intro (N4, English, `shared`) was posted too, as `shared#a/intro` (c7, c8, c9). The restored database knows
 * none of those: started `--after-restore`, it records a/intro silently (counted as announced: family-outbox.ts
 * markSilentlyRecorded) as the English member of `shared`, and b/setup, re-keyed, goes to `shared#b/setup` with its
 * messages. Moved to a/setup-ja.md, N2 is Japanese and joins `shared`, which has no message known anywhere: its old
 * family's messages were all brought in (followRenamedFamilies), and the `en` one was edited to show the family's
 * English member, a/intro, beside the message the chat already had for it: two messages showing N4. A family taken
 * as shown in a chat with no message of it known there keeps the moved note's message out where it would show
 * another member (family-follow.ts shownUnseen).
 */
describe.concurrent('model: a note moved into a family known only from a restore\'s silent records (seed 2613)', () => {
  it.each(['keep', 'delete'] as const)('a note re-keyed after a backup, the backup restored, the note moved and edited (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'outage', kind: 'down', ops: [{ op: 'write', file: 'b/setup.md', draft: false }] },
        { op: 'backup' },
        { op: 'stopQueued', ops: [{ op: 'write', file: 'b/setup.md', draft: false, key: 'shared' }, { op: 'remove', file: '_posts/en/intro.md' }], offline: [{ op: 'remove', file: '_posts/en/setup.md' }, { op: 'write', file: 'b/intro.md', draft: true }], back: 'atStart' },
        { op: 'stopQueued', ops: [{ op: 'write', file: 'a/intro.md', draft: false, key: 'shared' }, { op: 'restore' }], offline: [{ op: 'remove', file: 'a/intro-ja.md' }], back: 'atStart' },
        { op: 'restoreBackup' },
        { op: 'moveEdit', from: 'b/setup.md', to: 'a/setup-ja.md' },
      ],
      onDelete,
    );
  });
});

/**
 * Issue 25, tester 19 F1: another note moved over an announced note in another folder, chats routed by path (the
 * model's `a/**` and `b/**` chats), both named setup.md in one language. b's note was taken as edited into a's: its
 * messages switched to show a (another English note), a's kept beside them. b is overwritten (onDelete), a's
 * messages follow it to b/setup.md. Both titled "Introduction" (`generic`): with titles apart, b's file was held as
 * a rewrite beyond recognition and the move was found. Flaky (about 2 runs in 5) while b/setup.md reported a batch
 * before a/setup.md's removal was read as b's edit: each report order is tried explicitly in
 * test/publish/moved-over-split.test.ts (kept-copies.ts originalOf: an original whose file is gone, its removal not reported yet).
 */
describe.concurrent('model: a note moved over another of its name in another folder (issue 25, tester 19 F1)', () => {
  it.each(['keep', 'delete'] as const)('mv a/setup.md b/setup.md over an announced b/setup (onDelete: %s)', async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'a/setup.md', draft: false, generic: true },
        { op: 'write', file: 'b/setup.md', draft: false, generic: true },
        { op: 'move', from: 'a/setup.md', to: 'b/setup.md', over: true },
      ],
      onDelete,
    );
  });
});

/**
 * Found by `MODEL_RUNS=12 MODEL_SEED=311` once moves onto existing files joined the random commands (issue 25, e25w;
 * fast-check seed 312, path 8:0:2:4:4:4:0:0:0:0; no overwrite in it), shrunk to its first two steps; fails on main too.
 * Under `keep`: a note written during an outage (its posts queued), stopped, deleted while stopped: the start calls its
 * posts off (note-outbox.ts: nothing is announced for a note that is gone). The file restored, exactly as it was, is
 * taken for a note back whose kept messages are still up (decide.ts: "republished unchanged"), but it has none: it
 * never reached any chat. A note counts as announced in a chat only once a post there went out (or waits): one back
 * is new where its posts were called off, and only there (publish/called-off-chats.ts; the rule's own test:
 * test/publish/called-off-returns.test.ts). Under `delete` it was announced again and held.
 */
describe.concurrent('model: a note deleted while its posts waited, then restored (MODEL_SEED=311)', () => {
  it('written during an outage, deleted while stopped, restored: posted once restored (onDelete: keep)', { timeout: 60_000 }, async () => {
    await holds(
      [
        { op: 'stopQueued', ops: [{ op: 'write', file: 'b/setup-ja.md', draft: false }], offline: [{ op: 'remove', file: 'b/setup-ja.md' }], back: 'atStart' },
        { op: 'restore' },
      ],
      'keep',
    );
  });
  it('the same under onDelete: delete: announced again once restored', { timeout: 60_000 }, async () => {
    await holds(
      [
        { op: 'stopQueued', ops: [{ op: 'write', file: 'b/setup-ja.md', draft: false }], offline: [{ op: 'remove', file: 'b/setup-ja.md' }], back: 'atStart' },
        { op: 'restore' },
      ],
      'delete',
    );
  });
});

/**
 * Seed 311's class, in the shapes the rule names (publish/called-off-chats.ts): a translation whose family's message
 * went out to the chats its English member reaches, its own chats' posts called off (it is new there, and only there:
 * the family's message elsewhere is edited, never posted again); and a note called off while `separate`, back, then
 * `group` again.
 */
describe.concurrent('model: a note back after its posts were called off, in a family and across a translation-mode switch (seed 311\'s class)', () => {
  it.each(['keep', 'delete'] as const)('a translation written in an outage beside its posted original, deleted while stopped, restored (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'stopQueued', ops: [{ op: 'write', file: 'setup-ja.md', draft: false }], offline: [{ op: 'remove', file: 'setup-ja.md' }], back: 'atStart' },
        { op: 'restore' },
      ],
      onDelete,
    );
  });
  // CI on 58fb50e (a fresh clone, the whole suite, 8 jobs on 2 cores) failed the case above once, after step 2: "console:all:
  // message c1 edited to the text it shows (N1), delivery 3". The family's edit in `all` (setup-ja.md's link) waited in
  // the outage; when the removal the start found was judged before that edit's retry came, the edit was given the
  // family as it is (the message's text) and sent anyway. The platform back only after that judgement forces the order:
  // failed on main 58fb50e under both modes (test/publish/waiting-edit-undone.test.ts: the deliverer's check, shown-content.ts).
  it.each(['keep', 'delete'] as const)('the same, the platform back only once the start judged the removal (the order CI met under load; onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'stopQueued', ops: [{ op: 'write', file: 'setup-ja.md', draft: false }], offline: [{ op: 'remove', file: 'setup-ja.md' }], back: 'afterRemovals' },
        { op: 'restore' },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('called off while separate, restored, then group again (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'restart', offline: [], mode: 'separate' },
        { op: 'stopQueued', ops: [{ op: 'write', file: 'b/setup-ja.md', draft: false }], offline: [{ op: 'remove', file: 'b/setup-ja.md' }], back: 'atStart' },
        { op: 'restore' },
        { op: 'restart', offline: [], mode: 'group' },
      ],
      onDelete,
    );
  });
});

/**
 * Two of the three commands the model lacked, each a step outside testers found failures with by hand (issue 25, m25b),
 * as the generator writes them: identity evidence on `write` (`date`, `permalink`, a long body of its own), and a path
 * re-created with another note and then that note's translation. Both failed on c10ea58, before fx25l's F2 and F1 (the
 * kept message edited to show the new note; under `keep`, then its translation). The third, a slow note (route-slow.ts),
 * costs its parse budget: the random runs above meet it (checked there).
 */
describe.concurrent('model: identity evidence and re-created paths among the commands (issue 25, m25b)', () => {
  it.each(['keep', 'delete'] as const)('a weekly note re-created under its title with a new date, permalink and body, at once: another note (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'a/setup.md', draft: false, generic: true, date: '2025-01-06', permalink: '/weekly/', long: true },
        { op: 'burst', ops: [{ op: 'remove', file: 'a/setup.md' }, { op: 'write', file: 'a/setup.md', draft: false, generic: true, date: '2025-02-03', permalink: '/notes/one/', long: true }] },
        { op: 'write', file: 'a/setup.md', draft: false, generic: true },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('a posted note removed, another note at its path, then its translation (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false, date: '2025-01-06', permalink: '/weekly/', long: true },
        { op: 'remove', file: 'setup.md' },
        { op: 'write', file: 'setup.md', draft: false, date: '2025-02-03', permalink: '/notes/one/', long: true },
        { op: 'write', file: '_posts/ja/setup.md', draft: false },
      ],
      onDelete,
    );
  });
});

/**
 * Found by `MODEL_RUNS=16 MODEL_SEED=501` (fast-check seed 502, onDelete: keep) once `write` could set a `permalink`,
 * shrunk by hand from 5 steps: a note with a permalink moved from `b/` to `a/` never reached chat `a` (`a/**`): its
 * message was unchanged by the move (the link is the permalink), so it was decided "summary unchanged" and no chat was
 * looked at again. Fixed (decide.ts: a move is a controls change; test/publish/moved-kept-link.test.ts).
 */
describe.concurrent('model: a note with a permalink moved into a folder a chat wants (MODEL_SEED=501)', () => {
  it.each(['keep', 'delete'] as const)('b/intro.md with a permalink moved to a/intro.md: chat a shows it (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds([{ op: 'write', file: 'b/intro.md', draft: false, permalink: '/notes/two/' }, { op: 'move', from: 'b/intro.md', to: 'a/intro.md' }], onDelete);
  });
});

/**
 * Found by `MODEL_RUNS=16 MODEL_SEED=501` (fast-check seed 501, onDelete: delete; 11 steps, shrunk by hand to 4; none of
 * the new commands in it, and it failed under `keep` too; kept as `it.fails` until e25k). A backup of a state with no
 * notes; `intro.md` posted; the backup restored (`--after-restore` records `intro.md` silently, as announced:
 * docs/operations.md); then its translation `intro-ja.md` written: the family was posted again in `all` and `en`,
 * showing `intro.md` a second time beside the message the chats already had (markSilentlyRecorded counted them as
 * having the family only within the restore's batch). Now the start that records the note silently records its
 * family as shown in the chats the note brings it to, its message unknown (family-outbox.ts recordShownAtRestore):
 * never posted there again, the translation's addition said as an edit not sent (test/publish/restored-notes.test.ts).
 */
describe.concurrent('model: a translation of a note a restore recorded silently (MODEL_SEED=501)', () => {
  it.each(['keep', 'delete'] as const)('backup, a note posted, the backup restored, its translation written: the note is not posted again (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds([{ op: 'backup' }, { op: 'write', file: 'intro.md', draft: false }, { op: 'restoreBackup' }, { op: 'write', file: 'intro-ja.md', draft: false }], onDelete);
  });
});

/**
 * Found by `MODEL_RUNS=16 MODEL_SEED=501` after e25k's fixes (onDelete: delete, 9 steps, shrunk by hand to 3; failed on
 * main 5af3fe8 and 4c9a085, under `keep` as well, where all also showed N2 twice; kept as `it.fails` until e25a). An
 * announced `_posts/ja/intro-ja.md` (N1, a permalink), an English `_posts/en/intro-ja.md` (N2, titled "Introduction",
 * a date and another permalink) moved over it and edited in one step: N1's messages in `all` and `ja` were edited to
 * show N2, another ja note now. The path's new content keeps N2's title and URL and most of its body, and none of N1's
 * identity (another permalink): N2 moved over N1, which is overwritten (its messages kept or deleted as `onDelete`
 * says), not edited. Read as N1's edit in place, since its body was still alike to N1's (one template). Now the path's
 * own note is a candidate that shares the path only, and the moved note, sharing more, wins (moved-over.ts).
 */
describe.concurrent('model: a note moved over another of its name in another language folder, edited (MODEL_SEED=501)', () => {
  it.each(['keep', 'delete'] as const)('mv _posts/en/intro-ja.md over an announced _posts/ja/intro-ja.md, edited (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: '_posts/ja/intro-ja.md', draft: false, generic: false, permalink: '/weekly/', long: false },
        { op: 'write', file: '_posts/en/intro-ja.md', draft: false, generic: true, date: '2025-03-03', permalink: '/notes/two/', long: false },
        { op: 'moveEdit', from: '_posts/en/intro-ja.md', to: '_posts/ja/intro-ja.md', over: true },
      ],
      onDelete,
    );
  });
});

/**
 * Found by `MODEL_SEED=3131` (onDelete: delete) once the harness stopped taking the last step's idle for an outage
 * step's (inproc.ts idleSinceLastBatch), shrunk by hand from 8 steps to 3; fails on 4c9a085 too, under `keep` as well.
 * `intro-ja.md` (N1, ja) and `_posts/en/intro.md` (N2, en) share `translationKey: shared`; in one burst `setup.md`
 * (N3, en) is written under that key and N2 drafted with its key dropped (to family `intro`). Chat en's message of
 * `shared`, posted for N2, is edited to show N3: another en note (README, Translations: a message never comes to show
 * another note of the language it was posted for; it follows N2, and `shared` is posted anew there for N3). Kept as
 * `it.fails` until fx25b: the drafted member's messages follow it (family-follow.ts follows a member leaving drafted).
 */
describe.concurrent('model: a member drafted out of its family while another note of its language joins it (MODEL_SEED=3131)', () => {
  it.each(['keep', 'delete'] as const)('N2 drafted and re-keyed, N3 written under its key, one burst (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'intro-ja.md', draft: false, generic: false, key: 'shared', long: true },
        { op: 'write', file: '_posts/en/intro.md', draft: false, key: 'shared' },
        {
          op: 'burst',
          ops: [
            { op: 'write', file: 'setup.md', draft: false, key: 'shared', generic: false, long: false },
            { op: 'write', file: '_posts/en/intro.md', draft: true, generic: false, long: false },
          ],
        },
      ],
      onDelete,
    );
  });
});

/**
 * The class around seed 501's case (e25a): a note moved and edited onto an announced note's path in another language
 * folder, either way, with identity fields written or none, translations grouped or `separate`. Each failed on 4c9a085
 * as seed 501's did (the overwritten note's messages edited to show the moved note); a plain move
 * (the content exact: kept-copies.ts copiedOver) and a translation of one family moved over its sibling passed there
 * and still do (e25a ran 192 such sequences).
 */
describe.concurrent('model: a note moved over an announced note of another language, edited (e25a, the class of MODEL_SEED=501)', () => {
  type Write = Extract<Op, { op: 'write' }>;
  const write = (file: string, more: Partial<Write>): Op => ({ op: 'write', file, draft: false, generic: false, long: false, ...more });
  const switchTo = (mode: 'separate'): Op => ({ op: 'restart', offline: [], mode });
  const identities: [string, Partial<Write>, Partial<Write>][] = [
    ['permalinks and a date', { permalink: '/weekly/' }, { generic: true, date: '2025-03-03', permalink: '/notes/two/' }],
    ['no identity written', {}, {}],
  ];
  const cases = (['group', 'separate'] as const).flatMap((mode) =>
    (
      [
        ['_posts/en/intro-ja.md', '_posts/ja/intro-ja.md'],
        ['_posts/ja/intro-ja.md', '_posts/en/intro-ja.md'],
      ] as const
    ).flatMap(([from, to]) =>
      identities.flatMap(([what, over, moved]) =>
        (['keep', 'delete'] as const).map((onDelete): [string, Op[], 'keep' | 'delete'] => [
          `${from} moved over ${to} and edited, ${what} (${mode}, onDelete: ${onDelete})`,
          [...(mode === 'separate' ? [switchTo(mode)] : []), write(to, over), write(from, moved), { op: 'moveEdit', from, to, over: true }],
          onDelete,
        ]),
      ),
    ),
  );
  it.each(cases)('%s', { timeout: 60_000 }, async (_, ops, onDelete) => {
    await holds(ops, onDelete);
  });
});

/**
 * Tester 23-1 F7, in the model's terms (its one-batch renames now draw it too): a note moved, edited and drafted in
 * one save, a new note written at its old path. The moved draft was left out of the rename reading, so the old path
 * was the note edited in place: its messages came to show the new note, which was never posted on its own.
 */
describe.concurrent('model: a note moved, edited and drafted at once, a new note at its old path (tester 23-1 F7)', () => {
  it.each(['keep', 'delete'] as const)('in one burst (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: '_posts/en/intro.md', draft: false },
        { op: 'burst', ops: [{ op: 'moveEdit', from: '_posts/en/intro.md', to: '_posts/en/setup.md', draft: true }, { op: 'write', file: '_posts/en/intro.md', draft: false }] },
      ],
      onDelete,
    );
  });
  it.each(['keep', 'delete'] as const)('while stopped (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'intro.md', draft: false },
        { op: 'restart', offline: [{ op: 'moveEdit', from: 'intro.md', to: 'a/intro.md', draft: true }, { op: 'write', file: 'intro.md', draft: false }] },
      ],
      onDelete,
    );
  });
});

/**
 * Issue 25, the outside tester's two classes, as commands of the model (route-model.ts `copy`, `controls`; e25b):
 * a copy then the original's removal a step later (an IDE's move), the copy or the original edited between, into a
 * folder a path filter picks or another language's folder; and a change of the `notecast:` controls alone, after which
 * no chat may get an edit whose text is what it shows (route-model.ts identicalEdits). These pass on f57893a's src/.
 */
describe.concurrent('model: a copy, then its original removed later, and controls changed alone (issue 25, e25b)', () => {
  type Write = Extract<Op, { op: 'write' }>;
  const write = (file: string, more: Partial<Write> = {}): Op => ({ op: 'write', file, draft: false, ...more });
  const cases: [string, Op[]][] = [
    ['setup.md copied to a/setup.md (chat a only), removed a step later', [write('setup.md'), { op: 'copy', from: 'setup.md', to: 'a/setup.md' }, { op: 'remove', file: 'setup.md' }]],
    ['_posts/en/setup.md copied to _posts/ja/setup.md, removed a step later', [write('_posts/en/setup.md'), { op: 'copy', from: '_posts/en/setup.md', to: '_posts/ja/setup.md' }, { op: 'remove', file: '_posts/en/setup.md' }]],
    ['setup.md copied to intro.md (the same chats), the original edited', [write('setup.md'), { op: 'copy', from: 'setup.md', to: 'intro.md' }, write('setup.md')]],
    ['setup.md copied to intro.md (the same chats), the copy edited', [write('setup.md'), { op: 'copy', from: 'setup.md', to: 'intro.md' }, write('intro.md')]],
    ['a translation\'s controls changed alone, twice', [write('setup.md'), write('setup-ja.md'), { op: 'controls', file: 'setup-ja.md', silent: true, pin: false }, { op: 'controls', file: 'setup-ja.md', silent: true, pin: true }]],
  ];
  // Under `keep` only, to keep the file's cost (about 1.5 s a case): `delete` meets them in the random runs above.
  it.each(cases)('%s (onDelete: keep)', { timeout: 60_000 }, async (_, ops) => {
    await holds(ops, 'keep');
  });
});

/**
 * Found by hand with the model's `copy` command (e25b), the tester's IDE move into a folder a path filter picks: the
 * copy `a/setup.md` is posted in chat `a` (only it goes there) and held in `all` and `en`, which show `setup.md` with
 * exactly its content (README, Moves: 'copy held'). Then its text comes to differ from the original's, a step later:
 * - the copy edited: `a`'s message was edited, and `all` and `en` never got the copy, a note of its own now (README:
 *   "announced once its own text differs"): the chats it was held in counted as chats that had its family, so its edit
 *   was "not sent" there. Now a chat a member was held in is new to it (family-copies.ts heldIn): posted there.
 * - the original edited: `all`'s and `en`'s messages of `setup.md` were edited to its edit, and the copy was shown in
 *   neither (README: "when the original later changes …, the copy is read as if written then, and the message follows
 *   it"). Now the message is handed to the copy and the edit posted as new (family-copies.ts handOverToHeldCopies).
 * Failed on f57893a's src/ and on main 29e215a (kept as `it.fails` until e25b's s24 fix); `separate` below.
 */
describe.concurrent('model: a copy held where its original is shown, then either edited (e25b)', () => {
  const start: Op[] = [{ op: 'write', file: 'setup.md', draft: false }, { op: 'copy', from: 'setup.md', to: 'a/setup.md' }];
  const separate: Op = { op: 'restart', offline: [], mode: 'separate' };
  it.each(['keep', 'delete'] as const)('setup.md copied to a/setup.md, the copy edited (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds([...start, { op: 'write', file: 'a/setup.md', draft: false }], onDelete);
  });
  it.each(['keep', 'delete'] as const)('setup.md copied to a/setup.md, the original edited (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds([...start, { op: 'write', file: 'setup.md', draft: false }], onDelete);
  });
  // BENCH_MODEL_SEED=4102 (both modes, shrunk by hand from 8 steps): the original, with a ja translation, removed a step
  // after the copy: chat all keeps the family (its ja member), so its message moved on to that member and nothing showed
  // the copy there. Failed on main 29e215a; the message now follows the copy and the family is posted there anew.
  it.each(['keep', 'delete'] as const)('setup.md, translated, copied to a/setup.md, then removed (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds([start[0]!, { op: 'write', file: '_posts/ja/setup.md', draft: false }, start[1]!, { op: 'remove', file: 'setup.md' }], onDelete);
  });
  // `separate`: the note's own messages are handed over the same way (note-outbox.ts handOverOnEdit); failed on main 29e215a.
  it('setup.md copied to a/setup.md, the original edited, translations separate (onDelete: keep)', { timeout: 60_000 }, async () => {
    await holds([separate, ...start, { op: 'write', file: 'setup.md', draft: false }], 'keep');
  });
});

/**
 * Found by `BENCH_MODEL_RUNS=12 BENCH_MODEL_SEED=2525 BENCH_MODEL_STEPS=12 npm run bench -- model` (both onDelete modes,
 * after step 8 under `keep`, 10 under `delete`), shrunk by hand: a Japanese note copied into the English folder under a
 * name keeping its `-ja` suffix (`_posts/en/setup-ja.md`: English, family `setup-ja`, not the original's `setup`) was
 * posted in chat `all` a second time, beside the message already showing exactly that text (README: a copy going to
 * chats its original does not reach is posted only there, held where the original is shown). A copy was held only
 * where a note of its own language showed its text; what a chat is shown is the text: now of any language
 * (family-copies.ts shownByOriginal), and the original's removal hands that message to the copy (takeoverByCopy). The
 * same under `separate`, where a copy into the other language folder under the same name (`_posts/en/setup.md` to
 * `_posts/ja/setup.md`, a message of its own there) was posted in `all` twice too. Each failed on main 29e215a (so did
 * the first case under `separate`, not kept: the file's cost).
 */
describe.concurrent('model: a copy into another language folder, held where its text is shown (BENCH_MODEL_SEED=2525, e25b)', () => {
  const separate: Op = { op: 'restart', offline: [], mode: 'separate' };
  const copyJa: Op[] = [{ op: 'write', file: 'setup-ja.md', draft: false }, { op: 'copy', from: 'setup-ja.md', to: '_posts/en/setup-ja.md' }];
  it.each(['keep', 'delete'] as const)('setup-ja.md copied to _posts/en/setup-ja.md: chat all shows it once (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(copyJa, onDelete);
  });
  it('setup-ja.md copied to _posts/en/setup-ja.md, the original removed a step later: all\'s message shows the copy (onDelete: delete)', { timeout: 60_000 }, async () => {
    await holds([...copyJa, { op: 'remove', file: 'setup-ja.md' }], 'delete');
  });
  it('_posts/en/setup.md copied to _posts/ja/setup.md, translations separate: all shows it once (onDelete: keep)', { timeout: 60_000 }, async () => {
    await holds([separate, { op: 'write', file: '_posts/en/setup.md', draft: false }, { op: 'copy', from: '_posts/en/setup.md', to: '_posts/ja/setup.md' }], 'keep');
  });
});

/**
 * Found by BENCH_MODEL_SEED=4102's delete counterexample (e25b), shrunk by hand to 3 steps; kept as `it.fails` until fx26a:
 * a family whose chat of no language is shown its Japanese member (written, and sent there, first), its English member
 * copied exactly to intro.md (the same chats): kept-copies.ts kept intro.md back because every chat it goes to was routed
 * its original (originalOf read routes), but chat `all` is shown the family by the Japanese member, so nothing there
 * showed intro.md. Now a chat covers the copy where it is shown the original (kept-copies.ts chatsShowing: the member
 * each chat of the family is given): intro.md is announced, posted in `all` and held in `en` (family-copies.ts). Both
 * failed on main df756d7.
 */
describe.concurrent('model: a copy kept back where its original is routed, not shown (e25b; fx26a)', () => {
  it.each(['delete', 'keep'] as const)('setup-ja.md, then setup.md, copied to intro.md: all shows intro.md (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds([{ op: 'write', file: 'setup-ja.md', draft: false }, { op: 'write', file: 'setup.md', draft: false }, { op: 'copy', from: 'setup.md', to: 'intro.md' }], onDelete);
  });
});

/**
 * Found by `BENCH_MODEL_RUNS=25 BENCH_MODEL_SEED=5201 npm run bench -- model` (both onDelete modes, 26 steps; s25-fx26w's
 * run, not analysed), shrunk by hand to 4 (s26-h25): intro.md copied to a/setup.md, a note of the family `setup` whose
 * message chat `all` already had (its Japanese member's). The copy was held in `all` (intro.md's message shows its text);
 * when intro.md was edited, no copy took that message there (family-copies.ts handOverToHeldCopies looked only for a copy
 * whose family had no message there), so it was edited to show the edit: a message of the note now at a/setup.md
 * switched to another English note ("message c3, posted for a/setup.md (en), shows intro.md (N3)"). A plain move
 * (`mv intro.md a/setup.md`) deletes it as a second message of the note, and posts the new intro.md: so does the copy now.
 * The removal ending passed on main too (a removed original's message there is kept or deleted by `onDelete`).
 */
describe.concurrent('model: a copy into a family with a message in a chat of no language, its original edited (BENCH_MODEL_SEED=5201)', () => {
  const start: Op[] = [
    { op: 'write', file: '_posts/ja/setup.md', draft: false },
    { op: 'write', file: 'intro.md', draft: false },
    { op: 'copy', from: 'intro.md', to: 'a/setup.md' },
  ];
  it.each(['delete', 'keep'] as const)('intro.md copied to a/setup.md, then edited (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds([...start, { op: 'write', file: 'intro.md', draft: false }], onDelete);
  });
  it.each(['delete', 'keep'] as const)('intro.md copied to a/setup.md, then removed (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds([...start, { op: 'remove', file: 'intro.md' }], onDelete);
  });
});

/**
 * Found by `BENCH_MODEL_RUNS=80 BENCH_MODEL_SEED=5302 npm run bench -- model` (onDelete: keep, run 7; fast-check's 25 steps,
 * "all: 2 live messages show N14"), shrunk by hand to 4 (s26-a25): intro-ja.md posted and removed (its family `intro`'s
 * message kept in chat `all`, showing it), then setup.md copied to b/intro.md, a member of `intro`. The copy was held in
 * `en` (setup.md's message shows its text), but in `all` the family's kept message was edited to show it: a second
 * message of setup.md's text there (family-outbox.ts edits a family's existing message before it asks whether the member
 * is a held copy). A kept message showing a removed member now leaves the copy held there (family-copies.ts
 * heldBesideRemovedMember). All three failed on main 6a8fa54 at step 4; the removal and the edit check what follows.
 */
describe.concurrent('model: a copy into a family whose message shows a removed member (BENCH_MODEL_SEED=5302, keep)', () => {
  const start: Op[] = [
    { op: 'write', file: 'intro-ja.md', draft: false },
    { op: 'remove', file: 'intro-ja.md' },
    { op: 'write', file: 'setup.md', draft: false },
    { op: 'copy', from: 'setup.md', to: 'b/intro.md' },
  ];
  it('intro-ja.md removed, setup.md copied to b/intro.md: held in all, not shown by the kept message (onDelete: keep)', { timeout: 60_000 }, async () => {
    await holds(start, 'keep');
  });
  it('then setup.md removed (onDelete: keep)', { timeout: 60_000 }, async () => {
    await holds([...start, { op: 'remove', file: 'setup.md' }], 'keep');
  });
  it('then b/intro.md edited (onDelete: keep)', { timeout: 60_000 }, async () => {
    await holds([...start, { op: 'write', file: 'b/intro.md', draft: false }], 'keep');
  });
});

/**
 * Found by `BENCH_MODEL_RUNS=70 BENCH_MODEL_SEED=4101 npm run bench -- model` (onDelete: keep; shrunk to 25 steps, "1
 * deliveries open, no idle"), shrunk by hand to 4 (s25-fx26w): the English member of family `shared` left it (drafted,
 * its key now its name's, `setup`) for the family `setup` that the Japanese member had just joined, whose message chat
 * `all` already had: `shared`'s message there, left with no member, is a second one of the note and was queued for
 * deletion by a step (family-follow.ts followMovedMembers) whose count the publisher dropped; the deliverer was woken
 * only by that count, so the delete waited for good and the service never said idle (a freeze on main df756d7 and
 * older). The store now wakes the deliverer itself (store/outbox-signal.ts; test/publish/deliverer-wakes.test.ts).
 */
describe.concurrent('model: a delete queued without a wake (BENCH_MODEL_SEED=4101 keep, the freeze)', () => {
  // Under `delete` the draft's own deletes were counted and woke the deliverer: passed on main, not kept (the file's cost).
  it('shared key held by setup-ja.md and _posts/en/setup.md; setup-ja.md leaves it, then _posts/en/setup.md as a draft (onDelete: keep)', { timeout: 60_000 }, async () => {
    await holds(
      [
        { op: 'write', file: 'setup-ja.md', draft: false, key: 'shared' },
        { op: 'write', file: '_posts/en/setup.md', draft: false, key: 'shared' },
        { op: 'write', file: 'setup-ja.md', draft: false },
        { op: 'write', file: '_posts/en/setup.md', draft: true },
      ],
      'keep',
    );
  });
});

/**
 * Found by e26m's hunt (seed 2631 with folders moved away weighted up, onDelete: delete; run 19 of 127, shrunk): `_posts/`
 * moved out of the notes folder and back at once, its `ja/setup.md` moved to `en/setup.md` while away; a later save of
 * `_posts/en/setup.md` was never reported by the watcher (only a reconcile pass would find it). `_posts/` arrived with
 * `ja/` inside, so it had a native subscription of its own, whose watch of `_posts/` @parcel/watcher dropped as it moved;
 * back before its removal settled, it kept that subscription, and `en/`, made while away, was watched by nothing. 4 of 4
 * runs failed on main 5614df1 (e26m, keep and delete alike), 3 of 3 on c0def80 (fx27n, delete); a folder that arrives again is now watched anew
 * (src/watch/nested-watches.ts; the direct case: test/watch/folder-made-while-away.test.ts).
 */
describe.concurrent('model: a folder in the notes folder moved away and back (e26m, fx27n)', () => {
  it('_posts/ moved away and back, a note moved into a new en/ meanwhile, then saved: reported by the watcher (onDelete: delete)', { timeout: 60_000 }, async () => {
    await holds(
      [
        { op: 'write', file: '_posts/ja/setup.md', draft: false },
        { op: 'away', folder: '_posts/', ops: [{ op: 'move', from: '_posts/ja/setup.md', to: '_posts/en/setup.md' }], seen: false },
        { op: 'write', file: '_posts/en/setup.md', draft: false },
      ],
      'delete',
    );
  });
});

/**
 * Found by the burst-digest sequences, onDelete: keep (MODEL_SEED's default, fast-check seed 106), once a family's only
 * note that joins another family's message keeps its old one (tester 36's F4, publish/family-kept.ts): `a/intro-ja.md`
 * joins `shared`, whose message in `all` shows `setup.md`; the message kept for it there was deleted once `setup.md`
 * left `shared` (a message of a note that never went, under `keep`). The kept message is `shared`'s there now, and
 * `setup.md`'s stays with it (route-digest.ts counts a kept message as its note's, each note once).
 */
describe.concurrent('model: a kept message whose note its new family comes to show (fast-check seed 106, burst digests)', () => {
  const w = (file: string, key?: string): Op => ({ op: 'write', file, draft: false, key });
  it.each(['keep', 'delete'] as const)('a/intro-ja.md joins shared beside setup.md, then setup.md leaves it (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'burst', ops: [w('a/intro-ja.md'), w('setup.md'), w('setup.md')] },
        { op: 'burst', ops: [w('setup.md'), w('setup.md'), w('setup.md', 'shared')] },
        { op: 'burst', ops: [w('setup.md', 'shared'), w('a/intro-ja.md', 'shared'), w('setup-ja.md')] },
        { op: 'burst', ops: [w('setup.md'), w('setup.md'), w('setup.md')] },
      ],
      onDelete,
      undefined,
      true,
    );
  });
});

/** Every simple op of a sequence, those inside bursts, restarts, kills, outages, stops and slow notes too. */
function simpleOps(ops: readonly Op[]): Op[] {
  return ops.flatMap((o): Op[] => {
    switch (o.op) {
      case 'burst':
      case 'kill':
      case 'outage':
      case 'away':
        return simpleOps(o.ops);
      case 'restart':
        return simpleOps(o.offline);
      case 'stopQueued':
        return simpleOps([...o.ops, ...o.offline]);
      case 'slow':
        return simpleOps([...o.ops, ...o.after, o.fix]);
      default:
        return [o];
    }
  });
}

/**
 * Issue 25 (fx26a): the move-and-edit generator (and the move's) could move a note onto its own path, which the model
 * took as a step that did nothing (`mv x.md x.md` is refused), so a sequence listed a step that had not happened and
 * shrinking could lead a counterexample there (as it did for `copy`, e25b). Both failed on main df756d7: the first
 * found such moves in the sampled sequences, the second's move and edit did nothing.
 */
describe('model: the generators and a move onto its own path (fx26a)', () => {
  it('no generated move, or move and edit, has one path for both ends', () => {
    const selfMoves = (ops: readonly Op[]) => simpleOps(ops).filter((o) => (o.op === 'move' || o.op === 'moveEdit') && o.from === o.to);
    for (const arb of [sequenceArb(10), switchSequenceArb(10)]) {
      const sampled = fc.sample(arb, { numRuns: 400, seed: SEED });
      expect(sampled.flatMap(selfMoves)).toEqual([]);
      expect(sampled.flatMap((ops) => simpleOps(ops)).some((o) => o.op === 'moveEdit')).toBe(true); // the generator still makes them
    }
  });
  it('a move and edit written by hand onto its own path is an edit in place (rename(2) does nothing, the edit is saved)', () => {
    const root = tempFolder('model-self-move-');
    try {
      const world = new World(root, 'keep');
      world.apply({ op: 'write', file: 'setup.md', draft: false });
      expect(world.apply({ op: 'moveEdit', from: 'setup.md', to: 'setup.md', draft: true })).toEqual(['setup.md']);
      expect(readFileSync(path.join(root, 'setup.md'), 'utf8')).toMatch(/^---\ndraft: true\n[\s\S]*Edited in place at setup\.md\.\n$/);
      expect(world.published()).toEqual([]);
      world.check();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  // Through the service: an edit in place, drafted or not, and a new note written over it in one burst (the generator's
  // tester 23-1 F7 shape with both ends one path). Passed once the model made the edit (on main it made nothing).
  it.each(['keep', 'delete'] as const)('setup.md moved onto itself and edited, drafted, then written anew in one burst (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds(
      [
        { op: 'write', file: 'setup.md', draft: false },
        { op: 'moveEdit', from: 'setup.md', to: 'setup.md' },
        { op: 'burst', ops: [{ op: 'moveEdit', from: 'setup.md', to: 'setup.md', draft: true }, { op: 'write', file: 'setup.md', draft: false }] },
      ],
      onDelete,
    );
  });
});
