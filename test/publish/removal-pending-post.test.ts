/**
 * Issue 25 (tester, HIGH): a note deleted while its post still waited (an outage, slow sends, a
 * stop) was posted anyway: a removal waits out the removal guard's window (removals.ts) before it is
 * acted on, and the deliverer sent the waiting post meanwhile (after a restart, during the start-up
 * scan's wait). README: "a post still waiting to go out … when its note is drafted or deleted is not
 * sent". A post of a note whose removal is pending now waits for the removal to be decided: called
 * off when the note is gone, sent when the file turns out to have moved.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const note = (title: string) => `---\ntitle: ${title}\n---\n\nThe note called ${title} says something.\n`;
const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

function service(onDelete: 'keep' | 'delete'): InProcessService {
  const svc = InProcessService.sandbox({
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    publish: { onDelete, translations: { mode: 'group', graceMs: 0 } },
    delivery: { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 1000, callTimeoutMs: 1000 },
    routes: [{ platform: 'console', chat: 'all' }],
  }, { parseThreads });
  running.push(svc);
  return svc;
}

/** Saves `names` while the platform refuses every send, then stops with their posts queued. */
async function queuedThenStopped(svc: InProcessService, names: string[]): Promise<void> {
  const faults = svc.withFaults();
  await svc.start();
  faults.down = true;
  svc.beginStep();
  for (const n of names) writeFileSync(path.join(svc.notes, `${n}.md`), note(n));
  await svc.batched(names.map((n) => `${n}.md`));
  await svc.waitFor(() => faults.hits > 0, 20_000, 'the posts meeting the outage');
  await svc.stop();
  faults.down = false;
}

describe('a post whose note is removed while it waits', () => {
  it.each(['keep', 'delete'] as const)('deleted while stopped, the platform back at the start (onDelete: %s): only the notes still there are posted', async (onDelete) => {
    const svc = service(onDelete);
    await queuedThenStopped(svc, ['q1', 'q2', 'q3']);
    rmSync(path.join(svc.notes, 'q3.md'));
    await svc.start();
    await svc.waitFor(() => svc.app!.store.getNote('q3')?.state === 'deleted', 20_000, 'q3 deleted in the store');
    await svc.waitFor(() => svc.openDeliveries() === 0, 20_000, 'nothing left to send');
    expect(svc.sent('all').map((e) => e.noteId).sort()).toEqual(['q1', 'q2']);
  });

  it('moved while stopped (same content): its post waits for the removal to be decided, then goes out once, for the moved note', async () => {
    const svc = service('keep');
    await queuedThenStopped(svc, ['m1']);
    renameSync(path.join(svc.notes, 'm1.md'), path.join(svc.notes, 'm2.md'));
    await svc.start();
    await svc.waitFor(() => svc.sent('all').length > 0 && svc.openDeliveries() === 0, 20_000, 'the moved note posted');
    expect(svc.sent('all', 'post')).toHaveLength(1);
    expect(svc.sent('all', 'post')[0]!.text).toContain('m1');
    expect(svc.live('all')).toHaveLength(1);
  });
});
