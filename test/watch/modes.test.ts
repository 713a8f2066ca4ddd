/**
 * Watching notes wherever they live (issue 15): the mode chosen from the folder's file system, and
 * a reconcile pass that announces, once, what no event reported.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseWatchMode } from '../../src/watch/mode.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

afterEach(killLeftoverServices);

describe('watch.mode: auto', () => {
  // statfs f_type values from linux/magic.h.
  it.each([
    [0x6969, 'poll', /nfs mount/],
    [0xff534d42, 'poll', /cifs mount/],
    [0x65735546, 'poll', /fuse mount/],
    [0x01021997, 'poll', /9p \(WSL drvfs/],
    [0x6a656a63, 'poll', /virtiofs mount/],
    [0xef53, 'native', /local file system \(statfs type 0xef53\)/],
    [0x01021994, 'native', /local file system/], // tmpfs
  ])('statfs type 0x%s → %s', (type, mode, reason) => {
    const c = chooseWatchMode('/notes', 'auto', () => ({ type }));
    expect(c.mode).toBe(mode);
    expect(c.reason).toMatch(reason);
  });

  it('an explicit mode is used as it is; an unreadable folder falls back to native events', () => {
    expect(chooseWatchMode('/notes', 'poll', () => ({ type: 0xef53 }))).toEqual({ mode: 'poll', reason: 'watch.mode: poll' });
    expect(chooseWatchMode('/nowhere', 'auto', () => { throw new Error('ENOENT'); }).mode).toBe('native');
  });

  it('the choice and its reason are logged, and shown in status', async () => {
    const sb = sandbox('watch:\n  mode: auto\n');
    const svc = InProcessCli.start(sb);
    await svc.ready();
    expect(svc.stderr).toMatch(/"mode":"(native|poll)","reason":"[^"]+".*watching the notes folder/);
    await svc.stop();
    expect(statusOf(sb.db).stdout).toMatch(/watching: +(native|poll) \(.+\)/);
  });
});

describe('the reconcile pass', () => {
  it('announces once a note no event reported, and finds nothing more the next time', async () => {
    // Polling so slow that no poll comes during the test: as on a mount whose changes raise no event.
    const sb = sandbox('watch:\n  quietMs: 200\n  mode: poll\n  pollIntervalMs: 600000\n  reconcileMinutes: 0.02\n');
    const svc = InProcessCli.start(sb);
    await svc.ready();
    await svc.settled();
    writeFileSync(path.join(sb.notes, 'unseen-en.md'), note('Unseen', 'Written where no event tells.'));
    await svc.waitFor((e) => e.some((x) => x.noteId === 'unseen-en'), 15_000, 'the reconcile to announce it');
    expect(svc.stderr).toMatch(/reconcile found changes that events missed/);
    // Two more passes: nothing again.
    const passes = () => (svc.stderr.match(/reconcile: nothing missed/g) ?? []).length;
    await svc.waitFor(() => passes() >= 2, 15_000, 'two more reconcile passes');
    expect(svc.deliveries().filter((e) => e.noteId === 'unseen-en')).toHaveLength(1);
    await svc.stop();
  });
});
