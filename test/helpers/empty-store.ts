/**
 * A new service's database, as it is before the service's first write: `openDb` on a file that does not exist makes
 * it (WAL mode, every migration), which costs a property test's run ~8 ms of CPU and ~50 ms of the clock (the journal
 * switch and the migrations' commit wait for the disk: fsync) before it does anything it is about. The file that
 * `openDb` leaves once closed is made once per test file (removed with its temporary folders), by this build's own `openDb`, and copied for each
 * run that asks (issue 24): the run's service opens a database with the same schema, version and journal mode and no
 * row, as a fresh one, and migrates nothing (empty-store.test.ts compares the two). The state folder is otherwise
 * as a new one: no lock file, database id or clean-stop mark, which the service writes at its start.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDb } from '../../src/store/db.js';
import { tempFolder } from './temp-folder.js';

let template: string | undefined;

/**
 * The template: a database `openDb` made and closed (no -wal or -shm left beside it), made again by the next file that
 * asks once its file's temporary folders are removed (a worker's exit handler does not run when vitest ends it).
 */
export function emptyStoreTemplate(): string {
  if (template && existsSync(template)) return template;
  const file = path.join(tempFolder('notecast-empty-store-'), 'notecast.db');
  openDb(file).close();
  if (existsSync(`${file}-wal`)) throw new Error(`openDb left a write-ahead log beside ${file}: the template would not be the whole database`);
  return (template = file);
}

/** Puts an empty database at `db` (its folder made), as `openDb` would make it; throws when one is there already. */
export function seedEmptyStore(db: string): void {
  if (existsSync(db)) throw new Error(`a database is already at ${db}`);
  mkdirSync(path.dirname(db), { recursive: true });
  copyFileSync(emptyStoreTemplate(), db);
}
