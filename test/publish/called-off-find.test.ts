/**
 * publish/called-off-find.ts (issue 25, tester 31-1 F4): the delete queued when `onDelete: delete` calls off a post whose
 * send may have reached the chat learns that send's message through the adapter, records it as the note's post, and
 * never takes a message another record of this database names; an adapter that cannot look (Telegram) says so; a post
 * of the note queued since takes the message instead. The platform is a recording stand-in here: the route through the
 * fake Discord is test/adapters/uncertain-called-off.test.ts.
 */
import { expect, it } from 'vitest';
import { calledOffMessage, type CalledOffDeps } from '../../src/publish/called-off-find.js';
import type { ChatAdapter, LostSend, LostSendFound } from '../../src/publish/port.js';
import { callOffPost } from '../../src/store/called-off.js';
import { markMaybeSent } from '../../src/store/maybe-sent.js';
import type { Store } from '../../src/store/store.js';
import { keepUncertainSend, readUncertainSends } from '../../src/store/uncertain-sends.js';
import type { NewDelivery, OutboxRow } from '../../src/store/types.js';
import { silentLogger } from '../../src/log.js';
import { findLostSend } from '../../src/adapters/discord/lost-send.js';
import { nonceChannel } from '../fakes/discord/nonce-channel.js';
import { tempStores } from '../helpers/temp-store.js';

const stores = tempStores('called-off-find');
const target = { platform: 'discord' as const, chat: '42', thread: '' };
const summary = { title: 'Echo 1', url: '', keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
const post = (noteId: string, revision = 1): NewDelivery => ({ kind: 'post', noteId, revision, target, payload: { type: 'summary', summary } });
const log = silentLogger();

/** A post whose send (at `sentAt`) went unanswered, called off as its note was removed under `onDelete: delete`: the delete queued with it. */
function calledOffAfterLostSend(s: Store, sentAt = Date.now()): { sent: number; del: Extract<OutboxRow, { kind: 'delete' }> } {
  const sent = s.enqueue(post('family:n1'));
  keepUncertainSend(s, { delivery: sent, note: 'family:n1', target: 'discord:42', at: sentAt, guard: 'nonce', reason: 'other side closed' });
  markMaybeSent(s.sql, sent, sentAt); // the send went at `sentAt`
  expect(callOffPost(s, sent, 'the note no longer goes to this chat', true)).toBe(true);
  const del = s.openDelivery('family:n1', target, ['delete']);
  if (del?.kind !== 'delete') throw new Error('no delete queued with the call-off');
  expect(del.payload.calledOff).toBe(sent);
  return { sent, del };
}

/** An adapter whose look answers `found`, and remembers what it was asked. */
function looking(found: LostSendFound): { adapter: ChatAdapter; asked: LostSend[] } {
  const asked: LostSend[] = [];
  const adapter: ChatAdapter = {
    platform: 'discord',
    post: () => Promise.reject(new Error('not here')),
    edit: () => Promise.reject(new Error('not here')),
    delete: () => Promise.reject(new Error('not here')),
    classify: () => ({ kind: 'transient', reason: 'x' }),
    findLostSend: (_t, sent) => {
      asked.push(sent);
      return Promise.resolve(found);
    },
  };
  return { adapter, asked };
}

const deps = (s: Store, now = Date.now): CalledOffDeps => ({ store: s, log, bounded: (call) => call(undefined), record: async (w) => w(), now });
const ctx = (row: OutboxRow) => ({ deliveryId: row.id, noteId: row.noteId, revision: row.revision, nonce: row.nonce });

it('the message the lost send made is recorded as the note\'s post, learned by the called-off post\'s nonce', async () => {
  const s = stores();
  const { sent, del } = calledOffAfterLostSend(s);
  const { adapter, asked } = looking({ messageId: 'm1', madeNow: false, how: 'its nonce answered' });
  expect(await calledOffMessage(deps(s), del, adapter, ctx(del))).toEqual({ messageId: 'm1', viaDigest: false });
  expect(asked[0]?.nonce).toBe(s.outboxRow(sent)?.nonce);
  expect(asked[0]?.sentAt).toBeTypeOf('number');
  expect(s.postOf('family:n1', target)?.messageId).toBe('m1');
  expect(readUncertainSends(s).recent[0]?.outcome).toMatch(/was in the chat: deleted/);
});

it('a message another record of this database names is never taken (nor deleted)', async () => {
  const s = stores();
  const other = s.enqueue(post('family:n2'));
  s.markDone(other, 'm1');
  s.putPost('family:n2', target, 'm1', 1);
  const { del } = calledOffAfterLostSend(s);
  const got = await calledOffMessage(deps(s), del, looking({ messageId: 'm1', madeNow: false, how: 'its nonce answered' }).adapter, ctx(del));
  expect(got).toEqual({ skip: expect.stringMatching(/recorded as another post: left as it is/) });
  expect(s.postOf('family:n1', target)).toBeUndefined();
});

it('a platform that cannot look (no findLostSend: Telegram) says so, and status keeps "may show it" with the reason', async () => {
  const s = stores();
  const { del } = calledOffAfterLostSend(s);
  const { findLostSend: _none, ...blind } = looking({ messageId: 'm1', madeNow: false, how: 'its nonce answered' }).adapter;
  const got = await calledOffMessage(deps(s), del, blind, ctx(del));
  expect(got).toEqual({ skip: expect.stringMatching(/cannot tell .*the chat may show it/) });
  expect(readUncertainSends(s).recent[0]?.outcome).toMatch(/the chat may show it/);
});

it('the note back before the delete ran: its new post takes the nonce and the delete is called off, nothing looked for', async () => {
  const s = stores();
  const { sent, del } = calledOffAfterLostSend(s);
  const back = s.enqueue(post('family:n1', 2));
  expect(s.outboxRow(back)?.nonce).toBe(s.outboxRow(sent)?.nonce);
  expect(s.outboxRow(del.id)?.status).toBe('skipped');
  const { adapter, asked } = looking({ messageId: 'm1', madeNow: false, how: 'its nonce answered' });
  expect(await calledOffMessage(deps(s), del, adapter, ctx(del))).toEqual({ skip: expect.stringMatching(/the note is back/) });
  expect(asked).toEqual([]);
});

it('a post called off with no send that may have reached the chat queues no delete', () => {
  const s = stores();
  const first = s.enqueue(post('family:n1'));
  expect(callOffPost(s, first, 'removed', true)).toBe(false);
  expect(s.openDelivery('family:n1', target, ['delete'])).toBeUndefined();
});

it('a post held for a scheduled digest (its lost send was the digest, showing other notes too) queues no delete', () => {
  const s = stores();
  const held = s.enqueue({ kind: 'post', noteId: 'family:n1', revision: 1, target, payload: { type: 'summary', summary, digestAt: Date.now() } });
  keepUncertainSend(s, { delivery: held, note: 'family:n1', target: 'discord:42', at: Date.now(), guard: 'nonce', reason: 'other side closed' });
  expect(callOffPost(s, held, 'removed', true)).toBe(true);
  expect(s.openDelivery('family:n1', target, ['delete'])).toBeUndefined();
});

/** What the deliverer does with a message the look learned: deleted, the delete recorded done and the note's post dropped. */
function deletedAsTheDelivererDoes(s: Store, del: OutboxRow, messageId: string): void {
  s.transaction(() => {
    s.markDone(del.id, messageId);
    s.dropPost(del.noteId ?? '', target);
  });
}

it('the look found and deleted the lost send\'s message, then the note is back: its new post takes a nonce of its own (rv1 1)', async () => {
  const s = stores();
  const { sent, del } = calledOffAfterLostSend(s);
  const got = await calledOffMessage(deps(s), del, looking({ messageId: 'm1', madeNow: false, how: 'its nonce answered' }).adapter, ctx(del));
  expect(got).toEqual({ messageId: 'm1', viaDigest: false });
  deletedAsTheDelivererDoes(s, del, 'm1');
  const back = s.enqueue(post('family:n1', 2)); // Discord would answer the old nonce with m1, deleted: the chat would show nothing
  expect(s.postOf('family:n1', target)).toBeUndefined();
  expect(s.outboxRow(back)?.nonce).not.toBe(s.outboxRow(sent)?.nonce);
});

it('the note back while the look is in flight: one owner of the nonce, the look deletes the message and the new post has a nonce of its own (rv1 2)', async () => {
  const s = stores();
  const { sent, del } = calledOffAfterLostSend(s);
  s.markSending(del.id); // the delete's turn: in flight while it looks
  let back = 0;
  const { adapter } = looking({ messageId: 'm1', madeNow: false, how: 'its nonce answered' });
  const racing: ChatAdapter = { ...adapter, findLostSend: (t, lost, c) => {
    back = s.enqueue(post('family:n1', 2)); // a batch during the look: the note restored
    return adapter.findLostSend?.(t, lost, c) ?? Promise.reject(new Error('no look'));
  } };
  expect(await calledOffMessage(deps(s), del, racing, ctx(del))).toEqual({ messageId: 'm1', viaDigest: false });
  expect(s.outboxRow(back)?.nonce).not.toBe(s.outboxRow(sent)?.nonce);
  expect(s.outboxRow(back)?.status).toBe('pending');
});

it('a look that went out (its answer lost) owns the nonce: the note back before its retry gets a nonce of its own, and the retry still deletes', async () => {
  const s = stores();
  const { sent, del } = calledOffAfterLostSend(s);
  s.markSending(del.id);
  const lost: ChatAdapter = { ...looking({ messageId: 'm1', madeNow: false, how: 'its nonce answered' }).adapter, findLostSend: () => Promise.reject(new Error('other side closed')) };
  await expect(calledOffMessage(deps(s), del, lost, ctx(del))).rejects.toThrow(/other side closed/);
  s.markRetry(del.id, Date.now(), 'other side closed'); // the deliverer's retry: the delete waits again
  const back = s.enqueue(post('family:n1', 2));
  expect(s.outboxRow(back)?.nonce).not.toBe(s.outboxRow(sent)?.nonce);
  expect(s.outboxRow(del.id)?.status).toBe('pending');
  expect(await calledOffMessage(deps(s), del, looking({ messageId: 'm1', madeNow: false, how: 'its nonce answered' }).adapter, ctx(del))).toEqual({ messageId: 'm1', viaDigest: false });
});

it('deleted, restored, deleted again in one outage: the post that took the nonce is called off as maybe sent, and its delete asks by that nonce (rv1 3)', async () => {
  const s = stores();
  const { sent, del } = calledOffAfterLostSend(s);
  const back = s.enqueue(post('family:n1', 2)); // restored: takes the nonce, the first delete is called off
  expect(s.outboxRow(del.id)?.status).toBe('skipped');
  expect(s.outboxRow(back)?.nonce).toBe(s.outboxRow(sent)?.nonce);
  expect(callOffPost(s, back, 'note retracted before it was sent', true)).toBe(true); // deleted again before Discord is back
  const again = s.openDelivery('family:n1', target, ['delete']);
  if (again?.kind !== 'delete') throw new Error('no delete queued for the message the first send may have made');
  const { adapter, asked } = looking({ messageId: 'm1', madeNow: false, how: 'its nonce answered' });
  expect(await calledOffMessage(deps(s), again, adapter, ctx(again))).toEqual({ messageId: 'm1', viaDigest: false });
  expect(asked[0]).toMatchObject({ nonce: s.outboxRow(sent)?.nonce, sentAt: expect.any(Number) });
});

it('the look\'s own message, its answer lost, retried past the lost send\'s window but within the look\'s: found and deleted (rv1 4)', async () => {
  const s = stores();
  const t0 = 1_000_000_000;
  let clock = t0;
  const { rest, messages } = nonceChannel(() => clock);
  const place = { channel: '42', forum: false, guildId: 'g', botUserId: 'b' };
  const { sent, del } = calledOffAfterLostSend(s, t0); // its send never reached Discord: no message
  let answerLost = true;
  const adapter: ChatAdapter = { ...looking({ messageId: 'x', madeNow: false, how: 'its nonce answered' }).adapter, findLostSend: async (_t, lost, c) => {
    const found = await findLostSend(rest, place, lost, c, clock);
    if (answerLost) throw new Error('other side closed'); // the look made its message; its answer never came
    return found;
  } };
  clock = t0 + 100_000;
  await expect(calledOffMessage(deps(s, () => clock), del, adapter, ctx(del))).rejects.toThrow(/other side closed/);
  expect(messages.map((m) => m.nonce)).toEqual([s.outboxRow(sent)?.nonce]);
  clock = t0 + 130_000; // 2 min 10 s after the lost send, 30 s after the look
  answerLost = false;
  const got = await calledOffMessage(deps(s, () => clock), del, adapter, ctx(del));
  expect(got).toEqual({ messageId: messages[0]?.id, viaDigest: false }); // the look's message, to be deleted: nothing else in the channel
  expect(messages).toHaveLength(1);
  expect(readUncertainSends(s).recent[0]?.outcome).toMatch(/the chat may show it/); // the lost send itself is past telling
});
