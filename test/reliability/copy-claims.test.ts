/**
 * A copy kept back (src/publish/kept-copies.ts) whose original goes when no live batch sees it
 * whole (issue 25, the tester's HIGH findings on i25's silent copies, 4 of 4 after a kill -9): the
 * service killed with kill -9 just after `rm a.md`, and `sync --once` runs between the steps. Either
 * way the copy ends holding the original's message: nothing posted again, its later edit edits that
 * message. The kill needs a process; the start after it, and `sync --once`, run through the CLI's
 * program in this process (what the killed process left on disk is the point, not the next process).
 */
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliIn, jsonLines, statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, Service, sleep, type Sandbox, type ServiceEvent, type ServiceEvents } from '../helpers/service.js';

/** Shared by the starts in this process (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

// A test that fails part-way (a timeout under load) leaves no service running into the next ones: a
// process left behind kept delivering, and loading the machine, after its test had failed.
afterEach(killLeftoverServices);

const CONFIG = 'watch:\n  quietMs: 100\n  reconcileMinutes: 0\npublish:\n  digest:\n    windowMs: 1500\nroutes:\n  - platform: console\n    chat: all\n';
const ALPHA = note('Alpha', 'Alpha talks about apples and pears in a long enough sentence for the runs.');
const ALPHA_EDITED = note('Alpha', 'Alpha talks about apples and pears in a long enough sentence for the runs, and plums.');

/** What `notecast status --json` lists of copies kept back, and of notes with problems. */
function statusNow(sb: Sandbox): { copiesKeptBack: { file: string; copyOf: string }[]; problems: string[] } {
  return JSON.parse(statusOf(sb.db, { json: true }).stdout) as { copiesKeptBack: { file: string; copyOf: string }[]; problems: string[] };
}

describe('a copy kept back, its original removed just before a kill -9', () => {
  // Where the kill lands is the point: at once, before the removal's quiet period ends (the removal
  // unseen: the next start's scan finds it), and 300 ms after as the tester did (its removal waiting
  // in memory for its window, 1.5 s).
  it.each([0, 300])('killed %i ms after: the copy takes the original\'s message at the next start; its edit edits that message, nothing posted again', { timeout: 90_000 }, async (killAfterMs) => {
    const sb = sandbox(CONFIG);
    const killed = Service.start(sb);
    let svc: ServiceEvents = killed;
    await svc.ready();
    let from = await svc.settled();
    writeFileSync(path.join(sb.notes, 'a.md'), ALPHA);
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 15_000, 'the post of a');
    await svc.idle(from);
    const [posted] = svc.deliveries('post');
    from = svc.events.length;
    copyFileSync(path.join(sb.notes, 'a.md'), path.join(sb.notes, 'b.md'));
    await svc.idle(from);
    expect(svc.deliveries('post')).toHaveLength(1);
    rmSync(path.join(sb.notes, 'a.md'));
    if (killAfterMs) await sleep(killAfterMs); // a fixed wait: where the kill lands is the point
    await killed.kill9();
    const before: ServiceEvent[] = svc.deliveries();

    svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    from = await svc.settled(); // idle: no removal waiting any more
    expect(svc.deliveries()).toEqual([]); // nothing posted again, nothing deleted
    writeFileSync(path.join(sb.notes, 'b.md'), ALPHA_EDITED);
    await svc.waitFor((e) => e.some((x) => x.event === 'edit'), 15_000, 'the edit of b');
    await svc.idle(from);
    expect(await svc.stop()).toBe(0);
    expect(before.map((e) => e.event)).toEqual(['post']);
    expect(svc.deliveries().map((e) => [e.event, e.noteId, e.messageId])).toEqual([['edit', 'b', posted!.messageId]]);
    expect(statusNow(sb)).toMatchObject({ copiesKeptBack: [], problems: [] });
  });
});

describe('a copy kept back across `sync --once` runs', () => {
  const syncOnce = async (sb: Sandbox) => {
    const r = await cliIn(['sync', '--once', '--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
    expect(r.code, r.stderr).toBe(0);
    return jsonLines(r.stdout).filter((e) => e.event === 'post' || e.event === 'edit' || e.event === 'delete');
  };

  it('is said by status, takes its original\'s message when a later run finds the original gone, and a run after its edit edits that message', { timeout: 90_000 }, async () => {
    const sb = sandbox(CONFIG);
    expect(await syncOnce(sb)).toEqual([]); // a first run, on an empty folder: what comes after is new
    writeFileSync(path.join(sb.notes, 'a.md'), ALPHA);
    const first = await syncOnce(sb);
    expect(first.map((e) => e.event)).toEqual(['post']);
    copyFileSync(path.join(sb.notes, 'a.md'), path.join(sb.notes, 'b.md'));
    expect(await syncOnce(sb)).toEqual([]);
    expect(statusNow(sb).copiesKeptBack).toEqual([{ file: 'b.md', copyOf: 'a.md' }]);
    rmSync(path.join(sb.notes, 'a.md'));
    expect(await syncOnce(sb)).toEqual([]);
    writeFileSync(path.join(sb.notes, 'b.md'), ALPHA_EDITED);
    const last = await syncOnce(sb);
    expect(last.map((e) => [e.event, e.noteId, e.messageId])).toEqual([['edit', 'b', first[0]!.messageId]]);
    expect(statusNow(sb)).toMatchObject({ copiesKeptBack: [], problems: [] });
  });
});
