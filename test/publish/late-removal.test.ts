/**
 * Issue 25, the intermittent move re-post: `setup.md` moved into a folder made for it (`a/`) is
 * found by looking through the new folder, and the watcher may report its old path's removal a
 * batch later. The publisher is given the batches in that order here, so the case does not depend
 * on the watcher's timing (the model saw it about 1 run in 6): the new file is the moved note, its
 * messages follow it, nothing is posted again.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filePublishers } from '../helpers/publisher.js';

const publisherFor = filePublishers('late-removal');

function setUp() {
  const { notes, store, publisher } = publisherFor({ routes: [{ platform: 'console', chat: 'c1' }], publish: { translations: { graceMs: 0 } } });
  const at = (rel: string) => path.join(notes, rel);
  const deliveries = () => store.db.prepare('SELECT kind, note_id AS noteId FROM outbox ORDER BY id').all();
  return { at, store, publisher, deliveries };
}

const NOTE = '---\ntitle: Setup\n---\n\nHow to set the thing up, step by step.\n';

describe('a move whose removal is reported a batch after the moved file', () => {
  it.each([
    ['unedited (the same content)', NOTE, 'a/setup.md'],
    ['edited, its file name kept (the same key)', `${NOTE}\nOne more step.\n`, 'b/setup.md'],
  ])('%s: the new file is the moved note, never posted again', async (_, text, to) => {
    const { at, store, publisher, deliveries } = setUp();
    writeFileSync(at('setup.md'), NOTE);
    await publisher.processBatch({ changed: [at('setup.md')], removed: [] });
    expect(deliveries()).toEqual([{ kind: 'post', noteId: 'family:setup' }]);

    mkdirSync(path.dirname(at(to)));
    renameSync(at('setup.md'), at(to));
    writeFileSync(at(to), text);
    await publisher.processBatch({ changed: [at(to)], removed: [] }); // the folder's scan found it
    await publisher.processBatch({ changed: [], removed: [at('setup.md')] }); // the old path's event, late
    publisher.applyRemovals();

    const id = to.replace(/\.md$/, '');
    expect(store.getNote('setup')).toBeUndefined();
    expect(store.getNote(id)?.state).toBe('published');
    expect(deliveries().filter((d) => (d as { kind: string }).kind !== 'edit')).toEqual([{ kind: 'post', noteId: 'family:setup' }]);
  });

  it('a gone note found this way that is no rename waits for its own removal event (the removal guard counts it then)', async () => {
    const { at, store, publisher } = setUp();
    writeFileSync(at('setup.md'), NOTE);
    await publisher.processBatch({ changed: [at('setup.md')], removed: [] });
    rmSync(at('setup.md'));
    for (const d of ['a', 'b']) {
      mkdirSync(at(d));
      writeFileSync(at(`${d}/setup.md`), `---\ntitle: Setup in ${d}\n---\n\nAnother way to set it up, in ${d}.\n`);
    }
    // Both share its file name only: two candidates, a delete and two new notes.
    await publisher.processBatch({ changed: [at('a/setup.md'), at('b/setup.md')], removed: [] });
    expect(publisher.pendingRemovals).toBe(0);
    expect(store.getNote('setup')?.state).toBe('published');
  });

  it('a new note sharing the key of a note still on disk is a note of its own (once the removal window is over: write-then-delete.test.ts)', async () => {
    const { at, store, publisher, deliveries } = setUp();
    writeFileSync(at('setup.md'), NOTE);
    await publisher.processBatch({ changed: [at('setup.md')], removed: [] });
    mkdirSync(at('a'));
    writeFileSync(at('a/setup.md'), `${NOTE}\nAnother setup.\n`);
    await publisher.processBatch({ changed: [at('a/setup.md')], removed: [] });
    await publisher.releaseHeld();
    publisher.applyRemovals();
    expect(store.getNote('setup')?.state).toBe('published');
    expect(store.getNote('a/setup')?.state).toBe('published');
    expect(deliveries()).toHaveLength(2);
  });
});
