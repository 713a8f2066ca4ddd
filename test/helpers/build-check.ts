/**
 * Whether the build (`dist/`) is there and newer than every source: tests that start the CLI run
 * `dist/src/cli/main.js`, and every parse thread, in process too, runs `dist/src/publish/parse-worker.js`
 * (parse-pool.ts `workerScript`). Without that file a parse is inline, on the test's own thread, with no
 * budget, so a pathological note hangs the whole test process (vitest's timeout never gets to fire);
 * with an older one, threads and processes run code the test did not see. vitest's globalSetup
 * (test/global-setup.ts) stops the run at once with what is wrong.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The built copy of the parse thread, relative to the repository. */
export const WORKER_BUILT = 'dist/src/publish/parse-worker.js';

/** Every `.ts` file under `dir` (relative to `root`), recursively. */
function sourcesUnder(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(root, rel);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/**
 * Why the build under `root` cannot be used by the tests (missing, or a source saved after its built
 * copy), or undefined when it can; names the first such file and the command that fixes it.
 */
export function buildProblem(root: string, sourceDirs: readonly string[] = ['src']): string | undefined {
  const fix = 'run `npx tsc -p tsconfig.json` (or `npm test`, which builds first)';
  if (!existsSync(path.join(root, WORKER_BUILT))) {
    return `${WORKER_BUILT} is missing: ${fix}. Without it every note is parsed on the test's own thread with no time budget, and one pathological note hangs the run.`;
  }
  for (const dir of sourceDirs) {
    for (const source of sourcesUnder(root, dir)) {
      const built = path.join('dist', source.replace(/\.ts$/, '.js'));
      const builtAt = existsSync(path.join(root, built)) ? statSync(path.join(root, built)).mtimeMs : undefined;
      if (builtAt === undefined) return `${built} is missing (${source} is not built): ${fix}.`;
      if (statSync(path.join(root, source)).mtimeMs > builtAt) return `${source} changed after ${built} was built: ${fix}. Parse threads and CLI processes run dist/, so they would run the older code.`;
    }
  }
  return undefined;
}
