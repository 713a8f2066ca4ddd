/**
 * adapters/discord/lost-send.ts: a called-off post's lost send is asked about by its nonce only within Discord's nonce
 * window ("the past few minutes": message.mdx, Create Message, `enforce_nonce`). After it, a Create Message with that
 * nonce would post anew and tell nothing: no request goes, and the answer says why. A webhook route is never looked for.
 */
import type { REST } from 'discord.js';
import { expect, it } from 'vitest';
import { findLostSend } from '../../src/adapters/discord/lost-send.js';

const summary = { title: 'Echo 1', url: '', keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
const place = { channel: '42', forum: false, guildId: '7', botUserId: '9' };
/** A REST client that fails the test if it is called at all. */
const untouchable = new Proxy({}, { get: () => () => Promise.reject(new Error('no call may go')) }) as unknown as REST;

it('a send older than the nonce window, or of unknown time, is not asked about: nothing is posted', async () => {
  const now = Date.now();
  for (const sentAt of [now - 10 * 60_000, undefined]) {
    const got = await findLostSend(untouchable, place, { message: { type: 'summary', summary }, nonce: 'n', queuedAt: now - 20 * 60_000, sentAt }, { deliveryId: 1, noteId: 'n1', revision: 1, nonce: 'n' }, now);
    expect(got).toEqual({ why: expect.stringMatching(/older than Discord's nonce window.*the chat may show it/) });
  }
});
