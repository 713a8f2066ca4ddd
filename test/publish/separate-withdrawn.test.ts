/**
 * Issue 25 (p25, from reading): with `translations: separate` and `onDelete: keep`, a note deleted or
 * drafted while its post is still queued (the platform down) changed nothing in the outbox, so the
 * post went out once the platform was back: announced for a note that is gone. `keep` keeps messages
 * already sent; a post not sent yet is called off, as `group` (syncFamily) and `delete` already did.
 * In this process: the console platform refuses every send (PlatformFaults) while the note goes.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileParseThreads, InProcessService } from '../helpers/inproc.js';

const NOTE = '---\ntitle: Queued note\n---\n\nThe queued note says something.\n';
const parseThreads = fileParseThreads();
const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

function service(mode: 'separate' | 'group'): InProcessService {
  // The removal window (digest.windowMs, 3 s by default) at its shortest, three quiet periods: each case
  // waits for the removal to be applied before the platform comes back, however long the window.
  const svc = InProcessService.sandbox(
    {
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { onDelete: 'keep', translations: { mode, graceMs: 0 }, digest: { windowMs: 0 } },
      delivery: { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 1000, callTimeoutMs: 1000 },
      routes: [{ platform: 'console', chat: 'all' }],
    },
    { parseThreads },
  );
  running.push(svc);
  return svc;
}

/** Removes or drafts the note, waits for its batch, brings the platform back and waits until nothing is left to send. */
async function goAway(svc: InProcessService, how: 'deleted' | 'drafted'): Promise<void> {
  const file = path.join(svc.notes, 'n1.md');
  const idles = svc.idleCount;
  svc.beginStep();
  if (how === 'deleted') rmSync(file);
  else writeFileSync(file, NOTE.replace('title:', 'draft: true\ntitle:'));
  await svc.batched(['n1.md']);
  // A removal waits for the removal guard's window (removals.ts) before it is acted on: the platform stays down until then.
  await svc.waitFor(() => svc.app!.store.getNote('n1')?.state === (how === 'deleted' ? 'deleted' : 'draft'), 20_000, `the note ${how} in the store`);
  svc.faults!.down = false;
  // A retry waiting is not idle: idle with nothing open means the post was called off, or went out.
  await svc.waitFor(() => svc.idleCount > idles && svc.openDeliveries() === 0, 20_000, 'idle with nothing left to send');
}

async function queuedWhileDown(svc: InProcessService): Promise<void> {
  const faults = svc.withFaults();
  await svc.start();
  faults.down = true;
  writeFileSync(path.join(svc.notes, 'n1.md'), NOTE);
  await svc.batched(['n1.md']);
  await svc.waitFor(() => faults.hits > 0, 20_000, 'the post meeting the outage');
}

describe('translations: separate, onDelete: keep: a queued post whose note goes away', () => {
  it.each(['deleted', 'drafted'] as const)('is called off when its note is %s, never sent once the platform is back', async (how) => {
    const svc = service('separate');
    await queuedWhileDown(svc);
    await goAway(svc, how);
    expect(svc.sent('all')).toEqual([]);
  });

  it('queued while separate, deleted while stopped, started grouped (still down): its own post is called off at start', async () => {
    const svc = service('separate');
    await queuedWhileDown(svc);
    await svc.stop();
    rmSync(path.join(svc.notes, 'n1.md'));
    svc.config.publish.translations.mode = 'group';
    await svc.start(); // waits for idle: said only once no delivery waits (before, the post's retries kept it from ever coming)
    expect(svc.openDeliveries()).toBe(0);
    expect(svc.sent('all')).toEqual([]);
  });
});
