/**
 * Posts held for a digest follow the chat's schedules as they are when the service starts or a chat
 * unsubscribes (tester 28-1 F1, issue 25): a config route whose digest was removed or moved between
 * runs, or a digest subscription gone. README (digest schedules): a note goes to a chat by digest only
 * when every subscription there that passes it has a digest, else it is posted at once.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { note } from '../helpers/service.js';
import { configSchema } from '../../src/config/schema.js';

const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const START = '2026-12-04T05:00:00Z';
const clock = { at: Date.parse(START), setAt: Date.now() };
const now = () => clock.at + (Date.now() - clock.setAt);

function routed(filter: unknown) {
  return { watch: { quietMs: 200, mode: 'native' }, routes: [{ platform: 'console', chat: 'd', filter }] };
}

const heldRows = () => svc!.app!.store.sql("SELECT COUNT(*) AS n, MIN(json_extract(payload, '$.digestAt')) AS at FROM outbox WHERE status = 'pending'").get();

/** Two notes held for 09:00 UTC by the route's digest, the service stopped. */
async function twoHeld(): Promise<InProcessService> {
  clock.at = Date.parse(START);
  clock.setAt = Date.now();
  svc = InProcessService.sandbox(routed({ digest: { at: '09:00', tz: 'UTC' } }), { parseThreads, now });
  await svc.start();
  writeFileSync(path.join(svc.notes, 'one.md'), note('Held one', 'The first note held for the digest.'));
  writeFileSync(path.join(svc.notes, 'two.md'), note('Held two', 'The second note held for the digest.'));
  await svc.settle(['one.md', 'two.md']);
  expect(heldRows()).toEqual({ n: 2, at: Date.parse('2026-12-04T09:00:00Z') });
  await svc.stop();
  return svc;
}

async function restartWith(first: InProcessService, filter: unknown): Promise<void> {
  svc = new InProcessService(first.notes, first.db, configSchema.parse(routed(filter)), undefined, { parseThreads, now });
  await svc.start();
}

const shown = () => svc!.events.filter((e) => e.event === 'post' || e.event === 'digest').map((e) => e.text);

describe('posts held for a digest follow the schedule as it is now', () => {
  it('the route’s digest removed between runs: the held notes are posted at the next start, not at the old time', async () => {
    const first = await twoHeld();
    await restartWith(first, {});
    await svc!.waitFor(() => shown().join('\n').includes('Held two') && shown().join('\n').includes('Held one'), 20_000, 'both notes posted');
    await svc!.waitFor(() => svc!.app!.deliverer.idle, 20_000, 'the outbox idle');
    expect(heldRows()).toEqual({ n: 0, at: null });
    // Posted once each: as one digest or one post each, never twice.
    expect(shown().join('\n').split('Held one').length - 1).toBe(1);
    expect(shown().join('\n').split('Held two').length - 1).toBe(1);
  }, 60_000);

  it('the route’s digest moved earlier or later between runs: the held notes wait for the new time', async () => {
    const first = await twoHeld();
    await restartWith(first, { digest: { at: '06:30', tz: 'UTC' } });
    expect(heldRows()).toEqual({ n: 2, at: Date.parse('2026-12-04T06:30:00Z') });
    expect(shown()).toEqual([]);
    await svc!.stop();
    await restartWith(first, { digest: { at: '18:00', tz: 'UTC' } });
    expect(heldRows()).toEqual({ n: 2, at: Date.parse('2026-12-04T18:00:00Z') });
    expect(shown()).toEqual([]);
  }, 60_000);

  it('an unchanged schedule keeps the held notes as they were, and a digest already due is not put off to the next day', async () => {
    const first = await twoHeld();
    await restartWith(first, { digest: { at: '09:00', tz: 'UTC' } });
    expect(heldRows()).toEqual({ n: 2, at: Date.parse('2026-12-04T09:00:00Z') });
    await svc!.stop();
    clock.at = Date.parse('2026-12-04T09:00:30Z');
    clock.setAt = Date.now();
    await restartWith(first, { digest: { at: '09:00', tz: 'UTC' } });
    await svc!.waitFor(() => shown().join('\n').includes('Held one'), 20_000, 'the digest');
    await svc!.waitFor(() => svc!.app!.deliverer.idle, 20_000, 'the outbox idle');
    expect(shown()).toHaveLength(1);
    expect(shown()[0]).toContain('Held two');
  }, 60_000);
});
