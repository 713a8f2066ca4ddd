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

/** This thread's `gc`, exposed at run time (see above). */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export function compactHeap(): void {
  const gc = fullCollection();
  setFlagsFromString('--compact-on-every-full-gc');
  setFlagsFromString('--no-concurrent-sweeping');
  try {
    gc();
  } finally {
    setFlagsFromString('--concurrent-sweeping');
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

/**
 * Keeps this thread's heap near what it holds while a big batch runs, until the returned function
 * is called (issue 31's cold peak). A batch keeps each chunk's parse results alive long enough for
 * them to be promoted to the old generation, where they die; V8 lets that generation grow to up
 * to 4x what survived its last full collection before collecting again when the heap's limit is
 * large, as the main thread's is (heap-controller.cc, MaxGrowingFactor), so the dead chunks
 * piled up to about 170 MiB of heap over 35 MiB live. `--heap-growing-percent` (see
 * `node --v8-options`) replaces that factor each time V8 sets the next limit (GrowingFactor reads
 * the flag there), at a full collection, so one is made here: 30 is the 1.3x V8
 * already uses for a heap capped as small as the parse threads' (parse-pool.ts), and the flag is
 * the process's, so those threads keep their factor. Set back to its default (0: V8's own
 * factor) by the returned function; a second holder (two services in one test process) ending
 * first only lets the heap grow as it did before.
 */
export function boundHeapGrowth(): () => void {
  setFlagsFromString('--heap-growing-percent=30');
  // The limit V8 set at the last full collection, before the flag, holds until the next one: on
  // 100,000 notes the start-up scan's collection (28 MiB live) let the batch reach 119 MiB of heap
  // before the next, the cold start's peak. One collection now sets the limit by the flag.
  fullCollection()();
  return () => setFlagsFromString('--heap-growing-percent=0');
}
