/**
 * A first-response try left behind and answered while the last try is awaited (review rv-4 R4): the answer counts
 * ("if it is answered after all, that answer counts", first-response.ts), whether the last try then fails or hangs.
 * The tries are scheduled on the clock of `age` (Discord's 3 s window); nothing here asserts a duration.
 */
import { describe, expect, it } from 'vitest';
import { sendFirstResponse } from '../../src/adapters/discord/first-response.js';

const after = <T>(ms: number, f: () => T | Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => Promise.resolve().then(f).then(resolve, reject), Math.max(0, ms)));

describe('a first-response try left behind, answered during the last try (review rv-4 R4)', () => {
  it('counts as sent when the last try then loses its connection', { timeout: 20_000 }, async () => {
    const t0 = performance.now();
    const age = () => performance.now() - t0;
    let tries = 0;
    const call = () => {
      tries++;
      // Try 1 hangs and is taken at 2.6 s; try 2 hangs until 6 s, then drops; try 3 (the last, awaited) drops at 3.3 s.
      if (tries === 1) return after(2600 - age(), () => undefined);
      if (tries === 2) return after(6000 - age(), () => Promise.reject(new Error('socket hang up')));
      return after(3300 - age(), () => Promise.reject(new Error('socket hang up')));
    };
    const r = await sendFirstResponse(call, age);
    expect({ tries, kind: r.kind }).toEqual({ tries: 3, kind: 'sent' });
  });

  it('is not held by a last try that never settles once an earlier try is answered', { timeout: 20_000 }, async () => {
    const t0 = performance.now();
    const age = () => performance.now() - t0;
    let tries = 0;
    const call = () => {
      tries++;
      if (tries === 1) return after(2600 - age(), () => undefined); // taken late
      return new Promise<never>(() => undefined); // never answered (a REST timeout of 120 s): waiting for it would time the test out
    };
    const r = await sendFirstResponse(call, age);
    expect(r.kind).toBe('sent');
    expect(r.tries).toBe(tries);
  });
});
