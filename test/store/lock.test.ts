/**
 * Issue 25, item 10: one instance per database *file*. A hard link gives the database a second
 * name (and a second `.lock` and `-wal` beside it); the lock on the file itself (device and inode)
 * refuses a second instance through it. The first runs in this process, the second is the CLI in a
 * process of its own: locks are the operating system's, per process, which is the point here.
 */
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { configSchema } from '../../src/config/schema.js';
import { StoreError } from '../../src/errors.js';
import { lockFileItself } from '../../src/store/file-lock.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { InProcessService } from '../helpers/inproc.js';
import { runCliAsync } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp-folder.js';

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const cfg = { watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 }, routes: [{ platform: 'console', chat: 'all' }] };

describe('one instance per database file', () => {
  it('a second instance through a hard link of the database is refused, and runs once the first stops', async () => {
    svc = InProcessService.sandbox(cfg, { fileLock: lockFileItself }); // the real flock: a process meets it here
    await svc.start();
    const other = path.join(tempFolder('notecast-link-'), 'elsewhere');
    mkdirSync(other);
    const link = path.join(other, 'same.db');
    linkSync(svc.db, link);
    const notesDir = svc.notes;
    const start = () =>
      startApp({
        config: configSchema.parse(cfg),
        env: parseEnv({}),
        read: { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: '/:title', collections: {} } },
        notesDir,
        dbPath: link,
        log: silentLogger(),
        out: () => undefined,
        json: true,
      });
    const yaml = path.join(other, 'notecast.yaml');
    writeFileSync(yaml, 'watch:\n  mode: native\nroutes:\n  - platform: console\n    chat: all\n');
    const second = await runCliAsync(['start', '--json', '--config', yaml, '--notes', notesDir, '--db', link], { timeoutMs: 20_000 });
    expect(second.code).toBe(1);
    // It names the holder (README: pid, host, since when), also through the other name.
    expect(second.stderr).toMatch(new RegExp(`same file as a database another notecast \\(process ${process.pid} on ${hostname()}, running since \\d{4}-\\d\\d-\\d\\dT[^)]*\\) is running on`));
    expect(second.stdout).toBe('');
    await svc.stop();
    svc = undefined;
    const app = await start();
    await app.stop();
  });
});
