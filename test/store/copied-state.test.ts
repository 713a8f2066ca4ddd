/**
 * Issue 25, item 9 (the rest): a whole state folder restored from a backup and started WITHOUT
 * `--after-restore` announced again everything posted after the backup, silently (its mark came
 * back with it, so the mark agreed). The database now records the identity of its own file
 * (store/identity.ts): a copy of it (a folder copied while stopped, `cp -a`, SQLite's `.backup`, a
 * folder moved to another disk) is refused with one line saying what to run, and `status` and
 * `check` say the same; a restart, and a `mv` within the file system, keep the file and start.
 * The service runs in this process (`InProcessCli`: a stop leaves the files as the process's stop
 * does, through the same `startApp`/`stop`); the refusal is an exit code and a line on stderr: read
 * from the process once (`cp -a`), the other cases through the CLI's program in this process
 * (`refusedStart`, `cliIn`), which says the same.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sameFile } from '../../src/store/identity.js';
import { cliIn } from '../helpers/cli.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, refusedStart, runSaving, sandbox, STATE_CONFIG as CONFIG, type Sandbox } from '../helpers/service.js';

afterEach(killLeftoverServices);

const COPY = /\.db is a copy, not the file notecast last ran on \(that was inode \d+.*\): a restored backup, or the state moved to another disk or host\..*If you restored a backup, start once with --after-restore; if this is the newest state, moved or copied on purpose, start once with --moved\./;

/** Starts `notecast start` on `db`, saves `names` (each announced once), stops it; returns what it posted. */
const run = async (sb: Sandbox, db: string, names: string[] = [], flags: string[] = []) => (await runSaving(sb, names, { db, flags, start: InProcessCli.start })).posted;

/** A start that must be refused: its exit code and the line it says. */
const refused = (sb: Sandbox, db: string, o: { process?: boolean } = {}) => refusedStart(sb, db, o);

/**
 * One state, made once: its first run announced `before`; the folder was then copied while stopped
 * (`backup`); a second run announced p1 and p2. Each case below starts a copy of it, or the folder
 * itself; the last one restores the backup in its place.
 */
let sb: Sandbox;
let state: string;
let backup: string;
const copyOf = (from: string, name: string) => {
  const to = path.join(sb.dir, name);
  cpSync(from, to, { recursive: true });
  return path.join(to, 'notecast.db');
};

describe('the state folder, copied or not', () => {
  beforeAll(async () => {
    sb = sandbox(CONFIG);
    state = path.dirname(sb.db);
    backup = `${state}-backup`;
    expect(await run(sb, sb.db, ['before'])).toEqual(['before']); // the first run: the empty folder recorded, then a save announced
    cpSync(state, backup, { recursive: true });
    expect(await run(sb, sb.db, ['p1', 'p2'])).toEqual(['p1', 'p2']);
  }, 60_000);

  it('a restart, and a `mv` of the folder within the file system (its inode kept), start without a flag and announce nothing again', async () => {
    expect(await run(sb, sb.db)).toEqual([]);
    const inode = statSync(sb.db).ino;
    const renamed = path.join(sb.dir, 'renamed-state');
    renameSync(state, renamed);
    expect(statSync(path.join(renamed, 'notecast.db')).ino).toBe(inode);
    expect(await run(sb, path.join(renamed, 'notecast.db'))).toEqual([]);
    renameSync(renamed, state);
  }, 60_000);

  it('a copy made with `cp -a` (times and modes kept): refused with what to run', async () => {
    const db = path.join(sb.dir, 'cp-a', 'notecast.db');
    execFileSync('cp', ['-a', backup, path.dirname(db)]);
    expect(await refused(sb, db, { process: true })).toMatch(COPY);
  }, 30_000);

  it("SQLite's `.backup` of the database, with no mark beside it: refused", async () => {
    const db = path.join(sb.dir, 'backup.db');
    const source = new Database(sb.db, { readonly: true });
    await source.backup(db); // what `sqlite3 notecast.db ".backup backup.db"` does
    source.close();
    expect(await refused(sb, db)).toMatch(COPY);
  }, 30_000);

  it('the newest state moved to a new disk or host (copied there): refused, then started once with --moved, announcing nothing again', async () => {
    const db = copyOf(state, 'new-disk');
    expect(await refused(sb, db)).toMatch(COPY);
    expect(await run(sb, db, [], ['--moved'])).toEqual([]);
    expect(await run(sb, db)).toEqual([]); // later starts need no flag
  }, 60_000);

  it('the whole folder restored from the backup in its place: refused, status and check say so, --after-restore announces nothing again', async () => {
    const inodeBefore = statSync(sb.db).ino;
    rmSync(state, { recursive: true });
    cpSync(backup, state, { recursive: true }); // on ext4 the copy may get the deleted file's inode again: its birth time differs
    const inodeAfter = statSync(sb.db).ino;
    expect(await refused(sb, sb.db)).toMatch(COPY);

    const status = await cliIn(['status', '--config', sb.config], { cwd: sb.dir });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`next start: +refused: .*${COPY.source}`));
    const check = await cliIn(['check', '--config', sb.config], { cwd: sb.dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`state/notecast\\.db: .*${COPY.source}`));

    expect(await run(sb, sb.db, [], ['--after-restore'])).toEqual([]); // p1 and p2 not again
    expect(await run(sb, sb.db, ['after'])).toEqual(['after']); // the next plain start runs, and announces once
    expect((await cliIn(['status', '--config', sb.config], { cwd: sb.dir })).stdout).not.toContain('next start:');
    console.log(`restored copy: inode ${inodeBefore} → ${inodeAfter} (${inodeBefore === inodeAfter ? 'reused' : 'new'})`);
  }, 60_000);
});

describe('what counts as the same file', () => {
  const id = (dev: string, ino: string, birth: string | null) => ({ dev, ino, birth });
  it('an inode number given again to a new file (rm, then cp: common on ext4) is another file when the birth time differs', () => {
    expect(sameFile(id('1', '42', '1000'), id('1', '42', '2000'))).toBe(false);
    expect(sameFile(id('1', '42', '1000'), id('1', '43', '1000'))).toBe(false);
  });
  it('with a birth time on both sides the device is not compared (btrfs, NFS, overlay number theirs at each mount)', () => {
    expect(sameFile(id('1', '42', '1000'), id('7', '42', '1000'))).toBe(true);
  });
  it('without a birth time, device and inode decide', () => {
    expect(sameFile(id('1', '42', null), id('1', '42', null))).toBe(true);
    expect(sameFile(id('1', '42', '1000'), id('1', '42', null))).toBe(true);
    expect(sameFile(id('1', '42', null), id('2', '42', null))).toBe(false);
  });
});
