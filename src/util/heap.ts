/**
 * A full, compacting garbage collection of this thread's heap, on demand (issue 31: the memory a
 * cold start grew is given back before the service says `idle`, not 30–60 s later when V8's memory
 * reducer would run).
 *
 * `gc` is reached without `--expose-gc` on the command line, so it works however the service is
 * started (`node dist/src/cli/main.js start`, the Dockerfile's entry point): the flag set at run
 * time with `v8.setFlagsFromString` exposes `gc` to a context created after it
 * (https://nodejs.org/api/v8.html#v8setflagsfromstringflags, whose own example does exactly this
 * with `vm.runInNewContext('gc')`). A plain full collection frees dead objects but keeps every
 * page that still holds a live one, and after a batch most pages do, so the old generation stays
 * as large as the batch made it; `--compact-on-every-full-gc` (see `node --v8-options`) makes that
 * one collection move the survivors together so the emptied pages go back to the system, and
 * `--no-concurrent-sweeping` has them given back before it returns (else a background task does
 * it some milliseconds later, after the service has said `idle`). Both are set back to their
 * defaults (`node --v8-options`: compaction on every full GC off, concurrent sweeping on) at once:
 * every later collection is V8's ordinary one.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function compactHeap(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  setFlagsFromString('--compact-on-every-full-gc');
  setFlagsFromString('--no-concurrent-sweeping');
  try {
    gc();
  } finally {
    setFlagsFromString('--concurrent-sweeping');
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
