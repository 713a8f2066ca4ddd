/**
 * Preloaded into the soak's service (`node --expose-gc --import dist/bench/heap-probe.js`): on SIGUSR2
 * the main thread collects all garbage and appends the memory then held by JavaScript (bytes: the heap in
 * use plus buffers outside it) to HEAP_PROBE_FILE, one line per signal. That, after a full collection,
 * is what a leak grows; resident memory also moves with when the collector last ran, by tens of MiB in
 * a run of 429 storms and resumes.
 * HEAP_PROBE_LEAK_BYTES (a check of the check, never set by the suite) keeps that many bytes for every
 * HTTP request the service makes (undici's `undici:request:create` diagnostics channel: every Discord
 * REST call, retries too), so the soak's memory check can be shown to fail on a leak.
 * `--expose-gc` on the command line gives `gc` (node --v8-options); worker threads get no probe.
 */
import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

function installHeapProbe(): void {
  const out = process.env.HEAP_PROBE_FILE;
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!isMainThread || !out || !collect) return;
  process.on('SIGUSR2', () => {
    collect();
    const m = process.memoryUsage();
    appendFileSync(out, `${m.heapUsed + m.external}\n`);
  });
  const leakBytes = Number(process.env.HEAP_PROBE_LEAK_BYTES ?? 0);
  if (leakBytes > 0) {
    const kept: string[] = [];
    subscribe('undici:request:create', () => {
      kept.push(Buffer.alloc(leakBytes, 'x').toString('latin1')); // a flat string ('x'.repeat shares its parts)
    });
  }
}

installHeapProbe();
