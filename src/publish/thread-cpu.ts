/**
 * A parse thread's own CPU time, read from the main thread (Linux: /proc/<pid>/task/<tid>/stat), so a
 * note is called slow by what it computes, not by how long a loaded machine leaves it waiting for a
 * core (parse-aside.ts): at load ~25 on 2 cores a busy thread got 0.24 s of CPU in 1.5 s.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** USER_HZ: the unit of utime and stime in /proc, fixed at 100 for user space on Linux (proc(5)). */
const TICKS_PER_S = 100;

/** On the thread itself: the path of its stat file, or undefined where there is none (not Linux). */
export function threadStatPath(): string | undefined {
  try {
    return `/proc/${readlinkSync('/proc/thread-self')}/stat`;
  } catch {
    return undefined;
  }
}

/** The CPU time (user and system, ms) the thread of `statPath` used so far; undefined once it is gone. */
export function threadCpuMs(statPath: string): number | undefined {
  try {
    // Fields after the command's closing parenthesis (the command may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return undefined;
  }
}
