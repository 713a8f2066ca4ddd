/**
 * FIFOs named like notes in a watched folder (issue 25, tester's F3): only regular files are notes. A FIFO
 * is that file's error, said once, in native and poll mode alike; no thread waits in open() for a
 * writer, no note is set aside for it, the other notes go on, and the service stops. In process.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

afterEach(killLeftoverServices);

describe('a FIFO named *.md in the notes folder', () => {
  it.each(['native', 'poll'])('watch.mode %s: each is "not a regular file", the note beside them is announced, and stop ends', async (mode) => {
    const sb = sandbox(`watch:\n  quietMs: 200\n  mode: ${mode}\n  pollIntervalMs: 300\nnotes:\n  parseTimeoutMs: 2000\n`);
    const svc = InProcessCli.start(sb);
    await svc.ready();
    await svc.settled();
    for (const name of ['p1.md', 'p2.md', 'p3.md']) execFileSync('mkfifo', [path.join(sb.notes, name)]);
    writeFileSync(path.join(sb.notes, 'real-en.md'), note('Real', 'A note written beside the pipes, announced as ever.'));
    await svc.waitFor((e) => e.some((x) => x.noteId === 'real-en'), 15_000, 'the real note announced');
    await svc.waitFor(() => ['p1.md', 'p2.md', 'p3.md'].every((f) => new RegExp(`${f}[^\\n]*not a regular file`).test(svc.stderr)), 15_000, 'each FIFO refused');
    await svc.settled();
    expect(svc.stderr).not.toMatch(/still parsing|set aside/);
    expect(svc.deliveries().map((e) => e.noteId)).toEqual(['real-en']);
    for (const f of ['p1.md', 'p2.md', 'p3.md']) expect(svc.stderr.match(new RegExp(`"file":"${f}"[^\n]*not a regular file`, 'g')), f).toHaveLength(1);
    await svc.stop();
  }, 60_000);
});
