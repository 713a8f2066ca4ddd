/**
 * Issue 31: a first run records every note and announces none, so it makes no summary; the first
 * reader (a lookup, `/note`, a family's post) gets the summary a cold start used to make and store,
 * and it is kept from then on. What is shown must be exactly what it was.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noteCommand } from '../../src/commands/note.js';
import { noteIdOf, parseNote } from '../../src/notes/read.js';
import { decideNote } from '../../src/publish/decide.js';
import { parseJob } from '../../src/publish/parse-here.js';
import { NoteSearch } from '../../src/search/index.js';
import { summaryDeferred } from '../../src/store/types.js';
import { buildSummary, DEFAULT_SUMMARY_OPTIONS, type Summary } from '../../src/summary/build.js';
import { copyCorpusNotes, CORPUS_NOTES, manifest } from '../helpers/corpus.js';
import { tempPublisher, testReadOptions } from '../helpers/publisher.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const CONFIG = { routes: [{ platform: 'console', chat: 'c1' }], publish: { translations: { graceMs: 0 } } };

function setUp(config: unknown = CONFIG) {
  const t = tempPublisher('deferred-summary', config);
  cleanups.push(t.close);
  const deliveries = () => t.store.db.prepare('SELECT kind, note_id AS noteId, payload FROM outbox ORDER BY id').all() as { kind: string; noteId: string; payload: string }[];
  return { ...t, at: (rel: string) => path.join(t.notes, rel), deliveries };
}

/** The summary the parse threads make of a corpus note, as every cold start made it before. */
function madeAtOnce(rel: string, text = readFileSync(path.join(CORPUS_NOTES, rel))): Summary {
  const { note, tokens } = parseNote(rel, Buffer.from(text), testReadOptions());
  return buildSummary(note, tokens, DEFAULT_SUMMARY_OPTIONS);
}

const ALL = manifest().map((r) => r.path);
/** A third of the corpus, every language and folder in it: the whole of it twice is slow on a loaded machine. */
const SOME = ALL.filter((_, i) => i % 3 === 0);

describe('summaries a first run does not make', () => {
  it('are made when first asked for, equal to the ones a cold start made and stored, and kept', async () => {
    const first = setUp();
    copyCorpusNotes(first.notes, SOME);
    await first.publisher.processBatch({ changed: SOME.map(first.at), removed: [] }, { firstRun: true });
    expect(first.deliveries()).toEqual([]);
    // The same notes announced (not a first run): their summaries are made at once, as before.
    const eager = setUp();
    copyCorpusNotes(eager.notes, SOME);
    await eager.publisher.processBatch({ changed: SOME.map(eager.at), removed: [] });

    for (const rel of SOME) {
      const id = noteIdOf(rel);
      const row = first.store.getNote(id)!;
      expect(row.state, rel).toBe('published');
      expect(row.summary === null && summaryDeferred(row), rel).toBe(true);
      // A note past 16 KB has its summary made on a parse thread first (parse-pool.ts DEFER_SUMMARY_UP_TO).
      await first.store.summaries.prepare([row]);
      expect(first.store.summaries.of(row), rel).toEqual(madeAtOnce(rel));
      const kept = first.store.getNote(id)!;
      const made = eager.store.getNote(id)!;
      expect({ summary: kept.summary, summaryHash: kept.summaryHash }, rel).toEqual({ summary: made.summary, summaryHash: made.summaryHash });
    }
  });

  it('/note shows a first run\'s note with the summary it always showed', async () => {
    const { notes, at, store, publisher } = setUp();
    const rel = '_posts/en/2011-01-26-bee-en.md';
    copyCorpusNotes(notes, [rel]);
    await publisher.processBatch({ changed: [at(rel)], removed: [] }, { firstRun: true });
    const reply = await noteCommand.handle({ target: { platform: 'console', chat: 'c1', thread: '' }, userId: 'u', options: { query: `id:${noteIdOf(rel)}` }, isAdmin: async () => false }, { store, search: new NoteSearch(store) });
    expect(reply).toEqual({ type: 'note', noteId: noteIdOf(rel), summary: madeAtOnce(rel), more: [] });
  });

  it('a family recorded by a first run, joined later by a translation, is posted with its original\'s summary as before', async () => {
    const { notes, at, store, publisher, deliveries } = setUp();
    const family = ALL.filter((p) => p.includes('resume-zsh-jobs'));
    const [en, fr] = [family.find((p) => p.endsWith('-en.md'))!, family.find((p) => p.endsWith('-fr.md'))!];
    copyCorpusNotes(notes, family);
    const firstRun = family.filter((p) => p !== fr);
    await publisher.processBatch({ changed: firstRun.map(at), removed: [] }, { firstRun: true });
    expect(summaryDeferred(store.getNote(noteIdOf(en))!)).toBe(true);

    await publisher.processBatch({ changed: [at(fr)], removed: [] });
    const posts = deliveries().filter((d) => d.kind === 'post');
    expect(posts).toHaveLength(1);
    const payload = JSON.parse(posts[0]!.payload) as { summary: Summary; member: string };
    expect(payload.member).toBe(noteIdOf(en));
    expect(payload.summary).toEqual(JSON.parse(JSON.stringify(madeAtOnce(en))));
    expect(store.getNote(noteIdOf(en))!.summary).toEqual(madeAtOnce(en));
  });

  it('a note dated after the first run gets its summary at once: a timer releases it, with no reader to ask first', async () => {
    const { at, store, publisher } = setUp();
    writeFileSync(at('later.md'), '---\ntitle: Later\ndate: 2999-01-01\n---\n\nWritten now, shown in a thousand years.\n');
    writeFileSync(at('now.md'), '---\ntitle: Now\n---\n\nWritten and shown now.\n');
    await publisher.processBatch({ changed: [at('later.md'), at('now.md')], removed: [] }, { firstRun: true });
    expect(store.getNote('later')).toMatchObject({ state: 'scheduled', summary: madeAtOnce('later.md', readFileSync(at('later.md'))) });
    expect(store.getNote('now')).toMatchObject({ state: 'published', summary: null });
  });

  it('a note longer than 16 KB is recorded without its summary too (made on a parse thread when first shown: deferred-long-summary.test.ts)', () => {
    const long = `---\ntitle: Long\n---\n\n${'*a'.repeat(8_200)}\n`;
    const short = '---\ntitle: Short\n---\n\nA short note.\n';
    const job = (rel: string, text: string) => parseJob({ rel, text, deferSummary: { now: Date.now() } }, testReadOptions(), DEFAULT_SUMMARY_OPTIONS);
    const [l, s] = [job('long.md', long), job('short.md', short)];
    expect(l.ok && l.summary).toBeNull();
    expect(s.ok && s.summary).toBeNull();
  });

  it('an edit after a first run makes the summary, and is a change (what the summary was made from changed; nothing was shown, nothing goes out)', async () => {
    const { at, store, publisher, deliveries } = setUp();
    const text = '---\ntitle: Kept\n---\n\nA note a first run recorded.\n';
    writeFileSync(at('kept.md'), text);
    await publisher.processBatch({ changed: [at('kept.md')], removed: [] }, { firstRun: true });
    const recorded = store.getNote('kept')!;

    writeFileSync(at('kept.md'), `${text}\nA second paragraph.\n`);
    await publisher.processBatch({ changed: [at('kept.md')], removed: [] });
    const edited = store.getNote('kept')!;
    expect(edited.revision).toBe(recorded.revision + 1);
    expect(edited.summary).toEqual(madeAtOnce('kept.md', readFileSync(at('kept.md'))));
    expect(summaryDeferred(edited)).toBe(false);
    // It was never posted: there is nothing to edit.
    expect(deliveries()).toEqual([]);
  });

  it('a file changed since its record shows what it holds now, kept only once its batch records it; a file gone shows nothing', async () => {
    const { at, store, publisher } = setUp();
    writeFileSync(at('a.md'), '---\ntitle: First\n---\n\nAs the first run read it.\n');
    await publisher.processBatch({ changed: [at('a.md')], removed: [] }, { firstRun: true });
    const changed = '---\ntitle: Second\n---\n\nWritten since, its batch not in yet.\n';
    writeFileSync(at('a.md'), changed);
    expect(store.summaries.of(store.getNote('a')!)).toEqual(madeAtOnce('a.md', Buffer.from(changed)));
    expect(summaryDeferred(store.getNote('a')!)).toBe(true);
    rmSync(at('a.md'));
    expect(store.summaries.of(store.getNote('a')!)).toBeNull();
  });

  it('the edit check on a record without its summary: the same text and file is the same summary', async () => {
    const { at, store, publisher } = setUp();
    const text = '---\ntitle: Same\n---\n\nNothing changes here.\n';
    writeFileSync(at('same.md'), text);
    await publisher.processBatch({ changed: [at('same.md')], removed: [] }, { firstRun: true });
    const prev = store.getNote('same')!;
    const { note, tokens } = parseNote('same.md', Buffer.from(text), testReadOptions());
    const policy = { onChange: 'edit', onDelete: 'keep', firstRun: false, announceExisting: false } as const;
    expect(decideNote(prev, note, buildSummary(note, tokens, DEFAULT_SUMMARY_OPTIONS), Date.now(), policy).action).toEqual({ type: 'none', why: 'summary unchanged' });
    const { note: moved } = parseNote('moved.md', Buffer.from(text), testReadOptions());
    expect(decideNote(prev, moved, null, Date.now(), policy).action).toEqual({ type: 'update' });
  });
});
