/**
 * adapters/discord/first-response.ts (issue 25, tester F2): an interaction's first response is tried again on a 5xx or
 * no answer while Discord's 3 s last, and told apart by what Discord answered; an edit of the original response is tried
 * again while the token's 15 minutes last, until a stop. The call is a stand-in throwing what discord.js's REST client
 * throws (HTTPError for a 5xx, DiscordAPIError for a 4xx, anything else for no answer); the age is a clock set per case.
 */
import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { sendFirstResponse, sendWithinTokenLife } from '../../src/adapters/discord/first-response.js';

const URL = 'https://discord.test/api/v10/interactions/1/t/callback';
const badGateway = () => new HTTPError(502, 'Bad Gateway', 'POST', URL, { body: {}, files: undefined });
const refused = (code: number, status = 400) => new DiscordAPIError({ code, message: String(code) }, code, status, 'POST', URL, { body: {}, files: undefined });
const noAnswer = () => new Error('other side closed');

/** A call that throws the given errors in turn, then succeeds; counts its tries. */
function calls(...errors: Error[]) {
  let tries = 0;
  const call = async () => {
    const e = errors[tries++];
    if (e) throw e;
  };
  return { call, tries: () => tries };
}

/** The age of an interaction made `ms` ago, going on with the real clock. */
const madeAgo = (ms: number) => {
  const t0 = Date.now() - ms;
  return () => Date.now() - t0;
};

describe('a first response', () => {
  it('answered 502 is sent at the next try', async () => {
    const c = calls(badGateway());
    expect(await sendFirstResponse(c.call, madeAgo(0))).toEqual({ kind: 'sent', tries: 2 });
  });

  it('with no answer, then refused 40060: taken by the first try, not sent again', async () => {
    const c = calls(noAnswer(), refused(40060));
    expect(await sendFirstResponse(c.call, madeAgo(0))).toEqual({ kind: 'taken', tries: 2 });
    expect(c.tries()).toBe(2);
  });

  it('answered 502 until the 3 s pass: tried again meanwhile, then refused', async () => {
    const c = calls(...Array.from({ length: 50 }, badGateway));
    const r = await sendFirstResponse(c.call, madeAgo(2000));
    expect(r).toMatchObject({ kind: 'refused', err: expect.stringMatching(/Bad Gateway/) });
    expect(c.tries()).toBeGreaterThan(1);
    expect(c.tries()).toBeLessThan(50); // given up when the window closed, not when the errors ran out
  });

  it('with no answer, then 502 until the 3 s pass: unknown (the first may have been taken), not refused', async () => {
    const c = calls(noAnswer(), ...Array.from({ length: 50 }, badGateway));
    expect(await sendFirstResponse(c.call, madeAgo(2000))).toMatchObject({ kind: 'unknown' });
  });

  it('refused for good (10062 Unknown interaction, a 400) is not tried again', async () => {
    const c = calls(refused(10062, 404));
    expect(await sendFirstResponse(c.call, madeAgo(0))).toMatchObject({ kind: 'refused', tries: 1 });
  });
});

describe('an edit of the original response', () => {
  const never = new AbortController().signal;

  it('answered 502, then not at all, is sent at the third try', async () => {
    const c = calls(badGateway(), noAnswer());
    expect(await sendWithinTokenLife(c.call, madeAgo(0), never)).toEqual({ kind: 'sent', tries: 3 });
  });

  it('refused (50027 Invalid Webhook Token: the token gone) is not tried again', async () => {
    const c = calls(refused(50027, 401));
    expect(await sendWithinTokenLife(c.call, madeAgo(0), never)).toMatchObject({ kind: 'refused', tries: 1 });
  });

  it('answered 502 with the token about to end: expired, not tried past it', async () => {
    const c = calls(...Array.from({ length: 50 }, badGateway));
    expect(await sendWithinTokenLife(c.call, madeAgo(15 * 60_000 - 100), never)).toMatchObject({ kind: 'expired', tries: 1 });
  });

  it('answered 502 when the adapter stops: stopped, no try after', async () => {
    const stop = new AbortController();
    const c = calls(...Array.from({ length: 50 }, badGateway));
    const going = sendWithinTokenLife(c.call, madeAgo(0), stop.signal);
    stop.abort();
    expect(await going).toMatchObject({ kind: 'stopped', tries: 1 });
    expect(c.tries()).toBe(1);
  });
});
