/**
 * Issue 25 (review finding): a database written before the folder rule (publish/family-folder.ts: a translation joins
 * the family with a note in its own folder) keeps the families its notes were announced in (`start` keeps a note's
 * family: family-key.ts assignFamilyKey), while `check`, which read files alone, said the rule's grouping. With the
 * configured database, `check` now says the family `start` keeps. The database: written by `sync --once` of this code
 * (records as `start` writes them), then `rust/setup-ja`'s family key written as the rule before did (it joined the
 * key's first family, `setup`, python/setup's, and recorded it as `setup`, its key as written).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/preview.js';
import { recordCleanStop } from '../../src/store/clean-stop.js';
import { runCli } from '../helpers/cli.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

const note = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nAbout ${title}.\n`;

async function check(notes: string, config: string): Promise<string[]> {
  const out: string[] = [];
  const code = await runCheck(notes, { config }, { out: (l) => out.push(l), err: () => {} }, workerParseThreads());
  expect(code, out.join('\n')).toBe(0);
  return out;
}

describe('check with a database that grouped a translation before the folder rule', () => {
  const dir = tempFolder('notecast-stored-families-');
  const notes = path.join(dir, 'notes');
  const config = path.join(dir, 'notecast.yml');
  const db = path.join(dir, 'state.db');
  mkdirSync(path.join(notes, 'python'), { recursive: true });
  mkdirSync(path.join(notes, 'rust'), { recursive: true });
  writeFileSync(path.join(notes, 'python', 'setup.md'), note('Python setup'));
  writeFileSync(path.join(notes, 'rust', 'setup.md'), note('Rust setup'));
  writeFileSync(path.join(notes, 'rust', 'setup-ja.md'), note('Rust setup ja', 'lang: ja\n'));
  writeFileSync(config, `notes:\n  dir: ${JSON.stringify(notes)}\nstore:\n  path: ${JSON.stringify(db)}\npublish:\n  translations: { mode: group }\nroutes:\n  - platform: console\n    chat: all\n`);
  const ja = path.join(notes, 'rust', 'setup-ja.md');

  it('says the family the database keeps (the one `start` keeps), not the folder rule\'s', async () => {
    const synced = runCli(['sync', '--once', '--announce-existing', '--config', config]);
    expect(synced.code, synced.stderr.split('\n').filter((l) => !l.includes('"level":30')).join('\n')).toBe(0);
    const sql = new Database(db);
    const stored = (id: string) => (sql.prepare("SELECT json_extract(info, '$.translationKey') AS key FROM notes WHERE id = ?").get(id) as { key: string }).key;
    const ruled = stored('rust/setup-ja'); // the folder rule's family: with rust/setup, not python/setup's `setup`
    expect(ruled).not.toBe('setup');
    expect(stored('rust/setup')).toBe(ruled);
    // The database as this code wrote it: check and start agree, and check says the rule's choice as before.
    expect((await check(notes, config)).filter((l) => l.startsWith(`${ja}:`))).toEqual([expect.stringContaining(`translation family "${ruled}"`)]);
    // As the rule before wrote it: the key's first family, its key as written.
    sql.prepare("UPDATE notes SET info = json_remove(json_set(info, '$.translationKey', 'setup'), '$.keyAsWritten') WHERE id = 'rust/setup-ja'").run();
    sql.close();
    recordCleanStop(db); // as that version's stop left it (the guard against a backup copied over is not what this tests)
    const lines = (await check(notes, config)).filter((l) => l.startsWith(`${ja}:`));
    expect(lines).toEqual([`${ja}: warning: is in the translation family "setup" in ${db}, as it was grouped when announced, and \`start\` keeps it there (read without the database, the folder rule would put it in "${ruled}"); give the notes their own translationKey to choose`]);
    // What `start` does with that database, the note edited (decided again): it stays in the family stored (what check said).
    writeFileSync(ja, note('Rust setup ja, edited', 'lang: ja\n'));
    expect(runCli(['sync', '--once', '--config', config]).code).toBe(0);
    const after = new Database(db, { readonly: true });
    expect((after.prepare("SELECT json_extract(info, '$.translationKey') AS key FROM notes WHERE id = 'rust/setup-ja'").get() as { key: string }).key).toBe('setup');
    after.close();
  }, 60_000);
});
