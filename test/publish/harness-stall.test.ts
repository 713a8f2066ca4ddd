/**
 * The in-process harness tells a slow machine from a freeze (issue 25: a 30-run model run at load ~4
 * once timed out "waiting for batches with setup.md", and the same sequence passed alone). A wait
 * gives up only when the service gave no signal for its limit (ProgressWait), and says which: the
 * watcher never reported the file (watcher), or reported it and no batch or idle followed (freeze).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { modelConfig } from '../helpers/route-model.js';
import { ProgressWait } from '../helpers/progress-wait.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

describe('ProgressWait', () => {
  it('keeps waiting past its limit while the service keeps giving signals (a slow machine), and resolves when the state comes', async () => {
    const signals = new ProgressWait();
    let done = false;
    const ticks = setInterval(() => signals.activity(), 50);
    setTimeout(() => ((done = true), signals.activity()), 600);
    try {
      // A fixed 200 ms limit (the harness's waits before) gave up here at 200 ms.
      await expect(signals.until(() => done, 200, 'the slow state')).resolves.toBeUndefined();
    } finally {
      clearInterval(ticks);
    }
  });

  it('gives up once no signal came for its limit, and says so', async () => {
    const signals = new ProgressWait();
    await expect(signals.until(() => false, 150, 'a state that never comes', () => 'what the caller knows')).rejects.toThrow(
      /timed out waiting for a state that never comes: no signal from the service for \d+ ms; what the caller knows/,
    );
  });

  it('gives up after six limits of signals without the state (a service going round in circles)', async () => {
    const signals = new ProgressWait();
    const ticks = setInterval(() => signals.activity(), 20);
    try {
      await expect(signals.until(() => false, 100, 'a state that never comes')).rejects.toThrow(/ms of signals without it/);
    } finally {
      clearInterval(ticks);
    }
  });
});

describe('InProcessService: a wait that gives up says whether the watcher or the service stopped', () => {
  let svc: InProcessService | undefined;
  afterEach(async () => {
    await svc?.stop();
    svc = undefined;
  });

  it('a file the watcher never reported: "watcher"', async () => {
    svc = InProcessService.sandbox(modelConfig('keep'), { parseThreads });
    await svc.start();
    await expect(svc.batched(['never-written.md'], 500)).rejects.toThrow(/batches with never-written\.md: no signal .*; watcher: it never reported never-written\.md/);
  });

  it('a path the watcher reported that no batch carries (a file that is no note, standing in for a batch that stalled): "freeze"', async () => {
    svc = InProcessService.sandbox(modelConfig('keep'), { parseThreads });
    await svc.start();
    svc.beginStep();
    writeFileSync(path.join(svc.notes, 'notes.txt'), 'not a note');
    await expect(svc.batched(['notes.txt'], 1000)).rejects.toThrow(/freeze: the watcher reported notes\.txt \d+ ms ago, and no batch with it came/);
  });
});

describe('InProcessService with reconcileMissed: a path the watcher never reported goes to the reconcile pass', () => {
  let svc: InProcessService | undefined;
  afterEach(async () => {
    await svc?.stop();
    svc = undefined;
  });

  it('a note no event reports (polling with a ten-minute interval) is applied by RunningApp.reconcile and announced, and the miss is counted', async () => {
    svc = InProcessService.sandbox({ ...(modelConfig('keep') as object), watch: { quietMs: 100, mode: 'poll', pollIntervalMs: 600_000, reconcileMinutes: 0 } }, { parseThreads });
    svc.reconcileMissed = true;
    await svc.start();
    svc.beginStep();
    writeFileSync(path.join(svc.notes, 'unseen.md'), '---\ntitle: Unseen\n---\nA note no event reports.\n');
    await svc.settle(['unseen.md'], 500);
    expect(svc.watcherMisses).toEqual(['unseen.md']);
    expect(svc.events.filter((e) => e.event === 'post' && e.noteId === 'unseen').length).toBeGreaterThan(0);
  });
});
