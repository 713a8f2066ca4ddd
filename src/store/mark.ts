/**
 * A database that lost its newest commits (its `-wal` file deleted after a crash, an old copy put
 * back) would announce again everything it forgot. Beside the database, `<db>.mark` keeps how far
 * it had got (`Store.highWater`: newest outbox row, deliveries finished); it is written after each
 * commit that moves it (deliveries queued, a delivery recorded), every second and at a clean stop,
 * always after the commits it describes, so it never runs ahead of them. At start, a database whose
 * records fall short of its mark has lost commits: notecast refuses to start and says why.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { StoreError } from '../errors.js';
import type { Store } from './store.js';

export interface StoreMark {
  outbox: number;
  finished: number;
}

function markFile(dbFile: string): string {
  return `${dbFile}.mark`;
}

/** The mark, or undefined when there is none; a mark that cannot be read is an error, never ignored. */
function readMark(dbFile: string, file: string): StoreMark | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(dbFile, `cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    const m = JSON.parse(text) as Partial<StoreMark>;
    if (typeof m.outbox === 'number' && typeof m.finished === 'number') return { outbox: m.outbox, finished: m.finished };
  } catch {
    // said below
  }
  throw new StoreError(
    dbFile,
    `${file} is not a mark notecast wrote (it holds ${JSON.stringify(text.slice(0, 40))}), so whether ${dbFile} lost commits (a deleted -wal) cannot be told, and --moved does not start past it. ` +
      `If you restored a backup, or may have lost the -wal, start once with --after-restore: it writes the mark anew, sets aside the posts still queued and records notes new to the database without announcing them. ` +
      `Only if the database is surely whole (notecast stopped cleanly, or its -wal is beside it) delete ${file} and start again: that start checks nothing, and a database that lost commits would announce them again. See "After a crash, a lost -wal, a restored backup" in docs/operations.md.`,
  );
}

/** Throws a `StoreError` when the database holds fewer records than its mark says it had. */
export function checkMark(dbFile: string, store: Store): void {
  if (dbFile === ':memory:') return;
  // A database with no records beside a mark is not new: it lost every commit (a first run whose
  // commits were all still in the deleted -wal). Only a database with no mark starts over.
  const mark = readMark(dbFile, markFile(dbFile));
  if (!mark) return;
  const now = store.highWater();
  if (now.outbox >= mark.outbox && now.finished >= mark.finished) return;
  // A deleted -wal and a restored backup look the same from here (an older state of the same
  // database); only the operator knows which it was, so the message says what to do for each.
  throw new StoreError(
    dbFile,
    `${dbFile} holds less than notecast last recorded beside it in ${markFile(dbFile)} (it knows ${now.outbox} deliveries, ${now.finished} of them finished, where it had ${mark.outbox} and ${mark.finished}). ` +
      `If you restored it from a backup, start once with --after-restore: what the backup does not know was announced after it was taken, and is recorded without being announced again. ` +
      `If its -wal file was deleted, put it back beside it and start again; without it, start once with --after-restore too (the notes whose records it held were announced). See "After a crash, a lost -wal, a restored backup" in docs/operations.md.`,
  );
}

/** Keeps the mark up to date: `write()` records the database's current high water if it moved. */
export function markWriter(dbFile: string, store: Store): { write(): void } {
  if (dbFile === ':memory:') return { write: () => undefined };
  const file = markFile(dbFile);
  let last = '';
  return {
    write() {
      const text = JSON.stringify(store.highWater());
      if (text === last) return;
      // Written whole then renamed, so a crash mid-write leaves the previous mark.
      writeFileSync(`${file}.tmp`, `${text}\n`);
      renameSync(`${file}.tmp`, file);
      last = text;
    },
  };
}
