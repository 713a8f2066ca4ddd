/**
 * Issue 31: a file the store has no record of (every note of a cold start) is read and hashed on
 * its parse thread, so its text never passes through the main thread; the digest and stat recorded
 * are those of the text that thread parsed, and a file it cannot read is recorded as before.
 * The main thread's reads are counted at `readNoteTextSync` (the parse threads load the build's
 * own copy of the module, which this mock does not touch).
 */
import { readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempPublisher } from '../helpers/publisher.js';

const mainThreadReads = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('../../src/notes/read.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/notes/read.js')>();
  return {
    ...actual,
    readNoteTextSync: (...args: Parameters<typeof actual.readNoteTextSync>) => {
      mainThreadReads.files.push(args[2]);
      return actual.readNoteTextSync(...args);
    },
  };
});
const { contentHash } = await import('../../src/notes/read.js');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  mainThreadReads.files.length = 0;
});

function setUp() {
  const t = tempPublisher('thread-reads', { routes: [{ platform: 'console', chat: 'c1' }], publish: { translations: { mode: 'separate' } } });
  cleanups.push(t.close);
  return t;
}

const note = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

describe('a file the store has no record of is read on its parse thread', () => {
  it('a first run reads no note on the main thread; each record has the digest and stat of the text parsed', async () => {
    const { notes, store, publisher } = setUp();
    const files = ['a.md', 'b.md', 'c.md'].map((f, i) => {
      const abs = path.join(notes, f);
      writeFileSync(abs, note(`Note ${i}`, `Body number ${i} says something of its own.`));
      return abs;
    });
    const mtimes = new Map<string, number>();
    const r = await publisher.processBatch({ changed: files, removed: [] }, { firstRun: true, mtimes, trustStat: true });
    expect(r).toMatchObject({ scanned: 3, parsed: 3, errors: 0 });
    expect(mainThreadReads.files).toEqual([]);
    for (const abs of files) {
      const rel = path.basename(abs);
      const st = statSync(abs);
      const known = store.knownNote(rel);
      expect(known?.hash).toBe(contentHash(readFileSync(abs, 'utf8')));
      expect(known?.seen?.startsWith(`${st.mtimeMs}:${st.size}:`)).toBe(true);
      // The start-up scan's catch-up compares these: a file read on a thread is not read again.
      expect(mtimes.get(abs)).toBe(st.mtimeMs);
      expect(store.getNote(rel.replace('.md', ''))?.info.title).toBe(`Note ${files.indexOf(abs)}`);
    }
  });

  it('a warm start after it trusts the stat the thread recorded: no file is read again', async () => {
    const { notes, publisher } = setUp();
    const files = ['a.md', 'b.md'].map((f, i) => {
      const abs = path.join(notes, f);
      writeFileSync(abs, note(`Note ${i}`, `Body number ${i}.`));
      utimesSync(abs, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000)); // older than the 2 s a stat is not trusted within
      return abs;
    });
    await publisher.processBatch({ changed: files, removed: [] }, { firstRun: true, trustStat: true });
    mainThreadReads.files.length = 0;
    const r = await publisher.processBatch({ changed: files, removed: [] }, { trustStat: true });
    expect(r).toMatchObject({ scanned: 2, parsed: 0, errors: 0 });
    expect(mainThreadReads.files).toEqual([]);
  });

  it('a known note is still read here (its digest decides whether it is parsed at all); a new one beside it is not', async () => {
    const { notes, store, publisher } = setUp();
    const a = path.join(notes, 'a.md');
    writeFileSync(a, note('A', 'The first version.'));
    await publisher.processBatch({ changed: [a], removed: [] });
    writeFileSync(a, note('A', 'The second version.'));
    const b = path.join(notes, 'b.md');
    writeFileSync(b, note('B', 'A new note.'));
    mainThreadReads.files.length = 0;
    await publisher.processBatch({ changed: [a, b], removed: [] });
    expect(mainThreadReads.files).toEqual(['a.md']);
    expect(store.getNote('a')?.revision).toBe(2);
    expect(store.knownNote('b.md')?.hash).toBe(contentHash(note('B', 'A new note.')));
  });

  it('a new file the thread cannot read is recorded as an unreadable note; one gone before it was read is not recorded', async () => {
    const { notes, store, publisher } = setUp();
    const bad = path.join(notes, 'bad.md');
    writeFileSync(bad, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]));
    const outside = path.join(path.dirname(notes), 'outside.md');
    writeFileSync(outside, note('Outside', 'Not in the folder.'));
    const link = path.join(notes, 'link.md');
    symlinkSync(outside, link);
    const gone = path.join(notes, 'gone.md');
    writeFileSync(gone, note('Gone', 'Removed before it was read.'));
    rmSync(gone);
    const good = path.join(notes, 'good.md');
    writeFileSync(good, note('Good', 'Read and parsed.'));
    const mtimes = new Map<string, number>();
    const r = await publisher.processBatch({ changed: [bad, link, gone, good], removed: [] }, { firstRun: true, mtimes });
    expect(r).toMatchObject({ scanned: 4, parsed: 1, errors: 3 });
    // As when the main thread read it: the reader's message, under the digest of that message.
    expect(store.getNote('bad')).toMatchObject({ state: 'error', error: 'bad.md:1: not UTF-8 text (invalid byte at offset 3)', hash: contentHash('unreadable:not UTF-8 text (invalid byte at offset 3)') });
    expect(store.getNote('link')?.error).toContain('refused: the file resolves outside the notes folder');
    expect(store.getNote('gone')).toBeUndefined();
    expect(store.getNote('good')?.state).toBe('published');
    expect(mtimes.get(bad)).toBe(statSync(bad).mtimeMs);
  });
});
