/**
 * src/adapters/discord/shown.ts: when Discord's answer to a Create Message may be a replay of an earlier send (its
 * nonce), told by the message's snowflake time against Discord's own `Date` for the answer, never our clock.
 */
import { describe, expect, it } from 'vitest';
import { madeBeforeTheRequest, snowflakeTime } from '../../src/adapters/discord/shown.js';

/** A snowflake made at `ms` (reference.mdx, "Generating a snowflake ID from a Timestamp Example": `(timestamp_ms - DISCORD_EPOCH) << 22`). */
const madeAt = (ms: number, increment = 0n) => String(((BigInt(ms) - 1_420_070_400_000n) << 22n) | increment);

describe('snowflakeTime', () => {
  it('reads the time a snowflake was made: (id >> 22) + 1420070400000', () => {
    expect(snowflakeTime('175928847299117063')).toBe(1_462_015_105_796); // 2016-04-30T11:18:25.796Z
    expect(snowflakeTime(madeAt(Date.UTC(2026, 11, 7, 8, 0, 0, 123), 4095n))).toBe(Date.UTC(2026, 11, 7, 8, 0, 0, 123));
  });
  it('has none for what is not a snowflake', () => {
    for (const id of ['', 'thread:1', '12a', '1'.repeat(21)]) expect(snowflakeTime(id)).toBeUndefined();
  });
});

describe('madeBeforeTheRequest', () => {
  // Discord answered at 08:00:00.900; its Date header says 08:00:00 (to the second, truncated); the call took 50 ms.
  const answeredAt = Date.UTC(2026, 11, 7, 8, 0, 0, 900);
  const answer = { date: new Date(Math.floor(answeredAt / 1000) * 1000).toUTCString(), tookMs: 50 };

  it('a message made while the request was handled is fresh, wherever in the Date header\'s second it fell', () => {
    expect(madeBeforeTheRequest(madeAt(answeredAt - 40), answer)).toBe(false);
    expect(madeBeforeTheRequest(madeAt(answeredAt - 900 - 50), answer)).toBe(false); // the header's own second, less the call
  });

  it('a message made before the request reached Discord, by more than Discord\'s clocks may differ, is a replay', () => {
    expect(madeBeforeTheRequest(madeAt(answeredAt - 900 - 50 - 1001), answer)).toBe(true);
    expect(madeBeforeTheRequest(madeAt(answeredAt - 10_000), answer)).toBe(true);
    expect(madeBeforeTheRequest(madeAt(answeredAt - 60 * 60_000), answer)).toBe(true);
  });

  it('a longer call (a wait in the rate-limit queue) moves when the request went out back by as much', () => {
    const made = madeAt(answeredAt - 3000);
    expect(madeBeforeTheRequest(made, answer)).toBe(true);
    expect(madeBeforeTheRequest(made, { ...answer, tookMs: 2500 })).toBe(false);
  });

  it('our clock plays no part: the same answer is judged the same whatever Date.now() says', () => {
    const made = madeAt(answeredAt - 5000);
    const real = Date.now;
    try {
      Date.now = () => answeredAt + 3_600_000; // our clock an hour ahead of Discord's
      expect(madeBeforeTheRequest(made, answer)).toBe(true);
      expect(madeBeforeTheRequest(madeAt(answeredAt - 40), answer)).toBe(false);
    } finally {
      Date.now = real;
    }
  });

  it('cannot tell without a Date header or a snowflake, and then compares, as for a replay', () => {
    expect(madeBeforeTheRequest(madeAt(answeredAt - 40), { date: null, tookMs: 50 })).toBe(true);
    expect(madeBeforeTheRequest(madeAt(answeredAt - 40), { date: 'yesterday', tookMs: 50 })).toBe(true);
    expect(madeBeforeTheRequest('not-a-snowflake', answer)).toBe(true);
  });
});
