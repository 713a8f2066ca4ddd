/**
 * Issue 25, the model's seed 311 class flaking in CI (58fb50e, "after step 2": "console:all: message c1 edited to the
 * text it shows (N1), delivery 3"): a family's edit queued in an outage (a translation added: its message in chat
 * `all` links it) whose change was undone before it went out (the translation removed while stopped). When the removal
 * was applied before the edit's retry came (a loaded machine), the waiting edit was given the family as it is now,
 * exactly what the message shows, and sent anyway: an edit that changes nothing (README: no chat gets an edit that
 * leaves its text as it is). And when the removal came while that edit was being sent, nothing followed it: the
 * message kept a link to the removed translation. The orders are forced here: the platform stays down until the
 * removal is recorded, or holds the edit in flight until it is.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads, type PlatformFaults } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();

const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

const page = (title: string, lang: string, body: string) => `---\ntitle: ${title}\nlang: ${lang}\n---\n\n${body}\n`;
const EN = page('Hello world', 'en', 'An English note about greetings and how people say hello around the world.');
const EN_2 = page('Hello world again', 'en', 'An English note about greetings and how people say hello around the world, edited.');
const JA = page('Japanese hello', 'ja', 'A Japanese translation about greetings and how people say hello in Japan.');

/** Chat `all` takes every note, `ja` the Japanese ones: the family `x` has one message in each that wants it. */
async function started(mode: 'group' | 'separate' = 'group'): Promise<{ svc: InProcessService; faults: PlatformFaults; file: (f: string) => string }> {
  const svc = InProcessService.sandbox({
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    publish: { onDelete: 'keep', translations: { mode, graceMs: 0 }, digest: { threshold: 1000, windowMs: 200 } },
    delivery: { baseDelayMs: 50, maxDelayMs: 300, maxAttempts: 1000, callTimeoutMs: 1000 },
    routes: [{ platform: 'console', chat: 'all' }, { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } }],
  }, { parseThreads });
  running.push(svc);
  const faults = svc.withFaults();
  await svc.start();
  const file = (f: string) => path.join(svc.notes, f);
  writeFileSync(file('x-en.md'), EN);
  await svc.settle(['x-en.md']);
  return { svc, faults, file };
}

/** x-ja.md saved while the platform is down: the family's edit in `all` (its new link) and post in `ja` wait; then stopped, x-ja.md removed. */
async function translationQueuedThenRemoved(): Promise<{ svc: InProcessService; faults: PlatformFaults }> {
  const { svc, faults, file } = await started();
  faults.down = true;
  const hits = faults.hits;
  writeFileSync(file('x-ja.md'), JA);
  await svc.batched(['x-ja.md']);
  await svc.waitFor(() => faults.hits > hits, 20_000, 'the edit meeting the outage');
  await svc.stop();
  rmSync(file('x-ja.md'));
  return { svc, faults };
}

const removed = (svc: InProcessService) => svc.app?.store.getNote('x-ja')?.state === 'deleted';
const allOnce = async (svc: InProcessService, idles: number) => svc.waitFor(() => svc.idleCount > idles && svc.openDeliveries() === 0, 20_000, 'idle with nothing left to send');

describe('a family edit waiting in an outage whose change is undone before it goes out', () => {
  it('the translation removed while stopped, its removal recorded before the platform answers: no edit is sent', { timeout: 60_000 }, async () => {
    const { svc, faults } = await translationQueuedThenRemoved();
    const shown = svc.live('all').map((m) => m.text);
    const idles = svc.idleCount;
    await svc.start({}, { idle: false }); // the platform still down
    await svc.waitFor(() => removed(svc), 20_000, 'the removal of x-ja recorded');
    faults.down = false;
    await allOnce(svc, idles);
    expect(svc.sent('all', 'edit').map((e) => e.deliveryId)).toEqual([]);
    expect(svc.live('all').map((m) => m.text)).toEqual(shown);
    expect(svc.sent('ja')).toEqual([]); // its post called off: the note is gone
    expect(svc.anomalies).toEqual([]);
  });

  it('the same removal recorded while that edit is being sent: the message follows it, no link to the removed translation', { timeout: 60_000 }, async () => {
    const { svc, faults } = await translationQueuedThenRemoved();
    const shown = svc.live('all').map((m) => m.text);
    faults.down = false;
    faults.held = true; // the next send is held in flight until released
    const hits = faults.hits, idles = svc.idleCount;
    await svc.start({}, { idle: false });
    await svc.waitFor(() => faults.hits > hits, 20_000, 'the waiting edit in flight');
    await svc.waitFor(() => removed(svc), 20_000, 'the removal of x-ja recorded');
    faults.held = false;
    await allOnce(svc, idles);
    expect(svc.live('all').map((m) => m.text)).toEqual(shown);
    expect(svc.anomalies).toEqual([]);
  });

  // The same waiting edit, with no stop: a family's message (group), and a note's own (separate: note-outbox.ts).
  it.each(['group', 'separate'] as const)('an edit saved in an outage and undone before the platform answers: no edit is sent (translations: %s)', { timeout: 60_000 }, async (mode) => {
    const { svc, faults, file } = await started(mode);
    const shown = svc.live('all').map((m) => m.text);
    faults.down = true;
    const hits = faults.hits;
    writeFileSync(file('x-en.md'), EN_2);
    await svc.batched(['x-en.md']);
    await svc.waitFor(() => faults.hits > hits, 20_000, 'the edit meeting the outage');
    svc.beginStep();
    writeFileSync(file('x-en.md'), EN);
    await svc.batched(['x-en.md']);
    const idles = svc.idleCount;
    faults.down = false;
    await allOnce(svc, idles);
    expect(svc.sent('all', 'edit')).toEqual([]);
    expect(svc.live('all').map((m) => m.text)).toEqual(shown);
    expect(svc.anomalies).toEqual([]);
  });
});
