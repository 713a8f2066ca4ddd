/**
 * The sends kept running past their timeout for a late answer (src/adapters/telegram/late-answers.ts) are bounded: at
 * most `max` at once (past it a timed-out send is aborted as before), each only for its window, every one aborted at the
 * stop, and an answer that comes after its abort is told to no one.
 */
import { describe, expect, it } from 'vitest';
import { isChatSentTo, lateWindowMs, LateRequests } from '../../src/adapters/telegram/late-answers.js';

/** A request the test answers (`answer`) with an `ok` sendMessage result naming `messageId`. */
function request(): { promise: Promise<unknown>; answer: (messageId: number) => void } {
  let answer!: (messageId: number) => void;
  const promise = new Promise<unknown>((resolve) => (answer = (id) => resolve({ ok: true, result: { message_id: id, chat: { id: -100881, type: 'supergroup' } } })));
  return { promise, answer };
}

describe('late requests', () => {
  it('keep at most max at once, tell an ok answer once, and are all aborted at the stop', async () => {
    const late = new LateRequests(2);
    const told: string[] = [];
    const [a, b] = [request(), request()];
    const [abortA, abortB] = [new AbortController(), new AbortController()];
    late.keep(a.promise, abortA, 60_000, (m) => told.push(m.messageId));
    late.keep(b.promise, abortB, 60_000, (m) => told.push(m.messageId));
    expect(late.room()).toBe(false); // a third is aborted at its timeout, as before
    a.answer(41);
    await a.promise;
    await new Promise((r) => setImmediate(r));
    expect(told).toEqual(['41']);
    expect(late.size).toBe(1);
    expect(late.room()).toBe(true);
    late.closeAll();
    expect(abortB.signal.aborted).toBe(true);
    expect(late.room()).toBe(false); // stopped: none kept until the next start
    b.answer(42); // its connection closed by the abort: a late answer after the stop is told to no one
    await new Promise((r) => setImmediate(r));
    expect(told).toEqual(['41']);
    late.reopen();
    expect(late.room()).toBe(true);
  });

  it('aborts a request when its window ends', async () => {
    const late = new LateRequests();
    const abort = new AbortController();
    late.keep(request().promise, abort, 10, () => undefined);
    await new Promise<void>((r) => abort.signal.addEventListener('abort', () => r(), { once: true }));
    expect(abort.signal.aborted).toBe(true);
  });

  it("takes a late answer's chat as its send's only by its id, or a public chat's @username", () => {
    expect(isChatSentTo('-100881', { id: -100881 })).toBe(true);
    expect(isChatSentTo('-100881', { id: -100882 })).toBe(false); // message ids are per chat (rv-34c R2)
    expect(isChatSentTo('@Notes', { id: -100881, username: 'notes' })).toBe(true);
    expect(isChatSentTo('@notes', { id: -100881, username: 'other' })).toBe(false);
  });

  it('runs a window of ten call limits, at most ten minutes, never under the limit', () => {
    expect(lateWindowMs(1000)).toBe(10_000);
    expect(lateWindowMs(120_000)).toBe(600_000);
    expect(lateWindowMs(900_000)).toBe(900_000);
  });
});
