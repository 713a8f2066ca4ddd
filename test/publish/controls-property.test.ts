/**
 * Issue 29: the post that goes out reflects the note's controls as they are when it is sent. Over
 * random sequences of saves (a title, `announce: false`, `silent`, `pin`, `routes`) and deliveries,
 * with a real publisher and store in this process, after every step: the chats waiting for the note
 * are exactly those its latest controls send it to and that never got it; each waiting post carries
 * the latest title, `silent` and `pin`; every message sent shows the latest title (edited, also in a
 * chat its routes no longer name) unless `announce: false` holds it; no chat ever has two, and no
 * control deletes a message.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ControlsBenches, controlsRunArb, runControls, type Mode, type Step } from '../helpers/controls-model.js';

/**
 * Runs of the property per mode. A run is 4.4 steps on average. Of 20,000 drawn runs (fc.sample, seed 42), the
 * situations of the shrunk cases below arose in 19 % (a later save, no delivery between, changing only silent or
 * pin of a waiting post), 23 % (one narrowing the routes of a waiting post) and 8 % (a delivery, then a retitle whose
 * routes leave out a chat it went to), so 40 runs miss the rarest with a chance of 3 %. The earlier draw (fc.record's
 * optional keys: `announce: false` in 84 % of saves) gave 1.1, 1.7 and 0.7 %, and its 150 runs missed them with a
 * chance of 20, 7 and 36 %. The long hunt, 2,000 runs a mode with a seed of its own, is `npm run bench -- controls`
 * (bench/controls.ts) (issue 24: 150 runs a mode made this file the suite's second costliest in CPU).
 */
const RUNS = 40;

const benches = new ControlsBenches();
afterAll(() => benches.close());
const run = (mode: Mode, steps: readonly Step[]) => runControls(benches, mode, steps);

describe('a queued post follows the note’s latest controls', () => {
  for (const mode of ['group', 'separate'] as const) {
    it(`over random saves and deliveries (translations: ${mode})`, async () => {
      await fc.assert(
        fc.asyncProperty(controlsRunArb, async (steps) => {
          expect(await run(mode, steps)).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
    }, 120_000);
  }

  it('the shrunk case of the bug: an edit that only sets silent and pin, while the post waits', async () => {
    const steps: Step[] = [
      { op: 'save', title: 'One', controls: {} },
      { op: 'save', title: 'One', controls: { silent: true, pin: true } },
    ];
    expect(await run('group', steps)).toBeUndefined();
    expect(await run('separate', steps)).toBeUndefined();
  });

  it('the shrunk case of routes: an edit naming one route calls the waiting posts to the others off', async () => {
    const steps: Step[] = [
      { op: 'save', title: 'One', controls: {} },
      { op: 'save', title: 'One', controls: { routes: ['a'] } },
    ];
    expect(await run('separate', steps)).toBeUndefined();
    expect(await run('group', steps)).toBeUndefined();
  });

  it('the shrunk case of #29 F3: a sent message is edited in the chat a retitle and new routes take the note out of', async () => {
    const steps: Step[] = [
      { op: 'save', title: 'One', controls: {} },
      { op: 'deliver' },
      { op: 'save', title: 'Two', controls: { routes: ['b'] } },
    ];
    expect(await run('group', steps)).toBeUndefined();
    expect(await run('separate', steps)).toBeUndefined();
  });
});
