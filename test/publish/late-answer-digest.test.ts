/**
 * Tester 40 F5 (issue 25): a burst's digest whose send timed out and was answered late, with a listed note removed and
 * another retitled while the answer was late. On main the late answer recorded the digest with the lines it was sent
 * with and queued no edit (only a single post's was queued): the removed note stayed listed for good, and a later edit
 * of the digest rewrote it from those stale lines. Now the message is edited to the lines the digest lists now, and
 * deleted when none is left (README, Exactly once → Telegram: "its edits go there").
 */
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console.js';
import { followInWaitingDigest } from '../../src/publish/digest-lines.js';
import type { ChatAdapter, LateAnswer, OutgoingMessage } from '../../src/publish/port.js';
import type { DigestItem } from '../../src/store/types.js';
import { c1, hangUp, heldRun } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

/** A console whose sends all go unanswered (a hang-up), the message each carried kept, and its late-answer listener exposed. */
function lateConsole() {
  const base = createConsoleAdapter({ json: true, write: () => undefined });
  const carried: OutgoingMessage[] = [];
  let listener: ((late: LateAnswer) => void) | undefined;
  const thrown = new Set<unknown>();
  const adapter: ChatAdapter = {
    ...base,
    post: (_t, message) => {
      carried.push(message);
      const e = hangUp();
      thrown.add(e);
      return Promise.reject(e);
    },
    classify: (e, op) => (thrown.has(e) ? { kind: 'transient', reason: (e as Error).message, uncertain: true } : base.classify(e, op)),
    resendGuard: () => ({ guard: 'none', why: 'console has no idempotency key' }),
    probe: async () => undefined,
    onLateAnswer: (l) => void (listener = l),
  };
  return { adapter, carried, answerLate: (late: LateAnswer) => listener!(late) };
}

const line = (n: number, title = `Note ${n}`): DigestItem => ({ noteId: `n${n}`, title, url: `https://blog.example.org/n${n}.html`, member: `n${n}` });

async function lateDigest(change: (store: ReturnType<typeof heldRun>['store']) => void) {
  const fake = lateConsole();
  // The resend waits a minute: the late answer comes before it, as a resend Telegram does not carry out.
  const run = heldRun(fake.adapter, { baseDelayMs: 60_000, maxDelayMs: 60_000 });
  const digest = run.store.enqueue({ noteId: null, revision: 0, target: c1, kind: 'digest', payload: { type: 'digest', items: [1, 2, 3].map((n) => line(n)) } });
  run.deliverer.start();
  await until(() => run.events.some((e) => e.row.id === digest), 10_000, 'the digest sent, its answer lost (its resend a minute away)');
  change(run.store); // while its answer is late: what the publisher does for a listed note removed or retitled
  fake.answerLate({ deliveryId: digest, revision: 0, target: c1, message: fake.carried[0]!, messageId: 'm1' });
  await until(() => run.deliverer.idle, 10_000, 'the late answer recorded');
  const rows = run.store.db.prepare("SELECT kind, status, payload FROM outbox WHERE note_id = 'digest:m1'").all() as { kind: string; status: string; payload: string }[];
  const status = run.store.db.prepare('SELECT status, message_id AS messageId FROM outbox WHERE id = ?').get(digest);
  return { status, after: rows.map((r) => ({ kind: r.kind, status: r.status, titles: (JSON.parse(r.payload) as { items?: DigestItem[] }).items?.map((i) => i.title) })) };
}

describe('a burst digest answered late, its lines changed while the answer was late', () => {
  it('a note removed and another retitled: the message is edited to the lines the digest lists now', async () => {
    const { status, after } = await lateDigest((store) => {
      followInWaitingDigest(store, 'n2', c1, undefined);
      followInWaitingDigest(store, 'n3', c1, { id: 'n3', info: { title: 'Note 3 edited', url: 'https://blog.example.org/n3.html' } });
    });
    expect(status).toEqual({ status: 'done', messageId: 'm1' });
    expect(after).toEqual([{ kind: 'edit', status: 'done', titles: ['Note 1', 'Note 3 edited'] }]); // on main: no edit at all
  });

  it('every listed note removed: the message is deleted', async () => {
    const { status, after } = await lateDigest((store) => {
      for (const n of ['n1', 'n2', 'n3']) followInWaitingDigest(store, n, c1, undefined);
    });
    expect(status).toEqual({ status: 'skipped', messageId: null }); // called off before the answer came: nothing of it recorded
    expect(after).toEqual([{ kind: 'delete', status: 'done', titles: undefined }]); // on main: the digest stays listing three removed notes
  });
});

describe('a scheduled digest answered late (tester 40 F6)', () => {
  it('every post it lists is recorded with its message: not sent again, not said held', async () => {
    const fake = lateConsole();
    const run = heldRun(fake.adapter, { baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const digestAt = Date.now() - 1000;
    const summary = (title: string) => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
    const ids = ['a', 'b'].map((n) => run.store.enqueue({ noteId: n, revision: 1, target: c1, kind: 'post', payload: { type: 'summary', summary: summary(n), digestAt } }));
    run.deliverer.start();
    await until(() => run.events.some((e) => e.row.id === ids[0]), 10_000, 'the digest sent, its answer lost (its resend a minute away)');
    fake.answerLate({ deliveryId: ids[0]!, revision: 1, target: c1, message: fake.carried[0]!, messageId: 'm1' });
    await until(() => run.deliverer.idle, 10_000, 'the late answer recorded');
    const rows = ids.map((id) => run.store.db.prepare('SELECT status, message_id AS messageId, held FROM outbox WHERE id = ?').get(id));
    expect(rows).toEqual([{ status: 'done', messageId: 'm1', held: 0 }, { status: 'done', messageId: 'm1', held: 0 }]); // on main: neither recorded, sent again
    expect(fake.carried).toHaveLength(1);
  });
});
