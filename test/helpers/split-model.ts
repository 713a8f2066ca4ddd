/**
 * The model's service (route-model.ts) with its batches handed over by the test: for bursts a loaded
 * machine splits (issue 25, the model file flaky under load). Its watcher polls once in ten minutes,
 * so it reports nothing during a test: which paths come together, and in which order, is the test's
 * choice, and every split is tried deterministically. Each batch goes to the running app's publisher
 * as FolderSync.runBatch hands it over; the removal window ends when the test says (`handOver`'s
 * end: held files first, then removals, as sync.ts armRemovals does), and is long enough (60 s) that
 * it never ends by itself between two batches. Deliveries are real, to the model's console chats, so
 * the model's rules (`violations`) read what every chat was shown.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { configSchema } from '../../src/config/schema.js';
import type { ParseThreads } from '../../src/publish/parse-pool.js';
import { InProcessService } from './inproc.js';
import { modelConfig, violations, World, type Op } from './route-model.js';

export interface SplitRun {
  svc: InProcessService;
  world: World;
  onDelete: 'keep' | 'delete';
}

/** The model's service and world, under `mode`, started; the caller stops `svc`. `windowMs`: the removal window (a split wider than it is past the README's promise). */
export async function startSplitRun(onDelete: 'keep' | 'delete', mode: 'group' | 'separate', parseThreads?: ParseThreads, windowMs = 60_000): Promise<SplitRun> {
  const config = configSchema.parse(modelConfig(onDelete));
  config.watch.mode = 'poll';
  config.watch.pollIntervalMs = 600_000;
  config.publish.digest.windowMs = windowMs;
  config.publish.translations.mode = mode;
  const svc = InProcessService.sandbox(config, { parseThreads }, { emptyStore: true, inMemory: true });
  svc.withFaults(); // the model's console platform (no fault is switched on here)
  const world = new World(svc.notes);
  world.mode = mode;
  world.everSeparate = mode === 'separate';
  await svc.start();
  return { svc, world, onDelete };
}

/** Deliveries due now, being sent or waiting to be (a post waiting for a removal's decision is not due). */
function dueDeliveries(svc: InProcessService): number {
  const row = svc.app?.store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= ?)").get(Date.now()) as { n: number } | undefined;
  return row?.n ?? 0;
}

/**
 * Hands `batches` (paths relative to the notes folder; one that is gone is a removal) to the
 * publisher one after another; `deliverBetween`: what each batch queued is sent before the next
 * (a slow second half), else nothing is sent before the last (the platform refuses meanwhile); `gapMs`: a wait before each batch
 * after the first (a split wider than the removal window); `beforeBatch`: what the folder does before batch `i` is
 * handed over (an editor deleting the old file only after its new one was reported); `busy`: every batch was reported
 * with the first (a millisecond apart), and the waits are the service's, slow to get to the later ones (a loaded
 * machine), not the watcher's. Then the removal window ends, and the service settles (its idle signal: everything
 * decided and delivered).
 */
export async function handOver({ svc }: SplitRun, batches: readonly (readonly string[])[], deliverBetween: boolean, gapMs = 0, beforeBatch?: (i: number) => void, busy = false): Promise<void> {
  const app = svc.app!;
  const abs = (rel: string) => path.join(svc.notes, rel);
  // Not between: the platform refuses every send meanwhile (retried soon after), so none goes out before the last batch.
  svc.faults!.down = !deliverBetween;
  let firstReportedAt: number | undefined;
  try {
    for (const [i, b] of batches.entries()) {
      if (i > 0 && gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      beforeBatch?.(i);
      const batch = { changed: b.filter((f) => existsSync(abs(f))).map(abs), removed: b.filter((f) => !existsSync(abs(f))).map(abs) };
      const startedAt = Date.now();
      firstReportedAt ??= startedAt;
      const reportedAt = busy ? firstReportedAt + i : startedAt; // else handed over as reported
      await app.publisher.processBatch(batch, { reportedAt });
      svc.batchApplied(batch, startedAt, reportedAt); // as FolderSync.runBatch's onBatch: the model reads which batch queued each delivery
      if (deliverBetween && i < batches.length - 1) await svc.waitFor(() => dueDeliveries(svc) === 0, 20_000, "the batch's deliveries out");
    }
  } finally {
    svc.faults!.down = false;
  }
  await app.publisher.releaseHeld();
  app.publisher.applyRemovals();
  const idle = svc.nextIdle();
  app.noticeIdle();
  await idle;
}

/** Applies `ops` as one burst; returns the paths a watcher would report (route-model.ts applyBurst). */
export function applyOps(world: World, ops: readonly Op[]): string[] {
  const before = new Set(world.files.keys());
  return [...new Set(ops.flatMap((o) => world.apply(o)).filter((f) => before.has(f) || world.files.has(f)))];
}

/** A step's ops as one burst, its paths handed over in `split(paths)`; returns the model's problems (`sentEarly`: each batch's deliveries sent before the next comes). */
export async function splitStep(run: SplitRun, ops: Op[], split: (paths: string[]) => string[][] = (p) => [p], sentEarly = false): Promise<string[]> {
  const paths = applyOps(run.world, ops);
  if (paths.length) await handOver(run, split(paths), sentEarly);
  return problemsOf(run);
}

/**
 * The model's rules after a step (route-model.ts `violations`). A switch to another note sent by a batch before the
 * step's last (handOver's `deliverBetween`) is checked at rest there (split-transients.ts).
 */
export function problemsOf(run: SplitRun): string[] {
  run.world.check();
  return violations(run.world, run.svc, run.onDelete);
}
