/**
 * Issue 25, outside tester's finding 1: a backup restored by copying OVER the live files
 * (`cp backup/* data/`, `cat backup > notecast.db`) keeps the database file's inode and birth time,
 * so the copy check (identity.ts) let it start, and it announced again what was posted after the
 * backup. A clean stop now records the file's ctime (which no user can set back, inode(7)) and a
 * start on a file written since refuses (store/clean-stop.ts). Restarts, kill -9 and the restore
 * flags still run. The service runs in this process (`InProcessCli`), as a process where it is
 * killed (kill -9); a refusal (an exit code and a line on stderr) is read through the CLI's program
 * in this process (`refusedStart`; copied-state.test.ts reads one from the process).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, refusedStart, runSaving, sandbox, STATE_CONFIG as CONFIG, type Sandbox } from '../helpers/service.js';

afterEach(killLeftoverServices);

const WRITTEN =
  /\.db was written after notecast's last clean stop \(it was changed .*\): a backup copied over it, most likely\..*If you restored a backup, start once with --after-restore; if this is the newest state and only its file was touched on purpose \(chmod, chown, touch, a hard link made\), start once with --moved\./;

/** Starts `notecast start`, saves `names` (each announced once), then stops it (or kills it: `kill9`); returns what it posted. */
const run = async (sb: Sandbox, names: string[] = [], flags: string[] = [], end: 'stop' | 'kill9' = 'stop') => (await runSaving(sb, names, { flags, end, start: InProcessCli.start })).posted;

const refused = (sb: Sandbox) => refusedStart(sb);

/** A state that announced `before`, was backed up while stopped (`backup`), then announced p1 and p2. */
let sb: Sandbox;
let state: string;
let backup: string;
const files = (dir: string) => execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter(Boolean);

describe('a backup copied over the live state folder', () => {
  beforeAll(async () => {
    sb = sandbox(CONFIG);
    state = path.dirname(sb.db);
    backup = `${state}-backup`;
    expect(await run(sb, ['before'])).toEqual(['before']);
    cpSync(state, backup, { recursive: true });
    expect(await run(sb, ['p1', 'p2'])).toEqual(['p1', 'p2']);
  }, 60_000);

  it('a plain restart runs, and so does a restart after kill -9', async () => {
    expect(await run(sb, ['r1'], [], 'kill9')).toEqual(['r1']);
    expect(await run(sb)).toEqual([]); // after the crash: no clean-stop record, nothing refused
    expect(await run(sb)).toEqual([]); // after a clean stop: the file is as that stop left it
  }, 60_000);

  it('`cp backup/* data/` (the inode kept): refused, status says so; --after-restore announces nothing again; the next plain start runs', async () => {
    const inode = execFileSync('stat', ['-c', '%i', sb.db], { encoding: 'utf8' });
    execFileSync('sh', ['-c', `cp ${backup}/* ${state}/`]);
    expect(execFileSync('stat', ['-c', '%i', sb.db], { encoding: 'utf8' })).toBe(inode); // what the identity check cannot see
    expect(await refused(sb)).toMatch(WRITTEN);
    const status = await cliIn(['status', '--config', sb.config], { cwd: sb.dir });
    expect(status.stdout).toMatch(new RegExp(`next start: +refused: .*${WRITTEN.source}`));
    expect(await run(sb, [], ['--after-restore'])).toEqual([]); // p1, p2, r1 not again
    expect(await run(sb, ['after'])).toEqual(['after']);
  }, 60_000);

  it('`cat backup > notecast.db`, and `cp -a` over it: refused', async () => {
    execFileSync('sh', ['-c', `cat ${backup}/notecast.db > ${sb.db}`]);
    expect(await refused(sb)).toMatch(WRITTEN);
    execFileSync('cp', ['-a', path.join(backup, 'notecast.db'), sb.db]); // times kept, but not the ctime
    expect(await refused(sb)).toMatch(WRITTEN);
    expect(await run(sb, [], ['--after-restore'])).toEqual([]);
  }, 60_000);

  it('a chmod while stopped changes the ctime too: refused (a false refusal), one start with --moved accepts it', async () => {
    expect(files(state)).toContain('notecast.db.stopped');
    chmodSync(sb.db, 0o600);
    expect(await refused(sb)).toMatch(WRITTEN);
    expect(await run(sb, [], ['--moved'])).toEqual([]);
    expect(await run(sb)).toEqual([]);
  }, 60_000);
});
