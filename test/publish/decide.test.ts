import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { decideNote, decideRemoval, type Policy } from '../../src/publish/decide.js';
import { matchesFilter, globToRegExp } from '../../src/notes/filter.js';
import { backoffMs, rateLimitedDelayMs } from '../../src/publish/backoff.js';
import type { NoteRow } from '../../src/store/types.js';

const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };
const policy: Policy = { onChange: 'edit', onDelete: 'keep', firstRun: false, announceExisting: false };
const NOW = Date.parse('2026-01-01T00:00:00Z');

function parsed(text: string, rel = 'n-en.md') {
  const { note, tokens } = parseNote(rel, Buffer.from(text), read);
  return { note, summary: buildSummary(note, tokens) };
}

function decide(prev: NoteRow | undefined, text: string, p: Policy = policy) {
  const { note, summary } = parsed(text);
  return decideNote(prev, note, summary, NOW, p);
}

describe('decideNote', () => {
  it('announces a new note, records it silently on a first run, or announces it with announceExisting', () => {
    expect(decide(undefined, 'Hello there.').action.type).toBe('announce');
    expect(decide(undefined, 'Hello there.', { ...policy, firstRun: true }).action).toMatchObject({ type: 'none' });
    expect(decide(undefined, 'Hello there.', { ...policy, firstRun: true, announceExisting: true }).action.type).toBe('announce');
  });

  it('holds drafts and future notes', () => {
    expect(decide(undefined, '---\ndraft: true\n---\nHello.').row.state).toBe('draft');
    const future = decide(undefined, '---\ndate: 2026-02-01\n---\nHello.');
    expect(future.row.state).toBe('scheduled');
    expect(future.row.dueAt).toBe(Date.parse('2026-02-01T00:00:00Z'));
  });

  it('edits on a summary change, not on a whitespace change, and follows onChange and announce: again', () => {
    const first = decide(undefined, 'One sentence here.').row;
    expect(decide(first, 'One sentence here.\n\n\n').action.type).toBe('none');
    const changed = decide(first, 'A different sentence.');
    expect(changed.action.type).toBe('update');
    expect(changed.row.revision).toBe(2);
    expect(decide(first, 'A different sentence.', { ...policy, onChange: 'repost' }).action.type).toBe('repost');
    expect(decide(first, 'A different sentence.', { ...policy, onChange: 'ignore' }).action.type).toBe('none');
    expect(decide(first, '---\nannounce: again\n---\nA different sentence.').action.type).toBe('repost');
  });

  // Tester 35's F6: under `onChange: repost` a pure rename (with `site.url`, its link changes) was posted again.
  it('a rename that changes only the link is an edit under repost and announce: again, a change of content a repost', () => {
    const site = { ...read, site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
    const at = (rel: string, text: string, prev?: NoteRow, p: Policy = policy) => {
      const { note, tokens } = parseNote(rel, Buffer.from(text), site);
      return decideNote(prev, note, buildSummary(note, tokens), NOW, p);
    };
    const first = at('a.md', '---\ntitle: Alpha\n---\nOne sentence here.').row;
    const repost = { ...policy, onChange: 'repost' as const };
    expect(at('alpha-renamed.md', '---\ntitle: Alpha\n---\nOne sentence here.', first, repost).action.type).toBe('update');
    expect(at('alpha-renamed.md', '---\ntitle: Alpha\nnotecast: {announce: again}\n---\nOne sentence here.', first).action.type).toBe('update');
    expect(at('alpha-renamed.md', '---\ntitle: Alpha\n---\nAnother sentence here.', first, repost).action.type).toBe('repost');
    expect(at('alpha-renamed.md', '---\ntitle: Alpha\n---\nOne sentence here.', first, { ...policy, onChange: 'ignore' }).action.type).toBe('none');
  });

  it('retracts on delete or re-draft only when onDelete is delete', () => {
    const first = decide(undefined, 'One sentence here.').row;
    expect(decideRemoval(first, policy).action.type).toBe('none');
    expect(decideRemoval(first, { ...policy, onDelete: 'delete' }).action.type).toBe('retract');
    expect(decide(first, '---\ndraft: true\n---\nOne sentence here.', { ...policy, onDelete: 'delete' }).action.type).toBe('retract');
  });
});

describe('filters', () => {
  const info = { file: '_posts/zh/2025-01-01-x-zh.md', title: 'x', lang: 'zh', locale: 'zh', tags: ['AI', 'llm'], type: 'note', translationKey: 'x', draft: false };
  it('match on lang, tags (any, case-insensitive), type and path glob', () => {
    expect(matchesFilter({ lang: ['zh'] }, info)).toBe(true);
    expect(matchesFilter({ lang: ['en'] }, info)).toBe(false);
    expect(matchesFilter({ tags: ['ai'] }, info)).toBe(true);
    expect(matchesFilter({ tags: ['web'] }, info)).toBe(false);
    expect(matchesFilter({ type: ['note'], path: '_posts/**' }, info)).toBe(true);
    expect(matchesFilter({ path: 'notes/*.md' }, info)).toBe(false);
    expect(matchesFilter({ lang: ['zh'] }, { ...info, lang: 'hant', locale: 'zh-Hant' })).toBe(false);
    expect(matchesFilter({ lang: ['hant'] }, { ...info, lang: 'hant', locale: 'zh-Hant' })).toBe(true);
    expect(globToRegExp('**/*.md').test('a/b/c.md')).toBe(true);
    expect(globToRegExp('*.md').test('a/c.md')).toBe(false);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter and is capped', () => {
    const o = { baseDelayMs: 1000, maxDelayMs: 60_000 };
    expect(backoffMs(1, o, () => 1)).toBe(1000);
    expect(backoffMs(3, o, () => 1)).toBe(4000);
    expect(backoffMs(3, o, () => 0)).toBe(2000);
    expect(backoffMs(30, o, () => 1)).toBe(60_000);
  });

  it('waits out a rate limit exactly, never sooner, with at most a second of jitter', () => {
    expect(rateLimitedDelayMs(7500, () => 0)).toBe(7500);
    expect(rateLimitedDelayMs(7500, () => 1)).toBe(8350);
    expect(rateLimitedDelayMs(60_000, () => 1)).toBe(61_000);
    expect(rateLimitedDelayMs(0, () => 1)).toBe(100);
  });
});
