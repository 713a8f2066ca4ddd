/** Spawns `notecast start --json` for benchmarks and reads its events with arrival times. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchTmp, REPO_ROOT } from './lib.js';

export const CLI = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');

/** CPU time in ms of a process's or thread's `stat` line (proc(5)): utime and stime, fields 14 and 15, in clock ticks (100 per second on Linux). */
function ticksMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface TimedEvent {
  at: number;
  event: Record<string, unknown>;
}

export class BenchService {
  readonly events: TimedEvent[] = [];
  readonly proc: ChildProcess;
  readonly startedAt = performance.now();
  private listeners: ((e: TimedEvent) => void)[] = [];

  /** The service's log (stderr) goes to `cwd/service.log`; NOTECAST_LOG_LEVEL=info in the caller's environment makes it chatty. */
  /** `cli`: another build's CLI, to compare two builds in one run (BENCH_BEFORE_CLI in bench/startup.ts). */
  /** `nodeArgs`: node's own options before the CLI (the soak's heap probe). */
  constructor(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, cli = CLI, nodeArgs: readonly string[] = []) {
    const log = openSync(path.join(cwd, 'service.log'), 'a');
    this.proc = spawn(process.execPath, [...nodeArgs, cli, 'start', '--json', ...args], { cwd, stdio: ['ignore', 'pipe', log], env: { NOTECAST_LOG_LEVEL: 'warn', ...process.env, ...env } });
    closeSync(log);
    let buf = '';
    this.proc.stdout!.setEncoding('utf8');
    this.proc.stdout!.on('data', (c: string) => {
      const at = performance.now();
      buf += c;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.trim()) continue;
        const e = { at, event: JSON.parse(line) as Record<string, unknown> };
        this.events.push(e);
        for (const l of this.listeners) l(e);
      }
    });
  }

  next(pred: (e: Record<string, unknown>) => boolean, timeoutMs = 60_000): Promise<TimedEvent> {
    const found = this.events.find((e) => pred(e.event));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('bench: timed out waiting for an event')), timeoutMs);
      const l = (e: TimedEvent) => {
        if (pred(e.event)) {
          clearTimeout(t);
          this.listeners = this.listeners.filter((x) => x !== l);
          resolve(e);
        }
      };
      this.listeners.push(l);
    });
  }

  /** Peak resident memory of the service process so far (Linux VmHWM), in MiB. */
  peakRssMiB(): number {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
  }

  /** CPU time the service process (all its threads) has used so far, in ms. */
  cpuMs(): number {
    return ticksMs(readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8'));
  }

  /**
   * CPU of each of the service's threads (Linux /proc/<pid>/task/<tid>/stat), read every `everyMs`
   * until the returned function is called, which sums them: the main thread (tid = pid); the
   * threads that ended before then, at their last reading (a cold start's parse threads, which
   * the pool ends with the big batch); and the others still alive (V8's platform threads, doing
   * concurrent and parallel GC and background compilation for every isolate, and libuv's pool).
   * A thread's last `everyMs` before it ends is not counted.
   */
  threadsCpu(everyMs = 100): () => { mainMs: number; endedThreadsMs: number; otherThreadsMs: number } {
    const pid = this.proc.pid!;
    const last = new Map<string, number>();
    const alive = new Set<string>();
    const look = () => {
      alive.clear();
      let tids: string[] = [];
      try {
        tids = readdirSync(`/proc/${pid}/task`);
      } catch {
        return; // the process has ended
      }
      for (const tid of tids) {
        try {
          last.set(tid, ticksMs(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
          alive.add(tid);
        } catch {
          // the thread ended between the listing and the read
        }
      }
    };
    look();
    const timer = setInterval(look, everyMs);
    timer.unref(); // a run that throws before summing never holds the benchmark open
    return () => {
      look();
      clearInterval(timer);
      const sum = { mainMs: 0, endedThreadsMs: 0, otherThreadsMs: 0 };
      for (const [tid, ms] of last) {
        if (tid === String(pid)) sum.mainMs += ms;
        else if (alive.has(tid)) sum.otherThreadsMs += ms;
        else sum.endedThreadsMs += ms;
      }
      return sum;
    };
  }

  /** Resident memory of the service process now (VmRSS), in MiB. */
  rssMiB(): number {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
  }

  /**
   * Waits until the process is idle: under `busyMs` of CPU in each of `quietWindows` consecutive
   * windows of `windowMs` (timers and the database mark cost a few ms a second). Resolves with the
   * time the quiet began (the end of the last busy window), measured from `startedAt`.
   */
  async idle(timeoutMs = 900_000, windowMs = 500, quietWindows = 4, busyMs = 25): Promise<{ idleMs: number; rssMiB: number; cpuMs: number }> {
    const deadline = performance.now() + timeoutMs;
    let last = this.cpuMs();
    let quiet = 0;
    let lastBusyAt = performance.now();
    while (quiet < quietWindows) {
      if (performance.now() > deadline) throw new Error('bench: the service never went idle');
      await new Promise((r) => setTimeout(r, windowMs));
      const now = this.cpuMs();
      if (now - last > busyMs) {
        quiet = 0;
        lastBusyAt = performance.now();
      } else quiet++;
      last = now;
    }
    return { idleMs: Math.round(lastBusyAt - this.startedAt), rssMiB: this.rssMiB(), cpuMs: last };
  }

  async stop(): Promise<void> {
    this.proc.kill('SIGTERM');
    await new Promise((r) => this.proc.once('exit', r));
  }
}

/** A fresh folder for one benchmark's service: notes/, its config file and a database path. */
export interface BenchWorkspace {
  work: string;
  notes: string;
  db: string;
  config: string;
}

export function benchWorkspace(name: string, configYaml: string): BenchWorkspace {
  const work = benchTmp(name);
  rmSync(work, { recursive: true, force: true });
  const notes = path.join(work, 'notes');
  mkdirSync(notes, { recursive: true });
  const config = path.join(work, 'bench.yaml');
  writeFileSync(config, configYaml);
  return { work, notes, db: path.join(work, 'state.db'), config };
}

/** Starts `notecast start --json` on a workspace (tokens in `env`) and waits for its `ready` line. */
export async function startBenchService(ws: BenchWorkspace, env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = []): Promise<BenchService> {
  const svc = new BenchService(['--notes', ws.notes, '--db', ws.db, '--config', ws.config], ws.work, env, CLI, nodeArgs);
  await svc.next((e) => e.event === 'ready');
  return svc;
}

/** Polls `done` until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitUntil(done: () => boolean, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, stepMs));
  return done();
}
