// Runs test files with a temporary folder of their own (TMPDIR, inherited by the CLI processes they start) and fails
// when anything is left in it afterwards but the corpus summaries' cache (test/helpers/corpus-summaries.ts, kept on
// purpose and named by a hash of its inputs). Tests had left tens of thousands of `notecast-*` folders in /tmp (issue 24).
//   node scripts/check-test-folders.mjs [--cwd <checkout>] <test files…>
// `--cwd`: another checkout (built), to run the same check there (main, say). Exit 0: nothing left; 1: the leftovers
// listed; 2: vitest itself failed (a failed file may keep its folders, test/helpers/temp-folder.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
let cwd = process.cwd();
if (args[0] === '--cwd') {
  cwd = path.resolve(args[1]);
  args.splice(0, 2);
}
if (!args.length) {
  console.error('usage: node scripts/check-test-folders.mjs [--cwd <checkout>] <test files…>');
  process.exit(2);
}
const tmp = mkdtempSync(path.join(tmpdir(), 'check-test-folders-'));
const run = spawnSync(path.join(cwd, 'node_modules', '.bin', 'vitest'), ['run', ...args], { cwd, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'inherit', 'inherit'] });
const left = readdirSync(tmp).filter((name) => !name.startsWith('notecast-corpus-summaries-'));
rmSync(tmp, { recursive: true, force: true });
const byPrefix = new Map();
for (const name of left) {
  const prefix = name.replace(/[A-Za-z0-9]{6}$/, '');
  byPrefix.set(prefix, (byPrefix.get(prefix) ?? 0) + 1);
}
console.log(`check-test-folders: ${args.length} file(s) in ${cwd}: vitest exit ${run.status}; ${left.length} left in the temporary folder${left.length ? ': ' : ''}${[...byPrefix].map(([p, n]) => `${p}* ${n}`).join(', ')}`);
process.exit(run.status !== 0 ? 2 : left.length ? 1 : 0);
