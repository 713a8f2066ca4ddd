/**
 * Setup file of every test project (vitest.config.ts): when a test file ends, the temporary folders its tests made
 * through `tempFolder` (test/helpers/temp-folder.ts) are removed, after the file's own afterAll hooks (hooks run as a
 * stack, and this one is registered first) have stopped what still ran in them. A file with a failed test keeps them
 * and prints where, for debugging.
 */
import { afterAll } from 'vitest';
import { removeFileFolders } from './temp-folder.js';

interface TaskLike {
  result?: { state?: string };
  tasks?: TaskLike[];
}

function anyFailed(task: TaskLike): boolean {
  return task.result?.state === 'fail' || (task.tasks ?? []).some(anyFailed);
}

// vitest reads the first parameter as fixtures to set up, and takes only a destructuring pattern there.
afterAll(({}, file) => {
  const keep = process.env.NOTECAST_TEST_KEEP_FOLDERS === '1' ? 'NOTECAST_TEST_KEEP_FOLDERS=1' : anyFailed(file) ? `${file.name}: a test failed` : undefined;
  const said = removeFileFolders(keep);
  if (said) console.warn(said);
});
