/**
 * A store on a database of its own in a temporary folder, closed and removed after each test of the file that asks
 * (store tests that need a real SQLite file and nothing else of the service).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Store } from '../../src/store/store.js';

/** Call at a test file's top level: returns a maker of fresh stores named after `name`, each gone after its test. */
export function tempStores(name: string): () => Store {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), `notecast-${name}-`));
    dirs.push(dir);
    const s = new Store(path.join(dir, 'state.db'));
    stores.push(s);
    return s;
  };
}
