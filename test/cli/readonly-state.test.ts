/**
 * Issue 25, item 11: a read-only state folder is named with its cause by every command that writes
 * the database, not SQLite's bare "unable to open database file"; `status` only reads, and reads it. Root writes through a read-only
 * mode (test/cli/startup.test.ts covers that as another user), so here the folder is a read-only
 * bind mount, which refuses root as well (CI and these machines run as root). The commands run
 * through the CLI's program in this process (`cliIn`): their lines and exit codes are the point.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.js';
import { killLeftoverServices, note, sandbox, Service, STATE_CONFIG } from '../helpers/service.js';
import { tempFolder } from '../helpers/temp-folder.js';

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = tempFolder('notecast-mount-');
  try {
    execFileSync('mount', ['--bind', '-o', 'ro', probe, probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

afterEach(killLeftoverServices);

describe('a read-only state folder', () => {
  it.skipIf(!canMount)('start and sync name the database and the cause; status reads it', async () => {
    const dir = tempFolder('notecast-ro-');
    const notes = path.join(dir, 'notes');
    const state = path.join(dir, 'state');
    const ro = path.join(dir, 'ro');
    mkdirSync(notes);
    mkdirSync(state);
    mkdirSync(ro);
    expect((await cliIn(['sync', '--once', '--notes', notes, '--db', path.join(state, 'n.db')])).code).toBe(0); // a database made while it could be
    execFileSync('mount', ['--bind', state, ro]);
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', ro]);
      const db = path.join(ro, 'n.db');
      const cause = new RegExp(`state database ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*n\\.db cannot be written \\(EROFS: read-only file system\\)`);
      // status only reads: it reads the state there (tester: it failed, wanting to write).
      const status = await cliIn(['status', '--db', db]);
      expect(status.stderr).toBe('');
      expect(status.code).toBe(0);
      expect(status.stdout).toMatch(new RegExp(`^database: +${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\n(.|\n)*deliveries: +0 pending`));
      expect((await cliIn(['sync', '--once', '--notes', notes, '--db', db])).stderr).toMatch(cause);
      const start = await cliIn(['start', '--notes', notes, '--db', db]);
      expect(start.stderr).toMatch(cause);
      expect(start.stderr).not.toMatch(/unable to open database file/);
    } finally {
      execFileSync('umount', ['-l', ro]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A process: the service's lock and its -wal, held by another process, are the point.
  it.skipIf(!canMount)('status through a read-only bind mount of a running service\'s state folder reads it, the service\'s newest commits included (tester: it failed)', async () => {
    const sb = sandbox(STATE_CONFIG);
    const svc = Service.start(sb);
    await svc.ready();
    const from = await svc.settled();
    writeFileSync(path.join(sb.notes, 'n.md'), note('N', 'About n.'));
    await svc.idle(from);
    const ro = path.join(sb.dir, 'ro');
    mkdirSync(ro);
    execFileSync('mount', ['--bind', path.dirname(sb.db), ro]);
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', ro]);
      const status = await cliIn(['status', '--json', '--db', path.join(ro, 'notecast.db')]);
      expect(status.stderr).toBe('');
      expect(status.code).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ instance: { pid: svc.proc.pid }, notes: { published: 1 } });
    } finally {
      execFileSync('umount', ['-l', ro]);
    }
    expect(await svc.stop()).toBe(0);
  });
});
