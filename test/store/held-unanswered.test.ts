/**
 * Posts held after two unanswered sends (store/held-unanswered.ts, issue 25) wait for a signal, not a time, so
 * nextAttemptAt leaves them out; every other pending post still counts. The merge of s31-lp stopped family posts and
 * Discord thread posts (17 failures in CI): its condition was NULL for a post with no last_error (a fresh one), so
 * `NOT held` dropped every fresh post from nextAttemptAt, and one not due at the pump (a family's grace period, a row
 * behind one failed as no delivery) never got a timer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HELD_UNANSWERED, markHeld, wakeHeldUnanswered } from '../../src/store/held-unanswered.js';
import { SCHEMA_VERSIONS } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import type { Summary } from '../../src/summary/build.js';
import type { Target } from '../../src/store/types.js';

const target: Target = { platform: 'telegram', chat: '-100901', thread: '' };
const summary = (title: string): Summary => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function store(): Store {
  const dir = mkdtempSync(path.join(tmpdir(), 'notecast-held-'));
  const s = new Store(path.join(dir, 'state.db'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => s.close());
  return s;
}

describe('nextAttemptAt beside posts held after two unanswered sends', () => {
  it('counts a fresh post not yet due (no last_error): a family post in its grace period gets its timer', () => {
    const s = store();
    s.enqueue({ noteId: 'family:a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') }, notBefore: 5_000 });
    expect(s.nextAttemptAt()).toBe(5_000);
  });

  it('counts a fresh digest too', () => {
    const s = store();
    s.enqueue({ noteId: null, revision: 0, target, kind: 'digest', payload: { type: 'digest', items: [{ noteId: 'a', title: 'A' }] }, notBefore: 7_000 });
    expect(s.nextAttemptAt()).toBe(7_000);
  });

  it('leaves out a held post, counts the post beside it, and a signal makes the held one due', () => {
    const s = store();
    const held = s.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    s.markRateLimited(held, 1_000, `${HELD_UNANSWERED} (socket hang up): the chat may show the post once or twice, or not at all`);
    markHeld(s.sql, held, 'held'); // the row's field, not its reason, holds it
    expect(s.nextAttemptAt()).toBeUndefined();
    s.enqueue({ noteId: 'b', revision: 1, target: { ...target, chat: '-100902' }, kind: 'post', payload: { type: 'summary', summary: summary('B') }, notBefore: 9_000 });
    expect(s.nextAttemptAt()).toBe(9_000);
    expect(wakeHeldUnanswered(s.sql, 'telegram', 500)).toBe(1);
    expect(s.dueHeads(500, 4, new Set()).map((r) => r.id)).toEqual([held]);
  });
});

/**
 * Issue 25 (HIGH): a held post froze its whole chat (dueHeads took each chat's lowest pending id, the held one). Now it
 * holds only its own note's later rows there (an edit or delete needs the message it may make; a held digest's, of a
 * note it lists); every other note's rows in that chat go on, and once a signal makes it due it heads its chat again.
 */
describe('dueHeads beside a post held after two unanswered sends', () => {
  const HOLD = `${HELD_UNANSWERED} (socket hang up): the chat may show the post once or twice, or not at all`;

  it("sends the chat's other notes, keeps the held note's own later rows behind it, and sends it first once due", () => {
    const s = store();
    const held = s.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    s.markRateLimited(held, 10_000, HOLD);
    markHeld(s.sql, held, 'held'); // the row's field, not its reason, holds it
    const editA = s.enqueue({ noteId: 'a', revision: 2, target, kind: 'edit', payload: { type: 'summary', summary: summary('A2') } });
    const postB = s.enqueue({ noteId: 'b', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    expect(s.dueHeads(100, 4, new Set()).map((r) => r.id)).toEqual([postB]);
    s.markDone(postB, 'm-b');
    expect(s.dueHeads(100, 4, new Set())).toEqual([]); // a's edit waits for a's post
    expect(s.nextAttemptAt()).toBeUndefined(); // and gives no timer: it waits for the held post, which waits for a signal
    expect(wakeHeldUnanswered(s.sql, 'telegram', 200)).toBe(1);
    expect(s.dueHeads(200, 4, new Set()).map((r) => r.id)).toEqual([held]);
    s.markDone(held, 'm-a');
    expect(s.dueHeads(200, 4, new Set()).map((r) => r.id)).toEqual([editA]);
  });

  it("keeps a held digest's listed notes' later rows behind it, not the chat's other notes", () => {
    const s = store();
    const digest = s.enqueue({ noteId: null, revision: 0, target, kind: 'digest', payload: { type: 'digest', items: [{ noteId: 'a', title: 'A' }] } });
    s.markRateLimited(digest, 10_000, HOLD);
    markHeld(s.sql, digest, 'held'); // the row's field, not its reason, holds it
    s.enqueue({ noteId: 'a', revision: 2, target, kind: 'delete', payload: { type: 'delete' } });
    const postB = s.enqueue({ noteId: 'b', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    expect(s.dueHeads(100, 4, new Set()).map((r) => r.id)).toEqual([postB]);
    s.markDone(postB, 'm-b');
    expect(s.dueHeads(100, 4, new Set())).toEqual([]);
  });
});

/** Issue 25: held is a field of the row now; a post an earlier release held (known then by its reason alone) stays held. */
describe('the migration to held fields', () => {
  it("holds a post an earlier release held, as it was (after a timeout or not), after two unanswered sends", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notecast-held-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const before = new Store(path.join(dir, 'state.db'));
    const plain = before.enqueue({ noteId: 'a', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('A') } });
    const timedOut = before.enqueue({ noteId: 'b', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('B') } });
    const fresh = before.enqueue({ noteId: 'c', revision: 1, target, kind: 'post', payload: { type: 'summary', summary: summary('C') } });
    before.markRateLimited(plain, 10_000, `${HELD_UNANSWERED} (socket hang up): the chat may show the post once or twice, or not at all`);
    before.markRateLimited(timedOut, 10_000, `${HELD_UNANSWERED} (timed out; no idempotency key; no answer within 3000 ms): …`);
    before.db.pragma(`user_version = ${SCHEMA_VERSIONS - 1}`); // as the release before left it (its reasons only)
    before.close();
    const s = new Store(path.join(dir, 'state.db'));
    cleanups.push(() => s.close());
    expect([plain, timedOut, fresh].map((id) => s.outboxRow(id)).map((r) => [r?.held, r?.unansweredSends, r?.sendTimedOut])).toEqual([
      ['held', 2, false],
      ['after-timeout', 2, true],
      ['no', 0, false],
    ]);
  });
});
