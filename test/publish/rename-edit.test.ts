/**
 * A note renamed AND edited (finding N13): its content digest changed with its name, so it is
 * recognised by what it is known by (rename-match.ts), and its message is edited, never posted
 * again (issue 25): within one batch, while the service is down, after a kill -9, and between
 * `sync --once` runs.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliIn, jsonLines } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';
import type { NoteInfo } from '../../src/store/types.js';
import type { Note } from '../../src/notes/read.js';
import { BODY_ALIKE, matchRenames, type RemovedNote } from '../../src/publish/rename-match.js';
import { bodyOverlap, bodySketch } from '../../src/notes/body-sketch.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

// The service tests run at once, each on its own folder: a service a failed test left is stopped at the end.
afterAll(killLeftoverServices);

const CONFIG = 'watch:\n  quietMs: 200\npublish:\n  announceExisting: false\n';

/** A body most notes below share, edited a little by the rename (a sentence added). */
const BODY = 'Notes on setting up a build with a cache, and the one flag that makes it fast.';
const EDITED = `${BODY} Edited after the move.`;

function removed(rel: string, info: Partial<NoteInfo>, body = BODY): RemovedNote {
  return { rel, id: rel.replace(/\.md$/, ''), info: { file: rel, title: '', lang: 'en', locale: 'en', tags: [], translationKey: '', draft: false, body: bodySketch(body), ...info } };
}
function added(rel: string, n: Partial<Note>, body = EDITED) {
  return { rel, body: bodySketch(body), note: { id: rel.replace(/\.md$/, ''), file: rel, hash: '', title: '', lang: 'en', locale: 'en', tags: [], categories: [], draft: false, translationKey: '', frontMatter: {}, body: '', ...n } as Note };
}

describe('which removed note a new one is (rename-match.ts)', () => {
  it('matches a move between folders, a re-dated post, a retitled note, a renamed one, a kept permalink', () => {
    const cases = [
      // _notes → _posts, retitled: the file name (the family key without its date prefix) is kept.
      [removed('_notes/en/2025-11-08-zsh-en.md', { translationKey: '2025-11-08-zsh', title: 'Old' }), added('_posts/en/2025-11-08-zsh-en.md', { translationKey: '2025-11-08-zsh', title: 'New' }), ['name']],
      // Re-dated and edited.
      [removed('_posts/en/2025-11-07-java-en.md', { translationKey: '2025-11-07-java', title: 'Java' }), added('_posts/en/2025-11-09-java-en.md', { translationKey: '2025-11-09-java', title: 'Java, fixed' }), ['name']],
      // Renamed, title kept.
      [removed('b.md', { translationKey: 'b', title: 'Rename me too' }), added('c.md', { translationKey: 'c', title: 'Rename me too' }), ['title']],
      // Renamed and retitled, its permalink (so its URL) kept.
      [removed('x.md', { translationKey: 'x', title: 'X', url: '/x/' }), added('y.md', { translationKey: 'y', title: 'Y', url: '/x/' }), ['url']],
    ] as const;
    for (const [from, to, by] of cases) expect(matchRenames([from], [to]).matches.map((m) => [m.from.rel, m.to.rel, m.by])).toEqual([[from.rel, to.rel, by]]);
  });

  it('matches across languages: a post moved into another language folder and edited is the same post (issue 25)', () => {
    const byTitle = matchRenames([removed('intro-ja.md', { translationKey: 'intro', title: 'N1', lang: 'ja' })], [added('_posts/en/setup.md', { translationKey: 'setup', title: 'N1' })]);
    expect(byTitle.matches.map((m) => [m.from.rel, m.to.rel, m.by])).toEqual([['intro-ja.md', '_posts/en/setup.md', ['title']]]);
    const bySlug = matchRenames([removed('_posts/en/x.md', { translationKey: 'x', title: 'Moved' })], [added('_posts/ja/x.md', { translationKey: 'x', title: '移動した', lang: 'ja' })]);
    expect(bySlug.matches.map((m) => [m.from.rel, m.to.rel, m.by])).toEqual([['_posts/en/x.md', '_posts/ja/x.md', ['name']]]);
  });

  it('takes the candidate that shares more: moved and edited beside a new note of the same file name', () => {
    const r = matchRenames([removed('a/setup.md', { translationKey: 'setup', title: 'N1' })], [added('setup.md', { translationKey: 'setup', title: 'N7' }), added('b/setup.md', { translationKey: 'setup', title: 'N1' })]);
    expect(r).toEqual({ matches: [{ from: expect.objectContaining({ rel: 'a/setup.md' }), to: expect.objectContaining({ rel: 'b/setup.md' }), by: ['name', 'title'] }], ambiguous: [] });
  });

  it('needs the bodies alike too: a shared name, slug or title alone is a delete and a new note (issue 25, round 4)', () => {
    const other = 'Zig has no hidden control flow, and comptime replaces macros.';
    const none = (from: RemovedNote, to: ReturnType<typeof added>) => expect(matchRenames([from], [to])).toEqual({ matches: [], ambiguous: [] });
    // A generic title across languages; a series re-dated; a page bundle (index.md: named by its folder) under another folder.
    none(removed('_posts/en/go.md', { translationKey: 'go', title: 'Introduction' }), added('_posts/ja/rust.md', { translationKey: 'rust', title: 'Introduction', lang: 'ja' }, other));
    none(removed('_posts/en/2025-11-07-weekly.md', { translationKey: '2025-11-07-weekly', title: 'Weekly' }), added('_posts/en/2025-11-14-weekly.md', { translationKey: '2025-11-14-weekly', title: 'Weekly' }, other));
    none(removed('posts/go-tips/index.md', { translationKey: 'index', title: 'Go tips' }), added('posts/zig-intro/index.md', { translationKey: 'index', title: 'Zig intro' }));
    // A record written before bodies were sketched has no content evidence.
    none(removed('b.md', { translationKey: 'b', title: 'T', body: undefined }), added('c.md', { translationKey: 'c', title: 'T' }));
    // The same bundle moved and edited is one note (its folder kept), as is one retitled under its old folder name.
    const moved = matchRenames([removed('posts/go-tips/index.md', { translationKey: 'index', title: 'Go tips' })], [added('blog/go-tips/index.md', { translationKey: 'index', title: 'Go, tips' })]);
    expect(moved.matches.map((m) => [m.from.rel, m.to.rel, m.by])).toEqual([['posts/go-tips/index.md', 'blog/go-tips/index.md', ['name']]]);
  });

  it('takes a move plus a small edit as alike, unrelated notes of one template as not (BODY_ALIKE)', () => {
    // The model's notes (route-model.ts): written, then moved and edited; and another note written.
    const first = bodySketch('The note N1 says something new about intro-ja.md.');
    const movedEdited = bodySketch('The note N1 says something new about intro-ja.md.\nEdited after its move to _posts/en/setup.md.');
    const another = bodySketch('The note N2 says something new about setup.md.');
    expect(bodyOverlap(first, movedEdited)).toBeGreaterThanOrEqual(BODY_ALIKE);
    expect(bodyOverlap(first, another)).toBeLessThan(BODY_ALIKE);
    expect(bodyOverlap(bodySketch('猫は毎朝六時に起きて、窓の外を見ている。'), bodySketch('猫は毎朝六時に起きて、窓の外をじっと見ている。'))).toBeGreaterThanOrEqual(BODY_ALIKE);
    expect(bodyOverlap(bodySketch(''), bodySketch(''))).toBe(0);
  });

  it('matches nothing when nothing is shared', () => {
    expect(matchRenames([removed('r1.md', { translationKey: 'r1', title: 'Routed one' })], [added('r1-renamed.md', { translationKey: 'r1-renamed', title: 'Routed one renamed' })]).matches).toEqual([]);
  });

  it('prefers no match when a note has two candidates, either way', () => {
    const twoNew = matchRenames([removed('a.md', { translationKey: 'a', title: 'T' })], [added('b.md', { translationKey: 'b', title: 'T' }), added('c.md', { translationKey: 'c', title: 'T' })]);
    expect(twoNew).toEqual({ matches: [], ambiguous: [{ file: 'a.md', candidates: ['b.md', 'c.md'] }] });
    const twoGone = matchRenames([removed('a.md', { translationKey: 'a', title: 'T' }), removed('b.md', { translationKey: 'b', title: 'T' })], [added('c.md', { translationKey: 'c', title: 'T' })]);
    expect(twoGone).toEqual({ matches: [], ambiguous: [{ file: 'c.md', candidates: ['a.md', 'b.md'] }] });
    // One removal sharing its title with one new note and its name with another: ambiguous too.
    const split = matchRenames([removed('d/x.md', { translationKey: 'x', title: 'T' })], [added('e/x.md', { translationKey: 'x', title: 'U' }), added('y.md', { translationKey: 'y', title: 'T' })]);
    expect(split.matches).toEqual([]);
  });
});

describe.concurrent('a note renamed and edited: its message follows, edited, never posted again', () => {
  const edits = (svc: { deliveries: (k?: string) => { event: string; noteId?: unknown }[] }) => svc.deliveries().map((e) => [e.event, e.noteId]);

  it('in one batch, while the service runs', async () => {
    const sb = sandbox(CONFIG);
    const svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    writeFileSync(path.join(sb.notes, 'b.md'), note('Rename me too', 'A note that will be renamed soon enough.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 20_000, 'post');
    const from = await svc.settled();
    renameSync(path.join(sb.notes, 'b.md'), path.join(sb.notes, 'c.md'));
    writeFileSync(path.join(sb.notes, 'c.md'), note('Rename me too', 'A note that will be renamed soon enough, edited.'));
    await svc.idle(from);
    expect(edits(svc)).toEqual([['post', 'b'], ['edit', 'c']]);
    expect(await svc.stop()).toBe(0);
  });

  it('while the service is down, and after a kill -9, moved to _posts and re-dated', async () => {
    const sb = sandbox(CONFIG);
    const dir = (d: string) => (mkdirSync(path.join(sb.notes, d), { recursive: true }), path.join(sb.notes, d));
    const draft = path.join(dir('_notes/en'), '2025-11-07-java-guide-en.md');
    let svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    writeFileSync(draft, note('Java guide', 'First words on Java.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 20_000, 'post');
    await svc.settled();
    expect(await svc.stop()).toBe(0);
    expect(edits(svc)).toEqual([['post', '_notes/en/2025-11-07-java-guide-en']]);

    // Down: promoted to _posts, retitled and edited.
    const post = path.join(dir('_posts/en'), '2025-11-07-java-guide-en.md');
    renameSync(draft, post);
    writeFileSync(post, note('Java, a guide', 'First words on Java, promoted.'));
    svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    await svc.settled();
    expect(edits(svc)).toEqual([['edit', '_posts/en/2025-11-07-java-guide-en']]);
    // Killed, then re-dated and edited before the next start.
    await svc.abandon();
    const redated = path.join(sb.notes, '_posts/en/2025-11-09-java-guide-en.md');
    renameSync(post, redated);
    writeFileSync(redated, note('Java, a guide', 'First words on Java, re-dated.'));
    svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    await svc.settled();
    expect(edits(svc)).toEqual([['edit', '_posts/en/2025-11-09-java-guide-en']]);
    expect(await svc.stop()).toBe(0);
  });

  // The command's program in this process (cliIn): the subject is what the state carries from one run to
  // the next, not the process (test/cli/sync-once.test.ts runs that); four process starts cost ~7 s each
  // at load 10. The paths are absolute, so cliIn's cwd and env (none) touch no test running beside it.
  it('between sync --once runs (the CLI)', async () => {
    const sb = sandbox('');
    const run = async () => {
      const r = await cliIn(['sync', '--once', '--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
      const lines = jsonLines(r.stdout);
      expect(lines.at(-1), r.stderr).toMatchObject({ event: 'sync' });
      return lines.slice(0, -1).map((e) => [e.event, e.noteId]);
    };
    writeFileSync(path.join(sb.notes, 'seed.md'), note('Seed', 'Seed body.'));
    expect(await run()).toEqual([]);
    writeFileSync(path.join(sb.notes, 'b.md'), note('Rename me too', 'A note that will be renamed soon enough.'));
    expect(await run()).toEqual([['post', 'b']]);
    renameSync(path.join(sb.notes, 'b.md'), path.join(sb.notes, 'c.md'));
    writeFileSync(path.join(sb.notes, 'c.md'), note('Rename me too', 'A note that will be renamed soon enough, edited.'));
    expect(await run()).toEqual([['edit', 'c']]);
    expect(await run()).toEqual([]);
  });
});
