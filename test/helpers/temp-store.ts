/**
 * A store on a database of its own in a temporary folder, closed and removed after each test of the file that asks
 * (store tests that need a real SQLite file and nothing else of the service).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { tempFolder } from './temp-folder.js';

/** Call at a test file's top level: returns a maker of fresh stores named after `name`, each gone after its test. */
export function tempStores(name: string): () => Store {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = tempFolder(`notecast-${name}-`);
    dirs.push(dir);
    const s = new Store(path.join(dir, 'state.db'));
    stores.push(s);
    return s;
  };
}

/**
 * A fresh store named after `name` for one test `t` of a file whose tests run at once (`describe.concurrent`), where
 * `tempStores`' afterEach would close the stores of tests still running: closed and removed when `t` finishes.
 */
export function tempStoreOf(name: string, t: { onTestFinished(fn: () => void): void }): Store {
  const dir = tempFolder(`notecast-${name}-`);
  const s = new Store(path.join(dir, 'state.db'));
  t.onTestFinished(() => {
    s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return s;
}
