/**
 * Issue 3's latency benchmark: time from a file's last write to its delivery event on the
 * console adapter, minus the configured quiet period, over N sequential saves.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { machine, percentile } from './lib.js';
import { benchWorkspace, startBenchService } from './service.js';

export async function benchLatency(saves = 200, quietMs = 250): Promise<Record<string, unknown>> {
  // The translations' grace period (publish.translations.graceMs, 5 s by default) is a deliberate
  // wait like the quiet period: it is set to 0 here so the figure is the pipeline's own cost.
  const ws = benchWorkspace('latency', `watch:\n  quietMs: ${quietMs}\npublish:\n  translations: { mode: group, graceMs: 0 }\nlog:\n  level: warn\n`);
  const svc = await startBenchService(ws);
  const beyond: number[] = [];
  for (let i = 0; i < saves; i++) {
    // Alternate new notes (posts) and edits of the previous one (edits).
    const id = `lat-${Math.floor(i / 2)}-en`;
    const kind = i % 2 === 0 ? 'post' : 'edit';
    const body = `---\ntitle: Latency ${i}\n---\n\nSave number ${i} has its own sentence.\n`;
    writeFileSync(path.join(ws.notes, `${id}.md`), body);
    const wrote = performance.now();
    const ev = await svc.next((e) => e.event === kind && e.noteId === id && (kind === 'post' || Number(e.revision) >= 2), 30_000);
    beyond.push(ev.at - wrote - quietMs);
    svc.events.length = 0;
  }
  await svc.stop();
  const sorted = [...beyond].sort((a, b) => a - b);
  return {
    bench: 'save → delivery latency beyond the quiet period (issue 3)',
    machine: machine(),
    saves,
    quietMs,
    graceMs: 0,
    p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    p95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
    maxMs: Math.round(sorted[sorted.length - 1]! * 10) / 10,
    target: 'p95 < 100 ms',
  };
}
