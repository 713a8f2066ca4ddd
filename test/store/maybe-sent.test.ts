/**
 * store/maybe-sent.ts (tester 31-1 F9): a post a stop caught mid-send may be in its chat. Called off at the next start
 * (its note drafted while notecast was down), the note's next post to that chat takes its nonce, so Discord answers
 * with the first message; a post that never went out leaves the next post a nonce of its own.
 */
import { expect, it } from 'vitest';
import { callOffPost } from '../../src/store/called-off.js';
import { tempStores } from '../helpers/temp-store.js';
import type { NewDelivery } from '../../src/store/types.js';

const store = tempStores('maybe-sent');

const target = { platform: 'discord' as const, chat: '42', thread: '' };
const summary = { title: 'Juliet 1', url: '', keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
const post = (revision: number): NewDelivery => ({ kind: 'post', noteId: 'family:n1', revision, target, payload: { type: 'summary', summary } });

it('a post caught mid-send by a stop, called off at the start: the note\'s next post there takes its nonce', () => {
  const s = store();
  const first = s.enqueue(post(1));
  s.markSending(first); // the kill came here
  expect(s.recoverSending()).toBe(1);
  expect(callOffPost(s, first, 'note deleted or drafted before it was sent')).toBe(true);
  expect(s.outboxRow(first)?.lastError).toMatch(/no answer came to its send, so the chat may show it/);
  const next = s.enqueue(post(2));
  expect(s.outboxRow(next)?.nonce).toBe(s.outboxRow(first)?.nonce);
});

it('a post called off before any send: the next post has a nonce of its own', () => {
  const s = store();
  const first = s.enqueue(post(1));
  expect(callOffPost(s, first, 'note deleted or drafted before it was sent')).toBe(false);
  const next = s.enqueue(post(2));
  expect(s.outboxRow(next)?.nonce).not.toBe(s.outboxRow(first)?.nonce);
});
