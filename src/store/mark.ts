/**
 * A database that lost its newest commits (its `-wal` file deleted after a crash, an old copy put
 * back) would announce again everything it forgot. Beside the database, `<db>.mark` keeps how far
 * it had got (`Store.highWater`: newest outbox row, deliveries finished); it is written at most once
 * a second and at a clean stop, after the commits it describes, so it never runs ahead of them. At start, a database whose
 * records fall short of its mark has lost commits: notecast refuses to start and says why.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { StoreError } from '../errors.js';
import type { Store } from './store.js';

export interface StoreMark {
  outbox: number;
  finished: number;
}

export function markFile(dbFile: string): string {
  return `${dbFile}.mark`;
}

function readMark(file: string): StoreMark | undefined {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreMark>;
    return typeof m.outbox === 'number' && typeof m.finished === 'number' ? { outbox: m.outbox, finished: m.finished } : undefined;
  } catch {
    return undefined;
  }
}

/** Throws a `StoreError` when the database holds fewer records than its mark says it had. */
export function checkMark(dbFile: string, store: Store): void {
  if (dbFile === ':memory:' || store.getMeta('initialized') === undefined) return; // a new database starts over
  const mark = readMark(markFile(dbFile));
  if (!mark) return;
  const now = store.highWater();
  if (now.outbox >= mark.outbox && now.finished >= mark.finished) return;
  throw new StoreError(
    dbFile,
    `${dbFile} has lost its most recent commits (it knows ${now.outbox} deliveries, ${now.finished} of them finished, where it had ${mark.outbox} and ${mark.finished}); was its -wal file deleted or an older copy restored? ` +
      `Put the -wal file back beside it, or restore a whole backup. To accept the loss and go on (notes it forgot may be announced again), delete ${markFile(dbFile)} and start again.`,
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
