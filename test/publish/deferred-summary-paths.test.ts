/**
 * Issue 31 (c31c): the show paths c31b left, each with a first run's note past 16 KB whose summary
 * was deferred (made on a parse thread before it is shown): a family left by its translation while
 * `separate` (its removal released by `releaseHeld`), the first `group` batch after `separate`, a
 * scheduled release, and a show inside a commit that finds no summary (said, never silent).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { createLogger, silentLogger, type Logger } from '../../src/log.js';
import { parseNoteFiles } from '../../src/publish/parse-files.js';
import { Publisher } from '../../src/publish/publisher.js';
import { Store } from '../../src/store/store.js';
import { summaryDeferred } from '../../src/store/types.js';
import { DEFAULT_SUMMARY_OPTIONS, type Summary } from '../../src/summary/build.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { testReadOptions } from '../helpers/publisher.js';
import { tempFolder } from '../helpers/temp-folder.js';

const parseThreads = fileParseThreads();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Mode = 'group' | 'separate';
/** One chat that reads English first, then French: the family's English member is what it is shown. */
const config = (mode: Mode, langs = ['en', 'fr']) => ({ routes: [{ platform: 'console', chat: 'c', filter: { lang: langs } }], publish: { translations: { mode, graceMs: 0 } } });

/** A notes folder and its database, with publishers started on it one after another (a restart, maybe with another config). */
function folder() {
  const dir = tempFolder('notecast-deferred-paths-');
  const notes = path.join(dir, 'notes');
  mkdirSync(notes);
  const store = new Store(path.join(dir, 'state.db'));
  let clock = Date.now();
  const started: Publisher[] = [];
  cleanups.push(async () => {
    for (const p of started) await p.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (raw: unknown, log: Logger = silentLogger()) => {
    const p = new Publisher({ root: notes, store, config: configSchema.parse(raw), read: testReadOptions(), summary: DEFAULT_SUMMARY_OPTIONS, platforms: new Set(['console']), log, onEnqueued: () => {}, now: () => clock, parseThreads });
    started.push(p);
    return p;
  };
  const at = (rel: string) => path.join(notes, rel);
  const outbox = () =>
    (store.db.prepare('SELECT kind, note_id AS noteId, status, payload FROM outbox ORDER BY id').all() as { kind: string; noteId: string; status: string; payload: string }[]).map((r) => ({ ...r, payload: JSON.parse(r.payload) as { summary?: Summary; member?: string } }));
  return { notes, store, start, at, outbox, advance: (ms: number) => (clock += ms) };
}

/** A note of ordinary prose past 16 KB (its summary is made on a parse thread when deferred). */
function longNote(title: string, front: string): string {
  const para = (i: number) => `Part ${i} of the guide walks through one step of setting up a small server, and why each default is worth keeping or changing.`;
  return `---\ntitle: ${title}\n${front}---\n\n${Array.from({ length: 140 }, (_, i) => para(i + 1)).join('\n\n')}\n`;
}

const frNote = (front = '') => `---\ntitle: Guide (fr)\nlang: fr\nref: guide\n${front}---\n\nLa traduction, plus courte.\n`;

/** What `preview` shows of a file: parsed and summarised at once. */
async function previewSummary(root: string, rel: string): Promise<string> {
  const [r] = await parseNoteFiles([{ root, file: path.join(root, rel) }], { read: testReadOptions(), summary: DEFAULT_SUMMARY_OPTIONS, budgetMs: 30_000 }, parseThreads);
  if (!r?.ok) throw new Error(`preview failed: ${rel}`);
  return JSON.stringify(r.summary);
}

describe('a first run\'s deferred summary, on the paths c31b left', () => {
  it('separate: a translation leaving while its family post waits (its removal released by releaseHeld) has the original it linked posted on its own, with its real summary', async () => {
    const f = folder();
    // Up to 16 KB: made on the main thread when first shown; nothing shows it before the removal.
    writeFileSync(f.at('guide.md'), '---\ntitle: Guide\nlang: en\nref: guide\n---\n\nHow the small server is set up, step by step.\n');
    const group = f.start(config('group', ['fr', 'en']));
    await group.processBatch({ changed: [f.at('guide.md')], removed: [] }, { firstRun: true });
    writeFileSync(f.at('guide-fr.md'), frNote());
    await group.processBatch({ changed: [f.at('guide-fr.md')], removed: [] });
    // The chat reads French first: the family's post (still queued) shows the translation, and links the original.
    expect(f.outbox().map((d) => [d.kind, d.noteId, d.payload.member, d.status])).toEqual([['post', 'family:guide', 'guide-fr', 'pending']]);
    expect(summaryDeferred(f.store.getNote('guide')!)).toBe(true);

    const separate = f.start(config('separate', ['fr', 'en'])); // a restart in separate mode
    rmSync(f.at('guide-fr.md'));
    await separate.processBatch({ changed: [], removed: [f.at('guide-fr.md')] });
    await separate.releaseHeld();
    separate.applyRemovals();

    const out = f.outbox();
    expect(out.map((d) => [d.kind, d.noteId, d.status])).toEqual([
      ['post', 'family:guide', 'skipped'],
      ['post', 'guide', 'pending'],
    ]);
    expect(JSON.stringify(out[1]!.payload.summary)).toBe(await previewSummary(f.notes, 'guide.md'));
  });

  it('group after separate: the family a member was announced in alone shows its long original in the chat that reads it first, with its real summary', async () => {
    const f = folder();
    writeFileSync(f.at('guide.md'), longNote('Guide', 'lang: en\nref: guide\n'));
    const separate = f.start(config('separate'));
    await separate.processBatch({ changed: [f.at('guide.md')], removed: [] }, { firstRun: true });
    writeFileSync(f.at('guide-fr.md'), frNote());
    await separate.processBatch({ changed: [f.at('guide-fr.md')], removed: [] });
    expect(f.outbox().map((d) => [d.kind, d.noteId])).toEqual([['post', 'guide-fr']]);
    expect(summaryDeferred(f.store.getNote('guide')!)).toBe(true);

    const group = f.start(config('group')); // a restart in group mode; its first batch is of another note
    writeFileSync(f.at('other.md'), '---\ntitle: Other\nlang: de\n---\n\nNichts davon.\n');
    await group.processBatch({ changed: [f.at('other.md')], removed: [] });
    const family = f.outbox().filter((d) => d.noteId === 'family:guide');
    // The translation's own post, not sent yet, became the family's and shows what the chat reads first (as for a note up to 16 KB).
    expect(family.map((d) => [d.kind, d.status, d.payload.member])).toEqual([['post', 'pending', 'guide']]);
    expect(JSON.stringify(family[0]!.payload.summary)).toBe(await previewSummary(f.notes, 'guide.md'));
  });

  it.each(['separate', 'group'] as const)('a first run\'s long note and its translation, restarted in %s: `announce: false` on the long one, then taken out, shows its real summary wherever it goes', async (mode) => {
    const f = folder();
    const guide = (front = '') => longNote('Guide', `lang: en\nref: guide\n${front}`);
    writeFileSync(f.at('guide.md'), guide());
    writeFileSync(f.at('guide-fr.md'), frNote());
    await f.start(config(mode === 'group' ? 'separate' : 'group')).processBatch({ changed: [f.at('guide.md'), f.at('guide-fr.md')], removed: [] }, { firstRun: true });
    const p = f.start(config(mode)); // the other mode: a restart after a switch
    writeFileSync(f.at('guide.md'), guide('notecast:\n  announce: false\n'));
    await p.processBatch({ changed: [f.at('guide.md')], removed: [] });
    writeFileSync(f.at('guide.md'), guide());
    await p.processBatch({ changed: [f.at('guide.md')], removed: [] });
    const out = f.outbox();
    if (mode === 'group') {
      // The chat had the family already (its translation, recorded with it): nothing is announced, nothing empty either.
      expect(out).toEqual([]);
      return;
    }
    // `separate`: the chat gets the note only now (announce: false kept it out), with the summary preview shows.
    expect(out.map((d) => [d.kind, d.noteId])).toEqual([['post', 'guide']]);
    expect(JSON.stringify(out[0]!.payload.summary)).toBe(await previewSummary(f.notes, 'guide.md'));
  });

  it('a family post that finds its long member\'s summary not made (a show that missed summariesShownBy) is said, and made once the summary is', async () => {
    const f = folder();
    const lines: { level: number; msg: string; note?: string; family?: string }[] = [];
    const log = createLogger({ level: 'info', secrets: [], destination: new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk)) as (typeof lines)[number]), done()) }) });
    writeFileSync(f.at('guide.md'), longNote('Guide', 'lang: en\nref: guide\n'));
    const p = f.start(config('group'), log);
    await p.processBatch({ changed: [f.at('guide.md')], removed: [] }, { firstRun: true });
    // The show path inside the commit is reached without the summaries made before it.
    const prepared = vi.spyOn(f.store.summaries, 'prepareFamilies').mockResolvedValue();
    writeFileSync(f.at('guide-fr.md'), frNote());
    await p.processBatch({ changed: [f.at('guide-fr.md')], removed: [] });
    expect(prepared).toHaveBeenCalled();

    const warned = lines.filter((l) => l.level === 40 && l.note === 'guide');
    expect(warned.map((l) => l.family)).toEqual(['guide']);
    // The chat reads English first: it gets the family's post showing the long original, with its real summary.
    const posts = f.outbox().filter((d) => d.kind === 'post');
    expect(posts.map((d) => [d.noteId, d.payload.member])).toEqual([['family:guide', 'guide']]);
    expect(JSON.stringify(posts[0]!.payload.summary)).toBe(await previewSummary(f.notes, 'guide.md'));
  });

  it('a long note scheduled on a first run, released later, is posted in its family with the real summary of the translation its chat reads', async () => {
    const f = folder();
    const day = 24 * 3600_000;
    const due = new Date(Date.now() + day).toISOString().slice(0, 10);
    writeFileSync(f.at('guide.md'), longNote('Guide', `lang: en\nref: guide\ndate: ${due}\n`));
    writeFileSync(f.at('guide-de.md'), longNote('Anleitung', 'lang: de\nref: guide\n'));
    // One chat reads German, the other English: each is shown its own member.
    const routes = [{ platform: 'console', chat: 'de', filter: { lang: ['de'] } }, { platform: 'console', chat: 'en', filter: { lang: ['en'] } }];
    const p = f.start({ routes, publish: { translations: { mode: 'group', graceMs: 0 } } });
    await p.processBatch({ changed: [f.at('guide.md'), f.at('guide-de.md')], removed: [] }, { firstRun: true });
    expect(f.store.getNote('guide')).toMatchObject({ state: 'scheduled' });
    expect(summaryDeferred(f.store.getNote('guide-de')!)).toBe(true);
    expect(await p.releaseDue()).toBe(0);

    f.advance(2 * day);
    await p.releaseDue();
    const posts = f.outbox().filter((d) => d.kind === 'post');
    expect(posts.map((d) => [d.noteId, d.payload.member]).sort()).toEqual([['family:guide', 'guide'], ['family:guide', 'guide-de']]);
    for (const d of posts) expect(JSON.stringify(d.payload.summary)).toBe(await previewSummary(f.notes, `${d.payload.member!}.md`));
  });
});
