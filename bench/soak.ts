/**
 * Issue 7's soak: N notes × T Discord channels (10,000 announcements by default) through the
 * service against the fake Discord, with random 429 storms, 5xx bursts and gateway disconnects.
 * Samples the service's resident memory and open file descriptors every 500 ms.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FakeDiscord } from '../test/fakes/discord/server.js';
import { Store } from '../src/store/store.js';
import { machine, REPO_ROOT } from './lib.js';
import { benchWorkspace, startBenchService, waitUntil } from './service.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.soak.discord-token';
/** The first 429 storm and the first 5xx burst each answer at least this many requests (see runSoak). */
export const FIRST_STORM_ANSWERS = 20;

function shuffle<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The heap probe preloaded into the service (bench/heap-probe.ts, built like the CLI it runs in). */
const HEAP_PROBE = path.join(REPO_ROOT, 'dist', 'bench', 'heap-probe.js');
/** The heap is probed each time this many more announcements have been delivered (the bench's; runSoak's `heapEvery`). */
const HEAP_EVERY = 500;

/** What JavaScript held after a full collection, with how many announcements and channels had been reached then. */
export interface HeapSample {
  delivered: number;
  channels: number;
  heapMiB: number;
}

/**
 * Asks the service for its heap after a full collection (SIGUSR2 to the heap probe) each `every`
 * deliveries, one question at a time: the answer is the file's next line.
 */
class HeapProbe {
  readonly samples: HeapSample[] = [];
  private asked: Omit<HeapSample, 'heapMiB'>[] = [];
  constructor(
    private readonly pid: number,
    private readonly file: string,
    private readonly every: number,
  ) {}

  private answers(): number[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8').split('\n').filter(Boolean).map(Number);
  }

  /** Reads answers in; asks again once `delivered` passes the next step (or `force`) and no question is open. */
  poll(delivered: number, channels: number, force = false): void {
    const got = this.answers();
    for (let i = this.samples.length; i < got.length; i++) this.samples.push({ ...this.asked[i]!, heapMiB: Math.round(got[i]! / 1024 / 102.4) / 10 });
    if (this.asked.length > got.length) return;
    const next = (this.asked.length + 1) * this.every;
    if (!force && delivered < next) return;
    this.asked.push({ delivered, channels });
    process.kill(this.pid, 'SIGUSR2');
  }

  /** Asks once more (everything delivered, unless the last question was asked then) and waits for every answer. */
  async last(delivered: number, channels: number): Promise<void> {
    await waitUntil(() => (this.poll(delivered, channels), this.samples.length === this.asked.length), 10_000, 50);
    if (this.asked.at(-1)?.delivered !== delivered) this.poll(delivered, channels, true);
    if (!(await waitUntil(() => (this.poll(delivered, channels), this.samples.length === this.asked.length), 10_000, 50))) throw new Error('soak: the heap probe did not answer');
  }
}

function sample(pid: number): { rssMiB: number; fds: number } {
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { rssMiB: Math.round(Number(rss?.[1] ?? 0) / 102.4) / 10, fds: readdirSync(`/proc/${pid}/fd`).length };
}

export interface SoakResult {
  [k: string]: unknown;
  /** When the first post came (ms from the start): memory is judged over the deliveries, from then on. */
  firstPostAtMs: number;
  /** Fault windows opened, by kind. */
  storms: { '429': number; '5xx': number; drop: number };
  expected: number;
  delivered: number;
  duplicates: number;
  samples: { at: number; rssMiB: number; fds: number }[];
  /** The service's heap after a full collection, each `heapEvery` deliveries (runSoak) and at the end. */
  heap: HeapSample[];
}

export async function runSoak(notes = 10, targets = 1000, timeoutMs = 10 * 60_000, withFaults = true, heapEvery = HEAP_EVERY): Promise<SoakResult> {
  const fake = await new FakeDiscord(TOKEN).start();
  fake.limits = { perChannel: 5, perChannelWindowMs: 5000, globalPerSecond: 5000 };
  const guild = fake.addGuild();
  const chans = Array.from({ length: targets }, (_, i) => fake.addChannel(guild, 0, `c${i}`));
  const routes = chans.map((c) => `  - platform: discord\n    chat: "${c.id}"\n`).join('');
  // A folder of this process's own: the soak of another checkout's `npm test` or bench on the machine must not
  // clear it (benchWorkspace empties its folder first).
  const ws = benchWorkspace(
    `soak-${process.pid}`,
    `watch:\n  quietMs: 200\nlog:\n  level: warn\npublish:\n  translations:\n    graceMs: 0\n  digest:\n    threshold: 100000\ndelivery:\n  concurrency: 128\n  baseDelayMs: 200\n  maxDelayMs: 2000\ndiscord:\n  api: ${fake.api}\n  registerCommands: false\n  globalRequestsPerSecond: 2000\nroutes:\n${routes}`,
  );
  if (!existsSync(HEAP_PROBE)) throw new Error(`soak: ${HEAP_PROBE} is missing: build first (npx tsc -p tsconfig.json)`);
  const heapFile = path.join(ws.work, 'heap.txt');
  const svc = await startBenchService(ws, { DISCORD_TOKEN: TOKEN, HEAP_PROBE_FILE: heapFile }, ['--expose-gc', '--import', HEAP_PROBE]);
  const pid = svc.proc.pid!;
  const heap = new HeapProbe(pid, heapFile, heapEvery);
  const channelsReached = () => new Set(fake.messages.map((m) => m.channel_id)).size;
  const t0 = Date.now();
  const samples: SoakResult['samples'] = [];
  let firstPostAtMs: number | undefined;
  const sampler = setInterval(() => {
    const at = Date.now() - t0;
    if (firstPostAtMs === undefined && fake.messages.length > 0) firstPostAtMs = at;
    samples.push({ at, ...sample(pid) });
    heap.poll(fake.messages.length, channelsReached());
  }, 500);
  for (let i = 0; i < notes; i++) writeFileSync(path.join(ws.notes, `soak-${i}-en.md`), `---\ntitle: Soak ${i}\n---\n\nSoak note ${i} for every channel.\n`);
  // A fault each second, bounded in time: 250 ms of 429s or of 5xx answers, or a gateway drop, in a
  // random order that holds each kind 3, 3 and 1 times in every 10 s, so a run always meets all
  // three. (Faults counted in requests rather than time pile up on the last few chats, whose
  // retries are then all the traffic there is: every one of their calls fails, for minutes.)
  // A window of time meets only the requests that come in it, and there are stretches with none:
  // before the first post (the start, the saves' quiet period), and while every channel's bucket is spent and
  // discord.js holds its requests until the reset (its headers say when). A fast run could fall
  // into them every time and meet no 429 at all. So the faults start with the first post, and the
  // first storm of each kind also lasts until it has answered FIRST_STORM_ANSWERS requests: each
  // run meets every kind, and the rest stay bounded in time.
  // The first round opens with one of each kind (in a random order), met within 3 s of the first
  // post, while the second half of every channel's posts still waits for its bucket (5 s).
  type Fault = '429' | '5xx' | 'drop' | 'none';
  const round: Fault[] = [...shuffle<Fault>(['429', '429', '5xx', '5xx', 'none', 'none', 'none']), ...shuffle<Fault>(['429', '5xx', 'drop'])];
  const storms = { '429': 0, '5xx': 0, drop: 0 };
  const faults = setInterval(() => {
    if (!withFaults || fake.messages.length === 0) return;
    if (!round.length) round.push(...shuffle<Fault>(['429', '429', '429', '5xx', '5xx', '5xx', 'drop', 'none', 'none', 'none']));
    const kind = round.pop();
    if (kind === '429') {
      if (storms['429'] === 0) fake.forced429 = FIRST_STORM_ANSWERS;
      fake.tooManyUntil = Date.now() + 250;
    } else if (kind === '5xx') {
      const status = Math.random() < 0.5 ? 502 : 500;
      if (storms['5xx'] === 0) fake.failNext = { count: FIRST_STORM_ANSWERS, status };
      fake.failUntil = { at: Date.now() + 250, status };
    } else if (kind === 'drop') fake.disconnect();
    if (kind && kind !== 'none') storms[kind]++;
  }, 1000);
  const expected = notes * targets;
  await waitUntil(() => fake.messages.length >= expected, timeoutMs, 200);
  clearInterval(faults);
  await new Promise((r) => setTimeout(r, 1500));
  clearInterval(sampler);
  // The last sample once sockets idle after the run have closed (keep-alive): wait while the count still falls,
  // up to 8 s more. A leaked descriptor never closes, so this cannot hide one; a run that ends faster than the
  // keep-alive timeout would otherwise count its idle sockets as growth.
  for (let waited = 0, last = sample(pid).fds; waited < 8000; waited += 500) {
    await new Promise((r) => setTimeout(r, 500));
    const now = sample(pid).fds;
    if (now >= last) break;
    last = now;
  }
  samples.push({ at: Date.now() - t0, ...sample(pid) });
  await heap.last(fake.messages.length, channelsReached());
  await svc.stop();
  const perPair = new Map<string, number>();
  for (const m of fake.messages) {
    const k = `${m.channel_id}|${m.embeds[0]?.title}`;
    perPair.set(k, (perPair.get(k) ?? 0) + 1);
  }
  const s = new Store(ws.db);
  const status = s.status();
  s.close();
  await fake.stop();
  rmSync(ws.work, { recursive: true, force: true });
  return {
    expected,
    delivered: perPair.size,
    duplicates: [...perPair.values()].filter((n) => n > 1).length,
    seconds: Math.round((samples[samples.length - 1]!.at / 1000) * 10) / 10,
    http429: fake.tooManyRequests,
    http5xx: fake.requests.filter((r) => r.status >= 500).length,
    resumes: fake.resumes,
    storms,
    firstPostAtMs: firstPostAtMs ?? 0,
    outbox: status.outbox,
    samples,
    heap: heap.samples,
  };
}

/** Least-squares slope of the heap after collection, in MiB per 1,000 deliveries. */
export function heapSlopeMiBPer1000(heap: readonly HeapSample[]): number {
  const n = heap.length;
  if (n < 2) return 0;
  const mx = heap.reduce((a, h) => a + h.delivered / 1000, 0) / n;
  const my = heap.reduce((a, h) => a + h.heapMiB, 0) / n;
  const sxy = heap.reduce((a, h) => a + (h.delivered / 1000 - mx) * (h.heapMiB - my), 0);
  const sxx = heap.reduce((a, h) => a + (h.delivered / 1000 - mx) ** 2, 0);
  return sxx === 0 ? 0 : Math.round((sxy / sxx) * 1000) / 1000;
}

/**
 * The run's figures. Memory is judged by `heapMiBPer1000` (the heap and buffers after a full
 * collection, fitted over the windows while delivering); resident memory, by quarters of the
 * deliveries (from the first post to the end, not of the whole run, whose first seconds a service
 * idles through), is printed for the bench only: it moves with the collector's timing.
 */
export function soakFigures(r: SoakResult): Record<string, unknown> & { heapMiBPer1000: number; rssMiBSecondQuarter: number; rssMiBLastQuarter: number; fdsFirst: number; fdsMax: number; fdsLast: number } {
  const delivering = r.samples.filter((s) => s.at >= r.firstPostAtMs);
  const q = Math.max(1, Math.floor(delivering.length / 4));
  const avg = (xs: { rssMiB: number }[]) => Math.round((xs.reduce((a, b) => a + b.rssMiB, 0) / Math.max(1, xs.length)) * 10) / 10;
  return {
    ...Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'samples' && k !== 'heap')),
    heapMiB: r.heap.map((h) => `${h.delivered}:${h.heapMiB}`).join(' '),
    channelsReached: r.heap.map((h) => h.channels).join(' '),
    // Fitted over the windows taken while delivering: the last sample, quiet, holds no request in flight.
    heapMiBPer1000: heapSlopeMiBPer1000(r.heap.filter((h) => h.delivered < r.expected)),
    rssMiBSecondQuarter: avg(delivering.slice(q, 2 * q)),
    rssMiBLastQuarter: avg(delivering.slice(-q)),
    rssMiBPeak: Math.max(...r.samples.map((s) => s.rssMiB)),
    fdsFirst: r.samples[0]?.fds ?? 0,
    fdsMax: Math.max(...r.samples.map((s) => s.fds)),
    fdsLast: r.samples[r.samples.length - 1]?.fds ?? 0,
  };
}

/** The baseline is the same fan-out with no faults, in the same run. */
export async function benchSoak(notes = 10, targets = 1000): Promise<Record<string, unknown>> {
  const baseline = soakFigures(await runSoak(notes, targets, 10 * 60_000, false));
  const soak = soakFigures(await runSoak(notes, targets));
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    bench: 'soak (issue 7)',
    machine: machine(),
    baseline: { seconds: baseline.seconds, rssMiBLastQuarter: baseline.rssMiBLastQuarter, fdsMax: baseline.fdsMax },
    ...soak,
    secondsVsBaseline: ratio(Number(soak.seconds), Number(baseline.seconds)),
    rssLastVsSecondQuarter: ratio(soak.rssMiBLastQuarter, soak.rssMiBSecondQuarter),
    rssLastQuarterVsBaseline: ratio(soak.rssMiBLastQuarter, baseline.rssMiBLastQuarter),
  };
}
