/**
 * Issue 25, item 5: what goes later with a note set aside while it parses (late-notes.ts), so the
 * decisions that depend on it are made on the same set as before, and nothing is decided twice.
 * Each slow note's result is a promise the test settles itself: no thread, no timing.
 */
import { realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LateNotes, splitLate, type LateBatch } from '../../src/publish/late-notes.js';
import { contentHash } from '../../src/notes/read.js';
import type { SetAside } from '../../src/publish/parse-aside.js';
import type { ParseResult } from '../../src/publish/parse-pool.js';
import { tempFolder } from '../helpers/temp-folder.js';

const root = '/notes';
const file = (rel: string) => ({ rel, text: `text of ${rel}`, hash: `h-${rel}` });
const parsed = (rel: string, translationKey = path.posix.basename(rel, '.md')): ParseResult =>
  ({ ok: true, rel, note: { translationKey }, summary: null, text: {}, body: {} }) as unknown as ParseResult; // only `ok`, `rel` and the key are read
/** A slow note's entry (SetAside), settled by the test; `readHash`: the digest its thread said it read. */
const later = (readHash?: string) => {
  let settle!: (r: ParseResult) => void;
  const result = new Promise<ParseResult>((r) => (settle = r));
  return { promise: { result, readHash } satisfies SetAside, settle };
};
/** Where `take` reads the files it is given (none exist under `root`: each is taken). */
const reader = { root, realRoot: root, maxBytes: 1 << 20 };

function lateNotes(): { late: LateNotes; batches: LateBatch[] } {
  const batches: LateBatch[] = [];
  return { late: new LateNotes(root, (b) => batches.push(b)), batches };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('notes set aside while they parse', () => {
  it('each slow note is its own late batch, given as soon as it is parsed; the parsed notes are decided now', async () => {
    const { late, batches } = lateNotes();
    const [a, b] = [later(), later()];
    const changed = ['a.md', 'ok.md', 'b.md'].map(file);
    const now = splitLate(late, changed, [a.promise, parsed('ok.md'), b.promise], { whole: false, grouped: false }, 7);
    expect(now.changed.map((c) => c.rel)).toEqual(['ok.md']);
    expect(now.results.map((r) => r.rel)).toEqual(['ok.md']);
    expect(late.size).toBe(2);
    b.settle(parsed('b.md'));
    await tick();
    expect(batches).toEqual([{ files: ['/notes/b.md'], preParsed: new Map([['b.md', { hash: 'h-b.md', result: parsed('b.md') }]]), reportedAt: 7 }]);
    expect(late.size).toBe(1);
    a.settle({ ok: false, rel: 'a.md', error: { message: 'took too long to parse' } });
    await tick();
    expect(batches.map((x) => x.files)).toEqual([['/notes/b.md'], ['/notes/a.md']]);
    expect(late.size).toBe(0);
  });

  it('with removals waiting (a rename source) the whole chunk goes later, as one batch once every note is parsed', async () => {
    const { late, batches } = lateNotes();
    const a = later();
    const changed = ['a.md', 'ok.md'].map(file);
    const now = splitLate(late, changed, [a.promise, parsed('ok.md')], { whole: true, grouped: false }, undefined);
    expect(now.changed).toEqual([]);
    expect(now.results).toEqual([]);
    a.settle(parsed('a.md'));
    await tick();
    expect(batches.map((x) => x.files)).toEqual([['/notes/a.md', '/notes/ok.md']]);
  });

  it('with translations grouped, the notes that may be of a slow note’s family (same file name, or its name as their key) go with it', async () => {
    const { late, batches } = lateNotes();
    const [a, b] = [later(), later()];
    const changed = ['en/setup.md', 'ja/setup.md', 'de/other.md', 'keyed.md', 'c.md', 'unrelated.md'].map(file);
    const entries = [a.promise, parsed('ja/setup.md'), parsed('de/other.md', 'c'), parsed('keyed.md', 'setup'), b.promise, parsed('unrelated.md')];
    const now = splitLate(late, changed, entries, { whole: false, grouped: true }, undefined);
    expect(now.changed.map((c) => c.rel)).toEqual(['unrelated.md']);
    a.settle(parsed('en/setup.md'));
    await tick();
    expect(batches.map((x) => x.files)).toEqual([['/notes/en/setup.md', '/notes/ja/setup.md', '/notes/keyed.md']]);
    b.settle(parsed('c.md'));
    await tick();
    expect(batches.map((x) => x.files)[1]).toEqual(['/notes/de/other.md', '/notes/c.md']);
  });

  it('a note tied to a slow one by content (it holds exactly what the slow note\'s path held, or the reverse, through a chain) goes with it (issue 25, tester 18: a swap)', async () => {
    const { late, batches } = lateNotes();
    const b = later();
    // b.md (slow) held h-old-b, now in a.md; a.md held h-old-a, now in c.md; x.md's old content is nowhere.
    const changed = [{ ...file('a.md'), hash: 'h-old-b' }, { ...file('b.md'), hash: 'h-new-b' }, { ...file('c.md'), hash: 'h-old-a' }, file('x.md')];
    const recorded = (rel: string) => ({ 'a.md': 'h-old-a', 'b.md': 'h-old-b', 'c.md': 'h-old-c', 'x.md': 'h-old-x' })[rel];
    const now = splitLate(late, changed, [parsed('a.md'), b.promise, parsed('c.md'), parsed('x.md')], { whole: false, grouped: false, recorded }, undefined);
    expect(now.changed.map((c) => c.rel)).toEqual(['x.md']);
    b.settle(parsed('b.md'));
    await tick();
    expect(batches.map((x) => x.files)).toEqual([['/notes/a.md', '/notes/b.md', '/notes/c.md']]);
  });

  it('a note a later batch took (edited or removed while it parsed) is left out of its late batch: never decided twice', async () => {
    const { late, batches } = lateNotes();
    const [a, b] = [later(), later()];
    splitLate(late, ['a.md', 'b.md'].map(file), [a.promise, b.promise], { whole: true, grouped: false }, undefined);
    late.take(['/notes/a.md', '/notes/unrelated.md'], reader);
    expect(late.size).toBe(1);
    a.settle(parsed('a.md'));
    b.settle(parsed('b.md'));
    await tick();
    expect(batches.map((x) => x.files)).toEqual([['/notes/b.md']]);
  });

  it('a note whose file still holds the text it is parsed from stays aside when a later batch names it: one content is parsed once', async () => {
    const dir = realpathSync(tempFolder('late-notes-'));
    const write = (rel: string, text: string) => (writeFileSync(path.join(dir, rel), text), contentHash(Buffer.from(text)));
    // Read on its thread (its digest from that read), read here (the batch's), and one whose thread had not said it yet.
    const [a, b, c] = [later(write('a.md', 'text a')), later(), later()];
    write('b.md', 'text b');
    write('c.md', 'text c');
    const late = new LateNotes(dir, () => undefined);
    const changed = [{ rel: 'a.md', hash: '' }, { rel: 'b.md', hash: contentHash(Buffer.from('text b')) }, { rel: 'c.md', hash: '' }];
    splitLate(late, changed, [a.promise, b.promise, c.promise], { whole: false, grouped: false }, undefined);
    const abs = (rel: string) => path.join(dir, rel);
    expect([...late.take([abs('a.md'), abs('b.md'), abs('c.md')], { root: dir, realRoot: dir, maxBytes: 1 << 20 })]).toEqual([abs('a.md'), abs('b.md')]);
    expect(late.files().sort()).toEqual([abs('a.md'), abs('b.md')]);
    write('a.md', 'text a, edited'); // changed since: the batch's now
    expect([...late.take([abs('a.md'), abs('b.md')], { root: dir, realRoot: dir, maxBytes: 1 << 20 })]).toEqual([abs('b.md')]);
    expect(late.files()).toEqual([abs('b.md')]);
    rmSync(dir, { recursive: true });
  });

  it('without a place to set notes aside (Parser.parse: every entry a result), the chunk is decided whole', () => {
    const changed = ['a.md', 'b.md'].map(file);
    const now = splitLate(undefined, changed, [parsed('a.md'), parsed('b.md')], { whole: false, grouped: true }, undefined);
    expect(now.changed).toBe(changed);
    expect(now.results.map((r) => r.rel)).toEqual(['a.md', 'b.md']);
  });
});
