/**
 * Issue 31: a first run defers the summaries of notes longer than 16 KB too (~16 % of a cold start's
 * parse threads). Such a summary is made on a parse thread, within its budget, before anything shows
 * it: byte-equal to the one made at once (what `preview` shows), the same error when it runs out of
 * its budget, and nothing shown before it exists.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteCommand } from '../../src/commands/note.js';
import { OfferedNotes, suggestNotesWithSummaries } from '../../src/commands/lookup.js';
import { contentHash, noteIdOf } from '../../src/notes/read.js';
import { parseNoteFiles } from '../../src/publish/parse-files.js';
import { TOO_LONG, type ParseJob, type ParseResult } from '../../src/publish/parse-pool.js';
import { NoteSearch } from '../../src/search/index.js';
import { summaryDeferred } from '../../src/store/types.js';
import { DEFAULT_SUMMARY_OPTIONS, type Summary } from '../../src/summary/build.js';
import { copyCorpusNotes } from '../helpers/corpus.js';
import { tempPublisher, testReadOptions } from '../helpers/publisher.js';
import { workerParseThreads } from '../helpers/parse-threads.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const CONFIG = { routes: [{ platform: 'console', chat: 'c1' }], publish: { translations: { graceMs: 0 } } };
/** The corpus's one note past 16 KB (22,039 UTF-16 units). */
const CORPUS_LONG = 'notes/2025-02-10-x64-assembly-conv.md';

function setUp() {
  const t = tempPublisher('deferred-long', CONFIG);
  cleanups.push(t.close);
  const deliveries = () => t.store.db.prepare('SELECT kind, note_id AS noteId, payload FROM outbox ORDER BY id').all() as { kind: string; noteId: string; payload: string }[];
  const ask = (id: string) => noteCommand.handle({ target: { platform: 'console', chat: 'c1', thread: '' }, userId: 'u', options: { query: `id:${id}` }, isAdmin: async () => false }, { store: t.store, search: new NoteSearch(t.store) });
  return { ...t, at: (rel: string) => path.join(t.notes, rel), deliveries, ask };
}

/** A note of ordinary prose past 16 KB; `front`: more front matter. */
function longNote(title: string, front = ''): string {
  const para = (i: number) => `Part ${i} of the survey looks at how small teams keep their notes, and why a plain folder of Markdown outlives most tools. It ends with a list of habits worth keeping.`;
  const body = Array.from({ length: 120 }, (_, i) => para(i + 1)).join('\n\n');
  return `---\ntitle: ${title}\n${front}---\n\n${body}\n`;
}

/** What `preview` shows of a file: parsed and summarised on the parse threads, at once. */
async function previewSummary(root: string, rel: string): Promise<Summary> {
  const [r] = await parseNoteFiles([{ root, file: path.join(root, rel) }], { read: testReadOptions(), summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 30_000 }, workerParseThreads());
  if (!r?.ok) throw new Error(`preview failed: ${rel}`);
  return r.summary;
}

/** A parse thread out of time on every note, as parse-pool.ts reports it (after the thread read the file). */
async function pastBudget(jobs: ParseJob[]): Promise<ParseResult[]> {
  return jobs.map((j) => {
    if (!('path' in j)) return { ok: false, rel: j.rel, error: { message: TOO_LONG } };
    const { mtimeMs, size } = statSync(j.path);
    return { ok: false, rel: j.rel, error: { message: TOO_LONG }, read: { hash: contentHash(readFileSync(j.path, 'utf8')), mtimeMs, size } };
  });
}

describe('a first run\'s notes past 16 KB', () => {
  it('are recorded without their summary, shown by /note and a lookup with the one preview shows, byte for byte, and keep it as a cold start stored it', { timeout: 60_000 }, async () => {
    const first = setUp();
    copyCorpusNotes(first.notes, [CORPUS_LONG]);
    writeFileSync(first.at('survey.md'), longNote('Survey'));
    const files = [CORPUS_LONG, 'survey.md'];
    await first.publisher.processBatch({ changed: files.map(first.at), removed: [] }, { firstRun: true });
    const eager = setUp();
    copyCorpusNotes(eager.notes, [CORPUS_LONG]);
    writeFileSync(eager.at('survey.md'), longNote('Survey'));
    await eager.publisher.processBatch({ changed: files.map(eager.at), removed: [] });

    for (const rel of files) {
      const id = noteIdOf(rel);
      expect(readFileSync(first.at(rel), 'utf8').length, rel).toBeGreaterThan(16_384);
      const row = first.store.getNote(id)!;
      expect(summaryDeferred(row), rel).toBe(true);
      // Too long to summarise on the main thread: nothing is shown until the parse threads made it.
      expect(first.store.summaries.of(row), rel).toBeNull();
      const preview = await previewSummary(first.notes, rel);
      const reply = await first.ask(id);
      expect(reply.type === 'note' && JSON.stringify(reply.summary), rel).toBe(JSON.stringify(preview));
      const kept = first.store.getNote(id)!;
      const made = eager.store.getNote(id)!;
      expect(JSON.stringify([kept.summary, kept.summaryHash]), rel).toBe(JSON.stringify([made.summary, made.summaryHash]));
    }
    expect(first.deliveries()).toEqual([]);
  });

  it('a lookup\'s suggestions (Telegram inline results) carry the summary made on the parse threads', async () => {
    const { at, store, publisher, notes } = setUp();
    writeFileSync(at('survey.md'), longNote('Survey'));
    await publisher.processBatch({ changed: [at('survey.md')], removed: [] }, { firstRun: true });
    const found = await suggestNotesWithSummaries({ store, search: new NoteSearch(store) }, new OfferedNotes(), 'Survey', undefined, 5);
    expect(found.map((s) => [s.id, JSON.stringify(s.summary)])).toEqual([['survey', JSON.stringify(await previewSummary(notes, 'survey.md'))]]);
  });

  it('a family recorded by a first run, joined later by a translation, is posted with its long original\'s summary', async () => {
    const { at, store, publisher, deliveries, notes } = setUp();
    writeFileSync(at('big-en.md'), longNote('Big', 'lang: en\nref: big\ndate: 2020-01-01\n'));
    await publisher.processBatch({ changed: [at('big-en.md')], removed: [] }, { firstRun: true });
    expect(summaryDeferred(store.getNote('big-en')!)).toBe(true);

    writeFileSync(at('big-fr.md'), '---\ntitle: Grand\nlang: fr\nref: big\ndate: 2020-01-02\n---\n\nLa traduction, plus courte.\n');
    await publisher.processBatch({ changed: [at('big-fr.md')], removed: [] });
    const posts = deliveries().filter((d) => d.kind === 'post');
    expect(posts).toHaveLength(1);
    const payload = JSON.parse(posts[0]!.payload) as { summary: Summary; member: string };
    expect(payload.member).toBe('big-en');
    expect(JSON.stringify(payload.summary)).toBe(JSON.stringify(await previewSummary(notes, 'big-en.md')));
  });

  it('a summary past its budget when first shown is the error a cold start recorded for it, and nothing is shown', async () => {
    // What a cold start that summarised at once records of a note past its budget.
    const eager = setUp();
    writeFileSync(eager.at('slow.md'), longNote('Slow'));
    vi.spyOn(eager.publisher.parser, 'parse').mockImplementation(pastBudget);
    await eager.publisher.processBatch({ changed: [eager.at('slow.md')], removed: [] }, { firstRun: true });
    const expected = eager.store.getNote('slow')!;
    expect(expected).toMatchObject({ state: 'error', error: `slow.md: ${TOO_LONG}` });

    const { at, store, publisher, ask } = setUp();
    writeFileSync(at('slow.md'), longNote('Slow'));
    await publisher.processBatch({ changed: [at('slow.md')], removed: [] }, { firstRun: true });
    expect(store.getNote('slow')).toMatchObject({ state: 'published', summary: null });
    vi.spyOn(publisher.parser, 'parse').mockImplementation(pastBudget);
    expect(await ask('slow')).toEqual({ type: 'text', text: 'No note matches “id:slow”.' });
    expect(store.getNote('slow')).toEqual(expected);
    expect(store.noteErrors()).toEqual(eager.store.noteErrors());
    expect(new NoteSearch(store).search('Slow', { limit: 5 })).toEqual([]);
  });
});
