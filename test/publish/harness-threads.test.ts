/**
 * The in-process harness's parse threads: a service started without threads of its own leaves its
 * idle thread to the test worker (workerParseThreads), and the next start, in another folder, takes
 * that thread instead of loading a new one (~0.6 s of CPU each). Issue 24: the suite's CPU.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { InProcessService, workerParseThreads } from '../helpers/inproc.js';
import { note } from '../helpers/service.js';

// No translation grace (5 s by default in group mode): each new note would wait it out for translations that never come.
const CONFIG = { watch: { quietMs: 50 }, publish: { translations: { mode: 'group', graceMs: 0 } }, routes: [{ platform: 'console', chat: 'all' }] };

/** A service in a folder of its own, one note saved and handled, then stopped; `during` runs while it is up. */
async function oneLife(name: string, during: () => void): Promise<void> {
  const svc = InProcessService.sandbox(CONFIG);
  await svc.start();
  writeFileSync(path.join(svc.notes, `${name}.md`), note(name, `About ${name}.`));
  await svc.settle([`${name}.md`]);
  during();
  await svc.stop();
}

it('a stopped service leaves its parse thread idle for the worker; the next start in another folder takes it', async () => {
  const pool = workerParseThreads();
  await oneLife('first', () => undefined);
  const kept = pool.size();
  expect(kept).toBeGreaterThan(0); // before: the thread ended with its service
  let whileRunning = -1;
  await oneLife('second', () => (whileRunning = pool.size()));
  expect(whileRunning).toBe(kept - 1); // taken from the worker's, not started anew
  expect(pool.size()).toBe(kept); // and given back
});
