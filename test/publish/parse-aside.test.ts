/**
 * Issue 25, item 5: a save's notes parsed so that a slow one holds back no other (parse-aside.ts).
 * A slow note is slow by construction (200,000 `*a`: tens of seconds, parse-budget.test.ts) under a
 * budget longer than the test: the parse resolves with the others parsed and the slow one's result
 * still to come, whatever the machine's load.
 */
import { realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { contentHash } from '../../src/notes/read.js';
import { isParsed } from '../../src/publish/parse-aside.js';
import { openParser, type Parser } from '../../src/publish/parse-pool.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { tempFolder } from '../helpers/temp-folder.js';

const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
const note = (n: number) => ({ rel: `n${n}.md`, text: `---\ntitle: Note ${n}\n---\n\nNote ${n} says one thing.\n` });
const slow = (rel: string) => ({ rel, text: '*a'.repeat(200_000) });

let parser: Parser | undefined;
afterEach(async () => {
  await parser?.close();
  parser = undefined;
});

describe('a save’s notes parsed with slow ones set aside', () => {
  it('resolves with the normal notes parsed and each slow note’s result to come; closing ends the threads still on them', { timeout: 60_000 }, async () => {
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 600_000 });
    await parser.parse([note(0)]); // the thread is started and warm: its first note's compiling is not a slow note
    const entries = await parser.parseAside([slow('s1.md'), note(1), slow('s2.md'), note(2), note(3)]);
    expect(entries.map((e) => (isParsed(e) ? e.ok && e.note.title : 'later'))).toEqual(['later', 'Note 1', 'later', 'Note 2', 'Note 3']);
    const late = entries.flatMap((e) => (isParsed(e) ? [] : [e.result]));
    await parser.close();
    parser = undefined;
    // Ended, not left to run out their budget: each is that note's error, which no one decides (the service stops).
    const results = await Promise.all(late);
    expect(results.map((r) => [r.rel, r.ok])).toEqual([['s1.md', false], ['s2.md', false]]);
  });

  it('a note whose thread computes short of the CPU bound (a starved thread) is set aside once it has parsed the wall bound', { timeout: 60_000 }, async () => {
    // The CPU bound past the budget stands for a thread a loaded machine starves: it would run out its whole budget.
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 30_000 });
    await parser.parse([note(0)]);
    const entries = await parser.parseAside([slow('s1.md'), note(1)], { cpuMs: 600_000, wallMs: 300 });
    expect(entries.map((e) => (isParsed(e) ? e.ok && e.note.title : 'later'))).toEqual(['later', 'Note 1']);
  });

  it('a slow note read on its thread carries the digest of the text the thread read (a later report of the same text is left to it: late-notes.ts)', { timeout: 60_000 }, async () => {
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 600_000 });
    await parser.parse([note(0)]);
    const dir = realpathSync(tempFolder('parse-aside-'));
    const text = '*a'.repeat(200_000);
    writeFileSync(path.join(dir, 's1.md'), text);
    const [entry, normal] = await parser.parseAside([{ rel: 's1.md', path: path.join(dir, 's1.md'), realRoot: dir }, note(1)]);
    expect(normal && isParsed(normal) && normal.ok && normal.note.title).toBe('Note 1');
    expect(entry && !isParsed(entry) && entry.readHash).toBe(contentHash(Buffer.from(text)));
    rmSync(dir, { recursive: true });
  });

  it('a save with no slow note is every note’s result, in order', { timeout: 60_000 }, async () => {
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 10_000 });
    const jobs = [note(1), note(2), note(3)];
    const entries = await parser.parseAside(jobs);
    expect(entries.map((e) => isParsed(e) && e.rel)).toEqual(jobs.map((j) => j.rel));
    expect(parser.threads()).toEqual({ started: 1, alive: 1 });
  });
});
