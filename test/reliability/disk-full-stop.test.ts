/**
 * Issue 25, item 11: a stop (SIGTERM) while the disk is full. The platform accepted a post, the
 * database could not record it, the stop gave up retrying the record: before, the delivery stayed
 * queued and the next start posted it again. Now the post waits in the journal beside the database
 * (store/sent-journal.ts) and the next start records it without sending.
 *
 * How the full disk is made: a temporary trigger on the service's own connection refuses the
 * record of a delivery as done with SQLite's words for a full disk. `PRAGMA max_page_count` cannot
 * do it (it can only be lowered to the current size, and a record that fits in pages already there
 * still commits), and a small tmpfs needs root and `mount`; the trigger fails exactly the write
 * that matters, every time, and disappears with the connection, as a freed disk would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const cfg = { watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 }, publish: { translations: { mode: 'group', graceMs: 0 } }, routes: [{ platform: 'console', chat: 'all' }] };
const note = (title: string) => `---\ntitle: ${title}\n---\n\nAbout ${title}.\n`;

/** From now on, recording a delivery as done fails as on a full disk (this connection only). */
function fillDisk(s: InProcessService): void {
  s.app!.store.db.exec(`CREATE TEMP TRIGGER disk_full BEFORE UPDATE OF status ON main.outbox WHEN NEW.status = 'done'
    BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
}

describe('a stop while the disk is full', () => {
  it('does not post again, at the next start, what the platform accepted and the database could not record', { timeout: 30_000 }, async () => {
    svc = InProcessService.sandbox(cfg, { parseThreads });
    await svc.start();
    writeFileSync(path.join(svc.notes, 'first.md'), note('First'));
    await svc.settle(['first.md']);
    fillDisk(svc);
    writeFileSync(path.join(svc.notes, 'second.md'), note('Second'));
    await svc.waitFor(() => svc!.sent('all', 'post').some((e) => e.noteId === 'second'), 10_000, 'the post of second');
    await svc.stop(); // SIGTERM: the record is retried a few times, then given up
    const journal = readFileSync(`${svc.db}.sent`, 'utf8');

    await svc.start(); // the disk has room again (start waits for the service's idle signal)
    expect(svc.sent('all', 'post').map((e) => e.noteId)).toEqual(['first', 'second']);
    expect(svc.anomalies).toEqual([]);
    expect(journal).toMatch(/"messageId":"c\d+"/);
    expect(readFileSync(`${svc.db}.sent`, 'utf8').replace(/\0/g, '')).toBe(''); // cleared once recorded
    // It is recorded, so an edit now edits that message rather than posting.
    writeFileSync(path.join(svc.notes, 'second.md'), note('Second, edited'));
    await svc.settle(['second.md']);
    expect(svc.sent('all', 'edit').map((e) => e.noteId)).toEqual(['second']);
    expect(svc.sent('all', 'post')).toHaveLength(2);
  });

  it('an entry for another database (the state moved away, a row of the same id) is not applied to it', { timeout: 30_000 }, async () => {
    svc = InProcessService.sandbox(cfg, { parseThreads });
    await svc.start();
    await svc.stop();
    writeFileSync(`${svc.db}.sent`, `${JSON.stringify({ delivery: 1, nonce: 'not-this-one', messageId: 'c1', crosspost: false })}\n`);
    await svc.start();
    writeFileSync(path.join(svc.notes, 'fresh.md'), note('Fresh'));
    await svc.settle(['fresh.md']);
    expect(svc.sent('all', 'post').map((e) => e.noteId)).toEqual(['fresh']);
  });
});
