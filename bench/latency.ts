/**
 * Save → delivery latency: time from a file's last write to its delivery event on the console
 * adapter, minus the configured quiet period, over N sequential saves (alternately a new note and
 * an edit of it). Measured on a folder of 3 notes (the baseline) and on a blog-shaped tree of
 * `treeNotes` notes (bench/blog.ts) after its cold start has gone idle, in the same run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { blogTree } from './blog.js';
import { saveText } from './growth.js';
import { benchTmp, machine, percentile } from './lib.js';
import { BenchService, benchWorkspace } from './service.js';

async function savesOn(name: string, notesDir: string | undefined, saves: number, quietMs: number): Promise<{ p50Ms: number; p95Ms: number; maxMs: number }> {
  // The translations' grace period (publish.translations.graceMs, 5 s by default) is a deliberate
  // wait like the quiet period: it is set to 0 here so the figure is the pipeline's own cost.
  const ws = benchWorkspace(name, `watch:\n  quietMs: ${quietMs}\npublish:\n  translations: { mode: group, graceMs: 0 }\nlog:\n  level: warn\n`);
  const root = notesDir ?? ws.notes;
  if (!notesDir) for (let i = 0; i < 3; i++) writeFileSync(path.join(root, `seed-${i}-en.md`), `---\ntitle: Seed ${i}\n---\n\nA note already there.\n`);
  const saveDir = path.join(root, 'latency-bench');
  rmSync(saveDir, { recursive: true, force: true });
  mkdirSync(saveDir, { recursive: true });
  const svc = new BenchService(['--notes', root, '--db', ws.db, '--config', ws.config], ws.work);
  await svc.next((e) => e.event === 'ready', 900_000);
  await svc.idle(); // a cold start's indexing is over: what is measured is one save's cost
  const beyond: number[] = [];
  try {
    for (let i = 0; i < saves; i++) {
      const id = `lat-${Math.floor(i / 2)}-en`;
      const kind = i % 2 === 0 ? 'post' : 'edit';
      writeFileSync(path.join(saveDir, `${id}.md`), saveText(i, 'Latency')); // an edit adds a sentence (growth.ts saveText)
      const wrote = performance.now();
      const ev = await svc.next((e) => e.event === kind && e.noteId === `latency-bench/${id}` && (kind === 'post' || Number(e.revision) >= 2), 30_000);
      beyond.push(ev.at - wrote - quietMs);
      svc.events.length = 0;
    }
  } finally {
    await svc.stop();
    rmSync(saveDir, { recursive: true, force: true });
  }
  const sorted = [...beyond].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { p50Ms: r(percentile(sorted, 50)), p95Ms: r(percentile(sorted, 95)), maxMs: r(sorted[sorted.length - 1]!) };
}

export async function benchLatency(saves = 200, quietMs = 250, treeNotes = 35_000): Promise<Record<string, unknown>> {
  const small = await savesOn('latency-small', undefined, saves, quietMs);
  const tree = treeNotes > 0 ? blogTree(treeNotes, benchTmp(`blog-${treeNotes}`)) : undefined;
  const big = tree ? await savesOn('latency-tree', tree.dir, saves, quietMs) : undefined;
  return {
    bench: 'save → delivery latency beyond the quiet period (issues 3 and 14)',
    machine: machine(),
    saves,
    quietMs,
    graceMs: 0,
    threeNotes: small,
    ...(big ? { treeNotes: tree!.notes, tree: big, p95VsThreeNotes: Math.round((big.p95Ms / small.p95Ms) * 100) / 100 } : {}),
    target: 'p95 <= 100 ms on the 35,000-note tree',
  };
}
