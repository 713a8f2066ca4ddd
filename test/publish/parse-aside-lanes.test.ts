/**
 * Issue 25 (e25r item 3): a save's slow notes were found one after another. The first note past the soft bound
 * (parse-aside.ts) took one more thread for the notes waiting, whose first was found slow a soft bound later and
 * took the next: k slow notes took k soft bounds to be under way, each budget (`notes.parseTimeoutMs`) counting only
 * from then, and the saves after waited on a machine busy with them that much longer. Now the first slow note puts every
 * note waiting on a thread (up to SAVE_THREADS): the save resolves with each slow note parsing on a thread of its own.
 *
 * No timing: slow by construction (200,000 `*a`, tens of seconds: parse-budget.test.ts) under a budget longer than the
 * test; the threads the parser started say where each note is when the save resolves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { isParsed } from '../../src/publish/parse-aside.js';
import { openParser, type Parser } from '../../src/publish/parse-pool.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';

const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
const note = (n: number) => ({ rel: `n${n}.md`, text: `---\ntitle: Note ${n}\n---\n\nNote ${n} says one thing.\n` });
const slow = (rel: string, letter: string) => ({ rel, text: `*${letter}`.repeat(200_000) });

let parser: Parser | undefined;
afterEach(async () => {
  await parser?.close();
  parser = undefined;
});

describe('a save’s slow notes are found together', () => {
  it('four slow notes and a normal one: the save resolves with the normal note parsed and each slow note on a thread of its own', { timeout: 60_000 }, async () => {
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 600_000 });
    await parser.parse([note(0)]); // one thread started and warm: its first note's compiling is not a slow note
    const entries = await parser.parseAside([slow('s1.md', 'a'), slow('s2.md', 'b'), note(1), slow('s3.md', 'c'), slow('s4.md', 'd')]);
    expect(entries.map((e) => (isParsed(e) ? e.ok && e.note.title : 'later'))).toEqual(['later', 'later', 'Note 1', 'later', 'later']);
    // The warm thread and three more: one a slow note (found one after another, only the first two were started by then);
    // and one spare, started when the first was set aside, idle for the next save (tester 19 F4).
    expect(parser.threads()).toEqual({ started: 5, alive: 1 });
  });
});
