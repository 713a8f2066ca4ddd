/**
 * A cold start of the service in this process (startApp, as `start --json` wires it) on a new
 * folder of `notes` small English notes, to `idle` and stopped: for tests that read this process's
 * heap at the moment the service says `idle` (`atIdle` runs in the callback itself, before anything else).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startApp } from '../../src/app.js';
import { configSchema } from '../../src/config/schema.js';
import { parseEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/log.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { tempFolder } from './temp-folder.js';

export const COLD_START_READ = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };

export async function coldStartToIdle(o: { prefix: string; notes: number; body: (i: number) => string; atIdle: () => void }): Promise<void> {
  const dir = tempFolder(o.prefix);
  const notesDir = path.join(dir, 'notes');
  mkdirSync(notesDir);
  for (let i = 0; i < o.notes; i++) writeFileSync(path.join(notesDir, `note-${i}-en.md`), `---\ntitle: Note ${i}\n---\n\n${o.body(i)}\n`);
  let idle!: () => void;
  const idled = new Promise<void>((resolve) => (idle = resolve));
  const app = await startApp({
    config: configSchema.parse({ log: { level: 'warn' } }),
    env: parseEnv({}),
    read: COLD_START_READ,
    notesDir,
    dbPath: path.join(dir, 'state', 'notecast.db'),
    log: silentLogger(),
    out: () => undefined,
    json: true,
    onIdle: () => {
      o.atIdle();
      idle();
    },
  });
  await idled;
  await app.stop();
}
