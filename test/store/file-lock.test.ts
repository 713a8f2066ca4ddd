/**
 * Issue 25, item 10 (tester, HIGH): the lock on the database file itself lives with the file, not in
 * `<tmpdir>/notecast-locks-<uid>`. Two services reaching one database through a hard link, each
 * with its own `TMPDIR` (systemd `PrivateTmp=`), or after a /tmp cleaner deleted that folder, both
 * ran and both posted. Processes, since the point is the operating system's locks between them.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';
import { killLeftoverServices, sandbox, Service, STATE_CONFIG, type Sandbox } from '../helpers/service.js';
import { tempFolder } from '../helpers/temp-folder.js';

// After all, not each: the tests run at once, and a test's end must not kill another's services.
afterAll(killLeftoverServices);

/** The sandbox's database reached through a hard link in another folder: one file, two names. */
function linkedDb(sb: Sandbox): string {
  const other = path.join(sb.dir, 'elsewhere');
  mkdirSync(other);
  const link = path.join(other, 'notecast.db');
  linkSync(sb.db, link);
  return link;
}

/** The processes among `pids` with a descriptor holding a `flock` write lock on `file` (their fdinfo's "lock:" lines, proc_pid_fdinfo(5)). */
function flockHoldersOf(file: string, pids: number[]): number[] {
  const { ino } = statSync(file);
  const holds = (pid: number, fd: string) => {
    try {
      return readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').split('\n').some((l) => /^lock:.*\bFLOCK\s+ADVISORY\s+WRITE\b/.test(l) && l.includes(`:${ino} `));
    } catch {
      return false; // closed meanwhile
    }
  };
  return pids.filter((pid) => existsSync(`/proc/${pid}/fd`) && readdirSync(`/proc/${pid}/fd`).some((fd) => holds(pid, fd)));
}

const childrenOf = (pid: number): number[] => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

const ownTmp = () => tempFolder('notecast-tmpdir-');

async function firstRunning(sb: Sandbox, env: NodeJS.ProcessEnv): Promise<Service> {
  const first = Service.start(sb, [], env);
  await first.ready();
  return first;
}

/** A second `start` on `db` (exit 1, nothing posted) and what it said. */
async function refused(sb: Sandbox, db: string, env: NodeJS.ProcessEnv): Promise<string> {
  const r = await runCliAsync(['start', '--json', '--config', sb.config, '--notes', sb.notes, '--db', db], { cwd: sb.dir, env });
  expect(r.stdout).toBe('');
  expect(r.code).toBe(1);
  return r.stderr;
}

// At once (three at a time: vitest.config.ts's maxConcurrency): each test has its own sandbox, TMPDIR
// and processes, and most of its time is waiting (a refused start waits out flock's 2 s, a stop
// noticed by the service's check).
describe.concurrent('the lock on the database file itself', () => {
  it('two starts with their own TMPDIR on one database (a hard link): the second is refused, naming the state folder and the holder', async () => {
    const sb = sandbox(STATE_CONFIG);
    const first = await firstRunning(sb, { TMPDIR: ownTmp() });
    const link = linkedDb(sb);
    const said = await refused(sb, link, { TMPDIR: ownTmp() });
    // status through the other name refuses and names the service's own (tester: opening it there wrote
    // a -wal of its own beside the link, which a later open replayed over the shared file: 4 notes → 0)
    const status = await runCliAsync(['status', '--json', '--db', link], { cwd: sb.dir });
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(`under another name, ${realpathSync(sb.db)}`);
    expect(existsSync(`${link}-wal`)).toBe(false);
    expect(said).toContain(`state folder ${path.dirname(link)}`);
    expect(said).toMatch(new RegExp(`same file as a database another notecast \\(process ${first.proc.pid} on ${hostname()}, running since \\d{4}-`));
    expect(await first.stop()).toBe(0);
  });

  it('the temporary folder deleted under a running one (a /tmp cleaner): a second is still refused', async () => {
    const sb = sandbox(STATE_CONFIG);
    const tmp = ownTmp();
    const first = await firstRunning(sb, { TMPDIR: tmp });
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    expect(await refused(sb, linkedDb(sb), { TMPDIR: tmp })).toContain('is the same file as a database another notecast');
    expect(await first.stop()).toBe(0);
  });

  it('kill -9 of the holder: a new one starts at once, through either name; status works beside a running one', async () => {
    const sb = sandbox(STATE_CONFIG);
    const first = await firstRunning(sb, { TMPDIR: ownTmp() });
    const status = await runCliAsync(['status', '--json', '--db', sb.db], { cwd: sb.dir });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ instance: { pid: first.proc.pid, host: hostname() } });
    await first.kill9();
    const t0 = Date.now();
    const second = await firstRunning({ ...sb, db: linkedDb(sb) }, { TMPDIR: ownTmp() });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await second.stop()).toBe(0);
  });

  it('the lock is the service\'s own: its process holds it, no child of it does, so only its end lets it go (it was a flock child, which a kill took from under it)', async () => {
    const sb = sandbox(STATE_CONFIG);
    const first = await firstRunning(sb, { TMPDIR: ownTmp() });
    const pid = first.proc.pid!;
    expect(flockHoldersOf(sb.db, [pid, ...childrenOf(pid)])).toEqual([pid]);
    expect(await refused(sb, linkedDb(sb), { TMPDIR: ownTmp() })).toContain('is the same file as a database another notecast');
    expect(await first.stop()).toBe(0);
  });

  it('the state folder deleted under a running one: it stops (exit 1, saying why) within seconds, so a second on the new folder never runs beside it (tester: unnoticed)', async () => {
    const sb = sandbox(STATE_CONFIG);
    const first = await firstRunning(sb, { TMPDIR: ownTmp() });
    rmSync(path.dirname(sb.db), { recursive: true, force: true });
    const t0 = Date.now();
    expect(await first.exited).toBe(1);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(first.stderr).toMatch(/the state is no longer this notecast's alone: .*notecast\.db was deleted or moved away/);
    expect(first.stderr).toMatch(/notecast stopped: .*was deleted or moved away/);
    // It wrote nothing at the path on its way out (a mark there would be another database's).
    expect(existsSync(`${sb.db}.mark`)).toBe(false);
    expect(existsSync(`${sb.db}.stopped`)).toBe(false);
  });
});
