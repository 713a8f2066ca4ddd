/**
 * Issue 25 (left last stop): `check` opened the state database for writing, so a newer release's
 * `check` run beside an older release's database migrated it (a write, under a service that may be
 * running the older schema). It now reads it only: nothing in the file changes, and an older schema
 * is no refusal (`start` brings it up to date). A state it could not write is still named, as `start`
 * would refuse it. In process: `runCheck`'s lines and exit code are the point.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/preview.js';
import { migrationsUpTo, SCHEMA_VERSIONS } from '../../src/store/db.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

function sandboxWithDb(version: number): { folder: string; config: string; db: string } {
  const dir = tempFolder('notecast-check-ro-');
  const folder = path.join(dir, 'notes');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'a.md'), '---\ntitle: A\n---\nText.\n');
  const db = path.join(dir, 'state.db');
  const raw = new Database(db);
  raw.pragma('journal_mode = WAL');
  for (const m of migrationsUpTo(version)) raw.exec(m);
  raw.pragma(`user_version = ${version}`);
  raw.close();
  const config = path.join(dir, 'notecast.yaml');
  writeFileSync(config, `store: { path: ${JSON.stringify(db)} }\nroutes:\n  - { platform: console, chat: main }\n`);
  return { folder, config, db };
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function check(folder: string, config: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheck(folder, { config }, { out: (l) => out.push(l), err: (l) => err.push(l) }, workerParseThreads());
  return { code, out, err };
}

describe('check reads the state database and writes nothing', () => {
  it("an older release's database is neither migrated nor a problem", async () => {
    const { folder, config, db } = sandboxWithDb(2);
    const before = digest(db);
    const r = await check(folder, config);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual(['1 note checked, 0 problems']);
    expect(r.code).toBe(0);
    expect(digest(db)).toBe(before);
    const raw = new Database(db, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(2); // still the older schema: start migrates it
    } finally {
      raw.close();
    }
    expect(SCHEMA_VERSIONS).toBeGreaterThan(2);
  });

  it('an up-to-date database is left byte for byte as it was; a -wal a read-only connection leaves holds nothing', async () => {
    const { folder, config, db } = sandboxWithDb(SCHEMA_VERSIONS);
    const before = digest(db);
    expect((await check(folder, config)).code).toBe(0);
    expect(digest(db)).toBe(before);
    // SQLite's read-only connection cannot remove the -wal it opened (https://sqlite.org/wal.html#readonly); empty, it changes nothing.
    expect(existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0).toBe(0);
  });
});
