/**
 * Tester 37 F3, F4 (issue 25): `status` counted one held post's two unanswered sends as two posts and listed it twice
 * (F4); an edit of a held post's note waited behind it unsaid, and, its send timed out, never reached the chat on a
 * healthy platform (F3). Now a post is counted and listed once (its unanswered sends counted on its line), an edit or
 * delete waiting for a held post is listed, and the held post's one more send takes the edit to its message.
 */
import { describe, expect, it } from 'vitest';
import { statusOf } from '../helpers/cli.js';
import { c1, c2, heldRun, scriptedConsole } from '../helpers/held-console.js';
import { until } from '../helpers/until.js';

/** Our call limit's wording (call-bound.ts): the send went, its answer came past our limit. */
const timedOut = (): Error => new Error('no answer from the platform within 2000 ms');

const summary = (title: string) => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });

describe('status of one post held after two unanswered sends', () => {
  it('counts it once and lists it once, saying how many sends got no answer', async () => {
    const shown: string[] = [];
    const run = heldRun(scriptedConsole(shown, () => timedOut()));
    const a = run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length > 0, 10_000, 'a held');
    const text = statusOf(run.db).stdout;
    expect(text).toMatch(/uncertain: +1 post whose answer never came .*; 1 without a platform key/); // seen: "2 posts …; 2 without"
    const lines = text.split('\n').filter((l) => l.includes(`#${a} a → console:c1`));
    expect(lines).toHaveLength(1); // seen: 2, one per send
    expect(lines[0]).toMatch(/2 sends unanswered, each may have made a message; held: /);
  });
});

describe('an edit of a held post\'s note', () => {
  it('is listed as waiting for it, and reaches the message its one more send makes', async () => {
    const shown: string[] = [], posted: string[] = [];
    // c1's first two sends post and time out (answered past our limit, as tester 37's F3), its third is answered.
    const run = heldRun(scriptedConsole(shown, (n) => (n <= 2 ? (posted.push(`a${n}`), timedOut()) : undefined)));
    const a = run.post('a', c1);
    run.deliverer.start();
    await until(() => run.heldEvents('a').length > 0, 10_000, 'a held');
    const edit = run.store.enqueue({ noteId: 'a', revision: 2, target: c1, kind: 'edit', payload: { type: 'summary', summary: summary('A two edited') } });
    run.deliverer.wake();
    await until(() => statusOf(run.db).stdout.includes(`#${edit} edit of a → console:c1: waits for held post #${a}`), 5000, 'the edit listed as waiting'); // seen: nothing said
    run.post('b', c2); // another chat's post answered: a signal that sends work
    run.deliverer.wake();
    await until(() => (run.store.sql('SELECT status FROM outbox WHERE id = ?').get(edit) as { status: string }).status === 'done', 10_000, 'the edit sent'); // seen: never
    const message = (id: number) => (run.store.sql('SELECT message_id FROM outbox WHERE id = ?').get(id) as { message_id: string | null }).message_id;
    expect(message(edit)).toBe(message(a)); // the edit went to the message the held post's last send made
    expect(run.store.postOf('a', c1)?.messageId).toBe(message(a));
    expect(statusOf(run.db).stdout).not.toContain('waits for held post');
    expect(posted).toHaveLength(2);
    expect(shown.filter((n) => n === 'a')).toHaveLength(2); // the third send's post and the edit of it
  });
});
