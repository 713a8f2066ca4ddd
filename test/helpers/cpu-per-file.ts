/**
 * With NOTECAST_TEST_CPU_LOG=<file> (vitest.config.ts adds this setup file then): each test file's CPU, appended
 * as a line `path<TAB>worker s<TAB>children s<TAB>wall s<TAB>queued s`. The worker's is its process's, every thread (parse
 * threads, V8's helpers); the children's is that of the processes it started that ended (the CLI's, git's), both
 * from /proc/self/stat (proc(5): utime, stime, cutime, cstime in clock ticks), from the file's first test to its
 * last (its imports, shared by the worker's files, are left out). Ranks the files by what they cost the two cores,
 * which wall time does not when the machine is loaded or a file mostly waits. `queued`: the time the worker's main
 * thread was ready to run but waited for a core (/proc/thread-self/schedstat's second field, ns; the kernel's
 * Documentation/scheduler/sched-stats.rst): on a loaded machine a file's wall minus its CPU is that plus what it
 * really waits for (timers, other processes), so a file starved of CPU is told from one waiting on time.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';

/** USER_HZ, the unit of /proc's times: 100 for user space on Linux (proc(5)). */
const TICKS_PER_S = 100;

function cpuSeconds(): { self: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { self: (Number(f[11]) + Number(f[12])) / TICKS_PER_S, children: (Number(f[13]) + Number(f[14])) / TICKS_PER_S };
}

/** Seconds the main thread waited on a run queue so far (0 where the kernel keeps no schedstat). */
function queuedSeconds(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e9;
  } catch {
    return 0;
  }
}

const log = process.env.NOTECAST_TEST_CPU_LOG;
let start: { self: number; children: number; wall: number; queued: number } | undefined;
beforeAll(() => {
  start = { ...cpuSeconds(), wall: performance.now(), queued: queuedSeconds() };
});
afterAll(() => {
  if (!log || !start) return;
  const end = cpuSeconds();
  const file = expect.getState().testPath ?? 'unknown';
  appendFileSync(log, `${file}\t${(end.self - start.self).toFixed(2)}\t${(end.children - start.children).toFixed(2)}\t${((performance.now() - start.wall) / 1000).toFixed(2)}\t${(queuedSeconds() - start.queued).toFixed(2)}\n`);
});
