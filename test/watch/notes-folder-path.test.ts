/**
 * A notes folder reached through symlinks (issue 25, tester 23-1): the folder that is itself a symlink
 * (`notes -> site/_posts`: @parcel/watcher refused to watch it, and `start` died of the unhandled rejection, F2),
 * and a release symlink swapped while the service runs, as a deploy does (`current -> rel1` replaced by
 * `current -> rel2`: no announcement until a restart, then every note refused as outside the notes folder, F1).
 * In process: the watcher and the reads are the service's; an unhandled rejection would fail this file.
 */
import { cpSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { watchNotes } from '../../src/watch/watcher.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, type ServiceEvents } from '../helpers/service.js';

const parseThreads = fileParseThreads();
afterAll(killLeftoverServices);

const CONFIG = 'watch:\n  quietMs: 200\n  reconcileMinutes: 0\n';

const posted = (svc: ServiceEvents, id: string) => svc.waitFor((e) => e.some((x) => x.event === 'post' && x.noteId === id), 20_000, `the post of ${id}`);

describe.concurrent('a notes folder reached through symlinks', () => {
  it('watches a notes folder that is itself a symlink to a folder', async () => {
    const sb = sandbox(CONFIG);
    const posts = path.join(sb.dir, 'site', '_posts');
    mkdirSync(posts, { recursive: true });
    writeFileSync(path.join(posts, 'a.md'), note('Alpha', 'Alpha body, a sentence of its own.'));
    const link = path.join(sb.dir, 'linked-notes');
    symlinkSync(path.join('site', '_posts'), link);
    const svc = InProcessCli.start(sb, ['--notes', link], {}, undefined, parseThreads);
    await svc.ready();
    writeFileSync(path.join(link, 'b.md'), note('Beta', 'Beta body, saved after the start.'));
    await posted(svc, 'b');
    expect(svc.deliveries('post').map((e) => e.noteId)).toEqual(['b']);
    expect(svc.stderr).not.toContain('outside the notes folder');
    expect(await svc.stop()).toBe(0);
  }, 60_000);

  it('follows a release symlink swapped while it runs: the new release is the notes folder', async () => {
    const sb = sandbox(CONFIG);
    mkdirSync(path.join(sb.dir, 'rel1', 'notes'), { recursive: true });
    writeFileSync(path.join(sb.dir, 'rel1', 'notes', 'n1.md'), note('One', 'The first note, there before the start.'));
    symlinkSync('rel1', path.join(sb.dir, 'current'));
    const notes = path.join(sb.dir, 'current', 'notes');
    const svc = InProcessCli.start(sb, ['--notes', notes], {}, undefined, parseThreads);
    await svc.ready();
    writeFileSync(path.join(notes, 'n2.md'), note('Two', 'The second note, saved while the service runs.'));
    await posted(svc, 'n2');
    // A deploy: the release copied, a note added to the copy, the link swapped in one rename (ln -sfn, mv -T).
    cpSync(path.join(sb.dir, 'rel1'), path.join(sb.dir, 'rel2'), { recursive: true, preserveTimestamps: true });
    writeFileSync(path.join(sb.dir, 'rel2', 'notes', 'n3.md'), note('Three', 'The third note, deployed in release two.'));
    symlinkSync('rel2', path.join(sb.dir, 'current.tmp'));
    renameSync(path.join(sb.dir, 'current.tmp'), path.join(sb.dir, 'current'));
    await posted(svc, 'n3');
    // The old release removed, then a note saved into the folder the link leads to now.
    rmSync(path.join(sb.dir, 'rel1'), { recursive: true });
    writeFileSync(path.join(notes, 'n4.md'), note('Four', 'The fourth note, saved after the deploy.'));
    await posted(svc, 'n4');
    await svc.idle(svc.events.length);
    expect(svc.deliveries('post').map((e) => e.noteId)).toEqual(['n2', 'n3', 'n4']);
    expect(svc.deliveries('delete')).toEqual([]);
    expect(svc.stderr).not.toContain('outside the notes folder');
    expect(await svc.stop()).toBe(0);
  }, 90_000);
});

describe('a notes folder that cannot be watched', () => {
  it('rejects `ready` for its caller to refuse the start, never as an unhandled rejection', async () => {
    const sb = sandbox(CONFIG);
    const refused = new Error('inotify_add_watch failed: No space left on device');
    const watcher = watchNotes({ root: sb.notes, mode: 'native', nativeSubscribe: () => Promise.reject(refused), quietMs: 40, maxHoldMs: 1000, onBatch: () => undefined, log: silentLogger() });
    // The service awaits `ready` only after its start-up scan: a turn of the loop passes first, and a rejection
    // nothing handled by then ended the process (vitest reports it as an unhandled error of this file).
    await new Promise((r) => setImmediate(r));
    await expect(watcher.ready).rejects.toBe(refused);
    await watcher.close();
  });
});
