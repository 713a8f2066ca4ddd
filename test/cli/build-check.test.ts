/**
 * The guard vitest's globalSetup runs (test/global-setup.ts): a missing build, or a source saved after
 * its built copy, stops the run with what to do, instead of tests parsing on their own thread with no
 * budget (a pathological note then hangs the run) or running older code in threads and processes.
 */
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { buildProblem, WORKER_BUILT } from '../helpers/build-check.js';
import { tempFolder } from '../helpers/temp-folder.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A repository of two sources, `built` of them built (`dist/`, as tsc lays it out), every file dated `at` (seconds). */
function repo(built: string[], at = 1_000_000): string {
  const dir = (root = tempFolder('notecast-build-check-'));
  for (const rel of ['src/publish/parse-worker.ts', 'src/notes/read.ts']) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), 'export {};\n');
    utimesSync(path.join(dir, rel), at, at);
  }
  for (const rel of built) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), 'export {};\n');
    utimesSync(path.join(dir, rel), at + 1, at + 1);
  }
  return dir;
}

it('passes a build newer than every source', () => {
  expect(buildProblem(repo([WORKER_BUILT, 'dist/src/notes/read.js']))).toBeUndefined();
});

it('names the missing parse thread and the build command', () => {
  expect(buildProblem(repo(['dist/src/notes/read.js']))).toMatch(/^dist\/src\/publish\/parse-worker\.js is missing: run `npx tsc -p tsconfig\.json`.*no time budget/);
});

it('names a source with no built copy', () => {
  expect(buildProblem(repo([WORKER_BUILT]))).toMatch(/^dist\/src\/notes\/read\.js is missing \(src\/notes\/read\.ts is not built\)/);
});

it('names a source saved after its built copy', () => {
  const dir = repo([WORKER_BUILT, 'dist/src/notes/read.js']);
  utimesSync(path.join(dir, 'src/notes/read.ts'), 1_000_005, 1_000_005);
  expect(buildProblem(dir)).toMatch(/^src\/notes\/read\.ts changed after dist\/src\/notes\/read\.js was built: run `npx tsc/);
});
