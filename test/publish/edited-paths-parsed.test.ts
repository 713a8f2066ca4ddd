/**
 * Issue 25, e25c: the paths edited within the removal window (recent-edits.ts) join a batch only when
 * the batch moves content one of them held or holds (held-rewrites.ts `withEdited`). Every batch of the
 * window decided them all again: a burst of k saves split over n batches was parsed n·k times, not k
 * (controls-property.test.ts went from 12 s of CPU to 19-26 s). Counted by the notes each batch parsed
 * (BatchResult.parsed), never timed. The window is made long so that a loaded machine cannot end it
 * mid-test. What the join is for (a rotation split over batches) stays: split-bursts.test.ts.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filePublishers } from '../helpers/publisher.js';

const publisherFor = filePublishers('edited-paths');
const NOTES = 5; // one post each: above the digest threshold (5) they would be one digest
const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

async function announced() {
  const { notes, store, publisher } = publisherFor({ routes: [{ platform: 'console', chat: 'all' }], publish: { digest: { windowMs: 600_000 } } });
  const files = Array.from({ length: NOTES }, (_, i) => path.join(notes, `n${i}.md`));
  files.forEach((f, i) => writeFileSync(f, page(`Note ${i}`, `The body of note ${i}, first version.`)));
  await publisher.processBatch({ changed: files, removed: [] });
  const save = async (file: string, text: string) => (writeFileSync(file, text), (await publisher.processBatch({ changed: [file], removed: [] })).parsed);
  return { notes, store, publisher, files, save };
}

describe('paths edited within the removal window', () => {
  it('a burst of saves over one batch each parses each save once, not every path edited before it again', async () => {
    const { files, save } = await announced();
    let parsed = 0;
    for (const round of [2, 3]) for (const [i, f] of files.entries()) parsed += await save(f, page(`Note ${i}`, `The body of note ${i}, version ${round}.`));
    expect(parsed).toBe(2 * NOTES);
  });

  it('a new note written among them is parsed alone', async () => {
    const { notes, files, save } = await announced();
    for (const [i, f] of files.entries()) await save(f, page(`Note ${i}`, `The body of note ${i}, second version.`));
    expect(await save(path.join(notes, 'new.md'), page('New', 'A note of its own.'))).toBe(1);
  });

  it('a batch that brings an edited path’s old content decides it again with it: the note moved, its message follows it', async () => {
    const { notes, store, publisher, files, save } = await announced();
    // `mv n0.md moved.md` and a new n0.md alike to it, n0.md reported a batch first (recent-edits.ts).
    const old = path.join(notes, 'moved.md');
    renameSync(files[0]!, old);
    expect(await save(files[0]!, page('Another note', 'The body of note 0, first version, now a new note.'))).toBe(1);
    const second = await publisher.processBatch({ changed: [old], removed: [] });
    expect(second.parsed).toBe(2); // moved.md and the edited n0.md with it
    expect(store.getNote('moved')?.info.title).toBe('Note 0');
    // Note 0's post follows it to moved.md (never posted again), and n0.md is a new note.
    const posts = store.db.prepare("SELECT note_id AS id, json_extract(payload, '$.summary.title') AS title FROM outbox WHERE kind = 'post' ORDER BY note_id").all();
    expect(posts).toEqual([{ id: 'family:moved', title: 'Note 0' }, { id: 'family:n0', title: 'Another note' }, ...[1, 2, 3, 4].map((i) => ({ id: `family:n${i}`, title: `Note ${i}` }))]);
  });
});
