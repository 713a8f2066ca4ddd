import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statusOf } from '../helpers/cli.js';
import { SteppedClock } from '../fakes/clock.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type ServiceEvents } from '../helpers/service.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const QUIET = 300;
const HOUR_MS = 3_600_000;
// Removals wait for the burst window (publish.digest.windowMs: 3 s by default, at least three quiet
// periods) before they are applied: the shortest it may be, as no test here is about its length.
const WINDOW = 3 * QUIET;
/** Every test below runs with each event source: native events, and polling by folder (src/watch/poller.ts, issue 31). */
const MODES = ['native', 'poll'] as const;
const modeConfig = (mode: string) => `  mode: ${mode}\n  pollIntervalMs: 200\n`;

// The tests run at once (each on its own folder and service, mostly waiting on quiet periods and
// dates): a service a failed test left running is stopped when the file ends, not after each test.
afterAll(killLeftoverServices);

/** The service in this process (`start --json` wired as the CLI does): what is tested here is the route, not the process. */
function start(sb: ReturnType<typeof sandbox>, extra: string[] = []): ServiceEvents {
  return InProcessCli.start(sb, extra, {}, undefined, parseThreads);
}

describe.concurrent.each(MODES)('watch.mode: %s', (mode) => {
const CONFIG = `watch:\n  quietMs: ${QUIET}\n${modeConfig(mode)}publish:\n  announceExisting: false\n  digest:\n    threshold: 5\n    windowMs: ${WINDOW}\n`;

describe('notecast start (console adapter, in process)', () => {
  it('posts a new note once, edits it when its summary changes, and ignores whitespace edits', async () => {
    const sb = sandbox(CONFIG);
    writeFileSync(path.join(sb.notes, 'old-en.md'), note('Old', 'Already here before the first run.'));
    const svc = start(sb);
    await svc.ready();
    expect(svc.events.find((e) => e.event === 'ready')?.notes).toBe(1);
    await svc.idle(0);
    expect(svc.deliveries()).toEqual([]); // first run records existing notes silently

    const file = path.join(sb.notes, 'fresh-en.md');
    writeFileSync(file, note('Fresh', 'The first sentence is here. A second one follows.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 20_000, 'post');
    const post = svc.deliveries('post')[0]!;
    expect(post).toMatchObject({ noteId: 'fresh-en', revision: 1, target: 'console:stdout' });
    expect(post.text).toContain('The first sentence is here.');

    const from = await svc.settled();
    writeFileSync(file, note('Fresh', 'The first sentence is here.   \n\nA second one follows.\n\n'));
    await svc.idle(from);
    expect(svc.deliveries()).toHaveLength(1);

    writeFileSync(file, note('Fresh', 'A rewritten opening sentence. A second one follows.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'edit'), 20_000, 'edit');
    const edit = svc.deliveries('edit')[0]!;
    expect(edit).toMatchObject({ noteId: 'fresh-en', revision: 2, messageId: post.messageId });
    expect(edit.text).toContain('A rewritten opening sentence.');
    expect(svc.deliveries()).toHaveLength(2);
    expect(await svc.stop()).toBe(0);
  });

  it('announces a draft only once it is un-drafted, and a future note when its date comes', async () => {
    const sb = sandbox(CONFIG);
    // The service's clock, moved past the note's date by the test (a real wait of 12 s did this,
    // the margin a loaded machine needed to handle the save before the date).
    const clock = new SteppedClock();
    const svc = InProcessCli.start(sb, [], {}, clock, parseThreads);
    await svc.ready();
    const from = await svc.settled();
    const draft = path.join(sb.notes, 'draft-en.md');
    writeFileSync(draft, note('Draft', 'Not yet.', 'draft: true\n'));
    const soon = new Date(clock.now() + HOUR_MS).toISOString();
    writeFileSync(path.join(sb.notes, 'later-en.md'), note('Later', 'Scheduled text.', `date: ${soon}\n`));
    await svc.idle(from);
    expect(svc.deliveries()).toEqual([]);
    writeFileSync(draft, note('Draft', 'Now it is ready.'));
    await svc.waitFor((e) => e.some((x) => x.noteId === 'draft-en'), 20_000, 'un-drafted post');
    await svc.idle(svc.indexOf((e) => e.noteId === 'draft-en'));
    expect(svc.deliveries().map((e) => e.noteId)).toEqual(['draft-en']); // the date has not come
    clock.advance(HOUR_MS);
    await svc.waitFor((e) => e.some((x) => x.noteId === 'later-en'), 20_000, 'scheduled post');
    expect(svc.deliveries().map((e) => e.noteId).sort()).toEqual(['draft-en', 'later-en']);
  }, 60_000);

  it('turns a burst of 50 notes into one digest', async () => {
    // A longer quiet period: on a loaded machine this test's own writes can be paused long enough
    // (seen in CI beside the soak) for the last note to miss a 300 ms window and go out alone.
    const sb = sandbox(CONFIG.replace(`quietMs: ${QUIET}`, 'quietMs: 3000'));
    const svc = start(sb);
    await svc.ready();
    for (let i = 0; i < 50; i++) writeFileSync(path.join(sb.notes, `burst-${i}-en.md`), note(`Burst ${i}`, `Note number ${i} says hello.`));
    await svc.waitFor((e) => e.some((x) => x.event === 'digest'), 30_000, 'digest');
    await svc.idle(svc.indexOf((e) => e.event === 'digest'));
    expect(svc.deliveries()).toHaveLength(1);
    expect(svc.deliveries('digest')[0]!.text).toContain('50 new notes');
  }, 60_000);

  it('treats an editor-style atomic save (write temp, rename over) as one change', async () => {
    const sb = sandbox(CONFIG);
    const svc = start(sb);
    await svc.ready();
    const file = path.join(sb.notes, 'atomic-en.md');
    writeFileSync(file, note('Atomic', 'Version one.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 20_000, 'post');
    // vim-style: write a temp/backup file, remove the original, rename the temp over it.
    const tmp = path.join(sb.notes, '.atomic-en.md.swp');
    writeFileSync(tmp, note('Atomic', 'Version two is here.'));
    writeFileSync(`${file}~`, 'backup');
    rmSync(file);
    renameSync(tmp, file);
    await svc.waitFor((e) => e.some((x) => x.event === 'edit'), 20_000, 'edit');
    await svc.idle(svc.indexOf((e) => e.event === 'edit'));
    expect(svc.deliveries().map((e) => e.event)).toEqual(['post', 'edit']);
  });

  it('announces notes written while it was down, and not the unchanged ones', async () => {
    const sb = sandbox(CONFIG);
    writeFileSync(path.join(sb.notes, 'a-en.md'), note('A', 'Alpha text.'));
    let svc = start(sb);
    await svc.ready();
    await svc.stop();
    writeFileSync(path.join(sb.notes, 'b-en.md'), note('B', 'Beta text while down.'));
    svc = start(sb);
    await svc.ready();
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 20_000, 'post');
    await svc.idle(svc.indexOf((e) => e.event === 'post'));
    expect(svc.deliveries().map((e) => e.noteId)).toEqual(['b-en']);
    await svc.stop();
    const status = statusOf(sb.db);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/notes:\s+2 \(2 published\)/);
    expect(status.stdout).toMatch(/1 done, 0 failed/);
  });

  it('reports a bad note with its file and line and keeps running', async () => {
    const sb = sandbox(CONFIG);
    const svc = start(sb);
    await svc.ready();
    writeFileSync(path.join(sb.notes, 'broken-en.md'), '---\ntitle: [unclosed\n---\nbody');
    writeFileSync(path.join(sb.notes, 'fine-en.md'), note('Fine', 'Fine text.'));
    await svc.waitFor((e) => e.some((x) => x.noteId === 'fine-en'), 20_000, 'fine post');
    expect(svc.stderr).toMatch(/broken-en\.md:2: invalid YAML/);
    await svc.stop();
    expect(statusOf(sb.db).stdout).toMatch(/broken-en\.md:2: invalid YAML/);
  });
});

describe('the watched folder changing under the service', () => {
  it('treats a rename as a change of the same note, not a delete and an add', async () => {
    const sb = sandbox(CONFIG);
    const svc = start(sb);
    await svc.ready();
    writeFileSync(path.join(sb.notes, 'before-en.md'), note('Moving', 'Moving note text.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 20_000, 'post');
    const from = await svc.settled();
    renameSync(path.join(sb.notes, 'before-en.md'), path.join(sb.notes, 'after-en.md'));
    await svc.idle(from);
    // Same content, new id: no new announcement (no URL here, so the summary is unchanged).
    expect(svc.deliveries().map((e) => e.event)).toEqual(['post']);
    await svc.stop();
    const s = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { notes: Record<string, number> };
    expect(s.notes).toEqual({ published: 1 });
  });

  it('announces notes whose file and folder names have spaces and non-Latin letters, and edits them', async () => {
    const sb = sandbox(CONFIG);
    const svc = start(sb);
    await svc.ready();
    const dir = path.join(sb.notes, 'my notes', '日本語 メモ');
    mkdirSync(dir, { recursive: true });
    const spaced = path.join(sb.notes, 'my notes', 'Ünïcödé name (draft 2).md');
    const japanese = path.join(dir, 'ノート 1.md');
    writeFileSync(spaced, note('Spaced name', 'A note whose name has spaces and accents.'));
    writeFileSync(japanese, note('日本語のノート', '日本語のノートです。', 'lang: ja\n'));
    await svc.waitFor((e) => e.filter((x) => x.event === 'post').length === 2, 20_000, 'two posts');
    expect(svc.deliveries('post').map((e) => e.noteId).sort()).toEqual(['my notes/Ünïcödé name (draft 2)', 'my notes/日本語 メモ/ノート 1']);
    writeFileSync(japanese, note('日本語のノート', '書き直したノートです。', 'lang: ja\n'));
    await svc.waitFor((e) => e.some((x) => x.event === 'edit'), 20_000, 'edit');
    expect(svc.deliveries('edit')[0]).toMatchObject({ noteId: 'my notes/日本語 メモ/ノート 1', revision: 2 });
    expect(svc.deliveries()).toHaveLength(3);
    expect(await svc.stop()).toBe(0);
  });

  it('sees later saves in folders created several levels deep at once, and a copied-in tree once per note', async () => {
    const sb = sandbox(CONFIG);
    const svc = start(sb);
    await svc.ready();
    // mkdir -p: inotify reports only the top folder; the ones inside need watching too.
    const deep = path.join(sb.notes, 'a', 'b', 'c', 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, 'deep-en.md'), note('Deep', 'Written four folders down.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 20_000, 'post of the deep note');
    await svc.settled(); // the deep note's batch handled: the rewrite below is a later save
    writeFileSync(path.join(deep, 'deep-en.md'), note('Deep', 'Rewritten four folders down.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'edit'), 20_000, 'edit of the deep note');
    writeFileSync(path.join(sb.notes, 'a', 'b', 'later-en.md'), note('Later', 'Saved later, two folders down.'));
    await svc.waitFor((e) => e.some((x) => x.noteId === 'a/b/later-en'), 20_000, 'a new note in a nested folder');

    // cp -r of a tree: every folder and file arrives as its own event, and each folder scan finds the notes again.
    const tree = path.join(sb.dir, 'tree');
    mkdirSync(path.join(tree, 'x', 'y'), { recursive: true });
    for (const [rel, title] of [['one-en.md', 'One'], ['x/two-en.md', 'Two'], ['x/y/three-en.md', 'Three']]) writeFileSync(path.join(tree, rel!), note(title!, `${title} copied in.`));
    cpSync(tree, path.join(sb.notes, 'copied'), { recursive: true });
    await svc.waitFor((e) => e.filter((x) => x.noteId?.startsWith('copied/')).length >= 3, 20_000, 'the copied notes');
    await svc.idle(svc.events.length - 1);
    expect(svc.deliveries().map((e) => `${e.event} ${e.noteId}`).sort()).toEqual(['edit a/b/c/d/deep-en', 'post a/b/c/d/deep-en', 'post a/b/later-en', 'post copied/one-en', 'post copied/x/two-en', 'post copied/x/y/three-en']);
    writeFileSync(path.join(sb.notes, 'copied', 'x', 'y', 'three-en.md'), note('Three', 'Three, edited where it was copied to.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'edit' && x.noteId === 'copied/x/y/three-en'), 20_000, 'edit in the copied tree');
    expect(await svc.stop()).toBe(0);
  });

  it('holds a storm of removals (folder emptied) and deletes nothing; restoring it announces nothing', async () => {
    // With the test defaults (sandbox): no translation grace period holds the ten first posts.
    const sb = sandbox(`watch:\n  quietMs: ${QUIET}\n${modeConfig(mode)}  removalThreshold: 5\npublish:\n  onDelete: delete\n  digest:\n    threshold: 100\n    windowMs: ${WINDOW}\n`);
    const sub = path.join(sb.notes, 'batch');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    const svc = start(sb, ['--announce-existing']);
    for (let i = 0; i < 10; i++) writeFileSync(path.join(sub, `n${i}-en.md`), note(`N${i}`, `Text ${i}.`));
    await svc.ready();
    await svc.waitFor((e) => e.filter((x) => x.event === 'post').length === 10, 15_000, '10 posts');
    const backup = path.join(sb.dir, 'backup');
    let from = await svc.settled();
    renameSync(sub, backup); // the folder vanishes (unmount, branch switch)
    await svc.idle(from);
    expect(svc.deliveries('delete')).toEqual([]);
    expect(svc.stderr).toMatch(/removals held/);
    from = await svc.settled();
    renameSync(backup, sub);
    await svc.idle(from);
    expect(svc.deliveries().filter((e) => e.event !== 'post')).toEqual([]);
    expect(svc.deliveries('post')).toHaveLength(10);
  });

  it('does not follow a symlink out of the notes folder', async () => {
    const sb = sandbox(CONFIG);
    const { symlinkSync, mkdtempSync } = await import('node:fs');
    const outside = mkdtempSync(path.join(sb.dir, 'outside-'));
    writeFileSync(path.join(outside, 'secret-en.md'), note('Secret', 'Private words.'));
    const svc = start(sb);
    await svc.ready();
    symlinkSync(path.join(outside, 'secret-en.md'), path.join(sb.notes, 'link-en.md'));
    writeFileSync(path.join(sb.notes, 'real-en.md'), note('Real', 'Public words.'));
    await svc.waitFor((e) => e.some((x) => x.noteId === 'real-en'), 20_000, 'real post');
    await svc.idle(svc.indexOf((e) => e.noteId === 'real-en'));
    expect(svc.deliveries().map((e) => e.noteId)).toEqual(['real-en']);
    expect(JSON.stringify(svc.events)).not.toContain('Private words');
  });
});

describe('coming back', () => {
  it('announces a deleted note that returns unchanged, and clears a fixed error', async () => {
    const sb = sandbox(CONFIG);
    const svc = start(sb);
    await svc.ready();
    const file = path.join(sb.notes, 'back-en.md');
    const text = note('Back again', 'It returns.');
    writeFileSync(file, text);
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 20_000, 'post');
    let from = await svc.settled();
    rmSync(file);
    await svc.idle(from);
    from = await svc.settled();
    writeFileSync(file, text);
    // Its posts were kept, so nothing new is posted, but the note is live again (not stuck as deleted).
    await svc.idle(from);
    const live = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { notes: Record<string, number> };
    expect(live.notes).toEqual({ published: 1 });
    expect(svc.deliveries()).toHaveLength(1);
    writeFileSync(file, note('Back again', 'It returns, changed.'));
    await svc.waitFor((e) => e.some((x) => x.event === 'edit'), 20_000, 'edit after coming back');

    const broken = path.join(sb.notes, 'fixme-en.md');
    writeFileSync(broken, note('Fix me', 'Good text.'));
    await svc.waitFor((e) => e.some((x) => x.noteId === 'fixme-en'), 20_000, 'fixme post');
    from = await svc.settled();
    writeFileSync(broken, '---\ntitle: [oops\n---\nbad');
    await svc.idle(from);
    from = await svc.settled();
    writeFileSync(broken, note('Fix me', 'Good text.'));
    await svc.idle(from);
    await svc.stop();
    const status = statusOf(sb.db).stdout;
    expect(status).not.toMatch(/fixme-en\.md/);
    expect(status).toMatch(/notes:\s+2 \(2 published\)/);
  });
});
});
