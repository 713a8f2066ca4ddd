/**
 * Issue 25, item 10 (tester, round 16): a copy of the live database (SQLite's `.backup` taken while
 * the service runs) started with `--moved` or `--after-restore` ran beside the original on the same
 * notes, and every new note was announced twice. The database now carries an id a copy keeps, and
 * a running service holds a lock named by it (store/database-id-lock.ts): the copy is refused while
 * the original runs, naming it, and starts once it is gone (a kill -9 included). Two databases made
 * separately have different ids and run side by side. The first service runs in this process
 * (InProcessCli) except in the kill -9 case, where it is a process of its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, Service, STATE_CONFIG, type Sandbox, type ServiceEvents } from '../helpers/service.js';

afterEach(killLeftoverServices);

const REFUSED = /is a copy of the database another notecast is running on \(process (\d+) on [^,]+, running since [^ ]+ on ([^)]+)\).*Only one notecast may run per database \(two would announce every note twice\)/;

/** A copy of the live database, as `sqlite3 notecast.db ".backup copy.db"` makes it while the service runs. */
async function liveCopy(sb: Sandbox, name: string): Promise<string> {
  const copy = path.join(sb.dir, name, 'notecast.db');
  mkdirSync(path.dirname(copy));
  const source = new Database(sb.db, { readonly: true });
  await source.backup(copy);
  source.close();
  return copy;
}

/** Starts the service on `db` in this process with `flags`, waiting for it to be refused (exit 1); what it said. */
async function refusedInProcess(sb: Sandbox, db: string, flags: string[]): Promise<string> {
  const second = InProcessCli.start({ ...sb, db }, flags);
  const outcome = await Promise.race([second.exited.then((code) => `exit ${code}`), second.ready().then(() => 'started beside it', () => 'no ready line')]);
  if (outcome === 'started beside it') await second.stop();
  expect(outcome).toBe('exit 1');
  expect(second.deliveries('post')).toEqual([]);
  return second.stderr;
}

async function started(svc: ServiceEvents): Promise<ServiceEvents> {
  await svc.ready();
  await svc.settled();
  return svc;
}

describe('a copy of the live database never runs beside it', () => {
  it('a copy started with --moved or --after-restore is refused, naming the running one; a note saved then is announced once; the copy starts once the original stops', async () => {
    const sb = sandbox(STATE_CONFIG);
    const first = await started(InProcessCli.start(sb));
    const copy = await liveCopy(sb, 'cp1');
    for (const flag of ['--moved', '--after-restore']) {
      const said = await refusedInProcess(sb, copy, [flag]);
      const m = REFUSED.exec(said);
      expect(m, said).not.toBeNull();
      expect(Number(m![1])).toBe(process.pid);
      expect(m![2]).toBe(path.resolve(sb.db));
    }
    // `status` reads beside the running service, as before.
    expect((await cliIn(['status', '--config', sb.config], { cwd: sb.dir })).code).toBe(0);

    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha post', 'About alpha.'));
    await first.waitFor((e) => e.some((x) => x.event === 'post' && x.noteId === 'alpha'), 15_000, 'the post of alpha');
    expect(first.deliveries('post').map((e) => e.noteId)).toEqual(['alpha']);
    expect(await first.stop()).toBe(0);

    const moved = await started(InProcessCli.start({ ...sb, db: copy }, ['--moved']));
    expect(await moved.stop()).toBe(0);
  }, 60_000);

  it('the lock dies with its process: after a kill -9 of the original, the copy starts', async () => {
    const sb = sandbox(STATE_CONFIG);
    const first = (await started(Service.start(sb))) as Service;
    const copy = await liveCopy(sb, 'cp2');
    const m = REFUSED.exec(await refusedInProcess(sb, copy, ['--moved']));
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(first.proc.pid);
    await first.kill9();
    const moved = await started(InProcessCli.start({ ...sb, db: copy }, ['--moved']));
    expect(await moved.stop()).toBe(0);
  }, 60_000);

  it('two databases made separately (two services for different chats) run side by side', async () => {
    const one = sandbox(STATE_CONFIG);
    const two = sandbox(STATE_CONFIG);
    const a = await started(InProcessCli.start(one));
    const b = await started(InProcessCli.start({ ...two, notes: one.notes }));
    expect(await b.stop()).toBe(0);
    expect(await a.stop()).toBe(0);
  }, 60_000);
});
